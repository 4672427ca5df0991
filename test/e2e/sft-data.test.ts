// `r1ci sft` reads its data strictly: an unreadable record is refused with its line number (never
// dropped in silence), and a missing file is called missing, not empty. Both before any learner starts.
import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { runCli } from '../helpers/cli.js';

describe('r1ci sft --data', () => {
  it('refuses a file with an unreadable record, naming the line, and calls a missing file missing', async () => {
    const dir = mkdtempSync(join(tmpdir(), 'r1ci-sft-data-'));
    const lines = Array.from({ length: 8 }, (_, i) =>
      JSON.stringify({ id: `symbench.number_multiply#${10_000 + i}`, taskId: 'symbench.number_multiply' }),
    );
    lines[4] = lines[4].slice(0, 12);
    writeFileSync(join(dir, 'data.jsonl'), `${lines.join('\n')}\n`);
    const bad = await runCli(['sft', '--data', join(dir, 'data.jsonl'), '--out', join(dir, 'run')]);
    expect(bad.code).not.toBe(0);
    expect(bad.stderr.trim()).toMatch(
      new RegExp(
        String.raw`^r1ci: .*data\.jsonl: 1 unreadable line \(line 5: .*\); ` +
          'repair or delete them, or pass --skip-bad-lines to go on without them$',
      ),
    );
    const missing = await runCli(['sft', '--data', join(dir, 'nope.jsonl'), '--out', join(dir, 'run')]);
    expect(missing.code).not.toBe(0);
    expect(missing.stderr.trim()).toBe(`r1ci: ${join(dir, 'nope.jsonl')} does not exist; check the path`);
  });
});
