// rg.games.rush_hour: slide cars on a 6×6 board until the red car AA reaches the right exit.
// Random boards are explored whole; the puzzle starts from the position farthest from a solved one
// (within the move range), and any legal move list that frees AA is accepted.
import { defineTask } from '../../define-task.js';
import { CORRECT, unparseable, wrong } from '../../answer.js';
import { ConfigError, type Rng } from '../../../core/index.js';

const SIZE = 6, EXIT_ROW = 2;
/** A vehicle: first cell (row-major index), length, horizontal or not. */
type Car = { cell: number; length: number; horizontal: boolean };

function cellsOf(car: Car, cell = car.cell): number[] {
  return Array.from({ length: car.length }, (_, k) => cell + k * (car.horizontal ? 1 : SIZE));
}

/** Every legal slide from `pos` as [car, signed cells]. */
function slides(cars: Car[], walls: number[], pos: number[], occupied: Uint8Array): [number, number][] {
  occupied.fill(0);
  for (const w of walls) occupied[w] = 1;
  for (let i = 0; i < cars.length; i++) {
    const stride = cars[i].horizontal ? 1 : SIZE;
    for (let k = 0; k < cars[i].length; k++) occupied[pos[i] + k * stride] = 1;
  }
  const out: [number, number][] = [];
  for (let i = 0; i < cars.length; i++) {
    const { horizontal, length } = cars[i], stride = horizontal ? 1 : SIZE, row = Math.floor(pos[i] / SIZE);
    for (const dir of [-1, 1]) {
      for (let steps = 1; ; steps++) {
        const at = pos[i] + dir * steps * stride, lead = dir < 0 ? at : at + (length - 1) * stride;
        if (horizontal ? at < row * SIZE || at + length > (row + 1) * SIZE : at < 0 || lead >= SIZE * SIZE) break;
        if (occupied[lead]) break;
        out.push([i, dir * steps]);
      }
    }
  }
  return out;
}

/**
 * Explores the whole set of positions reachable from the board (slides are reversible), measures
 * every position's distance to the nearest solved one, and returns an optimal plan from the
 * farthest position whose distance lies in [minMoves, maxMoves]; null when there is none or the
 * set has more than `maxStates` positions.
 */
function hardestPuzzle(cars: Car[], walls: number[], minMoves: number, maxMoves: number, maxStates = 1_200): { start: number[]; plan: [number, number][] } | null {
  // A position is a string with one char per car (its first cell), so a slide edits one char.
  const states: string[] = [String.fromCharCode(...cars.map((c) => c.cell))], index = new Map([[states[0], 0]]);
  const edges: [number, number, number][][] = [];
  const occupied = new Uint8Array(SIZE * SIZE), pos = new Array<number>(cars.length);
  for (let head = 0; head < states.length; head++) {
    if (states.length > maxStates) return null;
    const here = states[head];
    for (let i = 0; i < cars.length; i++) pos[i] = here.charCodeAt(i);
    edges.push(slides(cars, walls, pos, occupied).map(([i, delta]) => {
      const k = here.slice(0, i) + String.fromCharCode(pos[i] + delta * (cars[i].horizontal ? 1 : SIZE)) + here.slice(i + 1);
      let j = index.get(k);
      if (j === undefined) { j = states.length; index.set(k, j); states.push(k); }
      return [j, i, delta];
    }));
  }
  const goal = EXIT_ROW * SIZE + SIZE - cars[0].length;
  const dist = new Int32Array(states.length).fill(-1), queue: number[] = [];
  states.forEach((state, i) => { if (state.charCodeAt(0) === goal) { dist[i] = 0; queue.push(i); } });
  for (let head = 0; head < queue.length; head++) for (const [j] of edges[queue[head]]) if (dist[j] < 0) { dist[j] = dist[queue[head]] + 1; queue.push(j); }
  let best = -1;
  for (let i = 0; i < states.length; i++) if (dist[i] >= minMoves && dist[i] <= maxMoves && (best < 0 || dist[i] > dist[best])) best = i;
  if (best < 0) return null;
  const plan: [number, number][] = [];
  for (let at = best; dist[at] > 0;) {
    const [next, i, delta] = edges[at].find(([j]) => dist[j] === dist[at] - 1)!;
    plan.push([i, delta]);
    at = next;
  }
  return { start: Array.from(states[best], (ch) => ch.charCodeAt(0)), plan };
}

