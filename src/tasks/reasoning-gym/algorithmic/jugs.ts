// rg.algorithmic.jugs: the water-jug puzzle (fill, empty, pour) with a target amount that needs at
// least `difficulty` moves. Any move list that ends with a jug holding the target is accepted.
import { defineTask, answerInstruction } from '../../define-task.js';
import { CORRECT, wrong, unparseable } from '../../answer.js';
import { parseStringList } from '../../kit/index.js';

const MAX_MOVES = 2000;

type Move = { kind: 'fill' | 'empty'; jug: number } | { kind: 'pour'; from: number; to: number };

export function applyMove(state: readonly number[], capacities: readonly number[], move: Move): number[] {
  const next = state.slice();
  if (move.kind === 'pour') {
    const amount = Math.min(next[move.from], capacities[move.to] - next[move.to]);
    next[move.from] -= amount;
    next[move.to] += amount;
  } else next[move.jug] = move.kind === 'fill' ? capacities[move.jug] : 0;
  return next;
}

function allMoves(n: number): Move[] {
  const moves: Move[] = [];
  for (let i = 0; i < n; i++) moves.push({ kind: 'fill', jug: i }, { kind: 'empty', jug: i });
  for (let i = 0; i < n; i++) for (let j = 0; j < n; j++) if (i !== j) moves.push({ kind: 'pour', from: i, to: j });
  return moves;
}

export function renderMove(move: Move): string {
  const name = (i: number): string => String.fromCharCode(65 + i);
  return move.kind === 'pour' ? `pour ${name(move.from)}->${name(move.to)}` : `${move.kind} ${name(move.jug)}`;
}

const planCache = new Map<string, Map<number, Move[]>>();
const PLAN_CACHE_LIMIT = 20_000;

/**
 * Breadth-first search from all-empty over states encoded as mixed-radix integers: for every
 * reachable amount, a shortest move list that first shows it. Cached per capacity list.
 */
export function shortestPlans(capacities: readonly number[]): Map<number, Move[]> {
  const cacheKey = capacities.join(',');
  const cached = planCache.get(cacheKey);
  if (cached) return cached;
  const n = capacities.length;
  const radix = capacities.map((c) => c + 1);
  const size = radix.reduce((a, b) => a * b, 1);
  const moves = allMoves(n);
  const parent = new Int32Array(size).fill(-1);
  const via = new Int8Array(size);
  const queue = new Int32Array(size);
  const encode = (state: readonly number[]): number => state.reduce((acc, v, i) => acc * radix[i] + v, 0);
  const decode = (code: number): number[] => {
    const state = new Array<number>(n);
    for (let i = n - 1; i >= 0; i--) {
      state[i] = code % radix[i];
      code = Math.floor(code / radix[i]);
    }
    return state;
  };
  const plans = new Map<number, Move[]>();
  const planTo = (code: number): Move[] => {
    const out: Move[] = [];
    for (let c = code; parent[c] !== c; c = parent[c]) out.push(moves[via[c]]);
    return out.reverse();
  };
  let head = 0,
    tail = 0;
  parent[0] = 0;
  queue[tail++] = 0;
  while (head < tail) {
    const code = queue[head++];
    const state = decode(code);
    for (const amount of state) if (amount > 0 && !plans.has(amount)) plans.set(amount, planTo(code));
    moves.forEach((move, m) => {
      const next = encode(applyMove(state, capacities, move));
      if (parent[next] === -1) {
        parent[next] = code;
        via[next] = m;
        queue[tail++] = next;
      }
    });
  }
  if (planCache.size >= PLAN_CACHE_LIMIT) planCache.clear();
  planCache.set(cacheKey, plans);
  return plans;
}

function parseMove(text: string, n: number): Move | null {
  const match = /^\s*(?:(fill|empty)\s+([A-Z])|pour\s+([A-Z])\s*->\s*([A-Z]))\s*$/i.exec(text);
  if (!match) return null;
  const index = (letter: string): number => letter.toUpperCase().charCodeAt(0) - 65;
  if (match[1]) {
    const jug = index(match[2]);
    return jug < n ? { kind: match[1].toLowerCase() as 'fill' | 'empty', jug } : null;
  }
  const from = index(match[3]),
    to = index(match[4]);
  return from < n && to < n && from !== to ? { kind: 'pour', from, to } : null;
}

