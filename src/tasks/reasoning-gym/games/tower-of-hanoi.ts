// rg.games.tower_of_hanoi: move n disks between two of 3–k pegs. Any legal move list that ends
// with every disk on the target peg in no more moves than Frame–Stewart's optimum is accepted.
import { defineTask } from '../../define-task.js';
import { CORRECT, unparseable, wrong } from '../../answer.js';

type Move = [disk: number, from: number, to: number];

const costCache = new Map<string, { cost: number; split: number }>();

/** Frame–Stewart: fewest moves for n disks with k pegs, and the best split. */
function frameStewart(n: number, k: number): { cost: number; split: number } {
  if (n === 0) return { cost: 0, split: 0 };
  if (n === 1) return { cost: 1, split: 0 };
  if (k === 3) return { cost: 2 ** n - 1, split: n - 1 };
  const key = `${n},${k}`;
  const cached = costCache.get(key);
  if (cached) return cached;
  let best = { cost: Infinity, split: 1 };
  for (let m = 1; m < n; m++) {
    const cost = 2 * frameStewart(m, k).cost + frameStewart(n - m, k - 1).cost;
    if (cost < best.cost) best = { cost, split: m };
  }
  costCache.set(key, best);
  return best;
}

/** Moves the top n disks (smallest = 1) from source to target using the spare pegs. */
function solve(
  n: number,
  source: number,
  target: number,
  spare: number[],
  stacks: Map<number, number[]>,
  out: Move[],
): void {
  if (n === 0) return;
  const move = (from: number, to: number): void => {
    const disk = stacks.get(from)!.pop()!;
    stacks.get(to)!.push(disk);
    out.push([disk, from, to]);
  };
  if (n === 1) {
    move(source, target);
    return;
  }
  if (spare.length === 1) {
    solve(n - 1, source, spare[0], [target], stacks, out);
    move(source, target);
    solve(n - 1, spare[0], target, [source], stacks, out);
    return;
  }
  const m = frameStewart(n, spare.length + 2).split;
  const [temp, ...rest] = spare;
  solve(m, source, temp, [...rest, target], stacks, out);
  solve(n - m, source, target, rest, stacks, out);
  solve(m, temp, target, [...rest, source], stacks, out);
}

/**
 * Breadth-first search over placements (disk d on peg placement[d - 1]) from `initial` to all disks
 * on `target`; returns a shortest move list. Used for scattered starts, where k^n stays small.
 */
function searchMoves(initial: number[], pegs: number, target: number): Move[] {
  const n = initial.length,
    total = pegs ** n;
  const power = Array.from({ length: n }, (_, d) => pegs ** d);
  const encode = (placement: number[]): number => placement.reduce((code, peg, d) => code + (peg - 1) * power[d], 0);
  const start = encode(initial),
    goal = encode(initial.map(() => target));
  const parent = new Int32Array(total).fill(-1),
    via = new Int32Array(total);
  parent[start] = start;
  const queue = new Int32Array(total);
  let tail = 0;
  queue[tail++] = start;
  const top = new Int32Array(pegs + 1);
  for (let head = 0; head < tail; head++) {
    const code = queue[head];
    if (code === goal) break;
    top.fill(0);
    for (let d = n; d >= 1; d--) top[(Math.floor(code / power[d - 1]) % pegs) + 1] = d;
    for (let from = 1; from <= pegs; from++) {
      const disk = top[from];
      if (!disk) continue;
      for (let to = 1; to <= pegs; to++) {
        if (to === from || (top[to] && top[to] < disk)) continue;
        const next = code + (to - from) * power[disk - 1];
        if (parent[next] >= 0) continue;
        parent[next] = code;
        via[next] = disk * 64 + from * 8 + to;
        queue[tail++] = next;
      }
    }
  }
  const moves: Move[] = [];
  for (let at = goal; at !== start; at = parent[at]) moves.push([via[at] >> 6, (via[at] >> 3) & 7, via[at] & 7]);
  return moves.reverse();
}

const describeStacks = (placement: number[], pegs: number): string =>
  Array.from({ length: pegs }, (_, i) => {
    const disks = placement.flatMap((peg, d) => (peg === i + 1 ? [d + 1] : [])).reverse();
    return `- Peg ${i + 1}: ${disks.length ? `${disks.join(', ')} (bottom to top)` : 'empty'}`;
  }).join('\n');

