// Matrices as task text: rows of space-separated cells, random digit matrices, and strict parsers
// for integer and number matrices written as rows or as nested JSON/Python lists.
import { parseMatrix } from '../answer.js';

/** Rows of space-separated cells, one row per line. */
export function formatMatrix(matrix: readonly (readonly (number | string)[])[]): string {
  return matrix.map((row) => row.join(' ')).join('\n');
}

/** A random rows×cols matrix of digits 0–9. */
export function randomDigitMatrix(
  rng: { int(min: number, max: number): number },
  rows: number,
  cols: number,
): number[][] {
  return Array.from({ length: rows }, () => Array.from({ length: cols }, () => rng.int(0, 9)));
}

const INTEGER_CELL = /^[+-]?\d{1,15}$/;

const NUMBER_CELL = /^[+-]?(\d+(\.\d*)?|\.\d+)$/;

/** The matrix's cells as numbers when every cell passes `accept`; null otherwise. */
function numericMatrix(text: string, accept: (cell: string) => boolean): number[][] | null {
  const cells = parseMatrix(text);
  if (cells === null || cells.length === 0) return null;
  if (!cells.every((row) => row.every(accept))) return null;
  return cells.map((row) => row.map(Number));
}

/** An integer matrix written as rows of text or as nested JSON/Python lists; null otherwise. */
export function parseIntegerMatrix(text: string): number[][] | null {
  return numericMatrix(text, (cell) => INTEGER_CELL.test(cell));
}

/** A number matrix (decimals allowed) in the same two formats; null otherwise. */
export function parseNumberMatrix(text: string): number[][] | null {
  return numericMatrix(text, (cell) => NUMBER_CELL.test(cell) && cell.length <= 40);
}

/** True when both matrices have the same shape and equal cells. */
export function sameMatrix(a: readonly (readonly number[])[], b: readonly (readonly number[])[]): boolean {
  if (a.length !== b.length) return false;
  for (let i = 0; i < a.length; i++) {
    if (a[i].length !== b[i].length) return false;
    for (let j = 0; j < a[i].length; j++) if (a[i][j] !== b[i][j]) return false;
  }
  return true;
}
