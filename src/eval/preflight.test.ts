// Preflight: every problem of a run found before any episode starts, in one list with fixes;
// --skip-unavailable runs the rest and names what it left out.
import { mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { BackendError } from '../core/index.js';
import type { Sandbox } from '../sandbox/types.js';
import { selectTasks, setDataDir } from '../tasks/index.js';
import { parseModelSpec, type ModelFactory } from './model-spec.js';
import { PreflightError, runPreflight } from './preflight.js';

/** A sandbox double that only records whether it was closed (preflight never runs code). */
class FakeSandbox implements Sandbox {
  closed = false;
  exec(): never {
    throw new Error('preflight must not run code');
  }
  async close() {
    this.closed = true;
  }
}

afterEach(() => setDataDir(undefined));
const oracle = parseModelSpec('oracle');

describe('preflight', () => {
  it('the oracle on the test split without data: every problem in one list, the sandbox closed again', async () => {
    setDataDir(mkdtempSync(join(tmpdir(), 'r1ci-nodata-')));
    const sandbox = new FakeSandbox();
    const error = await runPreflight({
      taskIds: selectTasks('test'),
      model: oracle,
      mode: 'ci',
      startSandbox: async () => sandbox,
    }).catch((e: unknown) => e);
    expect(error).toBeInstanceOf(PreflightError);
    const problems = (error as PreflightError).problems;
    const noReference = problems
      .filter((p) => p.message.startsWith('has no reference solution'))
      .map((p) => p.path)
      .sort();
    expect(noReference).toEqual([
      'bbh.formal_fallacies',
      'bbh.penguins_in_a_table',
      'bbh.snarks',
      'bbh.sports_understanding',
      'rg.algorithmic.sentence_reordering',
    ]);
    expect(problems.find((p) => p.path === 'symbench.gsm_hard')).toMatchObject({
      message: expect.stringMatching(/^dataset symbench\/gsm_hard is missing/),
      fix: 'r1ci data fetch symbench/gsm_hard, or --data-dir DIR',
    });
    expect((error as Error).message.split('\n')[0]).toBe(
      `${problems.length} problems found before the run started; no episode ran; fix them, or pass ` +
        `--skip-unavailable to run the other tasks:`,
    );
    expect((error as Error).message.split('\n')).toHaveLength(problems.length + 1);
    expect(sandbox.closed).toBe(true);
  });

  it('--skip-unavailable runs the rest and names each task left out with its reason', async () => {
    setDataDir(mkdtempSync(join(tmpdir(), 'r1ci-nodata-')));
    const sandbox = new FakeSandbox();
    const result = await runPreflight({
      taskIds: ['rg.algorithmic.count_primes', 'symbench.gsm_hard', 'bbh.snarks'],
      model: oracle,
      mode: 'ci',
      skipUnavailable: true,
      startSandbox: async () => sandbox,
    });
    expect(Object.keys(result.unavailable)).toEqual(['symbench.gsm_hard', 'bbh.snarks']);
    expect(result.unavailable['bbh.snarks']).toMatch(/^dataset bbh\/snarks is missing .*; has no reference solution/);
    expect([result.sandbox, sandbox.closed]).toEqual([sandbox, false]);
  });

  it('an unreachable model and an unavailable task are reported together; with nothing to skip, refused', async () => {
    const unreachable: ModelFactory = {
      ...oracle,
      preflight: async () => {
        throw new BackendError('cannot reach http://127.0.0.1:9/v1: start the server or fix the URL in --model');
      },
    };
    setDataDir(mkdtempSync(join(tmpdir(), 'r1ci-nodata-')));
    const error = await runPreflight({
      taskIds: ['symbench.gsm_hard', 'rg.algorithmic.count_primes'],
      model: unreachable,
      mode: 'ci',
      skipUnavailable: true,
      startSandbox: async () => new FakeSandbox(),
    }).catch((e: unknown) => e);
    expect((error as PreflightError).problems.map((p) => p.path)).toEqual(['symbench.gsm_hard', '']);
    const alone = await runPreflight({
      taskIds: ['symbench.gsm_hard'],
      model: oracle,
      mode: 'ci',
      skipUnavailable: true,
      startSandbox: async () => new FakeSandbox(),
    }).catch((e: unknown) => e);
    expect(alone).toBeInstanceOf(PreflightError);
  });

  it('text mode needs no reference solution', async () => {
    const result = await runPreflight({
      taskIds: ['rg.algorithmic.sentence_reordering'],
      model: oracle,
      mode: 'text',
      startSandbox: async () => new FakeSandbox(),
    });
    expect(result.unavailable).toEqual({});
  });
});
