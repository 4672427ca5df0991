// A remote learner killed in the middle of `r1ci rl --learner URL`: the run stops with one clear line,
// its finished step and checkpoint stay, and a rerun against a restarted learner (same state folder)
// resumes after that step. Real processes: the CLI and two learners in turn. A learning check (npm run test:learning)
// for its wall time: 68 s measured on the 2 shared cores under load (retries of a dead learner wait ~8 s a verb).
import { existsSync, mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { spawnCli } from '../../../test/helpers/cli.js';
import { createTinyPreset, startLocalLearner, type LocalLearner } from '../../learner/index.js';
import { readMetrics } from './run-state.js';
import type { RunState } from './types.js';
import { tinyRemoteRlArgs } from '../../../test/helpers/remote-rl.js';

let dir: string, base: string;
const learners: LocalLearner[] = [];

beforeAll(async () => {
  dir = mkdtempSync(join(tmpdir(), 'r1ci-rl-killed-'));
  base = await createTinyPreset(join(dir, 'base'), { seed: 1 });
}, 60_000);

afterAll(async () => {
  for (const learner of learners) await learner.stop();
  if (dir) rmSync(dir, { recursive: true, force: true });
});

async function learner(): Promise<LocalLearner> {
  const started = await startLocalLearner({ threads: 1, stateDir: join(dir, 'learner') });
  learners.push(started);
  return started;
}

/** `r1ci rl` against `remote`; `onStep1` runs once the first step's line is out (step 2 is under way). */
type Run = { code: number | null; stdout: string; stderr: string };
function rl(out: string, remote: LocalLearner, onStep1?: () => void): Promise<Run> {
  const args = tinyRemoteRlArgs(out, remote.url, base);
  const child = spawnCli(args, { R1CI_LEARNER_API_KEY: remote.apiKey, R1CI_LEARNER_URL: '' });
  child.stdin!.end();
  let stdout = '',
    stderr = '',
    fired = false;
  child.stdout!.setEncoding('utf8').on('data', (chunk: string) => {
    stdout += chunk;
    if (onStep1 && !fired && /^step 1 /m.test(stdout)) {
      fired = true;
      onStep1();
    }
  });
  child.stderr!.setEncoding('utf8').on('data', (chunk: string) => {
    stderr += chunk;
  });
  return new Promise((resolve) => child.on('close', (code) => resolve({ code, stdout, stderr })));
}

describe('r1ci rl when its remote learner is killed mid-run', () => {
  it('stops with one line naming the learner, keeps step 1 and its checkpoint, resumes on a new one', async () => {
    const out = join(dir, 'run');
    const first = await learner();
    const killed = await rl(out, first, () => first.child.kill('SIGKILL'));
    expect(killed.code).not.toBe(0);
    const lines = killed.stderr
      .trim()
      .split('\n')
      .filter((line) => !/^rl \d+\/\d+ /.test(line)); // less progress
    expect(lines).toHaveLength(1);
    expect(lines[0]).toMatch(new RegExp(`learner at ${first.url} unreachable .*gave up after \\d+ tries`));
    const state = JSON.parse(readFileSync(join(out, 'state.json'), 'utf8')) as RunState;
    expect(state.step).toBe(1);
    expect(readMetrics(join(out, 'metrics.jsonl')).map((m) => m.step)).toEqual([1]);
    const checkpoint = state.checkpoint.replace(
      /^tinker:\/\/([^/]+)\/weights\/([^/]+)$/,
      (_, model: string, name: string) => join(dir, 'learner', 'checkpoints', model, name),
    );
    expect(existsSync(join(checkpoint, 'weights.safetensors'))).toBe(true);

    const resumed = await rl(out, await learner());
    expect(resumed.stderr).not.toMatch(/r1ci:|Error/);
    expect(resumed.code).toBe(0);
    expect(resumed.stdout).toContain('resumed after step 1');
    expect(readMetrics(join(out, 'metrics.jsonl')).map((m) => m.step)).toEqual([1, 2]);
  }, 300_000);
});
