// `r1ci rl --learner URL` when the learner refuses the key or cannot be reached: one line that names the
// learner and the cause, a non-zero exit, no stack trace and no step recorded. Real processes: the CLI and a learner.
import { existsSync, mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { runCli } from '../../../test/helpers/cli.js';
import { freePort } from '../../learner/launcher.js';
import { createTinyPreset, startLocalLearner, type LocalLearner } from '../../learner/index.js';

let dir: string, base: string, learner: LocalLearner;

beforeAll(async () => {
  dir = mkdtempSync(join(tmpdir(), 'r1ci-rl-failures-'));
  base = await createTinyPreset(join(dir, 'base'), { seed: 1 });
  learner = await startLocalLearner({ threads: 1, stateDir: join(dir, 'learner') });
}, 60_000);

afterAll(async () => {
  await learner?.stop();
  if (dir) rmSync(dir, { recursive: true, force: true });
});

/** The run's stderr lines, less the progress bar's. */
async function rl(out: string, url: string, key: string): Promise<{ code: number | null; lines: string[] }> {
  const args = ['rl', '--out', out, '--init', base, '--learner', url, '--steps', '1', '--lora-rank', '2'];
  const run = await runCli(args, { env: { R1CI_LEARNER_API_KEY: key, R1CI_LEARNER_URL: '' } });
  return {
    code: run.code,
    lines: run.stderr
      .trim()
      .split('\n')
      .filter((line) => !/^rl \d+\/\d+ /.test(line)),
  };
}

describe('r1ci rl against a remote learner that fails at once', () => {
  it('a wrong key: one line with the 401 and how to send the key, at the first request', async () => {
    const out = join(dir, 'wrong-key');
    const run = await rl(out, learner.url, 'not-the-key');
    expect(run.code).not.toBe(0);
    const refused = /^r1ci: learner \w+ refused \(HTTP 401\): missing or wrong API key: send X-API-Key/;
    expect(run.lines).toEqual([expect.stringMatching(refused)]);
    expect(existsSync(join(out, 'state.json'))).toBe(false);
  }, 60_000);

  it('an unreachable learner: one line naming its URL, after the retries', async () => {
    const url = `http://127.0.0.1:${await freePort()}`;
    const run = await rl(join(dir, 'unreachable'), url, 'k');
    expect(run.code).not.toBe(0);
    expect(run.lines).toHaveLength(1);
    expect(run.lines[0].startsWith(`r1ci: learner at ${url} unreachable (`)).toBe(true);
    expect(run.lines[0]).toMatch(/\): fetch failed \(gave up after 6 tries\)$/);
  }, 60_000);
});
