// The LoRA setting of an SFT run, without Python (the in-memory learner): the create_model request it
// sends, its checks, a run folder that refuses a rerun with another rank, and an export that says why
// a learner without `peft_adapter` leaves no adapter folder.
import { existsSync, mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { byteTokenizer, FakeTrainingClient, sftRecord } from '../../../test/helpers/fake-training-client.js';
import { exportSftModel, sftModelRequest } from './model.js';
import { resolveSftConfig, runSft } from './run-sft.js';

let dir: string | undefined;
afterEach(() => {
  if (dir) rmSync(dir, { recursive: true, force: true });
});

describe('SFT with LoRA adapters', () => {
  it('sends lora_config {rank} only for a positive rank, and checks the rank', () => {
    expect(sftModelRequest('tiny', { loraRank: 0 })).toEqual({ base_model: 'tiny' });
    expect(sftModelRequest('/m', { loraRank: 8 })).toEqual({ base_model: '/m', lora_config: { rank: 8 } });
    expect(resolveSftConfig({}).loraRank).toBe(0);
    expect(() => resolveSftConfig({ loraRank: -1 })).toThrow(/sft.loraRank: bad value -1/);
    expect(() => resolveSftConfig({ loraRank: 1.5 })).toThrow(/sft.loraRank: bad value 1.5/);
  });

  it('a run folder of rank 4 refuses a rerun with another rank (its checkpoints would not fit)', async () => {
    dir = mkdtempSync(join(tmpdir(), 'r1ci-sft-lora-unit-'));
    const run = async (loraRank: number) => {
      const client = new FakeTrainingClient();
      const modelId = await client.createModel(sftModelRequest('tiny', { loraRank }));
      const train = [0, 1, 2, 3].map(sftRecord);
      return runSft({
        client,
        modelId,
        tokenizer: byteTokenizer,
        runDir: dir!,
        train,
        batchSize: 2,
        epochs: 1,
        loraRank,
      });
    };
    expect((await run(4)).steps).toBe(2);
    await expect(run(0)).rejects.toThrow(/holds a different SFT run/);
    await expect(run(4)).resolves.toMatchObject({ steps: 2, resumedFrom: 2 });
  });

  it('exports merged weights, and names the missing extension where a learner cannot write PEFT folders', async () => {
    dir = mkdtempSync(join(tmpdir(), 'r1ci-sft-lora-unit-'));
    const client = new FakeTrainingClient(['full_finetune']);
    const modelId = await client.createModel(sftModelRequest('tiny', { loraRank: 4 }));
    const exported = await exportSftModel(client, modelId, dir, { loraRank: 4 });
    expect(exported).toMatchObject({ final: join(dir, 'final'), adapter: null });
    expect(exported.adapterMissing).toMatch(/no peft_adapter extension/);
    expect(existsSync(join(dir, 'final-adapter'))).toBe(false);
    const full = await exportSftModel(client, modelId, dir, { loraRank: 0 });
    expect(full).toEqual({ final: join(dir, 'final'), adapter: null });
  });
});
