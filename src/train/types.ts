// The nouns shared by SFT and RL: what is trained on, in tokens, with per-token weights.
import type { TokenTrajectory } from '../agent/index.js';

export type { TokenTrajectory };

/**
 * Which response tokens carry loss: sampled tokens always; interpreter output only when asked (the paper's unmasked
 * ablation).
 */
export type LossMaskOptions = { trainOnObservation?: boolean };

/** A sequence ready for the learner: tokens, and per-target arrays (length tokens.length − 1). */
export type TrainSequence = {
  tokens: number[];
  /** Loss weight of each target token (0 on the prompt and, by default, on interpreter output). */
  weights: number[];
  /** Sampling logprob of each target token (0 where not sampled). */
  logprobs: number[];
  /** Per-target advantage (RL only). */
  advantages?: number[];
};
