// What an RL run starts from. A Hugging Face folder (an SFT checkpoint written for samplers, or a
// base model) is used as is, so the frozen KL reference is that model. A training checkpoint
// (weights + optimizer, from save_weights) is first loaded into its base model (with its LoRA adapters,
// merged on the way out) and written out as a Hugging Face folder, so the reference is the SFT weights.
import { existsSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { ConfigError } from '../../core/index.js';
import type { TrainingClient } from '../../learner/index.js';

export type InitKind = 'hf-folder' | 'train-checkpoint' | 'preset';

export function classifyInit(path: string): InitKind {
  if (path === 'tiny') return 'preset';
  if (existsSync(join(path, 'config.json'))) return 'hf-folder';
  if (existsSync(join(path, 'weights.safetensors')) && existsSync(join(path, 'meta.json'))) return 'train-checkpoint';
  throw new ConfigError([
    {
      path: '--init',
      message:
        `${path} is neither a Hugging Face model folder (config.json) nor a training checkpoint ` +
        `(weights.safetensors + meta.json)`,
      fix: "pass an SFT checkpoint folder, a base model folder, or 'tiny'",
    },
  ]);
}

/** Resolves to the folder (or preset name) the policy and its reference start from. */
export async function resolveInitModel(client: TrainingClient, path: string, convertedFolder: string): Promise<string> {
  if (classifyInit(path) !== 'train-checkpoint') return path;
  if (existsSync(join(convertedFolder, 'config.json'))) return convertedFolder;
  type Meta = { base_model?: string; lora_rank?: number | null };
  const meta = JSON.parse(readFileSync(join(path, 'meta.json'), 'utf8')) as Meta;
  if (!meta.base_model)
    throw new ConfigError([
      {
        path: '--init',
        message: `${path}/meta.json names no base_model`,
        fix: "pass the SFT run's sampler folder instead",
      },
    ]);
  // A LoRA checkpoint (r1ci sft --lora-rank) holds adapters: it loads only into a model with adapters of its rank.
  const lora = meta.lora_rank ? { lora_config: { rank: meta.lora_rank } } : {};
  const modelId = await client.createModel({ base_model: meta.base_model, ...lora });
  await client.loadWeights(modelId, path, { optimizer: false });
  await client.saveWeightsForSampler(modelId, convertedFolder);
  await client.unloadModel(modelId);
  return convertedFolder;
}
