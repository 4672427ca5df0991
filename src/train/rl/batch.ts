// Episodes → learner data. Each group holds the answers to one question; rewards become advantages
// by the chosen estimator, spread over the sampled tokens (interpreter output masked unless asked).
// Losses are token-level: advantages and loss coefficients are divided by the batch's trained tokens.
import { isInfrastructureStop, type Episode } from '../../agent/index.js';
import { makeDatum, type Datum, type LossFnInputs } from '../../learner/index.js';
import {
  computeEpisodeReward,
  computeGae,
  computeGrpoAdvantages,
  computeReinforcePlusPlusAdvantages,
  computeWhitened,
  isUniformGroup,
  type RewardTerms,
} from '../algos/index.js';
import { createRng } from '../../core/index.js';
import { trajectoryToSequence } from '../sequence.js';
import type { TrainSequence } from '../types.js';
import type { Estimator, LossAggregation, ResolvedRlConfig } from './types.js';

/** The answers to one question. */
export type RolloutGroup = { key: string; episodes: Episode[] };

export type ScoredGroup = RolloutGroup & { rewards: RewardTerms[] };

export function scoreGroups(groups: readonly RolloutGroup[], config: ResolvedRlConfig): ScoredGroup[] {
  const scored = groups.map((group) => ({
    ...group,
    rewards: group.episodes.map((e) => computeEpisodeReward(e, config.reward)),
  }));
  return config.shuffleRewards ? shuffleRewards(scored, config.seed) : scored;
}

/**
 * The shuffled-reward control: the rewards of all the episodes scored together, dealt back to them in a
 * seeded random order. The rewards keep their distribution and lose their link to what each answer did,
 * so any gain the control shows is not learning from the reward.
 */
export function shuffleRewards(groups: readonly ScoredGroup[], seed: number): ScoredGroup[] {
  const rng = createRng('shuffled-rewards', seed, ...groups.map((g) => g.key));
  const dealt = rng.shuffle(groups.flatMap((g) => g.rewards));
  let at = 0;
  return groups.map((g) => ({ ...g, rewards: dealt.slice(at, (at += g.rewards.length)) }));
}

/** True when an episode can train: it has sampled tokens and did not end on an infrastructure failure. */
export function isTrainable(episode: Episode): boolean {
  return !isInfrastructureStop(episode.stopReason) && (episode.trajectory?.mask.some((m) => m === 1) ?? false);
}

/** The groups that train: trainable episodes (isTrainable), minus uniform groups when filtering is on. */
export function selectTrainingGroups(groups: readonly ScoredGroup[], config: ResolvedRlConfig): ScoredGroup[] {
  const usable = groups
    .map((g) => {
      const keep = g.episodes.map(isTrainable);
      return { ...g, episodes: g.episodes.filter((_, i) => keep[i]), rewards: g.rewards.filter((_, i) => keep[i]) };
    })
    .filter((g) => g.episodes.length > 0);
  return config.filterUniformGroups ? usable.filter((g) => !isUniformGroup(g.rewards.map((r) => r.total))) : usable;
}

export function sequencesOf(
  groups: readonly ScoredGroup[],
  config: Pick<ResolvedRlConfig, 'trainOnObservation'> & Partial<Pick<ResolvedRlConfig, 'maskTruncated'>>,
): TrainSequence[] {
  return groups.flatMap((g) =>
    g.episodes.map((e) => {
      const sequence = trajectoryToSequence(e.trajectory!, { trainOnObservation: config.trainOnObservation });
      // Overlong masking: an answer the budget cut off is not known to be wrong, so it carries no loss.
      return config.maskTruncated && e.stopReason === 'max-tokens'
        ? { ...sequence, weights: sequence.weights.map(() => 0) }
        : sequence;
    }),
  );
}

/** Per target of each sequence: 1 where the token was sampled by the policy (mask 1), else 0. */
export function sampledTargetsOf(groups: readonly ScoredGroup[]): number[][] {
  return groups.flatMap((g) =>
    g.episodes.map(({ trajectory }) => [
      ...new Array<number>(trajectory!.promptTokens.length - 1).fill(0),
      ...trajectory!.mask.map((m) => (m === 1 ? 1 : 0)),
    ]),
  );
}

