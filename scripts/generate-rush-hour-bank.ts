// Writes src/tasks/reasoning-gym/games/rush-hour-bank.ts: Rush Hour positions per fewest-moves count in
// Reasoning-Gym's proportions, harvested from whole clusters that a seeded hill climb explores.
// Usage: node --import tsx scripts/generate-rush-hour-bank.ts [--seed 1] [--seconds 900] [--scale 0.1]
//   [--max-states 25000] [--stale 200] [--harvest 1] [--elite 0.5] [--nudge 0.3] [--fresh 0]
//   [--evaluations N] [--out FILE] (the output's header names the flags that reproduce it)
import { writeFileSync } from 'node:fs';
import { createRng, type Rng } from '../src/core/index.js';
import {
  EXIT_ROW,
  SIZE,
  cellsOf,
  decodePositions,
  exploreCluster,
  planFrom,
  renderBoard,
  renderPlan,
  type Board,
  type Car,
  type Cluster,
} from '../src/tasks/reasoning-gym/games/rush-hour-board.js';

/**
 * How many puzzles Reasoning-Gym's bank (reasoning_gym/data/rush_18k.txt, 18,068 lines) holds per
 * fewest-moves count 1..60, read from the file at open-thought/reasoning-gym 49b0713.
 */
const RG_COUNTS: Record<number, number> = {
  1: 1,
  2: 8,
  3: 176,
  35: 488,
  36: 373,
  37: 246,
  38: 209,
  39: 142,
  40: 99,
  41: 92,
  42: 63,
  43: 58,
  44: 28,
  45: 22,
  46: 16,
  47: 14,
  48: 10,
  49: 8,
  50: 2,
  51: 2,
  52: 3,
  53: 4,
  54: 2,
  55: 1,
  58: 1,
  60: 1,
};
for (let m = 4; m <= 34; m++) RG_COUNTS[m] = 500;

const flag = (name: string, fallback: number): number => {
  const at = process.argv.indexOf(`--${name}`);
  return at > 0 ? Number(process.argv[at + 1]) : fallback;
};
const SEED = flag('seed', 1),
  SECONDS = flag('seconds', 900),
  SCALE = flag('scale', 0.1);
/** Stop after this many boards (the header records the count, so a rerun with it reproduces the file exactly). */
const EVALUATIONS = flag('evaluations', Infinity);
/** Larger sets are skipped: they cost the most to explore. */
const MAX_STATES = flag('max-states', 25_000),
  STALE_STEPS = flag('stale', 200);
/** Where to write (default: the task's bank); a trial run can write elsewhere. */
const OUT = process.argv.includes('--out')
  ? process.argv[process.argv.indexOf('--out') + 1]
  : new URL('../src/tasks/reasoning-gym/games/rush-hour-bank.ts', import.meta.url);
/**
 * The chance that an explored cluster gives a puzzle of a depth short of its farthest: below 1 it
 * spreads each depth's bucket over more clusters (neighbouring boards of a climb are alike).
 */
const HARVEST = flag('harvest', 1);
/**
 * 1: redraw an edit that leaves the board unchanged rather than search the same board again (faster on
 * the dense boards deep puzzles need; the committed bank was made without it, so the default stays 0).
 */
const FRESH = flag('fresh', 0) === 1;
/** With this chance an edit is drawn from seven kinds, a nudge of one car by one cell among them, rather than six. */
const NUDGE = flag('nudge', 0.3);
/** How often a climb restarts from one of the hardest clusters so far rather than a random board. */
const ELITE_RESTARTS = flag('elite', 0.5);
const quota = (moves: number): number =>
  Math.max(RG_COUNTS[moves] ? 1 : 0, Math.round((RG_COUNTS[moves] ?? 0) * SCALE));

function fits(board: Board, car: Car, skip = -1): boolean {
  const taken = new Set(board.walls);
  board.cars.forEach((c, i) => {
    if (i !== skip) for (const x of cellsOf(c)) taken.add(x);
  });
  return cellsOf(car).every((x) => !taken.has(x));
}

function randomCar(rng: Rng): Car {
  const horizontal = rng.bool(),
    length = rng.bool(0.75) ? 2 : 3;
  const row = rng.int(0, horizontal ? SIZE - 1 : SIZE - length),
    col = rng.int(0, horizontal ? SIZE - length : SIZE - 1);
  return { cell: row * SIZE + col, length, horizontal };
}
const blocksExitRow = (car: Car): boolean => car.horizontal && Math.floor(car.cell / SIZE) === EXIT_ROW;

