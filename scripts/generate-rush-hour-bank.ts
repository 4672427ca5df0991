// Writes src/tasks/reasoning-gym/games/rush-hour-bank.ts: hard Rush Hour positions found by a seeded
// hill climb over random boards, kept per fewest-moves count in Reasoning-Gym's proportions.
// Usage: node --import tsx scripts/generate-rush-hour-bank.ts [--seed 1] [--seconds 900] [--scale 0.1]
//   [--max-states 25000] [--stale 200] [--elite 0] [--evaluations N] (the output's header names the
//   flags that reproduce it)
import { writeFileSync } from 'node:fs';
import { createRng, type Rng } from '../src/core/index.js';
import {
  EXIT_ROW, SIZE, cellsOf, decodePositions, exploreCluster, planFrom, renderBoard, renderPlan, type Board, type Car,
} from '../src/tasks/reasoning-gym/games/rush-hour-board.js';

/**
 * How many puzzles Reasoning-Gym's bank (reasoning_gym/data/rush_18k.txt, 18,068 lines) holds per
 * fewest-moves count 1..60, read from the file at open-thought/reasoning-gym 49b0713.
 */
const RG_COUNTS: Record<number, number> = {
  1: 1, 2: 8, 3: 176, 35: 488, 36: 373, 37: 246, 38: 209, 39: 142, 40: 99, 41: 92, 42: 63, 43: 58, 44: 28,
  45: 22, 46: 16, 47: 14, 48: 10, 49: 8, 50: 2, 51: 2, 52: 3, 53: 4, 54: 2, 55: 1, 58: 1, 60: 1,
};
for (let m = 4; m <= 34; m++) RG_COUNTS[m] = 500;

const flag = (name: string, fallback: number): number => {
  const at = process.argv.indexOf(`--${name}`);
  return at > 0 ? Number(process.argv[at + 1]) : fallback;
};
const SEED = flag('seed', 1), SECONDS = flag('seconds', 900), SCALE = flag('scale', 0.1);
/** Stop after this many boards (the header records the count, so a rerun with it reproduces the file exactly). */
const EVALUATIONS = flag('evaluations', Infinity);
/** Larger sets are skipped: they cost the most to explore. */
const MAX_STATES = flag('max-states', 25_000), STALE_STEPS = flag('stale', 200);
/** How often a climb restarts from one of the hardest boards so far rather than a random one. */
const ELITE_RESTARTS = flag('elite', 0);
const quota = (moves: number): number => Math.max(RG_COUNTS[moves] ? 1 : 0, Math.round((RG_COUNTS[moves] ?? 0) * SCALE));

function fits(board: Board, car: Car, skip = -1): boolean {
  const taken = new Set(board.walls);
  board.cars.forEach((c, i) => { if (i !== skip) for (const x of cellsOf(c)) taken.add(x); });
  return cellsOf(car).every((x) => !taken.has(x));
}

function randomCar(rng: Rng): Car {
  const horizontal = rng.bool(), length = rng.bool(0.75) ? 2 : 3;
  const row = rng.int(0, horizontal ? SIZE - 1 : SIZE - length), col = rng.int(0, horizontal ? SIZE - length : SIZE - 1);
  return { cell: row * SIZE + col, length, horizontal };
}

function randomBoard(rng: Rng): Board {
  const board: Board = { cars: [{ cell: EXIT_ROW * SIZE + rng.int(0, 3), length: 2, horizontal: true }], walls: [] };
  for (let tries = 0, target = rng.int(9, 14); tries < 200 && board.cars.length < target; tries++) {
    const car = randomCar(rng);
    if (!(car.horizontal && Math.floor(car.cell / SIZE) === EXIT_ROW) && fits(board, car)) board.cars.push(car);
  }
  return board;
}

/** One random edit: add, remove or move a car, or add or remove a wall (0–2 walls, as in Reasoning-Gym's bank). */
function mutate(board: Board, rng: Rng): Board {
  const next: Board = { cars: board.cars.map((c) => ({ ...c })), walls: [...board.walls] };
  const kind = rng.int(0, 5);
  if (kind <= 1) {
    const car = randomCar(rng);
    if (!(car.horizontal && Math.floor(car.cell / SIZE) === EXIT_ROW) && fits(next, car)) next.cars.push(car);
  } else if (kind === 2 && next.cars.length > 2) next.cars.splice(rng.int(1, next.cars.length - 1), 1);
  else if (kind === 3 && next.cars.length > 1) {
    const i = rng.int(1, next.cars.length - 1), car = randomCar(rng);
    if (!(car.horizontal && Math.floor(car.cell / SIZE) === EXIT_ROW) && fits(next, car, i)) next.cars[i] = car;
  } else if (kind === 4 && next.walls.length < 2) {
    const cell = rng.int(0, SIZE * SIZE - 1);
    if (Math.floor(cell / SIZE) !== EXIT_ROW && fits(next, { cell, length: 1, horizontal: true })) next.walls.push(cell);
  } else if (next.walls.length > 0) next.walls.splice(rng.int(0, next.walls.length - 1), 1);
  return next;
}

