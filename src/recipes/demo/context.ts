// The demo as a sequence of stages over one shared context: each stage reads and writes the
// context (learner, model id, tokenizer, sandbox, data, models to evaluate, results) and its wall
// time is recorded under its name. A new stage (e.g. RL) is one more DemoStage in the list.
import type { Tokenizer } from '../../backends/types.js';
import type { OnProgress } from '../../core/index.js';
import type { LearnerClient, LearnerSamplingTarget } from '../../learner/index.js';
import type { Sandbox } from '../../sandbox/types.js';
import type { RunSummary } from '../../eval/index.js';
import type { SynthRecord } from '../../train/synth/types.js';
import type { SftConfig, SftResult } from '../../train/sft/types.js';
import type { RlOptions, StepMetrics } from '../../train/rl/types.js';
import type { DemoTask } from './tasks.js';

export type DemoSettings = {
  tasks: readonly DemoTask[];
  /** Kept SFT trajectories per task. */
  perTask: number;
  /** Further SFT trajectories per task under the choice prompt (code allowed, not required). */
  choicePerTask: number;
  /** Share of the choice questions the teacher answers without code (in its head), so the SFT model
   * must choose between answering directly and running code; GRPO then learns which pays. */
  directShare: number;
  /** Held-out (evaluation) questions per task, indices 0..n−1: disjoint from SFT's. */
  evalQuestions: number;
  sft: Partial<SftConfig>;
  /** Overrides of the RL stage's GRPO settings (DEMO_RL). */
  rl: RlOptions;
  maxTokensPerTurn: number;
  maxTotalTokens: number;
  /** Episodes in flight during evaluation (the learner batches their turns). */
  evalConcurrency: number;
  seed: number;
};

export const FULL_DEMO: Omit<DemoSettings, 'tasks'> = {
  perTask: 250,
  choicePerTask: 100,
  directShare: 0.7,
  evalQuestions: 15,
  seed: 0,
  maxTokensPerTurn: 256,
  maxTotalTokens: 448,
  evalConcurrency: 64,
  sft: {
    epochs: 2,
    batchSize: 8,
    learningRate: 3e-3,
    warmupFraction: 0.05,
    minLrRatio: 0.05,
    bucketWindow: 1,
    checkpointEvery: 50,
    evalEvery: 25,
    gradClipNorm: 1,
  },
  rl: {},
};

export const QUICK_DEMO: Omit<DemoSettings, 'tasks'> = {
  perTask: 150,
  choicePerTask: 100,
  directShare: 0.7,
  evalQuestions: 6,
  seed: 0,
  maxTokensPerTurn: 256,
  maxTotalTokens: 448,
  evalConcurrency: 64,
  sft: {
    epochs: 2,
    batchSize: 8,
    // 3e-3 left the copy of number_multiply's first digit to a constant in 2 of 8 measured runs (seeds × 2
    // kernels): docs/benchmarks.md, "The short demo … over seeds".
    learningRate: 2e-3,
    warmupFraction: 0.05,
    minLrRatio: 0.1,
    bucketWindow: 1,
    checkpointEvery: 1000,
    evalEvery: 25,
    gradClipNorm: 1,
  },
  rl: {},
};

/** A model the eval stage evaluates: a label and which weights the learner samples. */
export type DemoModel = { label: string; target: LearnerSamplingTarget };

export type DemoContext = {
  settings: DemoSettings;
  outDir: string;
  log: (line: string) => void;
  /** Progress of the long stages (synthesis, SFT, RL, eval). */
  progress: OnProgress;
  client: LearnerClient;
  sandbox: Sandbox;
  tokenizer?: Tokenizer;
  /** The tiny model's Hugging Face folder (the untrained weights). */
  baseFolder?: string;
  /** The trainable model on the learner. */
  modelId?: string;
  records?: SynthRecord[];
  sft?: SftResult;
  /** The RL stage's per-step metrics (the reward curve) and its trained model. */
  rl?: { metrics: StepMetrics[]; modelId: string };
  /** Models to evaluate, in order (the model stage adds the base, SFT adds its weights). */
  models: DemoModel[];
  /** Evaluation runs keyed `${label}/${mode}`. */
  evals: Map<string, RunSummary>;
  /** Wall time per stage in ms. */
  timings: Record<string, number>;
};

export type DemoStage = { name: string; run(ctx: DemoContext): Promise<void> };
