// Dynamic sampling (DAPO, Yu et al., 2025; verl's filter_groups): groups whose answers all score the
// same teach nothing under a group baseline, so instead of training a smaller batch, further
// questions are sampled until the step has questionsPerStep groups that train (or rounds run out).
import { createRng } from '../../core/index.js';
import { scoreGroups, selectTrainingGroups, type ScoredGroup } from './batch.js';
import type { QuestionRef, RolloutResult } from './rollouts.js';
import type { ResolvedRlConfig } from './types.js';

export type StepBatch = {
  /** Every group sampled this step (metrics are over these). */
  scored: ScoredGroup[];
  /** The groups that train: at most questionsPerStep with dynamic sampling. */
  training: ScoredGroup[];
  rollouts: RolloutResult;
  /** Episodes sampled per episode trained (1 when nothing was filtered). */
  samplingCost: number;
};

/** Samples `questions` with the step's policy; `round` ≥ 1 names a refill (its own seeds). */
export type SampleRound = (questions: QuestionRef[], round: number) => Promise<RolloutResult>;

export async function collectStepBatch(
  first: RolloutResult,
  pool: readonly QuestionRef[],
  step: number,
  config: ResolvedRlConfig,
  sample: SampleRound,
): Promise<StepBatch> {
  const scored = scoreGroups(first.groups, config);
  let training = selectTrainingGroups(scored, config);
  let rollouts = first;
  const wantsMore = () => config.dynamicSampling && training.length < config.questionsPerStep;
  for (let round = 1; wantsMore() && round < config.maxSamplingRounds; round++) {
    const count = Math.min(config.questionsPerStep, pool.length);
    const questions = createRng('rl-refill', config.seed, step, round).sample(pool, count);
    const more = await sample(questions, round);
    const moreScored = scoreGroups(more.groups, config);
    scored.push(...moreScored);
    training = [...training, ...selectTrainingGroups(moreScored, config)];
    rollouts = mergeRollouts(rollouts, more);
  }
  if (config.dynamicSampling) training = training.slice(0, config.questionsPerStep);
  const generated = scored.reduce((n, g) => n + g.episodes.length, 0);
  const trained = training.reduce((n, g) => n + g.episodes.length, 0);
  return { scored, training, rollouts, samplingCost: trained > 0 ? generated / trained : generated };
}

/** Two rounds' timings: seconds add up; the hidden share is weighted by execution time. */
function mergeRollouts(a: RolloutResult, b: RolloutResult): RolloutResult {
  const execution = a.executionSeconds + b.executionSeconds;
  const hidden = (r: RolloutResult) => (r.hiddenExecution ?? 0) * r.executionSeconds;
  return {
    groups: [...a.groups, ...b.groups],
    wallSeconds: a.wallSeconds + b.wallSeconds,
    generationSeconds: a.generationSeconds + b.generationSeconds,
    executionSeconds: execution,
    hiddenExecution:
      (a.hiddenExecution === null && b.hiddenExecution === null) || execution <= 0
        ? null
        : (hidden(a) + hidden(b)) / execution,
  };
}
