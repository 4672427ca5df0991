// Reading flat lists of cells the way SymBench answers are written (`A,B,C`, `[[1, 2], [3, 4]]`,
// `1 2 3`), and numeric answers written as `7/3`, `2.3333` or `-4` read as floating-point numbers.
import { parseNumber } from '../answer.js';

const MAX_CELLS = 2_000;

/**
 * The cells of a flat or nested list: brackets, parentheses and quotes are dropped and the rest is
 * split on commas, semicolons and whitespace. Null when there are more than MAX_CELLS cells.
 */
export function parseCells(text: string): string[] | null {
  const stripped = text.replace(/[[\](){}"'`]/g, ' ');
  const cells = stripped.split(/[\s,;]+/).filter((cell) => cell.length > 0);
  return cells.length > MAX_CELLS ? null : cells;
}

/**
 * A number written as an integer, decimal or simple fraction `p/q`, as a float for answers checked
 * within a tolerance (`parseRationalText` reads them exactly); null otherwise.
 */
export function parseNumberOrFraction(text: string): number | null {
  const t = text.trim();
  const slash = t.indexOf('/');
  if (slash > 0 && t.length <= 60) {
    const num = parseNumber(t.slice(0, slash));
    const den = parseNumber(t.slice(slash + 1));
    if (num === null || den === null || den === 0 || !Number.isInteger(num) || !Number.isInteger(den)) return null;
    return num / den;
  }
  return parseNumber(t);
}
