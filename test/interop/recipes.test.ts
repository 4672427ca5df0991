// The verl and TRL recipes' Python reward modules against a real `r1ci serve`: 1,000+ exported
// questions score 1 with their gold answers and 0 with garbage; after the service is killed, each
// module fails with one clear error.
import { spawn } from 'node:child_process';
import { mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { resolvePython } from '../../src/core/index.js';
import { runCli, ROOT } from '../helpers/cli.js';
import { HAS_SHARED_DATA, SHARED_DATA_DIR } from '../helpers/shared-data.js';
import { startServe, type Served } from '../helpers/serve.js';

const python = resolvePython();
const questions = join(mkdtempSync(join(tmpdir(), 'r1ci-recipes-')), 'questions.jsonl');

function unittest(recipe: string, env: NodeJS.ProcessEnv): Promise<{ code: number | null; output: string }> {
  return new Promise((resolve) => {
    const child = spawn(python, [join(ROOT, 'examples', recipe, 'test_r1ci_reward.py'), '-v'], {
      cwd: ROOT,
      env: { ...process.env, R1CI_TEST_QUESTIONS: questions, ...env },
      stdio: ['ignore', 'pipe', 'pipe'],
    });
    let output = '';
    child.stdout.setEncoding('utf8').on('data', (chunk: string) => (output += chunk));
    child.stderr.setEncoding('utf8').on('data', (chunk: string) => (output += chunk));
    child.on('close', (code) => resolve({ code, output }));
  });
}

describe('verl and TRL reward modules against r1ci serve', () => {
  let served: Served;
  beforeAll(async () => {
    // Every task when the shared datasets are here; else the generated ones (9 questions each).
    const selection = HAS_SHARED_DATA
      ? ['--split', 'all', '--per-task', '8', '--data-dir', SHARED_DATA_DIR]
      : ['--tasks', 'rg,symbench.game24', '--per-task', '12'];
    const [exported, started] = await Promise.all([
      runCli(['tasks', 'export', ...selection, '--format', 'trl', '--out', questions]),
      startServe(['serve', '--port', '0', '--no-sandbox', ...(HAS_SHARED_DATA ? ['--data-dir', SHARED_DATA_DIR] : [])]),
    ]);
    expect(exported.code, exported.stderr).toBe(0);
    served = started;
  }, 180_000);
  afterAll(async () => served?.stop());

  it('score gold answers 1 and garbage ≤ 0.01 (verl batch and single, TRL plain and conversational)', async () => {
    const env = { R1CI_VERIFY_URL: served.url };
    const results = await Promise.all(['verl', 'trl'].map((recipe) => unittest(recipe, env)));
    for (const result of results) {
      expect(result.code, result.output).toBe(0);
      expect(result.output).toMatch(/\nOK \(skipped=1\)\n$/);
    }
  }, 120_000);

  it('fail with one clear error once the service is killed', async () => {
    served.child.kill('SIGKILL');
    await new Promise((resolve) => served.child.once('exit', resolve));
    const results = await Promise.all(
      ['verl', 'trl'].map((recipe) => unittest(recipe, { R1CI_VERIFY_URL: served.url, R1CI_TEST_PHASE: 'dead' })),
    );
    for (const result of results) {
      expect(result.code, result.output).toBe(0);
      expect(result.output).toMatch(/test_one_clear_error .*\.\.\. ok\n/);
    }
  }, 60_000);
});
