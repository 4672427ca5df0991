// The minimal SFT loop runs against a real local learner: the loss on the model's own tokens falls,
// and the schedule warms up and decays as documented.
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startOracleDataFixture, type OracleDataFixture } from '../../test/helpers/training-fixtures.js';
import { loadTokenizer } from '../backends/index.js';
import { createTinyPreset, type LocalLearner } from '../learner/index.js';
import { minimalLearningRate, runMinimalSft } from './minimal-sft.js';
import { readSynthRecords } from './synth/index.js';

let learner: LocalLearner;
let dir: string;
let fixture: OracleDataFixture | undefined;

beforeAll(async () => {
  fixture = await startOracleDataFixture('r1ci-minimal-sft-', 4);
  ({ dir, learner } = fixture);
}, 120_000);
afterAll(async () => {
  await fixture?.close();
});

describe('runMinimalSft', () => {
  it("lowers the loss on the model's own tokens", async () => {
    const folder = await createTinyPreset(join(dir, 'tiny'));
    const modelId = await learner.client.createModel({ base_model: folder });
    const records = readSynthRecords(join(dir, 'data.jsonl'));
    const result = await runMinimalSft({
      client: learner.client,
      modelId,
      tokenizer: loadTokenizer(folder),
      records,
      epochs: 6,
      batchSize: 4,
      learningRate: 3e-3,
      warmupSteps: 1,
    });
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
