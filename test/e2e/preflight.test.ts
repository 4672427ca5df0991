// `r1ci eval --model oracle --tasks test` on a fresh machine (no data) refuses before any episode
// starts, with every problem in one list.
import { existsSync, mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { runCli } from '../helpers/cli.js';

describe('r1ci eval preflight', () => {
  it('the oracle on the test split without data refuses in one list, and starts nothing', async () => {
    const out = join(mkdtempSync(join(tmpdir(), 'r1ci-preflight-')), 'run');
    const noData = mkdtempSync(join(tmpdir(), 'r1ci-nodata-'));
    const { code, stderr } = await runCli([
      'eval',
      '--model',
      'oracle',
      '--tasks',
      'test',
      '--per-task',
      '3',
      '--out',
      out,
      '--data-dir',
      noData,
      '--no-progress',
    ]);
    expect(code).not.toBe(0);
    const lines = stderr.trim().split('\n');
    expect(lines[0]).toMatch(
      /^r1ci: \d+ problems found before the run started; no episode ran; fix them, or pass --skip-unavailable/,
    );
    expect(lines.slice(1).every((line) => line.startsWith('  - '))).toBe(true);
    expect(lines).toContain(
      `  - symbench.gsm_hard: dataset symbench/gsm_hard is missing from ${noData} (r1ci data fetch ` +
        `symbench/gsm_hard, or --data-dir DIR)`,
    );
    expect(lines).toContain(
      '  - rg.algorithmic.sentence_reordering: has no reference solution, so the oracle cannot answer it with ' +
        'code (leave it out, or --mode text)',
    );
    expect(existsSync(out)).toBe(false);
  });
});
