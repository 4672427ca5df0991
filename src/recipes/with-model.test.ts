// A `learner:DIR` model in a recipe: withModel starts one local learner for the run, samples the
// folder on it (a relative DIR too: the learner runs in another working directory), and stops it
// when the run ends, also when the run throws; other specs start no learner.
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, relative } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createTinyPreset } from '../learner/index.js';
import type { TokenBackend } from '../backends/index.js';
import { alive, learnerPids } from '../../test/helpers/processes.js';
import { withModel } from './with-model.js';

describe.runIf(process.platform === 'linux')('withModel', () => {
  let dir = '',
    folder = '';
  beforeAll(async () => {
    dir = mkdtempSync(join(tmpdir(), 'r1ci-with-model-'));
    folder = await createTinyPreset(join(dir, 'tiny'));
  }, 60_000);
  afterAll(() => rmSync(dir, { recursive: true, force: true }));

  it('learner:DIR: one learner for the run, sampled, and stopped when the run ends', async () => {
    const before = new Set(learnerPids());
    let started: number[] = [];
    const tokens = await withModel(`learner:${relative(process.cwd(), folder)}`, {}, async (model) => {
      started = learnerPids().filter((pid) => !before.has(pid));
      await model.preflight();
      const { backend } = (model.forEpisode as () => { backend: TokenBackend })();
      return (await backend.sample({ promptTokens: [72, 105], maxTokens: 3, temperature: 0 })).tokens;
    });
    expect(started).toHaveLength(1);
    expect(tokens).toHaveLength(3);
    expect(alive(started[0])).toBe(false);
  }, 90_000);

  it('stops the learner when the run throws, and starts none for other specs', async () => {
    const before = new Set(learnerPids());
    let started: number[] = [];
    const run = withModel(`learner:${folder}`, {}, async () => {
      started = learnerPids().filter((pid) => !before.has(pid));
      throw new Error('the run failed');
    });
    await expect(run).rejects.toThrow('the run failed');
    expect(started).toHaveLength(1);
    expect(alive(started[0])).toBe(false);
    const name = await withModel('oracle', {}, async (model) => {
      expect(learnerPids().filter((pid) => !before.has(pid))).toEqual([]);
      return model.name;
    });
    expect(name).toBe('oracle');
  }, 90_000);
});