function randomBoard(rng: Rng): { cars: Car[]; walls: number[] } {
  const taken = new Uint8Array(SIZE * SIZE);
  const cars: Car[] = [{ cell: EXIT_ROW * SIZE + rng.int(0, 4), length: 2, horizontal: true }];
  for (const c of cellsOf(cars[0])) taken[c] = 1;
  const walls: number[] = [];
  for (let w = rng.int(0, 1); w > 0; w--) { const c = rng.int(0, SIZE * SIZE - 1); if (!taken[c] && Math.floor(c / SIZE) !== EXIT_ROW) { taken[c] = 1; walls.push(c); } }
  const target = rng.int(8, 13);
  for (let tries = 0; tries < 200 && cars.length < target; tries++) {
    const horizontal = rng.bool(), length = rng.bool(0.7) ? 2 : 3;
    const row = rng.int(0, horizontal ? SIZE - 1 : SIZE - length), col = rng.int(0, horizontal ? SIZE - length : SIZE - 1);
    if (horizontal && row === EXIT_ROW) continue;
    const car = { cell: row * SIZE + col, length, horizontal };
    if (cellsOf(car).some((c) => taken[c])) continue;
    for (const c of cellsOf(car)) taken[c] = 1;
    cars.push(car);
  }
  return { cars, walls };
}

function draw(cars: Car[], walls: number[]): string {
  const grid = new Array<string>(SIZE * SIZE).fill('.');
  for (const w of walls) grid[w] = 'x';
  cars.forEach((car, i) => { for (const c of cellsOf(car)) grid[c] = String.fromCharCode(65 + i); });
  return Array.from({ length: SIZE }, (_, r) => grid.slice(r * SIZE, r * SIZE + SIZE).join('')).join('\n');
}