/** One scalar advantage per episode (GRPO: per group; REINFORCE++: over the batch, token-weighted,
 * after subtracting each group's mean reward for the -baseline variant). */
export function computeEpisodeAdvantages(
  groups: readonly ScoredGroup[],
  sequences: readonly TrainSequence[],
  estimator: Exclude<Estimator, 'ppo'>,
  divideByStd = true,
): number[] {
  if (estimator === 'grpo')
    return groups.flatMap((g) =>
      computeGrpoAdvantages(
        g.rewards.map((r) => r.total),
        { divideByStd },
      ),
    );
  const rewards = groups.flatMap((g) => {
    const totals = g.rewards.map((r) => r.total);
    const mean = totals.reduce((a, b) => a + b, 0) / totals.length;
    return estimator === 'reinforce++-baseline' ? totals.map((r) => r - mean) : totals;
  });
  return computeReinforcePlusPlusAdvantages(
    rewards,
    sequences.map((s) => countTrained(s)),
    { divideByStd },
  );
}

/**
 * PPO: per-target advantages and returns by GAE over each sequence's trained targets, advantages whitened over the
 * batch.
 */
export function computePpoTargets(
  groups: readonly ScoredGroup[],
  sequences: readonly TrainSequence[],
  values: readonly (readonly number[])[],
  config: Pick<ResolvedRlConfig, 'gamma' | 'lambda'>,
): { advantages: number[][]; returns: number[][] } {
  const rewards = groups.flatMap((g) => g.rewards.map((r) => r.total));
  const perTrained = sequences.map((s, i) => {
    const positions = trainedPositions(s);
    const rewards_T = positions.map((_, k) => (k === positions.length - 1 ? rewards[i] : 0));
    return {
      positions,
      ...computeGae(
        rewards_T,
        positions.map((p) => values[i][p]),
        config,
      ),
    };
  });
  const whitened = computeWhitened(perTrained.map((t) => t.advantages));
  const spread = (i: number, row: readonly number[]) => {
    const out = new Array<number>(sequences[i].weights.length).fill(0);
    perTrained[i].positions.forEach((p, k) => {
      out[p] = row[k];
    });
    return out;
  };
  return {
    advantages: whitened.map((row, i) => spread(i, row)),
    returns: perTrained.map((t, i) => spread(i, t.returns)),
  };
}

/** Datums for the clipped importance-sampling loss; advantages carry the aggregation's factor. */
export function buildDatums(
  sequences: readonly TrainSequence[],
  advantages: readonly (readonly number[])[],
  returns?: readonly (readonly number[])[],
  aggregation: LossAggregation = 'token-mean',
  values?: readonly (readonly number[])[],
): { data: Datum[]; trainedTokens: number } {
  const trainedTokens = Math.max(
    1,
    sequences.reduce((n, s) => n + countTrained(s), 0),
  );
  const scale = (s: TrainSequence) =>
    aggregation === 'token-mean' ? trainedTokens : Math.max(1, countTrained(s)) * sequences.length;
  const data = sequences.map((s, i) => {
    const datum = makeDatum(s.tokens, {
      weights: s.weights,
      logprobs: s.logprobs,
      advantages: advantages[i].map((a, t) => (s.weights[t] > 0 ? a / scale(s) : 0)),
      ...(returns ? { returns: returns[i] } : {}),
    });
    // The critic's values before the step's first update: the centre of the value clip.
    if (values)
      (datum.loss_fn_inputs as LossFnInputs).values = {
        data: [...values[i]],
        dtype: 'float32',
        shape: [values[i].length],
      };
    return datum;
  });
  return { data, trainedTokens };
}

/** Spreads one advantage per episode over its trained targets. */
export function spreadEpisodeAdvantages(
  sequences: readonly TrainSequence[],
  perEpisode: readonly number[],
): number[][] {
  return sequences.map((s, i) => s.weights.map((w) => (w > 0 ? perEpisode[i] : 0)));
}

export function countTrained(sequence: TrainSequence): number {
  return sequence.weights.reduce((n, w) => n + (w > 0 ? 1 : 0), 0);
}

function trainedPositions(sequence: TrainSequence): number[] {
  const out: number[] = [];
  sequence.weights.forEach((w, t) => {
    if (w > 0) out.push(t);
  });
  return out;
}
