// The nouns of RL training: the user's options, the resolved config, one step's metrics and the
// run state that makes a killed run resume at the next step.
import type { AgentMode, AgentOptions } from '../../agent/index.js';
import type { ResolvedRewardConfig, RewardOptions } from '../algos/index.js';

/** 'reinforce++-baseline' subtracts each group's mean reward before REINFORCE++'s batch whitening. */
export type Estimator = 'grpo' | 'reinforce++' | 'reinforce++-baseline' | 'ppo';
/** Learning rate over the run: constant, or linear/cosine decay to 0 at the last step, after warm-up. */
export type RlLrSchedule = 'constant' | 'linear' | 'cosine';

/** How per-token losses add up to the batch loss: 'token-mean' divides every token by the batch's
 * trained tokens (long answers weigh more); 'sequence-mean' averages each answer over its own
 * tokens, then over the answers (every answer weighs the same, whatever its length). */
export type LossAggregation = 'token-mean' | 'sequence-mean';

/** The agents whose answers estimate each question's success rate p. */
export type CurriculumAgent = {
  mode: AgentMode;
  /** Replaces the prompt (default: the run's prompt for ci, the mode's own otherwise). */
  systemPrompt?: string;
  /** Appended to that prompt when no systemPrompt is given (the default fourth agent's check request). */
  promptSuffix?: string;
};

export type CurriculumOptions = {
  /** Turn the improvement-potential curriculum on (default false: every training question from step 1). */
  enabled?: boolean;
  /** Groups (and stages) cut from high to low IP (paper: 4). */
  stages?: number;
  /** Steps per stage (paper: 150); the last stage runs until `steps`. */
  stepsPerStage?: number;
  /** Samples per agent per question (paper: 5; 4 agents make 20). */
  samplesPerAgent?: number;
  /**
   * The fourth agent beside text, code and ci (default: ci under the run's prompt, asked to check its answer by code).
   */
  fourthAgent?: CurriculumAgent;
  /** Re-estimate p from the current policy at the start of every stage (default false: once, offline). */
  online?: boolean;
};

/** How a step's questions are drawn across tasks (RlOptions.taskMix). */
export type TaskMix = 'pooled' | 'balanced';

export type RlOptions = {
  /** Training task ids (default: the demo's arithmetic task). */
  taskIds?: string[];
  /** Task options per task id (default: each task's defaults). */
  taskOptions?: Record<string, Record<string, unknown>>;
  /** Training questions per task (indices 0..n−1 under `questionSeed`). */
  questionsPerTask?: number;
  /** Seed the training questions are generated with (differs from the SFT and eval seeds so none overlap). */
  questionSeed?: number;
  estimator?: Estimator;
  /** Answers sampled per question (paper: 5). */
  groupSize?: number;
  /** Questions per step (paper: 128). */
  questionsPerStep?: number;
  /** How a step's questions are drawn from the pool: `pooled` (the default), a seeded draw from all of
   * them, so a step's share of each task varies by chance; `balanced`, the tasks taken in turn (a seeded
   * order each round) and each task's questions in a seeded order without repeats until all are used, so
   * every step asks the tasks equally (to within one) and no step leans on one task by chance. */
  taskMix?: TaskMix;
  /** Total optimizer steps. */
  steps?: number;
  /** Adam learning rate (paper: 1e-6 for real models; the tiny model's default is larger). */
  learningRate?: number;
  /** Gradient-norm clip (0 = off). */
  gradClipNorm?: number;
  /** Train LoRA adapters of this rank on every linear layer instead of all weights (0 = full
   * fine-tuning). The KL reference is then the start model itself (adapters off). */
  loraRank?: number;
  /** Low-variance KL to the frozen reference, as a loss term (paper: 0.001). */
  klCoef?: number;
  /** Ratio bounds of the clipped importance-sampling objective. */
  clipLow?: number;
  clipHigh?: number;
  /** Clipped IS: split each step's batch into this many mini-batches, one optimizer step each (default
   * 1, the paper's single update; more lets the clip act from the second update on). */
  miniBatches?: number;
  /** Passes over the batch per step (default 1). */
  epochs?: number;
  /** Dual-clip (Ye et al., 2020; verl's clip_ratio_c): for negative advantages the loss is capped at
   * −c·A, so a ratio far above 1 cannot blow it up (0 = off, the default; verl uses 3). */
  dualClip?: number;
  /** Truncated importance sampling for the sampler–trainer mismatch: the ratio's old policy is the
   * learner's own logprobs (one forward pass) and each token is weighted by min(p_learner / p_sampler,
   * cap) (0 = off, the default; e.g. 2 with vLLM rollouts). */
  tisCap?: number;
  /** Overlong masking (DAPO): answers cut by the token budget carry no loss; they still count in their
   * group's baseline (default false). */
  maskTruncated?: boolean;
  /** Dynamic sampling (DAPO): with uniform groups filtered, sample further questions until the step
   * has questionsPerStep groups that train, at most maxSamplingRounds rounds (default false). */
  dynamicSampling?: boolean;
  maxSamplingRounds?: number;
  lrSchedule?: RlLrSchedule;
  /** Steps of linear warm-up from 0 (default 0). */
  warmupSteps?: number;
  /** Train on interpreter-output tokens too (the paper's unmasked ablation; default false). */
  trainOnObservation?: boolean;
  /** How token losses add up (default 'token-mean'; 'sequence-mean' weighs every answer the same
   * whatever its length, see LossAggregation). */
  lossAggregation?: LossAggregation;
  /** GRPO and REINFORCE++ divide advantages by the rewards' standard deviation (default true);
   * false keeps the mean baseline only (Dr. GRPO), so small reward terms stay small. */
  divideByStd?: boolean;
  /** The shuffled-reward control: deal each step's rewards to its episodes in a seeded random order, so
   * the reward says nothing about the answer it is given to (default false). */
  shuffleRewards?: boolean;
  /** Drop groups whose rewards are all equal (default false). */
  filterUniformGroups?: boolean;
  reward?: RewardOptions;
  /** PPO: GAE discount, GAE λ, value-loss coefficient, and the value clip around the values before the
   * step's first update (verl's cliprange_value, default 0.5; 0 = off). */
  gamma?: number;
  lambda?: number;
  valueCoef?: number;
  valueClip?: number;
  /**
   * 'on-policy' (default) samples with the latest weights; 'stale-1' samples step k+1 while step k trains, from the
   * weights before step k.
   */
  sampling?: 'on-policy' | 'stale-1';
  curriculum?: CurriculumOptions;
  /** Evaluate on held-out questions every n steps (0 = never). */
  evalEvery?: number;
  evalQuestionsPerTask?: number;
  evalSeed?: number;
  /** Keep a checkpoint every n steps (others are deleted once a newer resume checkpoint exists). */
  checkpointEvery?: number;
  /** Write the resume checkpoint (weights and optimizer state) every n steps and at the last (default
   * 1). A kill redoes the steps after the last one written; on-policy sampling only. */
  saveEvery?: number;
  /** Episodes in flight. */
  concurrency?: number;
  /** The agent loop's limits (mode ci unless set: text trains a model without the interpreter;
   * temperature defaults to 1.0 for rollouts). */
  agent?: AgentOptions;
  /** Seed of question order and sampling. */
  seed?: number;
};

