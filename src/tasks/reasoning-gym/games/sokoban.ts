// rg.games.sokoban: push every box onto a goal. Puzzles are made by pulling boxes backwards from a
// solved position, so the reversed pulls are a solution; any move string that solves it is accepted.
// Box counts follow Reasoning-Gym's rule (4–10, growing with the room's area; at least half of the
// boxes start off their goals), and moves are simulated as its scorer does: a blocked move is a no-op.
import { defineTask } from '../../define-task.js';
import { CORRECT, unparseable, wrong } from '../../answer.js';
import type { Rng } from '../../../core/index.js';

const DIRS: Record<string, [number, number]> = { U: [-1, 0], D: [1, 0], L: [0, -1], R: [0, 1] };
const OPPOSITE: Record<string, string> = { U: 'D', D: 'U', L: 'R', R: 'L' };

type Room = { h: number; w: number; walls: Set<number>; goals: number[] };

/** Player walk (as direction letters) from `from` to `to` avoiding walls and boxes, or null. */
function walk(room: Room, boxes: Set<number>, from: number, to: number): string[] | null {
  const prev = new Map<number, [number, string]>([[from, [-1, '']]]);
  const queue = [from];
  for (let head = 0; head < queue.length; head++) {
    const at = queue[head];
    if (at === to) {
      const path: string[] = [];
      for (let c = at; c !== from; c = prev.get(c)![0]) path.push(prev.get(c)![1]);
      return path.reverse();
    }
    for (const [name, [dr, dc]] of Object.entries(DIRS)) {
      const next = at + dr * room.w + dc;
      if (room.walls.has(next) || boxes.has(next) || prev.has(next)) continue;
      prev.set(next, [at, name]);
      queue.push(next);
    }
  }
  return null;
}

/** How many of `moves` it takes until every box is on a goal (the forward plan may end with idle walking). */
function solvedAfter(room: Room, boxes: Set<number>, player: number, moves: string[]): number {
  for (let k = 0; k < moves.length; k++) {
    const [dr, dc] = DIRS[moves[k]],
      step = dr * room.w + dc;
    player += step;
    if (boxes.has(player)) {
      boxes.delete(player);
      boxes.add(player + step);
    }
    if (room.goals.every((g) => boxes.has(g))) return k + 1;
  }
  return moves.length;
}

type Sizes = { min_w: number; max_w: number; min_h: number; max_h: number; min_boxes: number; max_boxes: number };

/**
 * Reasoning-Gym's box count (contrib/sokoban/src/generator.py num_boxes): min_boxes in the smallest
 * room, max_boxes in the largest, linear in the area between, truncated; max_boxes when any range is a point.
 */
export function boxCount(o: Sizes, area: number): number {
  if (o.min_w === o.max_w || o.min_h === o.max_h || o.min_boxes === o.max_boxes) return o.max_boxes;
  const slope = (o.max_boxes - o.min_boxes) / (o.max_w * o.max_h - o.min_w * o.min_h);
  return Math.trunc(slope * area + o.min_boxes - slope * o.min_w * o.min_h);
}

function generatePuzzle(rng: Rng, o: Sizes & { max_depth: number }) {
  for (;;) {
    const h = rng.int(o.min_h, o.max_h),
      w = rng.int(o.min_w, o.max_w);
    const walls = new Set<number>();
    for (let r = 0; r < h; r++)
      for (let c = 0; c < w; c++)
        if (r === 0 || c === 0 || r === h - 1 || c === w - 1 || rng.bool(0.12)) walls.add(r * w + c);
    const free = Array.from({ length: h * w }, (_, i) => i).filter((i) => !walls.has(i));
    const count = boxCount(o, w * h);
    if (free.length < count + 3) continue;
    const [player0, ...goals] = rng.sample(free, count + 1);
    const room: Room = { h, w, walls, goals };
    const boxes = new Set(goals);
    let player = player0;
    const reverseMoves: string[] = [];
    for (let tries = 0; tries < 300 && reverseMoves.length < o.max_depth; tries++) {
      const box = rng.pick([...boxes]),
        d = rng.pick(Object.keys(DIRS));
      const [dr, dc] = DIRS[d],
        step = dr * w + dc;
      const stand = box - step,
        back = stand - step; // player pulls from `stand` to `back`, dragging the box to `stand`
      if (walls.has(stand) || walls.has(back) || boxes.has(stand) || boxes.has(back)) continue;
      const path = walk(room, boxes, player, stand);
      if (!path || reverseMoves.length + path.length + 1 > o.max_depth) continue;
      reverseMoves.push(...path, OPPOSITE[d]);
      boxes.delete(box);
      boxes.add(stand);
      player = back;
    }
    // Reasoning-Gym keeps a puzzle only when at least half of its boxes start off their goals.
    if (goals.filter((g) => !boxes.has(g)).length < Math.max(1, Math.floor(count / 2))) continue;
    const forward = reverseMoves.reverse().map((m) => OPPOSITE[m]);
    return {
      room,
      boxes,
      player,
      solution: forward.slice(0, solvedAfter(room, new Set(boxes), player, forward)).join(''),
    };
  }
}

