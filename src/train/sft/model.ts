// The model an SFT run trains and what it leaves behind: all weights, or LoRA adapters on a frozen
// base (the same lora_config `r1ci rl` sends); at the end, merged weights for samplers and, for LoRA,
// the adapters alone as a PEFT folder (the learner's `peft_adapter` extension).
import { join } from 'node:path';
import type { CreateModelRequest, TrainingClient } from '../../learner/index.js';
import type { SftConfig } from './types.js';

/** The create_model request for `base` ('tiny' or a model folder on the learner's machine). */
export function sftModelRequest(base: string, config: Pick<SftConfig, 'loraRank'>): CreateModelRequest {
  return { base_model: base, ...(config.loraRank > 0 ? { lora_config: { rank: config.loraRank } } : {}) };
}

export type SftExport = {
  /** Weights for sampling: a Hugging Face folder with any adapters merged (a tinker:// path on a remote learner). */
  final: string;
  /** The PEFT adapter folder (LoRA runs), or null: full fine-tuning, or a learner without `peft_adapter`. */
  adapter: string | null;
  /** Why a LoRA run has no adapter folder; absent otherwise. */
  adapterMissing?: string;
};

/** Writes `<runDir>/final` (merged) and, for a LoRA model, `<runDir>/final-adapter` (PEFT layout). */
export async function exportSftModel(
  client: TrainingClient,
  modelId: string,
  runDir: string,
  config: Pick<SftConfig, 'loraRank'>,
): Promise<SftExport> {
  const final = await client.saveWeightsForSampler(modelId, join(runDir, 'final'));
  if (config.loraRank === 0) return { final, adapter: null };
  if (!((await client.capabilities()).extensions ?? []).includes('peft_adapter')) {
    const adapterMissing =
      'the learner cannot write PEFT adapter folders (no peft_adapter extension); ' + 'final holds the merged weights';
    return { final, adapter: null, adapterMissing };
  }
  const adapter = await client.saveWeightsForSampler(modelId, join(runDir, 'final-adapter'), { adapterOnly: true });
  return { final, adapter };
}
