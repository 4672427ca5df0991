// Helpers shared by the group-C Reasoning-Gym tasks: reading grids and move lists from answers,
// a bitmask Latin-square/sudoku solver that counts solutions, and small formatting utilities.
import { readFileSync } from 'node:fs';
import wordListPath from 'word-list';
import type { Rng } from '../../core/index.js';

/** Reads a grid of cells: JSON/Python nested lists, or rows on lines with cells split by spaces/commas/bars. */
export function parseCellGrid(text: string, maxCells = 2_000): string[][] | null {
  const t = text.trim();
  if (t.length === 0 || t.length > maxCells * 8) return null;
  if (t.startsWith('[')) {
    const rows = t.match(/\[[^[\]]*\]/g);
    if (!rows) return null;
    return rows.map((row) => row.slice(1, -1).split(',').map((cell) => cell.trim().replace(/^["']|["']$/g, '')).filter((cell) => cell.length > 0));
  }
  const lines = t.split('\n').map((line) => line.replace(/[|]/g, ' ').trim()).filter((line) => line.length > 0 && !/^[-+=\s]+$/.test(line));
  if (lines.length * 2 > maxCells) return null;
  return lines.map((line) => line.split(/[\s,]+/).filter((cell) => cell.length > 0));
}

/** An n×m grid of integers in [lo, hi] or null. */
export function parseIntGrid(text: string, rows: number, cols: number, lo: number, hi: number): number[][] | null {
  const grid = parseCellGrid(text);
  if (!grid || grid.length !== rows) return null;
  const out: number[][] = [];
  for (const row of grid) {
    if (row.length !== cols) return null;
    const values: number[] = [];
    for (const cell of row) {
      if (!/^\d{1,3}$/.test(cell)) return null;
      const value = Number(cell);
      if (value < lo || value > hi) return null;
      values.push(value);
    }
    out.push(values);
  }
  return out;
}

export function formatGrid(grid: readonly (readonly (number | string)[])[], blank = '_'): string {
  return grid.map((row) => row.map((cell) => (cell === 0 ? blank : String(cell))).join(' ')).join('\n');
}

/** Number of set bits of a 32-bit value. */
export function popcount(value: number): number {
  let v = value - ((value >>> 1) & 0x55555555);
  v = (v & 0x33333333) + ((v >>> 2) & 0x33333333);
  return (((v + (v >>> 4)) & 0x0f0f0f0f) * 0x01010101) >>> 24;
}

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

  constructor(readonly boxRows: number, readonly boxCols: number) {
    this.n = boxRows * boxCols;
    this.full = (1 << (this.n + 1)) - 2;
    this.boxOf = new Int32Array(this.n * this.n);
    for (let r = 0; r < this.n; r++) for (let c = 0; c < this.n; c++) this.boxOf[r * this.n + c] = Math.floor(r / boxRows) * boxRows + Math.floor(c / boxCols);
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
      const bit = 1 << v, r = Math.floor(i / n), c = i % n, b = this.boxOf[i];
      if ((this.rows[r] | this.cols[c] | this.boxes[b]) & bit) return false;
      this.rows[r] |= bit; this.cols[c] |= bit; this.boxes[b] |= bit;
    }
    return true;
  }

  private search(keep: boolean): boolean {
    const n = this.n;
    let best = -1, bestMask = 0, bestCount = 99;
    for (let i = 0; i < n * n; i++) {
      if (this.cells[i] !== 0) continue;
      const mask = this.full & ~(this.rows[Math.floor(i / n)] | this.cols[i % n] | this.boxes[this.boxOf[i]]);
      const k = popcount(mask);
      if (k < bestCount) { best = i; bestMask = mask; bestCount = k; if (k <= 1) break; }
    }
    if (best < 0) { this.count++; return this.count >= this.limit; }
    if (bestCount === 0) return false;
    if (++this.steps > 2_000_000) return false;
    const values: number[] = [];
    for (let v = 1; v <= n; v++) if (bestMask & (1 << v)) values.push(v);
    const order = this.rng ? this.rng.shuffle(values) : values;
    const r = Math.floor(best / n), c = best % n, b = this.boxOf[best];
    for (const v of order) {
      const bit = 1 << v;
      this.cells[best] = v; this.rows[r] |= bit; this.cols[c] |= bit; this.boxes[b] |= bit;
      const done = this.search(keep);
      if (done && keep) return true;
      this.rows[r] &= ~bit; this.cols[c] &= ~bit; this.boxes[b] &= ~bit;
      this.cells[best] = 0;
      if (done) return true;
    }
    return false;
  }
}

/** Checks a full grid is a valid sudoku of the given box shape that keeps the puzzle's givens. */
export function checkSudokuGrid(grid: readonly (readonly number[])[], puzzle: readonly (readonly number[])[], boxRows: number, boxCols: number): string | null {
  const n = boxRows * boxCols;
  for (let r = 0; r < n; r++) for (let c = 0; c < n; c++) if (puzzle[r][c] !== 0 && grid[r][c] !== puzzle[r][c]) return `cell (${r + 1}, ${c + 1}) changes the given ${puzzle[r][c]}`;
  const rows = new Int32Array(n), cols = new Int32Array(n), boxes = new Int32Array(n);
  for (let r = 0; r < n; r++) {
    for (let c = 0; c < n; c++) {
      const bit = 1 << grid[r][c], b = Math.floor(r / boxRows) * boxRows + Math.floor(c / boxCols);
      if (rows[r] & bit) return `${grid[r][c]} repeats in row ${r + 1}`;
      if (cols[c] & bit) return `${grid[r][c]} repeats in column ${c + 1}`;
      if (boxes[b] & bit) return `${grid[r][c]} repeats in box ${b + 1}`;
      rows[r] |= bit; cols[c] |= bit; boxes[b] |= bit;
    }
  }
  return null;
}

/** Splits a list of numbers row-major into rows of `width`. */
export function toRows<T>(cells: readonly T[], width: number): T[][] {
  const out: T[][] = [];
  for (let i = 0; i < cells.length; i += width) out.push(cells.slice(i, i + width));
  return out;
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

/** True/False (any case, also yes/no) from an answer; null otherwise. */
export function parseBoolean(text: string): boolean | null {
  const t = text.trim().replace(/^["'`]|["'`.]$/g, '').trim().toLowerCase();
  if (t === 'true' || t === 'yes') return true;
  if (t === 'false' || t === 'no') return false;
  return null;
}

let everydayWords: string[] | null = null;

/** Lowercase dictionary words of 3–8 letters from the `word-list` package (MIT), read once. */
export function everydayWordList(): readonly string[] {
  if (everydayWords === null) everydayWords = readFileSync(wordListPath, 'utf8').split('\n').map((w) => w.trim()).filter((w) => /^[a-z]{3,8}$/.test(w));
  return everydayWords;
}