function render(room: Room, boxes: Set<number>, player: number): string {
  const rows: string[] = [];
  for (let r = 0; r < room.h; r++) {
    let line = '';
    for (let c = 0; c < room.w; c++) {
      const i = r * room.w + c,
        goal = room.goals.includes(i);
      line += room.walls.has(i)
        ? '+'
        : i === player
          ? goal
            ? '%'
            : '*'
          : boxes.has(i)
            ? goal
              ? '$'
              : '@'
            : goal
              ? 'X'
              : '-';
    }
    rows.push(line);
  }
  return rows.join('\n');
}

export const sokoban = defineTask({
  id: 'rg.games.sokoban',
  source: 'rg',
  category: 'games',
  description: 'Give a move string that pushes every box onto a goal in a Sokoban puzzle.',
  answerFormat: 'a string of moves L, R, U, D (e.g. LDURRUDL)',
  differsFromSource:
    'Lower-case moves count and other characters are unparseable (Reasoning-Gym ignores both). Rooms are made ' +
    'by pulling boxes back from their goals (Reasoning-Gym: a reverse random walk checked by A*), so the gold ' +
    'solves it within max_depth moves but is not always the shortest.',
  options: {
    min_w: { kind: 'int', default: 6, min: 5, max: 15, description: 'narrowest room (with its walls)' },
    max_w: { kind: 'int', default: 10, min: 5, max: 15, description: 'widest room' },
    min_h: { kind: 'int', default: 6, min: 5, max: 15, description: 'shortest room' },
    max_h: { kind: 'int', default: 10, min: 5, max: 15, description: 'tallest room' },
    min_boxes: {
      kind: 'int',
      default: 4,
      min: 1,
      max: 10,
      description: 'boxes in the smallest room (more in larger ones)',
    },
    max_boxes: { kind: 'int', default: 10, min: 1, max: 10, description: 'boxes in the largest room' },
    max_depth: { kind: 'int', default: 80, min: 5, max: 400, description: 'longest generated solution (moves)' },
  },
  ranges: [
    ['min_w', 'max_w'],
    ['min_h', 'max_h'],
    ['min_boxes', 'max_boxes'],
  ],
  generate(options, rng) {
    const { room, boxes, player, solution } = generatePuzzle(rng, options);
    const board = render(room, boxes, player);
    const prompt =
      "You are going to solve a 'sokoban' puzzle.\n\n* - The player\n% - The player on a goal\n@ - A box\nX - A " +
      'goal\n$ - A box on a goal\n+ - A wall\n- - An empty position\n\n' +
      ('Moves are L (left), R (right), U (up) and D (down); walking into a box pushes it one cell if the cell ' +
        'behind it is free. Every box must end on a goal.\n') +
      (`Your solution must be a string of characters, ex: LDURRUDL.\n\nHere is your puzzle:\n${board}\n\nGive ` +
        `the move string within triple angle brackets, as <<<moves>>>.`);
    return { prompt, answer: solution, metadata: { board, boxes: boxes.size } };
  },
  check(instance, answer) {
    const rows = (instance.metadata.board as string).split('\n');
    const w = rows[0].length,
      cells = rows.join('');
    const moves = answer.replace(/[\s,]+/g, '').toUpperCase();
    if (moves.length === 0 || moves.length > 5000 || /[^LRUD]/.test(moves))
      return unparseable('expected a string of L, R, U, D');
    const walls = new Set<number>(),
      boxes = new Set<number>(),
      goals: number[] = [];
    let player = -1;
    Array.from(cells).forEach((ch, i) => {
      if (ch === '+') walls.add(i);
      if ('@$'.includes(ch)) boxes.add(i);
      if ('X$%'.includes(ch)) goals.push(i);
      if ('*%'.includes(ch)) player = i;
    });
    for (const m of moves) {
      const [dr, dc] = DIRS[m],
        step = dr * w + dc,
        next = player + step;
      // As in Reasoning-Gym's Player.update: walking into a wall, or pushing a box that cannot move, is a no-op.
      if (walls.has(next)) continue;
      if (boxes.has(next)) {
        if (walls.has(next + step) || boxes.has(next + step)) continue;
        boxes.delete(next);
        boxes.add(next + step);
      }
      player = next;
    }
    return goals.every((g) => boxes.has(g)) ? CORRECT : wrong('not every box is on a goal');
  },
  referenceSolution(instance) {
    return `from collections import deque
from heapq import heappop, heappush
rows = ${JSON.stringify((instance.metadata.board as string).split('\n'))}
W = len(rows[0])
cells = ''.join(rows)
walls = {i for i, ch in enumerate(cells) if ch == '+'}
goals = frozenset(i for i, ch in enumerate(cells) if ch in 'X$%')
boxes = frozenset(i for i, ch in enumerate(cells) if ch in '@$')
player = next(i for i, ch in enumerate(cells) if ch in '*%')
D = {'U': -W, 'D': W, 'L': -1, 'R': 1}
# Cells a box can still be pushed to a goal from (ignoring other boxes): pull boxes back from the goals.
live = set(goals)
todo = deque(goals)
while todo:
    b = todo.popleft()
    for d in D.values():
        if b - d not in walls and b - 2 * d not in walls and b - d not in live:
            live.add(b - d)
            todo.append(b - d)
def reach(p, bx):
    seen = {p}
    q = deque([p])
    while q:
        a = q.popleft()
        for d in D.values():
            n = a + d
            if n not in walls and n not in bx and n not in seen:
                seen.add(n)
                q.append(n)
    return seen
def walk(a, b, bx):
    prev = {a: None}
    q = deque([a])
    while q:
        x = q.popleft()
        if x == b:
            break
        for m, d in D.items():
            n = x + d
            if n not in walls and n not in bx and n not in prev:
                prev[n] = (x, m)
                q.append(n)
    out = []
    while prev[b]:
        b, m = prev[b]
        out.append(m)
    return ''.join(reversed(out))
# Pushes a box needs from each cell to its nearest goal, ignoring other boxes (the search's guide).
far = {}
for g in goals:
    dist = {g: 0}
    todo = deque([g])
    while todo:
        b = todo.popleft()
        for d in D.values():
            if b - d not in walls and b - 2 * d not in walls and b - d not in dist:
                dist[b - d] = dist[b] + 1
                todo.append(b - d)
    for c, v in dist.items():
        far[c] = min(far.get(c, v), v)
# Best-first over pushes, nearest to solved first; a state is the boxes and the player's region.
start_reach = reach(player, boxes)
start = (boxes, min(start_reach))
parent = {start: None}
q = [(0, 0, boxes, player, start_reach)]
count = 0
end = None
while q:
    _, _, bx, p, area = heappop(q)
    key = (bx, min(area))
    if bx == goals:
        end = key
        break
    for b in bx:
        for m, d in D.items():
            stand, to = b - d, b + d
            if stand in area and to not in walls and to not in bx and to in live:
                nb = (bx - {b}) | {to}
                na = reach(b, nb)
                nk = (nb, min(na))
                if nk not in parent:
                    parent[nk] = (key, p, stand, m, b)
                    count += 1
                    heappush(q, (sum(far[x] for x in nb), count, nb, b, na))
steps = []
k = end
while parent[k]:
    pk, p, stand, m, b = parent[k]
    steps.append((pk, p, stand, m))
    k = pk
moves = ''
bx, p = boxes, player
for pk, p0, stand, m in reversed(steps):
    moves += walk(p, stand, bx) + m
    b = stand + D[m]
    bx = (bx - {b}) | {b + D[m]}
    p = b
print(moves)
`;
  },
});
