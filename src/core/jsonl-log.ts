// Append-only JSONL logs that survive a kill at any byte: every writer and reader of the project's
// .jsonl files (episodes, synth records, step metrics) goes through here, so all agree on the rules.
// A record is whole only with its newline; a torn tail is cut on open and its record is redone.
import {
  closeSync,
  existsSync,
  ftruncateSync,
  openSync,
  readFileSync,
  renameSync,
  writeFileSync,
  writeSync,
} from 'node:fs';
import { DataNotFoundError, R1ciError } from './errors.js';

/** A line that is not valid JSON, with its 1-based line number. */
export type BadLine = { line: number; error: string };

/** Lines of a JSONL file that cannot be read (not a torn last line: that is expected after a kill). */
export class BadLinesError extends R1ciError {
  readonly path: string;
  readonly lines: readonly BadLine[];
  constructor(path: string, lines: readonly BadLine[]) {
    const shown = lines
      .slice(0, 5)
      .map((bad) => `line ${bad.line}: ${bad.error}`)
      .join('; ');
    const more = lines.length > 5 ? `; and ${lines.length - 5} more` : '';
    super(
      `${path}: ${lines.length} unreadable ${lines.length === 1 ? 'line' : 'lines'} (${shown}${more}); repair ` +
        `or delete them, or pass --skip-bad-lines to go on without them`,
    );
    this.path = path;
    this.lines = lines;
  }
}

export type ReadJsonlOptions = {
  /** Go on without unreadable lines instead of throwing BadLinesError (they are still reported). */
  skipBadLines?: boolean;
  /** A missing file reads as empty (a run that has not started) instead of throwing DataNotFoundError. */
  allowMissing?: boolean;
};

export type JsonlContents<T> = {
  records: T[];
  /** Unreadable whole lines that were skipped (only with skipBadLines). */
  skipped: BadLine[];
  /** True when the file ended in a record without its newline: torn by a kill, not counted. */
  tornTail: boolean;
};

/** Reads whole records; a torn last line is left out; other bad lines throw unless skipBadLines. */
export function readJsonl<T>(path: string, options: ReadJsonlOptions = {}): JsonlContents<T> {
  if (!existsSync(path)) {
    if (options.allowMissing) return { records: [], skipped: [], tornTail: false };
    throw new DataNotFoundError(`${path} does not exist; check the path`);
  }
  const text = readFileSync(path, 'utf8');
  const lines = text.split('\n');
  const tail = lines.pop() ?? '';
  const records: T[] = [];
  const bad: BadLine[] = [];
  for (const [i, line] of lines.entries()) {
    if (!line.trim()) continue;
    try {
      records.push(JSON.parse(line) as T);
    } catch (error) {
      bad.push({ line: i + 1, error: (error as Error).message });
    }
  }
  if (bad.length && !options.skipBadLines) throw new BadLinesError(path, bad);
  return { records, skipped: bad, tornTail: tail.length > 0 };
}

/** An open log: `append` writes one whole line in one write call. */
export type JsonlAppender = {
  readonly path: string;
  /** Bytes cut from a torn tail when the log was opened (0 when it ended cleanly). */
  readonly repairedBytes: number;
  append(record: unknown): void;
  close(): void;
};

/** Opens a log for appending; a torn last line (no newline) is cut back to the last whole record. */
export function openJsonlAppender(path: string): JsonlAppender {
  const repairedBytes = repairTornTail(path);
  const fd = openSync(path, 'a');
  let closed = false;
  return {
    path,
    repairedBytes,
    append(record) {
      if (closed) throw new R1ciError(`${path} is closed; open it again to append`);
      // One write per record: a kill leaves a prefix of this line at worst, which the next open cuts.
      const data = Buffer.from(`${JSON.stringify(record)}\n`);
      let written = 0;
      while (written < data.length) written += writeSync(fd, data, written);
    },
    close() {
      if (!closed) closeSync(fd);
      closed = true;
    },
  };
}

/** Cuts a file's bytes after its last newline; returns how many were cut. */
export function repairTornTail(path: string): number {
  if (!existsSync(path)) return 0;
  const bytes = readFileSync(path);
  if (!bytes.length || bytes[bytes.length - 1] === 0x0a) return 0;
  const keep = bytes.lastIndexOf(0x0a) + 1;
  const fd = openSync(path, 'r+');
  try {
    ftruncateSync(fd, keep);
  } finally {
    closeSync(fd);
  }
  return bytes.length - keep;
}

/** Replaces a log with exactly these records, atomically (a kill leaves the old file or the new one). */
export function rewriteJsonl(path: string, records: readonly unknown[]): void {
  writeFileSync(`${path}.tmp`, records.map((record) => `${JSON.stringify(record)}\n`).join(''));
  renameSync(`${path}.tmp`, path);
}
