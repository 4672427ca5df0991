// The RL loop's bookkeeping against an in-memory learner (no Python): the resume checkpoint's
// cadence, a kill that redoes unsaved steps without duplicate metric lines, the checkpoints kept,
// and the optimizer steps the learner saw. What the model learns is tested with the real learner.
import { mkdtempSync, readdirSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import {
  answeringPolicy,
  byteTokenizer,
  FakeTrainingClient,
  unusedSandbox,
} from '../../../test/helpers/fake-training-client.js';
import { resolveRlConfig } from './config.js';
import { runRl } from './run-rl.js';
import type { RunState } from './types.js';

const dir = mkdtempSync(join(tmpdir(), 'r1ci-rl-bookkeeping-'));
afterAll(() => rmSync(dir, { recursive: true, force: true }));

const small = {
  groupSize: 2,
  questionsPerStep: 2,
  concurrency: 4,
  learningRate: 1e-3,
  klCoef: 0,
  agent: { systemPrompt: 'Use Python.', maxTokensPerTurn: 12, maxTotalTokens: 24 },
};
const run = (
  client: FakeTrainingClient,
  runDir: string,
  config: ReturnType<typeof resolveRlConfig>,
  onStep?: (m: { step: number }) => void,
) =>
  runRl({
    config,
    client,
    init: 'fake-base',
    tokenizer: byteTokenizer,
    sandbox: unusedSandbox,
    runDir,
    rolloutBackend: () => answeringPolicy(),
    onStep,
  });

describe('runRl with a checkpoint cadence', () => {
  it('writes the resume checkpoint every saveEvery steps and at the last; a kill redoes unsaved steps', async () => {
    const runDir = join(dir, 'cadence');
    // checkpointEvery 1 keeps every checkpoint written.
    const config = resolveRlConfig({ ...small, steps: 3, saveEvery: 2, checkpointEvery: 1 });
    const killedAt = (step: number) => (m: { step: number }) => {
      if (m.step === step) throw new Error(`killed after step ${step}`);
    };
    // Step 1 completes but is not saved: the rerun starts over, with no duplicate metric line.
    await expect(run(new FakeTrainingClient(), runDir, config, killedAt(1))).rejects.toThrow(/killed after step 1/);
    expect(readdirSync(runDir)).not.toContain('state.json');
    const client = new FakeTrainingClient();
    const result = await run(client, runDir, config);
    expect(result.resumedFrom).toBe(0);
    expect(result.metrics.map((m) => m.step)).toEqual([1, 2, 3]);
    expect(readdirSync(join(runDir, 'checkpoints')).sort()).toEqual(['train-000002', 'train-000003']);
    expect((JSON.parse(readFileSync(join(runDir, 'state.json'), 'utf8')) as RunState).step).toBe(3);
    expect(client.steps(result.modelId)).toBe(3);
    expect(client.calls.filter((c) => c.verb === 'save_weights').map((c) => c.path!.split('/').pop())).toEqual([
      'train-000002',
      'train-000003',
    ]);
    expect(() => resolveRlConfig({ saveEvery: 2, sampling: 'stale-1' })).toThrow(
      /rl.saveEvery.*drop --save-every or --stale/,
    );
  }, 30_000);

  it('a rerun after the last saved step resumes from its checkpoint, with the optimizer state', async () => {
    const runDir = join(dir, 'resume');
    const config = resolveRlConfig({ ...small, steps: 4, saveEvery: 2 });
    await expect(
      run(new FakeTrainingClient(), runDir, config, (m) => {
        if (m.step === 3) throw new Error('killed');
      }),
    ).rejects.toThrow('killed');
    const client = new FakeTrainingClient();
    const result = await run(client, runDir, config);
    expect(result.resumedFrom).toBe(2);
    expect(
      client.calls
        .find((c) => c.verb === 'load_weights')
        ?.path?.split('/')
        .pop(),
    ).toBe('train-000002');
    expect(client.steps(result.modelId)).toBe(4);
    expect(result.metrics.map((m) => m.step)).toEqual([1, 2, 3, 4]);
  }, 30_000);

  it('at temperature ≠ 1, refuses a learner without the temperature extension before creating a model', async () => {
    const config = resolveRlConfig({ ...small, steps: 1, agent: { ...small.agent, temperature: 0.7 } });
    const client = new FakeTrainingClient(['full_finetune', 'sample_from_model_id']);
    await expect(run(client, join(dir, 'tempered'), config)).rejects.toThrow(
      /rl.agent.temperature: .*no temperature extension.*use --temperature 1/,
    );
    expect(client.calls.filter((c) => c.verb === 'create_model')).toEqual([]);
  });
});