export type ResolvedCurriculum = Readonly<Required<CurriculumOptions>>;

export type ResolvedRlConfig = Readonly<
  Omit<Required<RlOptions>, 'reward' | 'curriculum' | 'agent'> & {
    reward: ResolvedRewardConfig;
    curriculum: ResolvedCurriculum;
    agent: AgentOptions;
  }
>;

/** One line of metrics.jsonl. Rates and reward means are over the step's episodes that the model ended. */
export type StepMetrics = {
  step: number;
  stage: number;
  reward: number;
  rewardCorrect: number;
  rewardFormat: number;
  rewardTurns: number;
  accuracy: number;
  codeUseRate: number;
  codeCalls: number;
  responseTokens: number;
  episodes: number;
  /** Episodes ended by a backend or sandbox failure: dropped from the batch and from the rates above. */
  infrastructureStops: number;
  /** Groups kept after filtering, and trained tokens. */
  groupsTrained: number;
  trainedTokens: number;
  kl: number | null;
  entropy: number | null;
  clipFraction: number | null;
  valueError: number | null;
  /** Optimizer steps taken (mini-batches × epochs), and the learning rate they used. */
  updates: number;
  learningRate: number;
  /** Episodes sampled per episode trained (above 1 with dynamic sampling or filtering). */
  samplingCost: number;
  /** Mean truncated importance weight over trained tokens (with tisCap). */
  tisWeight: number | null;
  /** Wall time of the step's rollouts; summed generation and execution time inside them; learner calls. */
  samplingSeconds: number;
  generationSeconds: number;
  executionSeconds: number;
  trainingSeconds: number;
  /** Share of execution time that overlapped generation (1 − exposed execution / execution). */
  hiddenExecution: number | null;
  eval?: { accuracy: number; codeUseRate: number; questions: number };
  /** The same rates per task of the step's questions (episodes an outage ended left out), so a run on
   * several tasks shows which of them moved: e.g. code use rising on one task while it falls on another.
   * Absent in metrics.jsonl lines written before it was recorded. */
  tasks?: Record<string, TaskStepMetrics>;
};

/** One task's share of a step: its counted episodes, mean reward, accuracy and code-use rate. */
export type TaskStepMetrics = { episodes: number; reward: number; accuracy: number; codeUseRate: number };

/** state.json: the last completed step and where its weights and optimizer state are. */
export type RunState = { step: number; checkpoint: string; samplerCheckpoint?: string; configHash: string };