export const rushHour = defineTask({
  id: 'rg.games.rush_hour',
  source: 'rg',
  category: 'games',
  description: 'Slide the cars of a Rush Hour board until the red car can leave on the right.',
  answerFormat: "moves like 'F+1 K+1 M-1' (letter, +/- cells)",
  options: {
    min_moves: { kind: 'int', default: 1, min: 1, max: 50, description: 'fewest moves (slides) of the optimal solution' },
    max_moves: { kind: 'int', default: 50, min: 1, max: 50, description: 'most moves (slides) of the optimal solution' },
  },
  validateOptions: (o) => (o.min_moves > o.max_moves ? [{ path: 'min_moves', message: 'min_moves > max_moves', fix: 'make min_moves ≤ max_moves' }] : []),
  generate(options, rng) {
    for (let attempt = 0; ; attempt++) {
      if (attempt > 5_000) throw new ConfigError(`rg.games.rush_hour: no board found needing ${options.min_moves}–${options.max_moves} moves; lower min_moves`);
      const { cars, walls } = randomBoard(rng);
      const found = hardestPuzzle(cars, walls, options.min_moves, options.max_moves);
      if (!found) continue;
      const { start, plan } = found;
      const board = draw(cars.map((car, i) => ({ ...car, cell: start[i] })), walls);
      const prompt = 'Move the red car (AA) to the exit on the right.\n' +
        "Specify moves in the format: 'F+1 K+1 M-1 C+3 H+2 ...'\n" +
        'where the letter is the vehicle and +/- number is spaces to move right/left or down/up.\n' +
        "Walls are marked with an 'x'. Cars cannot move through walls, and walls cannot be moved.\n" +
        'A car oriented vertically can only move up and down, a car oriented horizontally can only move left and right.\n' +
        `The exit is at the right end of row ${EXIT_ROW + 1}; the puzzle is solved when AA occupies the two rightmost cells of that row.\n\n` +
        `Board:\n${board}\n\nGive your moves within triple angle brackets, as <<<moves>>>.`;
      const answer = plan.map(([i, d]) => `${String.fromCharCode(65 + i)}${d > 0 ? '+' : '-'}${Math.abs(d)}`).join(' ');
      return { prompt, answer, metadata: { board, min_moves: plan.length } };
    }
  },
  check(instance, answer) {
    const rows = (instance.metadata.board as string).split('\n');
    const cells = rows.join('');
    const tokens = answer.trim().split(/[\s,]+/).filter((t) => t.length > 0);
    if (tokens.length === 0 || tokens.length > 500) return unparseable('expected moves like F+1 K-2');
    const grid = Array.from(cells);
    for (const token of tokens) {
      const m = /^([A-Z])([+-])(\d{1,2})$/.exec(token);
      if (!m) return unparseable(`cannot read move "${token.slice(0, 20)}"`);
      const letter = m[1], delta = (m[2] === '+' ? 1 : -1) * Number(m[3]);
      const at = grid.flatMap((ch, i) => (ch === letter ? [i] : []));
      if (at.length === 0) return wrong(`there is no car ${letter}`);
      const horizontal = at.length > 1 && at[1] - at[0] === 1, stride = horizontal ? 1 : SIZE;
      for (let step = 0; step < Math.abs(delta); step++) {
        const lead = delta > 0 ? at[at.length - 1] + stride : at[0] - stride;
        const offBoard = horizontal ? Math.floor(lead / SIZE) !== Math.floor(at[0] / SIZE) || lead < 0 : lead < 0 || lead >= SIZE * SIZE;
        if (offBoard || grid[lead] !== '.') return wrong(`${token} runs into ${offBoard ? 'the edge' : `'${grid[lead]}'`}`);
        const tail = delta > 0 ? at.shift()! : at.pop()!;
        grid[tail] = '.'; grid[lead] = letter;
        if (delta > 0) at.push(lead); else at.unshift(lead);
      }
    }
    return grid[EXIT_ROW * SIZE + SIZE - 1] === 'A' && grid[EXIT_ROW * SIZE + SIZE - 2] === 'A' ? CORRECT : wrong('AA has not reached the exit');
  },
  referenceSolution(instance) {
    return `from collections import deque
rows = ${JSON.stringify((instance.metadata.board as string).split('\n'))}
N = 6
cars = {}
for r, row in enumerate(rows):
    for c, ch in enumerate(row):
        if ch.isupper():
            cars.setdefault(ch, []).append((r, c))
names = sorted(cars)
walls = {(r, c) for r, row in enumerate(rows) for c, ch in enumerate(row) if ch == 'x'}
horiz = {k: len(v) > 1 and v[0][0] == v[1][0] for k, v in cars.items()}
length = {k: len(v) for k, v in cars.items()}
start = tuple(cars[k][0] for k in names)
def cells(k, head):
    r, c = head
    return [(r, c + i) if horiz[k] else (r + i, c) for i in range(length[k])]
prev = {start: None}
q = deque([start])
while q:
    s = q.popleft()
    if s[names.index('A')] == (2, N - length['A']):
        break
    occ = set(walls)
    for k, h in zip(names, s):
        occ.update(cells(k, h))
    for i, k in enumerate(names):
        dr, dc = (0, 1) if horiz[k] else (1, 0)
        for d in (1, -1):
            step = 1
            while True:
                r, c = s[i][0] + dr * d * step, s[i][1] + dc * d * step
                lead = (r + dr * (length[k] - 1), c + dc * (length[k] - 1)) if d > 0 else (r, c)
                if not (0 <= lead[0] < N and 0 <= lead[1] < N) or lead in occ:
                    break
                n = s[:i] + ((r, c),) + s[i + 1:]
                if n not in prev:
                    prev[n] = (s, f"{k}{'+' if d > 0 else '-'}{step}")
                    q.append(n)
                step += 1
out = []
while prev[s]:
    s, m = prev[s]
    out.append(m)
print(' '.join(reversed(out)))
`;
  },
});
