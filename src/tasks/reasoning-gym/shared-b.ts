// Helpers shared by the group-B Reasoning-Gym tasks: min ≤ max option checks, matrix and list
// text formats, and strict parsers for integer matrices and True/False answers.
import type { ConfigProblem } from '../../core/index.js';
import { normalizeText, parseLooseJson, parseMatrix } from '../answer.js';

/** Problems for each [min, max] pair of option names whose values are out of order. */
export function rangeProblems(options: Record<string, unknown>, pairs: readonly (readonly [string, string])[]): ConfigProblem[] {
  const problems: ConfigProblem[] = [];
  for (const [low, high] of pairs) {
    if ((options[low] as number) > (options[high] as number)) {
      problems.push({ path: low, message: `${low} ${String(options[low])} > ${high} ${String(options[high])}`, fix: `make ${low} ≤ ${high}` });
    }
  }
  return problems;
}

/** Rows of space-separated cells, one row per line. */
export function formatMatrix(matrix: readonly (readonly (number | string)[])[]): string {
  return matrix.map((row) => row.join(' ')).join('\n');
}

/** A random rows×cols matrix of digits 0–9. */
export function randomDigitMatrix(rng: { int(min: number, max: number): number }, rows: number, cols: number): number[][] {
  return Array.from({ length: rows }, () => Array.from({ length: cols }, () => rng.int(0, 9)));
}

const INTEGER_CELL = /^[+-]?\d{1,15}$/;

/** An integer matrix written as rows of text or as nested JSON/Python lists; null otherwise. */
export function parseIntegerMatrix(text: string): number[][] | null {
  const cells = parseMatrix(text);
  if (cells === null || cells.length === 0) return null;
  const out: number[][] = [];
  for (const row of cells) {
    const parsed: number[] = [];
    for (const cell of row) {
      if (!INTEGER_CELL.test(cell)) return null;
      parsed.push(Number(cell));
    }
    out.push(parsed);
  }
  return out;
}

/** A number matrix (decimals allowed) in the same two formats; null otherwise. */
export function parseNumberMatrix(text: string): number[][] | null {
  const cells = parseMatrix(text);
  if (cells === null || cells.length === 0) return null;
  const out: number[][] = [];
  for (const row of cells) {
    const parsed: number[] = [];
    for (const cell of row) {
      if (!/^[+-]?(\d+(\.\d*)?|\.\d+)$/.test(cell) || cell.length > 40) return null;
      parsed.push(Number(cell));
    }
    out.push(parsed);
  }
  return out;
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

/** `True`/`False` (any case, optional quotes); null for anything else. */
export function parseBoolean(text: string): boolean | null {
  const t = normalizeText(text).toLowerCase().replace(/\.$/, '');
  if (t === 'true') return true;
  if (t === 'false') return false;
  return null;
}

/** A list of strings from JSON/Python list syntax; numbers are kept as their text. Null otherwise. */
export function parseStringList(text: string): string[] | null {
  const value = parseLooseJson(text);
  if (!Array.isArray(value)) return null;
  const out: string[] = [];
  for (const item of value) {
    if (typeof item === 'string') out.push(item);
    else if (typeof item === 'number' && Number.isFinite(item)) out.push(String(item));
    else return null;
  }
  return out;
}

/** Python's `str()` of a list of strings: `['a', 'b']`. */
export function pythonStringList(items: readonly string[]): string {
  return `[${items.map((item) => `'${item}'`).join(', ')}]`;
}
