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
    if (at === to) { const path: string[] = []; for (let c = at; c !== from; c = prev.get(c)![0]) path.push(prev.get(c)![1]); return path.reverse(); }
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
    const [dr, dc] = DIRS[moves[k]], step = dr * room.w + dc;
    player += step;
    if (boxes.has(player)) { boxes.delete(player); boxes.add(player + step); }
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
    const h = rng.int(o.min_h, o.max_h), w = rng.int(o.min_w, o.max_w);
    const walls = new Set<number>();
    for (let r = 0; r < h; r++) for (let c = 0; c < w; c++) if (r === 0 || c === 0 || r === h - 1 || c === w - 1 || rng.bool(0.12)) walls.add(r * w + c);
    const free = Array.from({ length: h * w }, (_, i) => i).filter((i) => !walls.has(i));
    const count = boxCount(o, w * h);
    if (free.length < count + 3) continue;
    const [player0, ...goals] = rng.sample(free, count + 1);
    const room: Room = { h, w, walls, goals };
    const boxes = new Set(goals);
    let player = player0;
    const reverseMoves: string[] = [];
    for (let tries = 0; tries < 300 && reverseMoves.length < o.max_depth; tries++) {
      const box = rng.pick([...boxes]), d = rng.pick(Object.keys(DIRS));
      const [dr, dc] = DIRS[d], step = dr * w + dc;
      const stand = box - step, back = stand - step; // player pulls from `stand` to `back`, dragging the box to `stand`
      if (walls.has(stand) || walls.has(back) || boxes.has(stand) || boxes.has(back)) continue;
      const path = walk(room, boxes, player, stand);
      if (!path || reverseMoves.length + path.length + 1 > o.max_depth) continue;
      reverseMoves.push(...path, OPPOSITE[d]);
      boxes.delete(box); boxes.add(stand);
      player = back;
    }
    // Reasoning-Gym keeps a puzzle only when at least half of its boxes start off their goals.
    if (goals.filter((g) => !boxes.has(g)).length < Math.max(1, Math.floor(count / 2))) continue;
    const forward = reverseMoves.reverse().map((m) => OPPOSITE[m]);
    return { room, boxes, player, solution: forward.slice(0, solvedAfter(room, new Set(boxes), player, forward)).join('') };
  }
}

function render(room: Room, boxes: Set<number>, player: number): string {
  const rows: string[] = [];
  for (let r = 0; r < room.h; r++) {
    let line = '';
    for (let c = 0; c < room.w; c++) {
      const i = r * room.w + c, goal = room.goals.includes(i);
      line += room.walls.has(i) ? '+' : i === player ? (goal ? '%' : '*') : boxes.has(i) ? (goal ? '$' : '@') : goal ? 'X' : '-';
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
    min_boxes: { kind: 'int', default: 4, min: 1, max: 10, description: 'boxes in the smallest room (more in larger ones)' },
    max_boxes: { kind: 'int', default: 10, min: 1, max: 10, description: 'boxes in the largest room' },
    max_depth: { kind: 'int', default: 80, min: 5, max: 400, description: 'longest generated solution (moves)' },
  },
  validateOptions(o) {
    return (['w', 'h', 'boxes'] as const).filter((k) => o[`min_${k}`] > o[`max_${k}`]).map((k) => ({ path: `min_${k}`, message: `min_${k} > max_${k}`, fix: `make min_${k} ≤ max_${k}` }));
  },
  generate(options, rng) {
    const { room, boxes, player, solution } = generatePuzzle(rng, options);
    const board = render(room, boxes, player);
    const prompt = "You are going to solve a 'sokoban' puzzle.\n\n* - The player\n% - The player on a goal\n@ - A box\nX - A goal\n$ - A box on a goal\n+ - A wall\n- - An empty position\n\n" +
      'Moves are L (left), R (right), U (up) and D (down); walking into a box pushes it one cell if the cell behind it is free. Every box must end on a goal.\n' +
      `Your solution must be a string of characters, ex: LDURRUDL.\n\nHere is your puzzle:\n${board}\n\nGive the move string within triple angle brackets, as <<<moves>>>.`;
    return { prompt, answer: solution, metadata: { board, boxes: boxes.size } };
  },
  check(instance, answer) {
    const rows = (instance.metadata.board as string).split('\n');
    const w = rows[0].length, cells = rows.join('');
    const moves = answer.replace(/[\s,]+/g, '').toUpperCase();
    if (moves.length === 0 || moves.length > 5000 || /[^LRUD]/.test(moves)) return unparseable('expected a string of L, R, U, D');
    const walls = new Set<number>(), boxes = new Set<number>(), goals: number[] = [];
    let player = -1;
    Array.from(cells).forEach((ch, i) => {
      if (ch === '+') walls.add(i);
      if ('@$'.includes(ch)) boxes.add(i);
      if ('X$%'.includes(ch)) goals.push(i);
      if ('*%'.includes(ch)) player = i;
    });
    for (const m of moves) {
      const [dr, dc] = DIRS[m], step = dr * w + dc, next = player + step;
      // As in Reasoning-Gym's Player.update: walking into a wall, or pushing a box that cannot move, is a no-op.
      if (walls.has(next)) continue;
      if (boxes.has(next)) {
        if (walls.has(next + step) || boxes.has(next + step)) continue;
        boxes.delete(next); boxes.add(next + step);
      }
      player = next;
    }
    return goals.every((g) => boxes.has(g)) ? CORRECT : wrong('not every box is on a goal');
  },
  referenceSolution(instance) {
    return `from collections import deque
rows = ${JSON.stringify((instance.metadata.board as string).split('\n'))}
walls = {(r, c) for r, row in enumerate(rows) for c, ch in enumerate(row) if ch == '+'}
goals = frozenset((r, c) for r, row in enumerate(rows) for c, ch in enumerate(row) if ch in 'X$%')
boxes = frozenset((r, c) for r, row in enumerate(rows) for c, ch in enumerate(row) if ch in '@$')
player = next((r, c) for r, row in enumerate(rows) for c, ch in enumerate(row) if ch in '*%')
D = {'U': (-1, 0), 'D': (1, 0), 'L': (0, -1), 'R': (0, 1)}
start = (player, boxes)
prev = {start: None}
q = deque([start])
while q:
    s = q.popleft()
    p, b = s
    if b == goals:
        break
    for m, (dr, dc) in D.items():
        n = (p[0] + dr, p[1] + dc)
        if n in walls:
            continue
        nb = b
        if n in b:
            t = (n[0] + dr, n[1] + dc)
            if t in walls or t in b:
                continue
            nb = (b - {n}) | {t}
        ns = (n, nb)
        if ns not in prev:
            prev[ns] = (s, m)
            q.append(ns)
out = []
while prev[s]:
    s, m = prev[s]
    out.append(m)
print(''.join(reversed(out)))
`;
  },
});
