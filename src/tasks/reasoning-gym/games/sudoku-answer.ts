// How Reasoning-Gym's sudoku and mini_sudoku scorers read an answer: rows of digits with anything
// between them, and their partial credit for a wrong grid. Shared by rg.games.sudoku and mini_sudoku.

/**
 * Rows as Reasoning-Gym's score_answer reads them: every line with exactly `size` digits 1–9 (other
 * characters ignored, so `534678912` and `[5, 3, 4, …]` both count) is the next row; other lines are
 * skipped. Null unless `size` rows are found.
 */
export function readDigitRows(answer: string, size: number): number[][] | null {
  const rows = answer
    .split('\n')
    .map((line) => Array.from(line.replace(/[^1-9]/g, ''), Number))
    .filter((row) => row.length === size);
  return rows.length >= size ? rows.slice(0, size) : null;
}

/**
 * Reasoning-Gym's credit for a wrong grid: 0.9 × the share of cells equal to the solution (`gold`,
 * rows of space-separated digits), times gold length / answer length when the answer is longer.
 */
export function sudokuPartialScore(grid: readonly (readonly number[])[], gold: string, answer: string): number {
  const solution = gold.split('\n').map((line) => line.split(' ').map(Number));
  const matching = grid.flatMap((row, r) => row.filter((value, c) => value === solution[r]?.[c])).length;
  return ((0.9 * matching) / (solution.length * solution.length)) * Math.min(1, gold.length / answer.length);
}
