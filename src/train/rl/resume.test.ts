// kill -9 during a step, then rerun: the rerun resumes after the last committed step, and its step
// count, optimizer state (the saved checkpoint) and metrics file continue exactly as an
// uninterrupted run's. Real child processes (the CLI) against one real learner.
import { spawn } from 'node:child_process';
import { mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { cliEntry } from '../../../test/helpers/cli.js';
import { createTinyPreset, startLocalLearner, type LocalLearner } from '../../learner/index.js';
import { readMetrics } from './run-state.js';
import type { RunState, StepMetrics } from './types.js';

const ROOT = join(import.meta.dirname, '..', '..', '..');
const STEPS = 4;
let learner: LocalLearner;
let dir: string;
let base: string;

beforeAll(async () => {
  dir = mkdtempSync(join(tmpdir(), 'r1ci-rl-resume-'));
  base = await createTinyPreset(join(dir, 'base'), { seed: 1 });
  // One sample request at a time: batched rows' floats depend on which requests happen to share a
  // batch, and this test compares weights and optimizer state byte for byte across two runs.
  learner = await startLocalLearner({ threads: 1, stateDir: join(dir, 'learner'), batchRequests: false });
}, 120_000);

afterAll(async () => {
  await learner?.stop();
  if (dir) rmSync(dir, { recursive: true, force: true });
});

/**
 * Runs `r1ci rl` in a child; with killAfterStep, SIGKILLs it as soon as that step is committed (the next one is under
 * way).
 */
function runCli(
  out: string,
  killAfterStep?: number,
  extra: string[] = [],
): Promise<{ code: number | null; signal: NodeJS.Signals | null; stdout: string }> {
  // PPO from a cold start: the critic and GAE give non-zero gradients even when every reward is equal.
  const args = [
    ...cliEntry(),
    'rl',
    '--out',
    out,
    '--init',
    base,
    '--steps',
    String(STEPS),
    '--estimator',
    'ppo',
    '--group-size',
    '2',
    '--questions-per-step',
    '2',
    '--max-tokens-per-turn',
    '16',
    '--max-total-tokens',
    '32',
    '--system-prompt',
    'Use Python.',
    '--concurrency',
    '4',
    '--lr',
    '1e-3',
    ...extra,
  ];
  const child = spawn(process.execPath, args, {
    cwd: ROOT,
    env: { ...process.env, R1CI_LEARNER_URL: learner.url, R1CI_LEARNER_API_KEY: learner.apiKey },
    stdio: ['ignore', 'pipe', 'pipe'],
  });
  let stdout = '',
    stderr = '';
  child.stdout.setEncoding('utf8').on('data', (chunk: string) => {
    stdout += chunk;
    if (killAfterStep !== undefined && stdout.includes(`step ${killAfterStep} `)) child.kill('SIGKILL');
  });
  child.stderr.setEncoding('utf8').on('data', (chunk: string) => {
    stderr += chunk;
  });
  return new Promise((resolveRun) =>
    child.once('exit', (code, signal) => {
      if (code !== 0 && signal !== 'SIGKILL') process.stderr.write(stderr);
      resolveRun({ code, signal, stdout });
    }),
  );
}

const withoutTimes = (m: StepMetrics) => {
  const {
    samplingSeconds: _s,
    generationSeconds: _g,
    executionSeconds: _e,
    trainingSeconds: _t,
    hiddenExecution: _h,
    ...rest
  } = m;
  return rest;
};
const state = (out: string) => JSON.parse(readFileSync(join(out, 'state.json'), 'utf8')) as RunState;
/** A checkpoint saved under a name comes back as tinker://MODEL/weights/NAME, kept in the learner's state folder. */
const folderOf = (path: string) =>
  path.replace(/^tinker:\/\/([^/]+)\/weights\/([^/]+)$/, (_, model: string, name: string) =>
    join(dir, 'learner', 'checkpoints', model, name),
  );
const bytes = (path: string, file: string) => readFileSync(join(folderOf(path), file));

describe('r1ci rl resume after kill -9', () => {
  it('continues with no step lost or repeated, the same optimizer state and the same metrics', async () => {
    const reference = join(dir, 'reference'),
      killed = join(dir, 'killed');
    const whole = await runCli(reference);
    expect(whole.code).toBe(0);

    const first = await runCli(killed, 2);
    expect(first.signal).toBe('SIGKILL');
    expect(state(killed).step).toBe(2);
    const second = await runCli(killed);
    expect(second.code).toBe(0);
    expect(second.stdout).toContain('resumed after step 2');
    expect(second.stdout).not.toMatch(/^step [12] /m);

    const a = readMetrics(join(reference, 'metrics.jsonl')),
      b = readMetrics(join(killed, 'metrics.jsonl'));
    expect(b.map((m) => m.step)).toEqual([1, 2, 3, 4]);
    expect(b.map(withoutTimes)).toEqual(a.map(withoutTimes));
    const [ra, rb] = [state(reference), state(killed)];
    expect(rb.step).toBe(STEPS);
    expect(JSON.parse(bytes(rb.checkpoint, 'meta.json').toString()).steps).toBe(STEPS);
    expect(bytes(rb.checkpoint, 'weights.safetensors').equals(bytes(ra.checkpoint, 'weights.safetensors'))).toBe(true);
    expect(bytes(rb.checkpoint, 'optimizer.pt').equals(bytes(ra.checkpoint, 'optimizer.pt'))).toBe(true);
  }, 240_000);
});

describe('r1ci rl --estimator ppo with mini-batches', () => {
  it('takes one optimizer step per mini-batch, the critic clipped around its pre-update values', async () => {
    const out = join(dir, 'mini-batches');
    const run = await runCli(out, undefined, ['--steps', '1', '--mini-batches', '2', '--value-clip', '0.2']);
    expect(run.code).toBe(0);
    expect(run.stdout).toMatch(/^step 1 .*updates 2/m);
    const [metrics] = readMetrics(join(out, 'metrics.jsonl'));
    expect([metrics.updates, metrics.valueError === null]).toEqual([2, false]);
    // the learner's optimizer steps
    expect(JSON.parse(bytes(state(out).checkpoint, 'meta.json').toString()).steps).toBe(2);
    expect(JSON.parse(readFileSync(join(out, 'config.json'), 'utf8')).config).toMatchObject({
      estimator: 'ppo',
      miniBatches: 2,
      valueClip: 0.2,
    });
  }, 120_000);
});
