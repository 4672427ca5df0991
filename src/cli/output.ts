// Terminal output helpers shared by commands: aligned tables, JSON, and one-line errors.
import { R1ciError } from '../core/index.js';

/** Renders rows as an aligned plain-text table with a header line. */
export function renderTable(header: readonly string[], rows: readonly (readonly (string | number)[])[]): string {
  const cells = [header, ...rows].map((row) => row.map((cell) => String(cell)));
  const widths = header.map((_, col) => Math.max(...cells.map((row) => (row[col] ?? '').length)));
  const line = (row: string[]) =>
    row
      .map((cell, col) => (col === row.length - 1 ? cell : cell.padEnd(widths[col])))
      .join('  ')
      .trimEnd();
  return [line(cells[0]), widths.map((w) => '-'.repeat(w)).join('  '), ...cells.slice(1).map(line)].join('\n');
}

export function printJson(value: unknown): void {
  process.stdout.write(`${JSON.stringify(value, null, 2)}\n`);
}

/** Turns any error into one line on stderr and an exit code (2 for bad input, 1 otherwise). */
export function reportError(error: unknown): number {
  if (error instanceof R1ciError) {
    process.stderr.write(`r1ci: ${error.message}\n`);
    return error.name === 'ConfigError' || error.name === 'UnknownNameError' ? 2 : 1;
  }
  const message = error instanceof Error ? (error.stack ?? error.message) : String(error);
  process.stderr.write(`r1ci: unexpected error: ${message}\n`);
  return 1;
}

/** Reads all of stdin as text (for `--answer -` and `sandbox exec -`). */
export async function readStdin(): Promise<string> {
  const chunks: Buffer[] = [];
  for await (const chunk of process.stdin) chunks.push(chunk as Buffer);
  return Buffer.concat(chunks).toString('utf8');
}
