// rg.games.rush_hour: slide cars on a 6×6 board until the red car AA reaches the right exit.
// Puzzles come from a committed bank of hard positions (rush-hour-bank.ts, made by
// scripts/generate-rush-hour-bank.ts), picked uniformly within the move range as Reasoning-Gym picks
// from its own bank. Moves are simulated as Reasoning-Gym's scorer does: a slide stops at the first
// obstacle (the rest of it is a no-op), and any move list that frees AA is accepted.
import { defineTask } from '../../define-task.js';
import { CORRECT, unparseable, wrong } from '../../answer.js';
import { ConfigError } from '../../../core/index.js';
import { RUSH_HOUR_BANK } from './rush-hour-bank.js';
import { EXIT_ROW, SIZE } from './rush-hour-board.js';

/** Reasoning-Gym's score for a move list that parses but leaves AA short of the exit. */
const UNSOLVED_SCORE = 0.01;

type BankEntry = { moves: number; board: string; plan: string };
const BANK: readonly BankEntry[] = RUSH_HOUR_BANK.trim().split('\n').map((line) => {
  const [moves, board, ...plan] = line.split(' ');
  return { moves: Number(moves), board, plan: plan.join(' ') };
});
const inRange = new Map<string, BankEntry[]>();

/** The bank's puzzles needing min..max moves (cached per range: generation is a lookup and a pick). */
export function bankPuzzles(min: number, max: number): readonly BankEntry[] {
  const key = `${min}-${max}`;
  let found = inRange.get(key);
  if (!found) { found = BANK.filter((e) => e.moves >= min && e.moves <= max); inRange.set(key, found); }
  return found;
}

/** A move like `F+1`, the car written once or as often as the board shows it (`AA+1`), as Reasoning-Gym reads it. */
const MOVE = /([A-Z])\1{0,2}([+-])(\d{1,2})/g;
/** What may surround the moves: spaces, commas, semicolons, quotes and list brackets. */
const SEPARATORS = /^[\s,;'"[\]()]*$/;

export const rushHour = defineTask({
  id: 'rg.games.rush_hour',
  source: 'rg',
  category: 'games',
  description: 'Slide the cars of a Rush Hour board until the red car can leave on the right.',
  answerFormat: "moves like 'F+1 K+1 M-1' (letter, +/- cells)",
  differsFromSource:
    'Puzzles come from a bank r1ci generated (scripts/generate-rush-hour-bank.ts) in the proportions of ' +
    "Reasoning-Gym's bank, which cannot be shipped. Text around the moves other than list punctuation is unparseable " +
    '(Reasoning-Gym skips it), so prose cannot smuggle moves in.',
  options: {
    min_moves: { kind: 'int', default: 1, min: 1, max: 50, description: 'fewest moves (slides) of the optimal solution' },
    max_moves: { kind: 'int', default: 50, min: 1, max: 50, description: 'most moves (slides) of the optimal solution' },
  },
  ranges: [['min_moves', 'max_moves']],
  generate(options, rng) {
    const puzzles = bankPuzzles(options.min_moves, options.max_moves);
    if (puzzles.length === 0) {
      throw new ConfigError([{ path: 'rg.games.rush_hour.min_moves', message: `no bank puzzle needs ${options.min_moves}–${options.max_moves} moves`, fix: `use a range within 1–${BANK[BANK.length - 1].moves}` }]);
    }
    const { moves, board: cells, plan } = rng.pick(puzzles);
    const board = Array.from({ length: SIZE }, (_, r) => cells.slice(r * SIZE, r * SIZE + SIZE).replace(/o/g, '.')).join('\n');
    const prompt = 'Move the red car (AA) to the exit on the right.\n' +
      "Specify moves in the format: 'F+1 K+1 M-1 C+3 H+2 ...'\n" +
      'where the letter is the vehicle and +/- number is spaces to move right/left or down/up.\n' +
      "Walls are marked with an 'x'. Cars cannot move through walls, and walls cannot be moved.\n" +
      ('A car oriented vertically can only move up and down, a car oriented horizontally can only move left and ' + 'right.\n') +
      (`The exit is at the right end of row ${EXIT_ROW + 1}; the puzzle is solved when AA occupies the two ` + `rightmost cells of that row.\n\n`) +
      `Board:\n${board}\n\nGive your moves within triple angle brackets, as <<<moves>>>.`;
    return { prompt, answer: plan, metadata: { board, board_config: cells, min_moves: moves } };
  },
  check(instance, answer) {
    const rows = (instance.metadata.board as string).split('\n');
    const moves = [...answer.matchAll(MOVE)];
    if (moves.length === 0 || moves.length > 500 || !SEPARATORS.test(answer.replace(MOVE, ' '))) {
      return unparseable('expected moves like F+1 K-2 (a list of them is fine too)');
    }
    const grid = Array.from(rows.join(''));
    for (const [, letter, sign, count] of moves) {
      const at = grid.flatMap((ch, i) => (ch === letter ? [i] : []));
      if (at.length === 0) continue; // as in Reasoning-Gym, a car the board does not have is a no-op
      const horizontal = at[1] - at[0] === 1, stride = horizontal ? 1 : SIZE, forward = sign === '+';
      // Reasoning-Gym moves a car one cell at a time and ignores the cells it cannot enter.
      for (let step = 0; step < Number(count); step++) {
        const lead = forward ? at[at.length - 1] + stride : at[0] - stride;
        const offBoard = horizontal ? Math.floor(lead / SIZE) !== Math.floor(at[0] / SIZE) || lead < 0 : lead < 0 || lead >= SIZE * SIZE;
        if (offBoard || grid[lead] !== '.') break;
        const tail = forward ? at.shift()! : at.pop()!;
        grid[tail] = '.'; grid[lead] = letter;
        if (forward) at.push(lead); else at.unshift(lead);
      }
    }
    const solved = grid[EXIT_ROW * SIZE + SIZE - 1] === 'A' && grid[EXIT_ROW * SIZE + SIZE - 2] === 'A';
    return solved ? CORRECT : wrong('AA has not reached the exit', UNSOLVED_SCORE);
  },
  referenceSolution(instance) {
    return `from collections import deque
rows = ${JSON.stringify((instance.metadata.board as string).split('\n'))}
N = 6
cells = ''.join(rows)
names = sorted({ch for ch in cells if ch.isupper()})
walls = sum(1 << i for i, ch in enumerate(cells) if ch == 'x')
# Each car: its length and, per position along its axis, the bit of that cell on the board.
length, bit, start = [], [], []
for k in names:
    at = [i for i, ch in enumerate(cells) if ch == k]
    if at[1] - at[0] == 1:
        bit.append([1 << (at[0] // N * N + x) for x in range(N)])
        start.append(at[0] % N)
    else:
        bit.append([1 << (y * N + at[0] % N) for y in range(N)])
        start.append(at[0] // N)
    length.append(len(at))
red = names.index('A')
def occupied(s):
    occ = walls
    for i, o in enumerate(s):
        for k in range(length[i]):
            occ |= bit[i][o + k]
    return occ
start = tuple(start)
prev = {start: None}
q = deque([start])
while q:
    s = q.popleft()
    if s[red] == N - 2:
        break
    occ = occupied(s)
    for i, o in enumerate(s):
        for d in (-1, 1):
            step = 1
            while True:
                lead = o - step if d < 0 else o + length[i] - 1 + step
                if lead < 0 or lead >= N or occ & bit[i][lead]:
                    break
                n = s[:i] + (o + d * step,) + s[i + 1:]
                if n not in prev:
                    prev[n] = (s, f"{names[i]}{'+' if d > 0 else '-'}{step}")
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
