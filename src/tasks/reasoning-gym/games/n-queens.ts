// rg.games.n_queens: complete an n×n board that already holds some non-attacking queens. Any
// board with n non-attacking queens that keeps the given ones is accepted.
import { defineTask } from '../../define-task.js';
import { CORRECT, unparseable, wrong } from '../../answer.js';
import { parseCellGrid } from '../../kit/index.js';

const solutionsBySize = new Map<number, number[][]>();

/** All solutions for size n as column-per-row arrays (cached; 14,200 for n = 12). */
function allSolutions(n: number): number[][] {
  const cached = solutionsBySize.get(n);
  if (cached) return cached;
  const out: number[][] = [];
  const cols: number[] = [];
  const place = (row: number, used: number, diag1: number, diag2: number): void => {
    if (row === n) {
      out.push(cols.slice());
      return;
    }
    let free = ~(used | diag1 | diag2) & ((1 << n) - 1);
    while (free) {
      const bit = free & -free;
      free ^= bit;
      cols[row] = 31 - Math.clz32(bit);
      place(row + 1, used | bit, ((diag1 | bit) << 1) & ((1 << n) - 1), (diag2 | bit) >> 1);
    }
  };
  place(0, 0, 0, 0);
  solutionsBySize.set(n, out);
  return out;
}

const render = (board: string[][]): string => board.map((row) => row.join(' ')).join('\n');

export const nQueens = defineTask({
  id: 'rg.games.n_queens',
  source: 'rg',
  category: 'games',
  description: 'Place the missing queens on an n x n board so that no two attack each other.',
  answerFormat: 'the board: rows of _ and Q separated by spaces, one row per line',
  options: {
    n: { kind: 'int', default: 8, min: 4, max: 12, description: 'board size' },
    min_remove: { kind: 'int', default: 1, min: 1, max: 12, description: 'fewest queens removed from a solved board' },
    max_remove: { kind: 'int', default: 7, min: 1, max: 12, description: 'most queens removed from a solved board' },
  },
  ranges: [
    ['min_remove', 'max_remove'],
    ['max_remove', 'n'],
  ],
  generate(options, rng) {
    const n = options.n;
    const solution = rng.pick(allSolutions(n));
    const removed = rng.int(options.min_remove, options.max_remove);
    const rowsRemoved = new Set(
      rng.sample(
        solution.map((_, r) => r),
        removed,
      ),
    );
    const puzzle = solution.map((col, r) =>
      Array.from({ length: n }, (_, c) => (c === col && !rowsRemoved.has(r) ? 'Q' : '_')),
    );
    const full = solution.map((col) => Array.from({ length: n }, (_, c) => (c === col ? 'Q' : '_')));
    const prompt =
      'Your job is to complete an n x n chess board with n Queens in total, such that no two attack each other.\n\n' +
      'No two queens attack each other if they are not in the same row, column, or diagonal.\n\n' +
      'You can place a queen by replacing an underscore (_) with a Q.\n\n' +
      ('Your output should be also a board in the same format as the input, with queens placed on the board by ' +
        'replacing underscores with the letter Q.\n\n') +
      (`Given the below board of size ${n} x ${n} your job is to place ${removed} queen(s) on the board such ` +
        `that no two queens attack each other.\n${render(puzzle)}\n\n`) +
      'Return your final answer (the whole board) within triple angle brackets, as <<<board>>>.';
    return { prompt, answer: render(full), metadata: { puzzle, num_removed: removed } };
  },
  check(instance, answer) {
    const puzzle = instance.metadata.puzzle as string[][];
    const n = puzzle.length;
    const grid = parseCellGrid(answer);
    if (
      !grid ||
      grid.length !== n ||
      grid.some((row) => row.length !== n || row.some((cell) => cell !== 'Q' && cell !== '_'))
    )
      return unparseable(`expected ${n} rows of ${n} cells, each _ or Q`);
    const queens: [number, number][] = [];
    for (let r = 0; r < n; r++)
      for (let c = 0; c < n; c++) {
        if (puzzle[r][c] === 'Q' && grid[r][c] !== 'Q')
          return wrong(`the given queen at row ${r + 1}, column ${c + 1} was removed`);
        if (grid[r][c] === 'Q') queens.push([r, c]);
      }
    if (queens.length !== n) return wrong(`${queens.length} queens on the board, expected ${n}`);
    for (let i = 0; i < n; i++)
      for (let j = i + 1; j < n; j++) {
        const [r1, c1] = queens[i],
          [r2, c2] = queens[j];
        if (r1 === r2 || c1 === c2 || Math.abs(r1 - r2) === Math.abs(c1 - c2))
          return wrong(`queens at (${r1 + 1}, ${c1 + 1}) and (${r2 + 1}, ${c2 + 1}) attack each other`);
      }
    return CORRECT;
  },
  referenceSolution(instance) {
    return `board = ${JSON.stringify(instance.metadata.puzzle)}
n = len(board)
fixed = {r: row.index('Q') for r, row in enumerate(board) if 'Q' in row}
cols = [None] * n
def ok(r, c):
    return all(cols[i] != c and abs(cols[i] - c) != r - i for i in range(r))
def place(r):
    if r == n:
        return True
    options = [fixed[r]] if r in fixed else range(n)
    for c in options:
        if ok(r, c):
            cols[r] = c
            if place(r + 1):
                return True
    return False
place(0)
print("\\n".join(" ".join("Q" if cols[r] == c else "_" for c in range(n)) for r in range(n)))
`;
  },
});