function randomBoard(rng: Rng): Board {
  const board: Board = { cars: [{ cell: EXIT_ROW * SIZE + rng.int(0, 3), length: 2, horizontal: true }], walls: [] };
  for (let tries = 0, target = rng.int(9, 14); tries < 200 && board.cars.length < target; tries++) {
    const car = randomCar(rng);
    if (!blocksExitRow(car) && fits(board, car)) board.cars.push(car);
  }
  return board;
}

/** A random edit that changes the board (see `edit`). */
function mutate(board: Board, rng: Rng): Board {
  // Most random edits of a dense board do not fit; searching the same board again would waste a search.
  for (let tries = 0; FRESH && tries < 100; tries++) {
    const next = edit(board, rng);
    if (
      next.cars.length !== board.cars.length ||
      next.walls.length !== board.walls.length ||
      next.cars.some(
        (c, i) =>
          c.cell !== board.cars[i].cell ||
          c.length !== board.cars[i].length ||
          c.horizontal !== board.cars[i].horizontal,
      ) ||
      next.walls.some((w, i) => w !== board.walls[i])
    )
      return next;
  }
  return edit(board, rng);
}

/**
 * One random edit: add, remove, replace or nudge a car (one cell along or across its axis), or add or
 * remove a wall (0–2 walls, as in Reasoning-Gym's bank). Nudges keep most of a hard board's structure.
 * An edit that does not fit leaves the board as it was.
 */
function edit(board: Board, rng: Rng): Board {
  const next: Board = { cars: board.cars.map((c) => ({ ...c })), walls: [...board.walls] };
  const kind = rng.int(0, NUDGE > 0 && rng.bool(NUDGE) ? 6 : 5);
  if (kind === 6 && next.cars.length > 1) {
    const i = rng.int(1, next.cars.length - 1),
      old = next.cars[i],
      step = rng.pick([1, -1, SIZE, -SIZE]);
    const car = { ...old, cell: old.cell + step };
    const row = Math.floor(car.cell / SIZE),
      col = car.cell % SIZE,
      end = cellsOf(car)[car.length - 1];
    const onBoard = car.cell >= 0 && end < SIZE * SIZE && (!car.horizontal || Math.floor(end / SIZE) === row);
    const wraps = Math.abs(col - (old.cell % SIZE)) > 1;
    if (onBoard && !wraps && !blocksExitRow(car) && fits(next, car, i)) next.cars[i] = car;
  } else if (kind <= 1) {
    const car = randomCar(rng);
    if (!blocksExitRow(car) && fits(next, car)) next.cars.push(car);
  } else if (kind === 2 && next.cars.length > 2) next.cars.splice(rng.int(1, next.cars.length - 1), 1);
  else if (kind === 3 && next.cars.length > 1) {
    const i = rng.int(1, next.cars.length - 1),
      car = randomCar(rng);
    if (!blocksExitRow(car) && fits(next, car, i)) next.cars[i] = car;
  } else if (kind === 4 && next.walls.length < 2) {
    const cell = rng.int(0, SIZE * SIZE - 1);
    if (Math.floor(cell / SIZE) !== EXIT_ROW && fits(next, { cell, length: 1, horizontal: true }))
      next.walls.push(cell);
  } else if (next.walls.length > 0) next.walls.splice(rng.int(0, next.walls.length - 1), 1);
  return next;
}

/** The board with its cars where state `at` of its cluster puts them. */
function boardAt(board: Board, cluster: Cluster, at: number): Board {
  const cells = decodePositions(board, cluster.states[at]);
  return { cars: board.cars.map((c, i) => ({ ...c, cell: cells[i] })), walls: board.walls };
}

const bank = new Map<number, Map<string, string>>();
const full = (moves: number): boolean => (bank.get(moves)?.size ?? 0) >= quota(moves);

/**
 * Puts positions of the explored cluster into the bank: one of its farthest (the hardest it holds)
 * and, with chance HARVEST each, one of every shorter depth whose bucket is not full. One search
 * thus gives puzzles of many depths, as hard-puzzle databases are built.
 */
function harvest(board: Board, cluster: Cluster, far: number, rng: Rng): void {
  const wanted = new Set<number>();
  for (let d = 1; d <= far; d++) if (!full(d) && (d === far || rng.bool(HARVEST))) wanted.add(d);
  if (wanted.size === 0) return;
  const byDepth = new Map<number, number[]>();
  cluster.distance.forEach((d, k) => {
    if (wanted.has(d)) (byDepth.get(d) ?? byDepth.set(d, []).get(d)!).push(k);
  });
  for (const [d, states] of byDepth) {
    const at = rng.pick(states),
      text = renderBoard(board, decodePositions(board, cluster.states[at]));
    const bucket = bank.get(d) ?? bank.set(d, new Map()).get(d)!;
    if (!bucket.has(text)) bucket.set(text, renderPlan(planFrom(cluster, at)));
  }
}

