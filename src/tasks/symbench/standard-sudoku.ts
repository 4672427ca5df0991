// symbench.standard_sudoku: fill a 9×9 sudoku (CodeSteer removes 30–55 cells keeping one solution).
// The checker accepts any grid that keeps the givens and satisfies rows, columns and boxes.
import { defineTask } from '../define-task.js';
import { CORRECT, unparseable, wrong } from '../answer.js';
import type { Rng } from '../../core/index.js';
import { popcount } from '../kit/index.js';

type Grid = number[];

const box = (i: number): number => Math.floor(Math.floor(i / 9) / 3) * 3 + Math.floor((i % 9) / 3);

/** Candidate digits of cell i as a bitmask (bit d for digit d). */
function candidates(grid: Grid, i: number): number {
  let used = 0;
  const r = Math.floor(i / 9), c = i % 9, b = box(i);
  for (let k = 0; k < 9; k++) {
    used |= 1 << grid[r * 9 + k];
    used |= 1 << grid[k * 9 + c];
    used |= 1 << grid[(Math.floor(b / 3) * 3 + Math.floor(k / 3)) * 9 + (b % 3) * 3 + (k % 3)];
  }
  return ~used & 0b1111111110;
}

/** Counts solutions up to `limit` (most-constrained cell first); fills `grid` with the last one found when `keep`. */
export function countSudoku(grid: Grid, limit: number, order?: (digits: number[]) => number[]): number {
  let best = -1, bestMask = 0, bestCount = 10;
  for (let i = 0; i < 81; i++) {
    if (grid[i] !== 0) continue;
    const mask = candidates(grid, i);
    const count = popcount(mask);
    if (count < bestCount) { best = i; bestMask = mask; bestCount = count; if (count <= 1) break; }
  }
  if (best < 0) return 1;
  let digits: number[] = [];
  for (let d = 1; d <= 9; d++) if (bestMask & (1 << d)) digits.push(d);
  if (order) digits = order(digits);
  let found = 0;
  for (const d of digits) {
    grid[best] = d;
    found += countSudoku(grid, limit - found, order);
    if (found >= limit) return found;
  }
  grid[best] = 0;
  return found;
}

function drawPuzzle(rng: Rng, remove: number, unique: boolean): { puzzle: Grid; solution: Grid } {
  const solution: Grid = new Array(81).fill(0);
  countSudoku(solution, 1, (digits) => rng.shuffle(digits));
  const puzzle = solution.slice();
  let removed = 0;
  for (const i of rng.shuffle(Array.from({ length: 81 }, (_, k) => k))) {
    if (removed >= remove) break;
    const saved = puzzle[i];
    puzzle[i] = 0;
    if (unique && countSudoku(puzzle.slice(), 2) !== 1) puzzle[i] = saved;
    else removed++;
  }
  return { puzzle, solution };
}

/** A 9×9 grid of digits from rows of comma/space-separated digits or a nested list; null when malformed. */
export function parseSudoku(text: string): Grid | null {
  const cells = text.replace(/[[\]()"']/g, ' ').split(/[\s,;]+/).filter((t) => t.length > 0);
  if (cells.length !== 81 || !cells.every((t) => /^[1-9]$/.test(t))) return null;
  return cells.map(Number);
}

export function isValidCompletion(puzzle: Grid, grid: Grid): string | null {
  for (let i = 0; i < 81; i++) if (puzzle[i] !== 0 && puzzle[i] !== grid[i]) return `cell (${Math.floor(i / 9) + 1},${(i % 9) + 1}) changes a given`;
  for (let k = 0; k < 9; k++) {
    const row = new Set<number>(), col = new Set<number>(), blk = new Set<number>();
    for (let j = 0; j < 9; j++) {
      row.add(grid[k * 9 + j]);
      col.add(grid[j * 9 + k]);
      blk.add(grid[(Math.floor(k / 3) * 3 + Math.floor(j / 3)) * 9 + (k % 3) * 3 + (j % 3)]);
    }
    if (row.size !== 9) return `row ${k + 1} repeats a digit`;
    if (col.size !== 9) return `column ${k + 1} repeats a digit`;
    if (blk.size !== 9) return `box ${k + 1} repeats a digit`;
  }
  return null;
}

export const standardSudoku = defineTask({
  id: 'symbench.standard_sudoku',
  source: 'symbench',
  description: 'Fill the empty cells of a 9×9 sudoku.',
  answerFormat: 'a 9×9 matrix of digits, one row per line (comma or space separated) or a nested list',
  options: {
    min_removed: { kind: 'int', default: 30, min: 1, max: 64, description: 'fewest cells emptied' },
    max_removed: { kind: 'int', default: 55, min: 1, max: 64, description: 'most cells emptied' },
    unique: { kind: 'bool', default: true, description: 'only empty a cell when the puzzle keeps one solution' },
  },
  ranges: [['min_removed', 'max_removed']],
  generate(options, rng) {
    const { puzzle, solution } = drawPuzzle(rng, rng.int(options.min_removed, options.max_removed), options.unique);
    const rows = Array.from({ length: 9 }, (_, r) => puzzle.slice(r * 9, r * 9 + 9).map((v) => (v === 0 ? ' ' : String(v))).join(','));
    const prompt = [
      ('Given a 9*9 Sudoku grid, each cell must be filled with a number between 1 and 9. No number may appear ' + 'more than once in the same row, column, or 3*3 subgrid. Some cells are pre-filled. Please fill the ' + 'remaining empty cells.'),
      ...rows,
      '',
      ('Return your answer in the format: <<<a 9*9 matrix>>>, one row per line with the nine numbers separated by ' + 'commas.'),
    ].join('\n');
    const answer = Array.from({ length: 9 }, (_, r) => solution.slice(r * 9, r * 9 + 9).join(',')).join('\n');
    return { prompt, answer, metadata: { puzzle } };
  },
  check(instance, answer) {
    const grid = parseSudoku(answer);
    if (!grid) return unparseable('expected 81 digits 1–9 in nine rows');
    const problem = isValidCompletion(instance.metadata.puzzle as Grid, grid);
    return problem === null ? CORRECT : wrong(problem);
  },
  referenceSolution(instance) {
    return [
      `g = ${JSON.stringify(instance.metadata.puzzle)}`,
      'def ok(i, d):',
      '    r, c = divmod(i, 9)',
      '    for k in range(9):',
      '        if g[r*9+k] == d or g[k*9+c] == d: return False',
      '    br, bc = r // 3 * 3, c // 3 * 3',
      '    return all(g[(br + a) * 9 + bc + b] != d for a in range(3) for b in range(3))',
      'def solve():',
      '    empties = [i for i in range(81) if g[i] == 0]',
      '    if not empties: return True',
      '    i = min(empties, key=lambda j: sum(ok(j, d) for d in range(1, 10)))',
      '    for d in range(9, 0, -1):',
      '        if ok(i, d):',
      '            g[i] = d',
      '            if solve(): return True',
      '            g[i] = 0',
      '    return False',
      'solve()',
      'print("\\n".join(",".join(str(v) for v in g[r*9:r*9+9]) for r in range(9)))',
    ].join('\n');
  },
});
