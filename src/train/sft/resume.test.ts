// Crash and resume: `r1ci sft` as a real child process is killed with SIGKILL mid-run; running it
// again resumes from the last checkpoint: the step count continues and no step is logged twice.
import { existsSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { setTimeout as sleep } from 'node:timers/promises';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { runCli, spawnCli } from '../../../test/helpers/cli.js';
import { startOracleDataFixture, type OracleDataFixture } from '../../../test/helpers/training-fixtures.js';
import type { LocalLearner } from '../../learner/index.js';
import type { SftState } from './types.js';

let learner: LocalLearner;
let dir: string;
let fixture: OracleDataFixture | undefined;

beforeAll(async () => {
  fixture = await startOracleDataFixture('r1ci-sft-resume-', 10);
  ({ dir, learner } = fixture);
}, 120_000);
afterAll(async () => {
  await fixture?.close();
});

const loggedSteps = (out: string) =>
  readFileSync(join(out, 'metrics.jsonl'), 'utf8')
    .trim()
    .split('\n')
    .map((l) => (JSON.parse(l) as { step: number }).step);

describe('r1ci sft after SIGKILL', () => {
  it('resumes from the last checkpoint: the step count continues, no step repeated', async () => {
    const out = join(dir, 'run');
    const args = [
      'sft',
      '--data',
      join(dir, 'data.jsonl'),
      '--out',
      out,
      '--model',
      'tiny',
      '--batch-size',
      '1',
      '--epochs',
      '1',
      '--lr',
      '1e-3',
      '--checkpoint-every',
      '2',
      '--eval-every',
      '100',
      '--held-out',
      '0',
      '--max-steps',
      '8',
      '--json',
    ];
    const env = { R1CI_LEARNER_URL: learner.url, R1CI_LEARNER_API_KEY: learner.apiKey };
    const child = spawnCli(args, env);
    const closed = new Promise((resolve) => child.on('close', resolve));
    const statePath = join(out, 'sft-state.json');
    const deadline = Date.now() + 90_000;
    let state: SftState | null = null;
    while (Date.now() < deadline) {
      if (existsSync(statePath)) state = JSON.parse(readFileSync(statePath, 'utf8')) as SftState;
      if (state && state.step >= 2) break;
      await sleep(50);
    }
    child.kill('SIGKILL');
    await closed;
    expect(state!.step).toBeGreaterThanOrEqual(2);
    const killedAt = (JSON.parse(readFileSync(statePath, 'utf8')) as SftState).step;
    expect(killedAt).toBeLessThan(8); // killed mid-run, not after the end
    expect(loggedSteps(out).slice(0, killedAt)).toEqual(Array.from({ length: killedAt }, (_, i) => i + 1));

    const rerun = await runCli(args, { env });
    expect(rerun.code, rerun.stderr).toBe(0);
    const result = JSON.parse(rerun.stdout) as { steps: number; resumedFrom: number; totalSteps: number };
    expect(result).toMatchObject({ steps: 8, totalSteps: 8, resumedFrom: killedAt });
    const firstNewStep = Number(/^sft (\d+)\/\d+ /m.exec(rerun.stderr)![1]); // the progress line of its first step
    expect(firstNewStep).toBe(killedAt + 1);
    expect(loggedSteps(out)).toEqual(Array.from({ length: 8 }, (_, i) => i + 1));
    expect(existsSync(join(out, 'final', 'config.json'))).toBe(true);
  }, 180_000);
});
