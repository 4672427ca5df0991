// The memory plan through the learner's Python: a Qwen2.5-7B-shaped folder (config.json alone) fits
// an H200 with LoRA and is refused in one line under a 16 GiB budget.
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { MemoryPlanError, planMemory } from './plan.js';

const QWEN25_7B = {
  architectures: ['Qwen2ForCausalLM'],
  model_type: 'qwen2',
  vocab_size: 152064,
  hidden_size: 3584,
  intermediate_size: 18944,
  num_hidden_layers: 28,
  num_attention_heads: 28,
  num_key_value_heads: 4,
  rope_theta: 1000000.0,
  tie_word_embeddings: false,
  rms_norm_eps: 1e-6,
  max_position_embeddings: 32768,
  use_sliding_window: false,
  sliding_window: 131072,
};

describe('memory plan', () => {
  const folder = mkdtempSync(join(tmpdir(), 'r1ci-plan-'));
  writeFileSync(join(folder, 'config.json'), JSON.stringify(QWEN25_7B));
  afterAll(() => rmSync(folder, { recursive: true, force: true }));

  it('sums the parts of a LoRA step of a 7B model and fits 141 GiB', async () => {
    const plan = await planMemory({ model: folder, loraRank: 16, seq: 8192, budget: '141GiB' });
    expect(plan.parameters).toBe(7_615_616_512);
    expect(plan.fits).toBe(true);
    const parts = plan.weights + plan.trainable_state + plan.reference + plan.activations + plan.logits;
    expect(plan.total).toBe(parts + plan.reserve);
    expect(plan.weights).toBe(2 * plan.parameters); // a bf16 base
  }, 60_000);

  it('refuses full fine-tuning under 16 GiB with one line', async () => {
    const refusal = planMemory({ model: folder, seq: 8192, budget: '16GiB', klReference: true });
    await expect(refusal).rejects.toBeInstanceOf(MemoryPlanError);
    const oneLine = /^training .* needs about \d+\.\d GiB but 16\.0 GiB is available \([^\n]*\)[^\n]*$/;
    await expect(refusal).rejects.toThrow(oneLine);
  }, 60_000);
});
