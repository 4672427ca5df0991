// The two forward_backward batches the wire benchmark sends (bench/learner-wire.ts), both 64 sequences x
// 4,096 tokens for Tinker's ppo loss: one of uniformly random tokens and floats (the worst case for any
// compressor), and one shaped like a real GRPO step, whose repetition (shared prompts, masked positions, one
// advantage per sequence, a skewed token distribution) is what zstd finds in real payloads.
import { createRng, type Rng } from '../src/core/index.js';
import { makeDatum, type ForwardBackwardInput } from '../src/learner/index.js';

/** The size of Qwen2.5's vocabulary, roughly: token ids are drawn below it. */
const VOCAB = 151_000;
const PPO = { clip_low_threshold: 0.8, clip_high_threshold: 1.2 };

export type WireBatch = { name: string; input: ForwardBackwardInput };

/** Every token, sampling logprob and advantage uniformly random (the batch the first measurement used). */
export function generateUniformBatch(options: { sequences: number; tokens: number }): WireBatch {
  const rng = createRng('bench-wire');
  const n = options.tokens - 1;
  const data = Array.from({ length: options.sequences }, () =>
    makeDatum(
      Array.from({ length: options.tokens }, () => Math.floor(rng.next() * VOCAB)),
      {
        logprobs: Array.from({ length: n }, () => -rng.next() * 5),
        advantages: Array.from({ length: n }, () => rng.next() * 2 - 1),
      },
    ),
  );
  return { name: 'uniform', input: { loss_fn: 'ppo', loss_fn_config: PPO, data } };
}

/** Token ids by a Zipf law (frequency of the k-th commonest token ~ 1/k), the ranks scattered over the
 * vocabulary by a fixed permutation so that common tokens are not all small ids. */
function zipfTokens(rng: Rng): () => number {
  const cdf = new Float64Array(VOCAB);
  let total = 0;
  for (let k = 0; k < VOCAB; k++) cdf[k] = total += 1 / (k + 1);
  const ids = Int32Array.from({ length: VOCAB }, (_, i) => i);
  for (let i = VOCAB - 1; i > 0; i--) {
    const j = Math.floor(rng.next() * (i + 1));
    [ids[i], ids[j]] = [ids[j], ids[i]];
  }
  return () => {
    const u = rng.next() * total;
    let lo = 0;
    let hi = VOCAB - 1;
    while (lo < hi) {
      const mid = (lo + hi) >> 1;
      if (cdf[mid] < u) lo = mid + 1;
      else hi = mid;
    }
    return ids[lo];
  };
}

/** A GRPO step as r1ci's RL loop sends it (src/train/rl/batch.ts): `prompts` prompts, each sampled `group`
 * times; a sequence is its group's prompt (`promptTokens`, shared) and its own completion. Prompt targets
 * carry weight 0, advantage 0 and logprob 0; completion targets weight 1, the sampling logprob (-Exp, mean
 * 0.6) and the sequence's one advantage (its 0/1 reward normalised within the group, over the batch's
 * trained tokens as token-mean aggregation does). Tokens follow the Zipf law above. */
export function generateGrpoBatch(options: {
  prompts: number;
  group: number;
  promptTokens: number;
  tokens: number;
}): WireBatch {
  const rng = createRng('bench-wire-grpo');
  const token = zipfTokens(rng);
  const completion = options.tokens - options.promptTokens;
  const trained = options.prompts * options.group * completion;
  const data = [];
  for (let p = 0; p < options.prompts; p++) {
    const prompt = Array.from({ length: options.promptTokens }, token);
    const rewards = Array.from({ length: options.group }, (): number => (rng.next() < 0.5 ? 1 : 0));
    const mean = rewards.reduce((a, b) => a + b, 0) / options.group;
    const std = Math.sqrt(rewards.reduce((a, r) => a + (r - mean) ** 2, 0) / options.group);
    for (const reward of rewards) {
      const advantage = (reward - mean) / (std + 1e-6) / trained;
      // Targets are tokens[1..]: the first promptTokens - 1 of them are prompt tokens.
      const masked = options.promptTokens - 1;
      const targets = options.tokens - 1;
      const weights = Array.from({ length: targets }, (_, t) => (t < masked ? 0 : 1));
      data.push(
        makeDatum([...prompt, ...Array.from({ length: completion }, token)], {
          weights,
          logprobs: weights.map((w) => (w ? 0.6 * Math.log(1 - rng.next()) : 0)),
          advantages: weights.map((w) => (w ? advantage : 0)),
        }),
      );
    }
  }
  return { name: 'GRPO-shaped', input: { loss_fn: 'ppo', loss_fn_config: PPO, data } };
}
