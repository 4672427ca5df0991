// `r1ci rl --learner URL` through a 5xx burst on a SkyRL-shaped server after step 1 is committed: a burst longer than
// the client's retries ends the run in one line naming the learner and the cause, step 1 and its checkpoint kept; the
// rerun resumes after step 1 through a short burst, which is retried. Real processes: the CLI and a learner. A
// learning check (npm run test:learning) for its wall time: 27-40 s measured on the 2 shared cores (8 s of it
// the retries' backoff).
import { existsSync, mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { runCli } from '../../../test/helpers/cli.js';
import { startSkyrlShapedServer, type SkyrlShapedServer } from '../../../test/helpers/skyrl-shaped-server.js';
import { createTinyPreset, startLocalLearner, type LocalLearner } from '../../learner/index.js';
import { readMetrics } from './run-state.js';
import type { RunState } from './types.js';
import { tinyRemoteRlArgs } from '../../../test/helpers/remote-rl.js';

let dir: string, base: string, learner: LocalLearner, server: SkyrlShapedServer;

beforeAll(async () => {
  dir = mkdtempSync(join(tmpdir(), 'r1ci-rl-5xx-'));
  base = await createTinyPreset(join(dir, 'base'), { seed: 1 });
  learner = await startLocalLearner({ threads: 1, stateDir: join(dir, 'learner') });
  server = await startSkyrlShapedServer({
    learnerUrl: learner.url,
    learnerKey: learner.apiKey,
    baseModel: 'tiny',
    apiKey: 'k-5xx',
    longPollMs: 2_000,
  });
}, 60_000);

afterAll(async () => {
  await server?.close();
  await learner?.stop();
  if (dir) rmSync(dir, { recursive: true, force: true });
});

/** Two tiny steps against the server; stderr without the progress bar's lines. */
async function rl(out: string): Promise<{ code: number | null; stdout: string; lines: string[] }> {
  const args = tinyRemoteRlArgs(out, server.url, base);
  const run = await runCli(args, { env: { R1CI_LEARNER_API_KEY: 'k-5xx', R1CI_LEARNER_URL: '' } });
  const lines = run.stderr
    .trim()
    .split('\n')
    .filter((line) => line && !/^rl \d+\/\d+ /.test(line));
  return { code: run.code, stdout: run.stdout, lines };
}

describe('r1ci rl through a 5xx burst of its remote learner', () => {
  it('a long burst ends the run in one line with step 1 kept; the rerun retries a short one and resumes', async () => {
    const out = join(dir, 'run');
    // Step 2's save_weights (the first one, step 1's, goes through) meets more 503s than the client's 6 tries.
    server.faults.push({ path: '/api/v1/save_weights', after: 1, count: 20 });
    const failed = await rl(out);
    expect(failed.code).not.toBe(0);
    expect(failed.lines).toEqual([
      `r1ci: learner save_weights refused (HTTP 503): Service Unavailable (gave up after 6 tries at ${server.url})`,
    ]);
    const state = JSON.parse(readFileSync(join(out, 'state.json'), 'utf8')) as RunState;
    expect(state.step).toBe(1);
    expect(state.checkpoint).toMatch(/^tinker:\/\/[^/]+\/weights\/train-000001$/);
    expect(readMetrics(join(out, 'metrics.jsonl')).map((m) => m.step)).toEqual([1]);
    const checkpoint = state.checkpoint.replace(
      /^tinker:\/\/([^/]+)\/weights\/([^/]+)$/,
      (_, model: string, name: string) => join(dir, 'learner', 'checkpoints', model, name),
    );
    expect(existsSync(join(checkpoint, 'weights.safetensors'))).toBe(true);

    // The rerun: a short burst on training and on polling (fewer than the retries) is retried and the run completes.
    server.faults.length = 0;
    server.faults.push(
      { path: '/api/v1/forward_backward', count: 2 },
      { path: '/api/v1/retrieve_future', count: 2, status: 502 },
    );
    const before = server.log.length;
    const resumed = await rl(out);
    expect(resumed.lines).toEqual([]);
    expect(resumed.code).toBe(0);
    expect(resumed.stdout).toContain('resumed after step 1');
    expect(readMetrics(join(out, 'metrics.jsonl')).map((m) => m.step)).toEqual([1, 2]);
    const faulted = server.log.slice(before).filter((r) => r.status >= 500);
    expect(faulted.map((r) => `${r.path} ${r.status}`).sort()).toEqual([
      '/api/v1/forward_backward 503',
      '/api/v1/forward_backward 503',
      '/api/v1/retrieve_future 502',
      '/api/v1/retrieve_future 502',
    ]);
  }, 120_000);
});
