// The minimal SFT loop runs against a real local learner: the loss on the model's own tokens falls,
// and the schedule warms up and decays as documented.
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { loadTokenizer } from '../backends/index.js';
import { createOracleBackend } from '../agent/index.js';
import { createTinyPreset, startLocalLearner, type LocalLearner } from '../learner/index.js';
import { createLocalSandbox } from '../sandbox/index.js';
import { minimalLearningRate, runMinimalSft } from './minimal-sft.js';
import { readSynthRecords, runSynth } from './synth/index.js';

let learner: LocalLearner;
let dir: string;

beforeAll(async () => {
  dir = mkdtempSync(join(tmpdir(), 'r1ci-minimal-sft-'));
  const sandbox = await createLocalSandbox({ concurrency: 2 });
  try {
    await runSynth({ teacher: { name: 'oracle', forEpisode: (t, i, m) => ({ backend: createOracleBackend(t, i, m) }) }, taskIds: ['rg.arithmetic.count_bits'], perTask: 4, attemptsPerQuestion: 1, out: join(dir, 'data.jsonl'), sandbox, agent: { execTimeoutMs: 10_000 } });
  } finally {
    await sandbox.close();
  }
  learner = await startLocalLearner({ stateDir: join(dir, 'learner') });
}, 120_000);
afterAll(async () => {
  await learner?.stop();
  rmSync(dir, { recursive: true, force: true });
});

describe('runMinimalSft', () => {
  it('lowers the loss on the model\'s own tokens', async () => {
    const folder = await createTinyPreset(join(dir, 'tiny'));
    const modelId = await learner.client.createModel({ base_model: folder });
    const records = readSynthRecords(join(dir, 'data.jsonl'));
    const result = await runMinimalSft({ client: learner.client, modelId, tokenizer: loadTokenizer(folder), records, epochs: 6, batchSize: 4, learningRate: 3e-3, warmupSteps: 1 });
    expect(result.steps).toBe(6);
    expect(result.losses[0]).toBeGreaterThan(4); // about ln(259) at random init
    expect(result.losses[5]).toBeLessThan(result.losses[0] * 0.8);
  }, 120_000);

  it('warms up linearly, then decays by a cosine to zero', () => {
    expect([1, 2, 3].map((s) => minimalLearningRate(s - 1, 10, 1, 2))).toEqual([0.5, 1, 1]);
    expect(minimalLearningRate(6, 10, 1, 2)).toBeCloseTo(0.5);
    expect(minimalLearningRate(10, 10, 1, 2)).toBeCloseTo(0);
  });
});
