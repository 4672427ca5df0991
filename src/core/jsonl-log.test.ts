// Append-safe JSONL: a torn tail is cut on open and redone, bad lines are reported with their
// numbers and refused unless skipped, a missing file is named as missing.
import { appendFileSync, mkdtempSync, readFileSync, rmSync, truncateSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { BadLinesError, DataNotFoundError, openJsonlAppender, readJsonl, rewriteJsonl } from './index.js';

const dirs: string[] = [];
function tempFile(): string {
  const dir = mkdtempSync(join(tmpdir(), 'r1ci-jsonl-'));
  dirs.push(dir);
  return join(dir, 'log.jsonl');
}
afterEach(() => {
  for (const dir of dirs.splice(0)) rmSync(dir, { recursive: true, force: true });
});

describe('append-safe JSONL logs', () => {
  it('a cut last line is cut back on open, so the next append starts a clean line', () => {
    const path = tempFile();
    const log = openJsonlAppender(path);
    for (const id of [1, 2, 3]) log.append({ id, text: 'abcdef' });
    log.close();
    truncateSync(path, readFileSync(path).length - 5); // `truncate -s -5`: record 3 loses its tail
    const reopened = openJsonlAppender(path);
    expect(reopened.repairedBytes).toBe(JSON.stringify({ id: 3, text: 'abcdef' }).length + 1 - 5);
    reopened.append({ id: 3, text: 'abcdef' });
    reopened.append({ id: 4, text: 'abcdef' });
    reopened.close();
    expect(readJsonl<{ id: number }>(path)).toEqual({
      records: [1, 2, 3, 4].map((id) => ({ id, text: 'abcdef' })),
      skipped: [],
      tornTail: false,
    });
  });

  it('a reader leaves out a torn last line without calling it bad', () => {
    const path = tempFile();
    writeFileSync(path, '{"id":1}\n{"id":2}\n{"id":');
    expect(readJsonl(path)).toEqual({ records: [{ id: 1 }, { id: 2 }], skipped: [], tornTail: true });
  });

  it('unreadable whole lines are refused with their line numbers, or skipped and counted when asked', () => {
    const path = tempFile();
    writeFileSync(path, '{"id":1}\nnot json\n{"id":3}\n{"id"\n{"id":5}\n');
    expect(() => readJsonl(path)).toThrow(BadLinesError);
    try {
      readJsonl(path);
    } catch (error) {
      expect((error as BadLinesError).lines.map((bad) => bad.line)).toEqual([2, 4]);
      expect((error as BadLinesError).message).toMatch(
        /^.*log\.jsonl: 2 unreadable lines \(line 2: .*; line 4: .*\); .* --skip-bad-lines/,
      );
    }
    const read = readJsonl(path, { skipBadLines: true });
    expect(read.records).toEqual([{ id: 1 }, { id: 3 }, { id: 5 }]);
    expect(read.skipped.map((bad) => bad.line)).toEqual([2, 4]);
  });

  it('a missing file is an error that says so, unless a missing file is allowed', () => {
    const path = tempFile();
    expect(() => readJsonl(path)).toThrow(DataNotFoundError);
    expect(() => readJsonl(path)).toThrow(/does not exist/);
    expect(readJsonl(path, { allowMissing: true })).toEqual({ records: [], skipped: [], tornTail: false });
  });

  it('rewriting replaces the records whole', () => {
    const path = tempFile();
    appendFileSync(path, '{"step":1}\n{"step":2}\n{"st');
    rewriteJsonl(path, [{ step: 1 }]);
    expect(readFileSync(path, 'utf8')).toBe('{"step":1}\n');
  });
});
