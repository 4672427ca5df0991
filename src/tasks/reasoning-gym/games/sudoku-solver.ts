// A bitmask sudoku/Latin-square solver that counts solutions (for uniqueness), a grid checker, and
// clue carving that keeps a puzzle unique. Shared by rg.games.sudoku and rg.games.mini_sudoku.
import type { Rng } from '../../../core/index.js';
import { popcount } from '../../kit/index.js';

/**
 * A sudoku of side n = boxRows·boxCols with bitmask candidates. `countSolutions` stops at `limit`;
 * `solve` fills randomly (with an rng) or in value order. Cells are row-major, 0 = empty.
 */
export class SudokuSolver {
  private readonly n: number;
  private readonly boxOf: Int32Array;
  private readonly full: number;
  private rows!: Int32Array;
  private cols!: Int32Array;
  private boxes!: Int32Array;
  private cells!: Int32Array;
  private count = 0;
  private limit = 2;
  private rng: Rng | null = null;
  private steps = 0;

  constructor(
    readonly boxRows: number,
    readonly boxCols: number,
  ) {
    this.n = boxRows * boxCols;
    this.full = (1 << (this.n + 1)) - 2;
    this.boxOf = new Int32Array(this.n * this.n);
    for (let r = 0; r < this.n; r++)
      for (let c = 0; c < this.n; c++)
        this.boxOf[r * this.n + c] = Math.floor(r / boxRows) * boxRows + Math.floor(c / boxCols);
  }

  /** Solutions of `cells`, up to `limit` (1 for "is there one", 2 for "is it unique"). */
  countSolutions(cells: readonly number[], limit = 2): number {
    if (!this.load(cells)) return 0;
    this.count = 0;
    this.limit = limit;
    this.rng = null;
    this.search(false);
    return this.count;
  }

  /** One solution (random when rng is given), or null. */
  solve(cells: readonly number[], rng: Rng | null = null): number[] | null {
    if (!this.load(cells)) return null;
    this.count = 0;
    this.limit = 1;
    this.rng = rng;
    return this.search(true) ? Array.from(this.cells) : null;
  }

  private load(cells: readonly number[]): boolean {
    const n = this.n;
    this.rows = new Int32Array(n);
    this.cols = new Int32Array(n);
    this.boxes = new Int32Array(n);
    this.cells = Int32Array.from(cells);
    this.steps = 0;
    for (let i = 0; i < n * n; i++) {
      const v = cells[i];
      if (v === 0) continue;
      const bit = 1 << v,
        r = Math.floor(i / n),
        c = i % n,
        b = this.boxOf[i];
      if ((this.rows[r] | this.cols[c] | this.boxes[b]) & bit) return false;
      this.rows[r] |= bit;
      this.cols[c] |= bit;
      this.boxes[b] |= bit;
    }
    return true;
  }

  private search(keep: boolean): boolean {
    const n = this.n;
    let best = -1,
      bestMask = 0,
      bestCount = 99;
    for (let i = 0; i < n * n; i++) {
      if (this.cells[i] !== 0) continue;
      const mask = this.full & ~(this.rows[Math.floor(i / n)] | this.cols[i % n] | this.boxes[this.boxOf[i]]);
      const k = popcount(mask);
      if (k < bestCount) {
        best = i;
        bestMask = mask;
        bestCount = k;
        if (k <= 1) break;
      }
    }
    if (best < 0) {
      this.count++;
      return this.count >= this.limit;
    }
    if (bestCount === 0) return false;
    if (++this.steps > 2_000_000) return false;
    const values: number[] = [];
    for (let v = 1; v <= n; v++) if (bestMask & (1 << v)) values.push(v);
    const order = this.rng ? this.rng.shuffle(values) : values;
    const r = Math.floor(best / n),
      c = best % n,
      b = this.boxOf[best];
    for (const v of order) {
      const bit = 1 << v;
      this.cells[best] = v;
      this.rows[r] |= bit;
      this.cols[c] |= bit;
      this.boxes[b] |= bit;
      const done = this.search(keep);
      if (done && keep) return true;
      this.rows[r] &= ~bit;
      this.cols[c] &= ~bit;
      this.boxes[b] &= ~bit;
      this.cells[best] = 0;
      if (done) return true;
    }
    return false;
  }
}

/** Checks a full grid is a valid sudoku of the given box shape that keeps the puzzle's givens. */
export function checkSudokuGrid(
  grid: readonly (readonly number[])[],
  puzzle: readonly (readonly number[])[],
  boxRows: number,
  boxCols: number,
): string | null {
  const n = boxRows * boxCols;
  for (let r = 0; r < n; r++)
    for (let c = 0; c < n; c++)
      if (puzzle[r][c] !== 0 && grid[r][c] !== puzzle[r][c])
        return `cell (${r + 1}, ${c + 1}) changes the given ${puzzle[r][c]}`;
  const rows = new Int32Array(n),
    cols = new Int32Array(n),
    boxes = new Int32Array(n);
  for (let r = 0; r < n; r++) {
    for (let c = 0; c < n; c++) {
      const bit = 1 << grid[r][c],
        b = Math.floor(r / boxRows) * boxRows + Math.floor(c / boxCols);
      if (rows[r] & bit) return `${grid[r][c]} repeats in row ${r + 1}`;
      if (cols[c] & bit) return `${grid[r][c]} repeats in column ${c + 1}`;
      if (boxes[b] & bit) return `${grid[r][c]} repeats in box ${b + 1}`;
      rows[r] |= bit;
      cols[c] |= bit;
      boxes[b] |= bit;
    }
  }
  return null;
}

/** Removes clues in random order while the puzzle stays unique, until `target` cells are empty. */
export function carveUnique(solver: SudokuSolver, solution: readonly number[], target: number, rng: Rng): number[] {
  const puzzle = solution.slice();
  const order = rng.shuffle(puzzle.map((_, i) => i));
  let removed = 0;
  for (const i of order) {
    if (removed >= target) break;
    const saved = puzzle[i];
    puzzle[i] = 0;
    if (solver.countSolutions(puzzle, 2) !== 1) puzzle[i] = saved;
    else removed++;
  }
  return puzzle;
}
