// Resume after infrastructure failures: an episode that the sandbox (not the model) ended is never
// stored, so a rerun redoes it and the results count only model-caused ends.
import { mkdtempSync, readFileSync, truncateSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { SandboxUnavailableError } from '../core/index.js';
import { createLocalSandbox, type LocalSandbox } from '../sandbox/index.js';
import type { ExecRequest, Sandbox } from '../sandbox/types.js';
import { setDataDir } from '../tasks/index.js';
import { HAS_SHARED_DATA, SHARED_DATA_DIR } from '../../test/helpers/shared-data.js';
import { parseModelSpec } from './model-spec.js';
import { runEval } from './run-eval.js';

let sandbox: LocalSandbox;
beforeAll(async () => {
  sandbox = await createLocalSandbox({ concurrency: 2 });
});
afterAll(async () => {
  await sandbox?.close();
});

const oracle = parseModelSpec('oracle');
const storedIds = (out: string) =>
  readFileSync(join(out, 'episodes.jsonl'), 'utf8')
    .split('\n')
    .filter(Boolean)
    .map((l) => JSON.parse(l).id as string);

/** The real pool, except that every `failEvery`-th call fails as a broken sandbox would. */
function flakySandbox(inner: Sandbox, failEvery: number): Sandbox {
  let calls = 0;
  return {
    exec: (request: ExecRequest) =>
      ++calls % failEvery === 0
        ? Promise.reject(new SandboxUnavailableError('the warm parent died'))
        : inner.exec(request),
    close: async () => {},
  };
}

describe('eval resume after infrastructure failures', () => {
  it('episodes the sandbox ended are not stored, are counted apart, and a rerun redoes them', async () => {
    const out = mkdtempSync(join(tmpdir(), 'r1ci-infra-'));
    const base = { model: oracle, taskIds: ['symbench.number_multiply'], perTask: 6, outDir: out, concurrency: 2 };
    const first = await runEval({ ...base, sandbox: flakySandbox(sandbox, 3) });
    expect(first.metrics.infrastructureFailures.count).toBe(2);
    expect(first.metrics.infrastructureFailures.stopReasons).toEqual({ 'sandbox-error': 2 });
    expect([first.metrics.episodes, first.metrics.meanAccuracy, first.missing]).toEqual([4, 1, 2]);
    expect(first.metrics.stopReasons).toEqual({ 'final-answer': 4 });
    expect(storedIds(out)).toHaveLength(4);
    const second = await runEval({ ...base, sandbox });
    expect([second.resumed, second.metrics.episodes, second.metrics.meanAccuracy, second.missing]).toEqual([
      4, 6, 1, 0,
    ]);
    expect(second.metrics.infrastructureFailures.count).toBe(0);
    expect(new Set(storedIds(out)).size).toBe(6);
  });

  it('a cut last line of episodes.jsonl is cut back and that episode redone, once', async () => {
    const out = mkdtempSync(join(tmpdir(), 'r1ci-torn-'));
    const base = { model: oracle, taskIds: ['symbench.number_multiply'], perTask: 3, outDir: out, sandbox };
    await runEval(base);
    const path = join(out, 'episodes.jsonl');
    truncateSync(path, readFileSync(path).length - 5); // `truncate -s -5`
    const rerun = await runEval(base);
    expect([rerun.resumed, rerun.metrics.episodes, rerun.metrics.meanAccuracy]).toEqual([2, 3, 1]);
    const again = await runEval(base);
    expect(again.resumed).toBe(3);
    expect(storedIds(out).sort()).toEqual([
      'symbench.number_multiply#0#0',
      'symbench.number_multiply#1#0',
      'symbench.number_multiply#2#0',
    ]);
  });

  it.skipIf(!HAS_SHARED_DATA)(
    'a task that fails mid-run spoils no episode of the others (the oracle stays at 100%)',
    async () => {
      const out = mkdtempSync(join(tmpdir(), 'r1ci-spoiled-'));
      const taskIds = ['rg.algorithmic.count_primes', 'symbench.gsm_hard'];
      setDataDir(mkdtempSync(join(tmpdir(), 'r1ci-nodata-'))); // a fresh machine: no gsm_hard data
      const failing = await createLocalSandbox({ concurrency: 2 });
      try {
        await expect(runEval({ model: oracle, taskIds, perTask: 3, outDir: out, sandbox: failing })).rejects.toThrow(
          /gsm_hard/,
        );
      } finally {
        await failing.close(); // as the CLI does on an error
      }
      await new Promise((resolve) => setTimeout(resolve, 500)); // episodes still in flight would end now
      setDataDir(SHARED_DATA_DIR);
      const rerun = await runEval({ model: oracle, taskIds, perTask: 3, outDir: out, sandbox });
      expect(rerun.metrics.tasks.map((t) => [t.taskId, t.accuracy])).toEqual([
        ['rg.algorithmic.count_primes', 1],
        ['symbench.gsm_hard', 1],
      ]);
      expect(rerun.metrics.stopReasons).toEqual({ 'final-answer': 6 });
    },
  );
});
