// A `learner:DIR` model samples through the learner its caller owns and starts no process itself
// (it used to start a local learner on preflight that only an explicit close() stopped); without a
// learner to sample on, parsing it is a one-line error, before anything starts.
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, relative } from 'node:path';
import { describe, expect, it } from 'vitest';
import { ConfigError } from '../core/index.js';
import { createTinyPreset, type TrainingClient } from '../learner/index.js';
import type { SampleOptions } from '../learner/types.js';
import { parseModelSpec } from './model-spec.js';
import type { TokenBackend } from '../backends/index.js';
import { learnerPids } from '../../test/helpers/processes.js';

describe.runIf(process.platform === 'linux')('learner:DIR model', () => {
  it("samples the folder through the caller's learner and starts none of its own", async () => {
    const dir = mkdtempSync(join(tmpdir(), 'r1ci-model-spec-'));
    try {
      const folder = await createTinyPreset(join(dir, 'tiny'));
      const requests: SampleOptions[] = [];
      const client: Pick<TrainingClient, 'sample'> = {
        async sample(options) {
          requests.push(options);
          return [{ tokens: [1, 2, 3], logprobs: [-1, -1, -1], stopReason: 'length' }];
        },
      };
      const before = new Set(learnerPids());
      const model = parseModelSpec(`learner:${relative(process.cwd(), folder)}`, { learner: () => client });
      await model.preflight();
      const { backend } = (model.forEpisode as () => { backend: TokenBackend })();
      const sample = await backend.sample({ promptTokens: [72, 105], maxTokens: 3, temperature: 0 });
      expect(sample.tokens).toEqual([1, 2, 3]);
      expect(requests.map((r) => r.baseModel)).toEqual([folder]);
      expect(learnerPids().filter((pid) => !before.has(pid))).toEqual([]);
      expect(model.needsLearner).toBe(true);
    } finally {
      rmSync(dir, { recursive: true, force: true });
    }
  }, 60_000);

  it('is refused in one line when no learner is given to sample on', async () => {
    const dir = mkdtempSync(join(tmpdir(), 'r1ci-model-spec-'));
    try {
      const folder = await createTinyPreset(join(dir, 'tiny'));
      const before = new Set(learnerPids());
      expect(() => parseModelSpec(`learner:${folder}`)).toThrow(ConfigError);
      expect(() => parseModelSpec(`learner:${folder}`)).toThrow(
        /^model: learner:DIR samples on a learner its caller starts/,
      );
      expect(learnerPids().filter((pid) => !before.has(pid))).toEqual([]);
    } finally {
      rmSync(dir, { recursive: true, force: true });
    }
  }, 60_000);
});
