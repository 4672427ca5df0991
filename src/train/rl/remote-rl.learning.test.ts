// `r1ci rl --learner URL` against a server shaped like SkyRL-tx's API (which lists no r1ci extension) in
// front of the local learner: two steps, the curriculum's success-rate estimate and a held-out eval, all
// sampling weights saved for the sampler, every request one that SkyRL's models accept. A learning check
// (npm run test:learning) for its CPU: 78-152 s measured on the 2 shared cores under load.
import { existsSync, mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { runCli } from '../../../test/helpers/cli.js';
import { startSkyrlShapedServer, type SkyrlShapedServer } from '../../../test/helpers/skyrl-shaped-server.js';
import { startLocalLearner, type LocalLearner } from '../../learner/index.js';
import { tinyRemoteRlArgs } from '../../../test/helpers/remote-rl.js';

let dir: string, learner: LocalLearner, server: SkyrlShapedServer;

beforeAll(async () => {
  dir = mkdtempSync(join(tmpdir(), 'r1ci-remote-rl-'));
  learner = await startLocalLearner({ threads: 1, stateDir: join(dir, 'learner') });
  server = await startSkyrlShapedServer({
    learnerUrl: learner.url,
    learnerKey: learner.apiKey,
    baseModel: 'tiny',
    apiKey: 'k-remote',
    longPollMs: 2_000,
  });
}, 60_000);

afterAll(async () => {
  await server?.close();
  await learner?.stop();
  rmSync(dir, { recursive: true, force: true });
});

describe('r1ci rl --learner URL against a SkyRL-shaped server', () => {
  it('runs two steps with the curriculum estimate and a held-out eval, using no extension', async () => {
    const out = join(dir, 'run');
    const args = [
      ...tinyRemoteRlArgs(out, server.url),
      '--curriculum',
      '--steps-per-stage',
      '1',
      '--curriculum-samples',
      '1',
      '--questions-per-task',
      '4',
      '--eval-every',
      '2',
      '--eval-per-task',
      '1',
      '--json',
    ];
    const run = await runCli(args, { env: { R1CI_LEARNER_API_KEY: 'k-remote', R1CI_LEARNER_URL: '' } });
    expect(run.stderr).not.toMatch(/Error/);
    expect(run.code).toBe(0);
    const result = JSON.parse(run.stdout.slice(run.stdout.indexOf('{'))) as {
      steps: number;
      last: { eval?: { accuracy: number } };
    };
    expect(result.steps).toBe(2);
    expect(result.last.eval?.accuracy).toBeTypeOf('number');
    expect(existsSync(join(out, 'curriculum.json'))).toBe(true);

    expect(server.log.filter((r) => r.status >= 400 && r.status !== 408).map((r) => `${r.path} ${r.status}`)).toEqual(
      [],
    );
    const samples = server.log
      .filter((r) => r.path === '/api/v1/asample')
      .map((r) => r.body as { model_path?: string });
    // Weights versions 0 (rollouts and the curriculum estimate of step 1), 1 (step 2) and 2 (the eval), each saved
    // once.
    const paths = [...new Set(samples.map((s) => s.model_path))];
    expect(paths.map((p) => p?.replace(/^tinker:\/\/[^/]+\//, ''))).toEqual([
      'sampler-000000',
      'sampler-000001',
      'sampler-000002',
    ]);
    expect(server.log.filter((r) => r.path === '/api/v1/save_weights_for_sampler')).toHaveLength(3);
  }, 480_000);
});