export const jugs = defineTask({
  id: 'rg.algorithmic.jugs',
  source: 'rg',
  category: 'algorithmic',
  description: 'Measure a target amount of water with jugs of given sizes (fill, empty, pour).',
  answerFormat: 'a JSON list of moves such as "fill A", "pour A->B" (any valid plan)',
  options: {
    num_jugs: { kind: 'int', default: 3, min: 2, max: 4, description: 'number of jugs' },
    difficulty: {
      kind: 'int',
      default: 10,
      min: 1,
      max: 20,
      description: 'fewest moves the best plan needs; capacities are 3..3+difficulty',
    },
  },
  generate(options, rng) {
    for (let attempt = 0; attempt < 10_000; attempt++) {
      const capacities = Array.from({ length: options.num_jugs }, () => rng.int(3, 3 + options.difficulty));
      const plans = shortestPlans(capacities);
      const targets = [...plans.keys()].filter((t) => plans.get(t)!.length >= options.difficulty).sort((a, b) => a - b);
      if (targets.length === 0) continue;
      const target = rng.pick(targets);
      const capacityText = capacities.map((c, i) => `${String.fromCharCode(65 + i)}:${c}`).join(', ');
      const prompt = [
        'You are a police officer. A maniac has planted a bomb next to a public fountain.',
        '',
        'To defuse the bomb, you must solve a puzzle. The puzzle is solved when you fill any of the available ' +
          'jugs with the target amount of water.',
        '',
        "You have three move types: 'fill', 'empty' and 'pour'.",
        '',
        "To fill Jug A, you 'fill A'.",
        "To empty Jug B, you 'empty B'.",
        "To pour the contents of Jug A into Jug B, you 'pour A->B'.",
        'All jugs are empty to begin with.',
        '',
        `The empty jugs hold this many litres of water: ${capacityText}`,
        `And your target is: ${target} litres.`,
        '',
        'How do you defuse the bomb?',
        '',
        'Reply as a JSON-parsable list of moves which result in any of the jugs being filled with the target amount.',
        answerInstruction('the JSON list of moves'),
      ].join('\n');
      const answer = JSON.stringify(plans.get(target)!.map(renderMove));
      return { prompt, answer, metadata: { jug_capacities: capacities, target } };
    }
    throw new RangeError(
      `jugs: no puzzle needs ${options.difficulty} moves with ${options.num_jugs} jugs; lower difficulty`,
    );
  },
  check(instance, answer) {
    const list = parseStringList(answer);
    if (list === null) return unparseable('expected a JSON list of moves');
    if (list.length > MAX_MOVES) return wrong(`more than ${MAX_MOVES} moves`);
    const capacities = instance.metadata.jug_capacities as number[];
    let state = capacities.map(() => 0);
    for (const text of list) {
      const move = parseMove(text, capacities.length);
      if (move === null) return wrong(`not a move: ${text.slice(0, 40)}`);
      state = applyMove(state, capacities, move);
    }
    return state.includes(instance.metadata.target as number) ? CORRECT : wrong('no jug holds the target at the end');
  },
  referenceSolution(instance) {
    return `import json
from collections import deque
caps = ${JSON.stringify(instance.metadata.jug_capacities)}
target = ${instance.metadata.target as number}
n = len(caps)
names = 'ABCDEFGH'
start = tuple([0] * n)
prev = {start: None}
q = deque([start])
while q:
    s = q.popleft()
    if target in s:
        path = []
        while prev[s] is not None:
            s, move = prev[s]
            path.append(move)
        print(json.dumps(path[::-1]))
        break
    moves = []
    for i in range(n):
        moves.append((tuple(caps[i] if k == i else s[k] for k in range(n)), f'fill {names[i]}'))
        moves.append((tuple(0 if k == i else s[k] for k in range(n)), f'empty {names[i]}'))
        for j in range(n):
            if i != j:
                a = min(s[i], caps[j] - s[j])
                t = list(s); t[i] -= a; t[j] += a
                moves.append((tuple(t), f'pour {names[i]}->{names[j]}'))
    for t, move in moves:
        if t not in prev:
            prev[t] = (s, move)
            q.append(t)
`;
  },
});
