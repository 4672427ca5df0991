// Grids of cells as task text: reading them from answers (nested lists, or rows of cells split by
// spaces, commas or bars), printing them, and cutting a row-major list into rows.

/** Reads a grid of cells: JSON/Python nested lists, or rows on lines with cells split by spaces/commas/bars. */
export function parseCellGrid(text: string, maxCells = 2_000): string[][] | null {
  const t = text.trim();
  if (t.length === 0 || t.length > maxCells * 8) return null;
  if (t.startsWith('[')) {
    const rows = t.match(/\[[^[\]]*\]/g);
    if (!rows) return null;
    return rows.map((row) =>
      row
        .slice(1, -1)
        .split(',')
        .map((cell) => cell.trim().replace(/^["']|["']$/g, ''))
        .filter((cell) => cell.length > 0),
    );
  }
  const lines = t
    .split('\n')
    .map((line) => line.replace(/[|]/g, ' ').trim())
    .filter((line) => line.length > 0 && !/^[-+=\s]+$/.test(line));
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

/** Splits a list of numbers row-major into rows of `width`. */
export function toRows<T>(cells: readonly T[], width: number): T[][] {
  const out: T[][] = [];
  for (let i = 0; i < cells.length; i += width) out.push(cells.slice(i, i + width));
  return out;
}
