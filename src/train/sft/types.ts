// The nouns of multi-turn SFT: user options (all optional but the data and the learner), the
// resolved config with its defaults, per-step metrics, and the resumable run state on disk.
import type { Tokenizer } from '../../backends/types.js';
import type { TrainingClient } from '../../learner/index.js';
import type { SynthRecord } from '../synth/types.js';

export type SftConfig = {
  epochs: number;
  /** Examples per optimizer step (paper: 32). */
  batchSize: number;
  /** Peak learning rate. */
  learningRate: number;
  /** Fraction of all steps spent warming up linearly. */
  warmupFraction: number;
  /** The cosine decays to learningRate × minLrRatio. */
  minLrRatio: number;
  weightDecay: number;
  gradClipNorm: number;
  /** Length bucketing: sort within windows of this many batches (1 = plain shuffle). */
  bucketWindow: number;
  seed: number;
  /** Put loss on interpreter output too (the paper's unmasked ablation). */
  trainOnObservation: boolean;
  /** Save a checkpoint every N steps (and always at the end). */
  checkpointEvery: number;
  /** Held-out loss (and the evaluate hook) every N steps (and at the end). */
  evalEvery: number;
  /** Stop after this many steps in all (0 = run every epoch). */
  maxSteps: number;
  /** Examples longer than this many tokens are left out. */
  maxSequenceTokens: number;
  /** Train LoRA adapters of this rank on a frozen base (the lora_config `r1ci rl` sends); 0 = all weights. */
  loraRank: number;
};

export const SFT_DEFAULTS: Readonly<SftConfig> = Object.freeze({
  epochs: 3,
  batchSize: 32,
  learningRate: 1e-5,
  warmupFraction: 0.05,
  minLrRatio: 0.1,
  weightDecay: 0,
  gradClipNorm: 1,
  bucketWindow: 8,
  seed: 0,
  trainOnObservation: false,
  checkpointEvery: 50,
  evalEvery: 50,
  maxSteps: 0,
  maxSequenceTokens: 8192,
  loraRank: 0,
});

export type SftRunOptions = Partial<SftConfig> & {
  client: TrainingClient;
  modelId: string;
  tokenizer: Tokenizer;
  train: readonly SynthRecord[];
  heldOut?: readonly SynthRecord[];
  /** Holds sft-state.json, metrics.jsonl and checkpoints/; rerunning into it resumes. */
  runDir: string;
  /** Extra periodic evaluation (e.g. accuracy on held-out questions); its numbers join the metrics. */
  evaluate?: (step: number) => Promise<Record<string, number>>;
  onStep?: (metrics: SftStepMetrics) => void;
};

export type SftStepMetrics = {
  /** Steps completed (1-based). */
  step: number;
  totalSteps: number;
  learningRate: number;
  /** Mean negative log-likelihood per trained token. */
  loss: number;
  trainedTokens: number;
  tokens: number;
  ms: number;
  tokensPerSecond: number;
  gradNorm?: number;
  heldOutLoss?: number;
  [extra: string]: number | undefined;
};

export type SftState = { identity: string; step: number; totalSteps: number; checkpoint: string | null };

export type SftResult = {
  steps: number;
  totalSteps: number;
  resumedFrom: number;
  checkpoint: string | null;
  metrics: SftStepMetrics[];
  tokensPerSecond: number;
};
