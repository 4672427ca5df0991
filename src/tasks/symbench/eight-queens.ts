// symbench.eight_queens: complete an 8×8 queens placement around pre-placed queens and blocked (X)
// cells. Any valid placement of all eight queens that keeps the given ones and avoids X is accepted.
import { defineTask } from '../define-task.js';
import { CORRECT, unparseable, wrong } from '../answer.js';
import type { Rng } from '../../core/index.js';

const N = 8;
type Cell = [number, number];

function attacks(a: Cell, b: Cell): boolean {
  return a[0] === b[0] || a[1] === b[1] || Math.abs(a[0] - b[0]) === Math.abs(a[1] - b[1]);
}

/** First completion in row order (columns 0..7), or null. */
export function solveQueens(given: readonly Cell[], blocked: readonly Cell[]): Cell[] | null {
  const isBlocked = (r: number, c: number): boolean => blocked.some(([br, bc]) => br === r && bc === c);
  const placed: Cell[] = [...given];
  const rowsGiven = new Set(given.map(([r]) => r));
  const place = (row: number): boolean => {
    if (row === N) return true;
    if (rowsGiven.has(row)) return place(row + 1);
    for (let col = 0; col < N; col++) {
      const cell: Cell = [row, col];
      if (isBlocked(row, col) || placed.some((q) => attacks(q, cell))) continue;
      placed.push(cell);
      if (place(row + 1)) return true;
      placed.pop();
    }
    return false;
  };
  return place(0) ? placed.sort((a, b) => a[0] - b[0]) : null;
}

function drawPuzzle(
  rng: Rng,
  maxGiven: number,
  maxBlocked: number,
): { given: Cell[]; blocked: Cell[]; solution: Cell[] } {
  for (;;) {
    const given: Cell[] = [];
    const want = rng.int(0, maxGiven);
    for (let tries = 0; given.length < want && tries < 100; tries++) {
      const cell: Cell = [rng.int(0, N - 1), rng.int(0, N - 1)];
      if (!given.some((q) => attacks(q, cell))) given.push(cell);
    }
    const blocked: Cell[] = [];
    const wantBlocked = rng.int(0, maxBlocked);
    while (blocked.length < wantBlocked) {
      const cell: Cell = [rng.int(0, N - 1), rng.int(0, N - 1)];
      if (![...given, ...blocked].some(([r, c]) => r === cell[0] && c === cell[1])) blocked.push(cell);
    }
    const solution = solveQueens(given, blocked);
    if (solution) return { given, blocked, solution };
  }
}

/** Queen cells from `0 3, 1 0, …` (also `(0,3), (1,0)` or `[[0,3],[1,0]]`); null when malformed. */
export function parseQueenList(text: string): Cell[] | null {
  const numbers = text.match(/-?\d+/g) ?? [];
  const rest = text.replace(/-?\d+/g, '').replace(/[\s,()[\]]/g, '');
  if (rest.length > 0 || numbers.length % 2 !== 0 || numbers.length > 40) return null;
  const cells: Cell[] = [];
  for (let i = 0; i < numbers.length; i += 2) cells.push([Number(numbers[i]), Number(numbers[i + 1])]);
  return cells;
}

export const eightQueens = defineTask({
  id: 'symbench.eight_queens',
  source: 'symbench',
  description: 'Place eight non-attacking queens on an 8×8 board, keeping the given queens and avoiding blocked cells.',
  answerFormat: 'all eight queen positions as "row col" pairs separated by commas (0-based)',
  options: {
    max_initial_queens: { kind: 'int', default: 3, min: 0, max: 5, description: 'most queens already on the board' },
    max_blocked: { kind: 'int', default: 4, min: 0, max: 12, description: 'most cells marked X' },
  },
  generate(options, rng) {
    const { given, blocked, solution } = drawPuzzle(rng, options.max_initial_queens, options.max_blocked);
    const board = Array.from({ length: N }, (_, r) =>
      Array.from({ length: N }, (_, c) =>
        given.some(([gr, gc]) => gr === r && gc === c)
          ? '1'
          : blocked.some(([br, bc]) => br === r && bc === c)
            ? 'X'
            : '0',
      ).join(''),
    );
    const prompt = [
      'Given an 8*8 grid, cells marked with 1 have a queen placed, and cells marked with 0 are empty. A total of ' +
        'eight queens need to be placed such that no two queens can attack each other, meaning no two queens can ' +
        'be in the same row, column, or diagonal. Additionally, positions marked with X are not allowed for ' +
        'placing queens. Please help me complete the placement of the remaining queens on the partially filled ' +
        'board.',
      '',
      ...board,
      '',
      'Return your answer with the format <<<list of queen positions>>>, listing all eight queens (including ' +
        'those already placed), where each position is given as row column (0-based indices) and positions are ' +
        'separated by commas; for example, a list starting <<<0 3, 1 0, 2 4, ...>>> means queens at (0,3), (1,0), ' +
        '(2,4) and so on.',
    ].join('\n');
    return { prompt, answer: solution.map(([r, c]) => `${r} ${c}`).join(', '), metadata: { given, blocked, board } };
  },
  check(instance, answer) {
    const queens = parseQueenList(answer);
    if (!queens) return unparseable('expected positions like "0 3, 1 0, 2 4"');
    if (queens.length !== N) return wrong(`expected 8 queens, got ${queens.length}`);
    if (queens.some(([r, c]) => r < 0 || r >= N || c < 0 || c >= N)) return wrong('a position is off the board');
    const blocked = instance.metadata.blocked as Cell[],
      given = instance.metadata.given as Cell[];
    if (queens.some(([r, c]) => blocked.some(([br, bc]) => br === r && bc === c)))
      return wrong('a queen is on a blocked cell');
    if (!given.every(([r, c]) => queens.some(([qr, qc]) => qr === r && qc === c)))
      return wrong('a pre-placed queen is missing');
    for (let i = 0; i < N; i++)
      for (let j = i + 1; j < N; j++)
        if (attacks(queens[i], queens[j])) return wrong(`queens ${queens[i]} and ${queens[j]} attack each other`);
    return CORRECT;
  },
  referenceSolution(instance) {
    return [
      `board = ${JSON.stringify(instance.metadata.board)}`,
      'given = [(r, c) for r in range(8) for c in range(8) if board[r][c] == "1"]',
      'def ok(qs, r, c):',
      '    others = qs + [g for g in given if g[0] != r]',
      '    return board[r][c] != "X" and all(r != a and c != b and abs(r - a) != abs(c - b) for a, b in others)',
      'def solve(qs, r):',
      '    if r == 8: return qs',
      '    row_given = [q for q in given if q[0] == r]',
      '    options = [row_given[0][1]] if row_given else list(range(7, -1, -1))',
      '    for c in options:',
      '        if ok(qs, r, c):',
      '            found = solve(qs + [(r, c)], r + 1)',
      '            if found: return found',
      '    return None',
      'print(", ".join(f"{r} {c}" for r, c in solve([], 0)))',
    ].join('\n');
  },
});
