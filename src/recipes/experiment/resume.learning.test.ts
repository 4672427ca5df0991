// The experiment resumes after kill -9: a small run is killed (its whole process group, learner
// included) once its RL run has taken a step, then rerun: the finished SFT-only unit is not redone,
// the RL run goes on from its last saved step (each step's metrics written once), and both units end
// with results, the headline run's midway evaluation included. Tens of seconds of CPU, so it runs
// with `npm run test:learning`.
import { spawn } from 'node:child_process';
import { existsSync, mkdtempSync, readFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { ROOT } from '../../../test/helpers/cli.js';
import { readUnitResults } from './run-experiment.js';

const CHILD = join(ROOT, 'test', 'helpers', 'experiment-child.ts');

/** Runs the child; with `killAt`, kills its process group with SIGKILL when its output first matches. */
function runChild(out: string, killAt?: RegExp): Promise<{ output: string; killed: boolean }> {
  return new Promise((resolve, reject) => {
    const child = spawn(process.execPath, ['--import', 'tsx', CHILD], {
      cwd: ROOT,
      env: { ...process.env, R1CI_EXPERIMENT_OUT: out },
      stdio: ['ignore', 'pipe', 'pipe'],
      detached: true,
    });
    let output = '';
    let killed = false;
    const onData = (chunk: Buffer) => {
      output += chunk.toString();
      if (killAt && !killed && killAt.test(output)) {
        killed = true;
        process.kill(-child.pid!, 'SIGKILL');
      }
    };
    child.stdout.on('data', onData);
    child.stderr.on('data', onData);
    child.on('error', reject);
    child.on('close', (code) =>
      killed || code === 0 ? resolve({ output, killed }) : reject(new Error(`exit ${code}:\n${output}`)),
    );
  });
}

describe.runIf(process.env.R1CI_LEARNING_TESTS)('r1ci experiment after kill -9', () => {
  it('skips the finished unit and resumes the RL run at its next step', async () => {
    const out = mkdtempSync(join(tmpdir(), 'r1ci-experiment-kill-'));
    const first = await runChild(out, /grpo step 2\/3/);
    expect(first.killed).toBe(true);
    expect(existsSync(join(out, 'seed-0', 'results', 'sft.dev.json'))).toBe(true);
    expect(existsSync(join(out, 'seed-0', 'results', 'grpo.dev.json'))).toBe(false);
    // Step 2 is the shared length: its evaluation was written before the step was committed.
    expect(existsSync(join(out, 'seed-0', 'results', 'grpo.dev.midway.json'))).toBe(true);

    const second = await runChild(out);
    expect(second.output).toContain('1 of 2 runs already done; 1 to run');
    expect(second.output).not.toMatch(/grpo step 1\/3/);
    expect(second.output).toMatch(/grpo step 3\/3/);
    const steps = readFileSync(join(out, 'seed-0', 'grpo', 'rl', 'metrics.jsonl'), 'utf8')
      .split('\n')
      .filter(Boolean)
      .map((line) => (JSON.parse(line) as { step: number }).step);
    expect(steps).toEqual([1, 2, 3]);
    const results = readUnitResults(out, [0], 'dev');
    expect(results.map((r) => r.arm).sort()).toEqual(['grpo', 'sft']);
    for (const r of results) for (const records of Object.values(r.modes)) expect(records).toHaveLength(4);
    const grpo = results.find((r) => r.arm === 'grpo')!;
    expect(grpo.midway?.step).toBe(2);
    expect(grpo.midway?.modes.choice).toHaveLength(4);
    expect(existsSync(join(out, 'seed-0', 'eval', 'grpo-step2-choice.dev.jsonl'))).toBe(true);
  }, 240_000);
});