export const towerOfHanoi = defineTask({
  id: 'rg.games.tower_of_hanoi',
  source: 'rg',
  category: 'games',
  description: 'List the moves that solve a Tower of Hanoi puzzle with 3 or more pegs in the fewest moves.',
  answerFormat: "one line per move: 'Move disk X from Peg Y to Peg Z'",
  maxAnswerLength: 80_000,
  options: {
    min_disks: { kind: 'int', default: 3, min: 1, max: 10, description: 'fewest disks' },
    max_disks: { kind: 'int', default: 7, min: 1, max: 10, description: 'most disks' },
    min_pegs: { kind: 'int', default: 3, min: 3, max: 6, description: 'fewest pegs' },
    max_pegs: { kind: 'int', default: 4, min: 3, max: 6, description: 'most pegs' },
    p_scattered: {
      kind: 'float',
      default: 0.5,
      min: 0,
      max: 1,
      description:
        'probability that the disks start spread legally over the pegs (solved by search; used only when ' +
        'pegs^disks ≤ 100,000)',
    },
  },
  ranges: [
    ['min_disks', 'max_disks'],
    ['min_pegs', 'max_pegs'],
  ],
  generate(options, rng) {
    const disks = rng.int(options.min_disks, options.max_disks),
      pegs = rng.int(options.min_pegs, options.max_pegs);
    const all = Array.from({ length: pegs }, (_, i) => i + 1);
    const [start, target] = rng.sample(all, 2);
    const scattered = rng.next() < options.p_scattered && pegs ** disks <= 100_000;
    let initial: number[], moves: Move[];
    if (scattered) {
      do initial = Array.from({ length: disks }, () => rng.int(1, pegs));
      while (initial.every((p) => p === target));
      moves = searchMoves(initial, pegs, target);
    } else {
      initial = new Array(disks).fill(start);
      const stacks = new Map(
        all.map((p) => [p, p === start ? Array.from({ length: disks }, (_, i) => disks - i) : []]),
      );
      moves = [];
      solve(
        disks,
        start,
        target,
        all.filter((p) => p !== start && p !== target),
        stacks,
        moves,
      );
    }
    const task = scattered
      ? `The disks start like this:\n${describeStacks(initial, pegs)}\nMove all disks onto Peg ${target} ` +
        `following the rules:\n`
      : `Move all disks from Peg ${start} to Peg ${target} following the rules:\n`;
    const prompt =
      `Solve the Tower of Hanoi problem with ${disks} disks and ${pegs} pegs (numbered 1 to ${pegs}; disk 1 is ` +
      `the smallest).\n${task}` +
      ('- Only one disk can be moved at a time.\n- A larger disk cannot be placed on top of a smaller disk.\n- ' +
        'All disks must be on a peg at all times.\n\n') +
      ('Provide the sequence of moves, using the fewest moves possible.\n\nFormatting guidelines:\n- Each ' +
        'instruction should be placed on a single line.\n') +
      ("- Each line should be formatted as 'Move disk X from Peg Y to Peg Z'\n- Do not include any other text or " +
        'formatting.\n') +
      'Give the list of moves within triple angle brackets, as <<<moves>>>.';
    return {
      prompt,
      answer: moves.map(([d, f, t]) => `Move disk ${d} from Peg ${f} to Peg ${t}`).join('\n'),
      metadata: {
        num_disks: disks,
        num_pegs: pegs,
        initial_pegs: initial,
        target_peg: target,
        optimal_moves: moves.length,
      },
    };
  },
  check(instance, answer) {
    const {
      num_disks: disks,
      num_pegs: pegs,
      target_peg: target,
      optimal_moves: optimal,
    } = instance.metadata as Record<string, number>;
    const initial = instance.metadata.initial_pegs as number[];
    const lines = answer
      .split('\n')
      .map((line) => line.trim())
      .filter((line) => line.length > 0);
    if (lines.length === 0) return unparseable('no moves');
    if (lines.length > optimal) return wrong(`${lines.length} moves; the optimum is ${optimal}`);
    const stacks: number[][] = Array.from({ length: pegs + 1 }, (_, p) =>
      initial.flatMap((peg, d) => (peg === p ? [d + 1] : [])).reverse(),
    );
    for (const line of lines) {
      const m = /^move disk (\d+) from peg (\d+) to peg (\d+)\.?$/i.exec(line);
      if (!m) return unparseable(`cannot read "${line.slice(0, 60)}": expected 'Move disk X from Peg Y to Peg Z'`);
      const [disk, from, to] = [Number(m[1]), Number(m[2]), Number(m[3])];
      if (from < 1 || from > pegs || to < 1 || to > pegs || from === to) return wrong(`"${line}" names a bad peg`);
      const source = stacks[from],
        dest = stacks[to];
      if (source[source.length - 1] !== disk) return wrong(`"${line}": disk ${disk} is not on top of Peg ${from}`);
      if (dest.length && dest[dest.length - 1] < disk)
        return wrong(`"${line}": disk ${disk} would sit on a smaller disk`);
      dest.push(source.pop()!);
    }
    return stacks[target].length === disks ? CORRECT : wrong('not every disk ends on the target peg');
  },
  referenceSolution(instance) {
    const { num_pegs: k, target_peg: t } = instance.metadata as Record<string, number>;
    return `from collections import deque
start = tuple(${JSON.stringify(instance.metadata.initial_pegs)})
k, t = ${k}, ${t}
goal = tuple(t for _ in start)
prev = {start: None}
q = deque([start])
while q:
    s = q.popleft()
    if s == goal:
        break
    tops = {}
    for d in range(len(s), 0, -1):
        tops[s[d - 1]] = d
    for a, d in tops.items():
        for b in range(1, k + 1):
            if b != a and (b not in tops or tops[b] > d):
                n = s[:d - 1] + (b,) + s[d:]
                if n not in prev:
                    prev[n] = (s, f"Move disk {d} from Peg {a} to Peg {b}")
                    q.append(n)
out = []
s = goal
while prev[s]:
    s, line = prev[s]
    out.append(line)
print("\\n".join(reversed(out)))
`;
  },
});