/** Explores the board's cluster and harvests it: its hardest position and distance (null: too large or unsolvable). */
function evaluate(board: Board, rng: Rng): { moves: number; hardest: Board } | null {
  const cluster = exploreCluster(board, MAX_STATES);
  if (!cluster) return null;
  let far = 0,
    farthest = 0;
  cluster.distance.forEach((d, k) => {
    if (d > far) {
      far = d;
      farthest = k;
    }
  });
  if (far === 0) return null;
  harvest(board, cluster, far, rng);
  return { moves: far, hardest: boardAt(board, cluster, farthest) };
}

const rng = createRng('rush-hour-bank', SEED);
const started = Date.now(),
  elapsed = (): number => (Date.now() - started) / 1000;
/** The hardest clusters found so far (their hardest positions): hard boards have hard neighbours. */
const elite: { hardest: Board; moves: number }[] = [];
const ELITE_SIZE = 100;
function remember(found: { hardest: Board; moves: number }): void {
  if (elite.length >= ELITE_SIZE && found.moves <= elite[elite.length - 1].moves) return;
  elite.push(found);
  elite.sort((a, b) => b.moves - a.moves);
  if (elite.length > ELITE_SIZE) elite.pop();
}
let evaluations = 0,
  lastWrite = Date.now(),
  best = 0;
while (elapsed() < SECONDS && evaluations < EVALUATIONS) {
  const restart = elite.length > 0 && rng.bool(ELITE_RESTARTS);
  const first = restart ? rng.pick(elite) : evaluate(randomBoard(rng), rng);
  if (!restart) evaluations++;
  if (!first) continue;
  // Climb from the cluster's hardest position: a car added in front of it tends to lengthen the
  // way out. Restart after STALE_STEPS edits without a harder cluster.
  let { hardest: board, moves: score } = first;
  for (let stale = 0; stale < STALE_STEPS && elapsed() < SECONDS && evaluations < EVALUATIONS; stale++) {
    const found = evaluate(mutate(board, rng), rng);
    evaluations++;
    if (!found || found.moves < score) continue;
    if (found.moves > score) {
      stale = 0;
      remember(found);
    }
    ({ hardest: board, moves: score } = found);
    if (score > best) {
      best = score;
      console.log(`${elapsed().toFixed(0)} s: ${evaluations} boards, hardest ${best}`);
    }
    if (Date.now() - lastWrite > 60_000) {
      writeBank();
      lastWrite = Date.now();
    }
  }
  if (
    Object.keys(RG_COUNTS)
      .map(Number)
      .every((m) => m > 50 || full(m))
  )
    break;
}

/** Words of `text` in lines of at most `width` characters, each but the last ending in `glue`. */
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
  const counts = [...bank.keys()]
    .sort((a, b) => a - b)
    .map((m) => `${m}:${bank.get(m)!.size}`)
    .join(' ');
  const all = lines.map((l) => Number(l.split(' ')[0])).sort((a, b) => a - b);
  const median = all[(all.length - 1) >> 1];
  const header = [
    '// Generated by scripts/generate-rush-hour-bank.ts; do not edit. Rush Hour positions, one per line (a',
    '// long one goes on after a backslash): fewest moves, the 36-cell board (o empty, x wall, A the red car),',
    '// an optimal plan. Each is a position of a connected set of positions that a seeded hill climb',
    '// explored whole, at the distance its bucket needed.',
    `// --seed ${SEED} --scale ${SCALE} --max-states ${MAX_STATES} --stale ${STALE_STEPS} --harvest ${HARVEST} ` +
      `--elite ${ELITE_RESTARTS} --nudge ${NUDGE}`,
    `// --fresh ${FRESH ? 1 : 0} --evaluations ${evaluations}: ${lines.length} puzzles, median ${median} moves.`,
    ...wrapWords(`// Per moves count: ${counts}`, 120, '', '//   '),
  ].join('\n');
  const body = lines.flatMap((line) => wrapWords(line, 120, ' \\'));
  writeFileSync(OUT, `${header}\nexport const RUSH_HOUR_BANK = \`\n${body.join('\n')}\n\`;\n`);
  const took = elapsed().toFixed(0);
  console.log(`${lines.length} puzzles, median ${median}, ${evaluations} boards evaluated in ${took} s`);
  console.log(counts);
}
writeBank();