/** The board's hardest distance; its position (the smallest rendering among ties) and plan on demand. */
function hardest(board: Board): { moves: number; describe(): { text: string; plan: string } } | null {
  const cluster = exploreCluster(board, MAX_STATES);
  if (!cluster) return null;
  let far = 0;
  for (const d of cluster.distance) far = Math.max(far, d);
  if (far === 0) return null;
  const describe = (): { text: string; plan: string } => {
    let best = -1, bestText = '';
    for (let i = 0; i < cluster.states.length; i++) {
      if (cluster.distance[i] !== far) continue;
      const text = renderBoard(board, decodePositions(board, cluster.states[i]));
      if (best < 0 || text < bestText) { best = i; bestText = text; }
    }
    return { text: bestText, plan: renderPlan(planFrom(cluster, best)) };
  };
  return { moves: far, describe };
}

const rng = createRng('rush-hour-bank', SEED);
/** The hardest boards found so far: most climbs restart from one of them (hard boards have hard neighbours). */
const elite: { board: Board; moves: number }[] = [];
const ELITE_SIZE = 200;
function remember(board: Board, moves: number): void {
  if (elite.length >= ELITE_SIZE && moves <= elite[elite.length - 1].moves) return;
  elite.push({ board, moves });
  elite.sort((a, b) => b.moves - a.moves);
  if (elite.length > ELITE_SIZE) elite.pop();
}
const bank = new Map<number, Map<string, string>>();
const full = (moves: number): boolean => (bank.get(moves)?.size ?? 0) >= quota(moves);
const started = Date.now();
let evaluations = 0, lastWrite = Date.now();
while ((Date.now() - started) / 1000 < SECONDS && evaluations < EVALUATIONS) {
  const restart = elite.length > 0 && ELITE_RESTARTS > 0 && rng.bool(ELITE_RESTARTS) ? rng.pick(elite) : null;
  let board = restart ? restart.board : randomBoard(rng), score = restart ? restart.moves : hardest(board)?.moves ?? 0;
  // Climb while it keeps improving: restart after STALE_STEPS edits without a harder board.
  for (let stale = 0; stale < STALE_STEPS && (Date.now() - started) / 1000 < SECONDS && evaluations < EVALUATIONS; stale++) {
    const candidate = mutate(board, rng), found = hardest(candidate);
    evaluations++;
    if (!found) continue;
    if (!full(found.moves)) {
      const bucket = bank.get(found.moves) ?? new Map<string, string>(), { text, plan } = found.describe();
      bucket.set(text, plan);
      bank.set(found.moves, bucket);
    }
    if (found.moves > score) stale = 0;
    if (found.moves >= score) remember(candidate, found.moves);
    if (found.moves >= score) { board = candidate; score = found.moves; }
    if (Date.now() - lastWrite > 60_000) { writeBank(); lastWrite = Date.now(); }
  }
  const missing = Object.keys(RG_COUNTS).map(Number).filter((m) => m <= 50 && !full(m));
  if (missing.length === 0) break;
}

/**
 * Words of `text` in lines of at most `width` characters; each line but the last ends with `glue`
 * (nothing for comments; a space and a backslash inside the bank's template literal: a line
 * continuation adds nothing to the string, so a long plan stays one line of the bank).
 */
function wrapWords(text: string, width: number, glue: string, indent = ''): string[] {
  const out: string[] = [];
  let line = '';
  for (const word of text.split(' ')) {
    if (line && line.length + 1 + word.length + glue.length > width) {
      out.push(line + glue);
      line = indent + word;
    } else line = line ? `${line} ${word}` : word;
  }
  return [...out, line];
}

function writeBank(): void {
  const lines: string[] = [];
  for (const moves of [...bank.keys()].sort((a, b) => a - b)) {
    for (const [text, plan] of [...bank.get(moves)!].sort(([a], [b]) => a.localeCompare(b))) {
      lines.push(`${moves} ${text} ${plan}`);
    }
  }
  const counts = [...bank.keys()].sort((a, b) => a - b).map((m) => `${m}:${bank.get(m)!.size}`).join(' ');
  const all = lines.map((l) => Number(l.split(' ')[0])).sort((a, b) => a - b);
  const median = all[(all.length - 1) >> 1];
  const header = [
    '// Generated by scripts/generate-rush-hour-bank.ts; do not edit. Hard Rush Hour positions, one per line',
    '// (a long one goes on after a backslash): fewest moves, the 36-cell board (o empty, x wall, A the red',
    '// car), an optimal plan. Each board is the farthest position of its connected set of positions, found',
    '// by a seeded hill climb over random boards.',
    `// --seed ${SEED} --scale ${SCALE} --max-states ${MAX_STATES} --stale ${STALE_STEPS} --elite ${ELITE_RESTARTS}`,
    `// --evaluations ${evaluations}: ${lines.length} puzzles, median ${median} moves.`,
    ...wrapWords(`// Per moves count: ${counts}`, 120, '', '//   '),
  ].join('\n');
  const body = lines.flatMap((line) => wrapWords(line, 120, ' \\'));
  writeFileSync(
    new URL('../src/tasks/reasoning-gym/games/rush-hour-bank.ts', import.meta.url),
    `${header}\nexport const RUSH_HOUR_BANK = \`\n${body.join('\n')}\n\`;\n`,
  );
  const seconds = ((Date.now() - started) / 1000).toFixed(0);
  console.log(`${lines.length} puzzles, median ${median}, ${evaluations} boards evaluated in ${seconds} s`);
  console.log(counts);
}
writeBank();
