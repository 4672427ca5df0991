// The optimizer phase of one RL step through the learner API: when needed, one forward pass before
// any update (the critic's values for PPO, the learner's own logprobs for unmasked interpreter tokens
// and for truncated importance sampling), advantages, then the batch in mini-batches for `epochs`
// passes, each a forward_backward (clipped IS + low-variance KL + value terms) and an optim_step.
import { makeDatum, type TrainingClient, type LossFnConfig } from '../../learner/index.js';
import {
  buildDatums,
  computeEpisodeAdvantages,
  computePpoTargets,
  countTrained,
  sampledTargetsOf,
  sequencesOf,
  spreadEpisodeAdvantages,
  type ScoredGroup,
} from './batch.js';
import type { ResolvedRlConfig } from './types.js';
import type { TrainSequence } from '../types.js';

/** What one forward_backward reported. */
export type UpdateMetrics = {
  kl: number | null;
  entropy: number | null;
  clipFraction: number | null;
  valueError: number | null;
};

export type TrainStepResult = UpdateMetrics & {
  trainedTokens: number;
  /** Every update's metrics, in order (the step's are their means). */
  perUpdate: UpdateMetrics[];
  /** Mean truncated importance weight over trained tokens (tisCap > 0), else null. */
  tisWeight: number | null;
  seconds: number;
};

/** The learner's view before any update: logprobs of every target (and the critic's values). */
type Forward = { logprobs: number[][]; values: number[][] };

/** A step that trained nothing (no group kept a sampled token). */
export function nothingTrained(): TrainStepResult {
  return {
    trainedTokens: 0,
    kl: null,
    entropy: null,
    clipFraction: null,
    valueError: null,
    perUpdate: [],
    tisWeight: null,
    seconds: 0,
  };
}

export async function runTrainStep(
  client: TrainingClient,
  modelId: string,
  groups: readonly ScoredGroup[],
  config: ResolvedRlConfig,
  learningRate = config.learningRate,
): Promise<TrainStepResult> {
  const started = performance.now();
  const sampled = sequencesOf(groups, config);
  if (sampled.length === 0) return nothingTrained();
  const needsForward = config.estimator === 'ppo' || config.trainOnObservation || config.tisCap > 0;
  const forward = needsForward ? await forwardPass(client, modelId, sampled, config) : undefined;
  const { sequences, weights_T, tisWeight } = withOldPolicy(sampled, sampledTargetsOf(groups), forward, config);
  let advantages: number[][];
  let returns: number[][] | undefined;
  if (config.estimator === 'ppo') {
    ({ advantages, returns } = computePpoTargets(groups, sequences, forward!.values, config));
  } else {
    const perEpisode = computeEpisodeAdvantages(groups, sequences, config.estimator, config.divideByStd);
    advantages = spreadEpisodeAdvantages(sequences, perEpisode);
  }
  // Truncated IS: the per-token weight multiplies the advantage, which the loss is linear in.
  advantages = advantages.map((row, i) => row.map((a, t) => a * weights_T[i][t]));
  const perUpdate: UpdateMetrics[] = [];
  for (let epoch = 0; epoch < config.epochs; epoch++) {
    for (const part of splitEvenly(sequences.length, config.miniBatches)) {
      const pick = <T>(rows: readonly T[]) => part.map((i) => rows[i]);
      const values = config.estimator === 'ppo' ? pick(forward!.values) : undefined;
      const batch = {
        sequences: pick(sequences),
        advantages: pick(advantages),
        returns: returns && pick(returns),
        values,
      };
      perUpdate.push(await runUpdate(client, modelId, batch, config, learningRate));
    }
  }
  const trainedTokens = sequences.reduce((n, s) => n + countTrained(s), 0);
  const mean = (key: keyof UpdateMetrics) => {
    const values = perUpdate.map((u) => u[key]).filter((v): v is number => v !== null);
    return values.length ? values.reduce((a, b) => a + b, 0) / values.length : null;
  };
  return {
    trainedTokens,
    kl: mean('kl'),
    entropy: mean('entropy'),
    clipFraction: mean('clipFraction'),
    valueError: mean('valueError'),
    perUpdate,
    tisWeight,
    seconds: (performance.now() - started) / 1000,
  };
}

async function forwardPass(
  client: TrainingClient,
  modelId: string,
  sequences: readonly TrainSequence[],
  config: ResolvedRlConfig,
): Promise<Forward> {
  const data = sequences.map((s) => makeDatum(s.tokens, { weights: s.weights }));
  const tempered = temperatureConfig(config);
  const withTemperature = tempered.temperature ? { loss_fn_config: tempered } : {};
  const out = await client.forward(modelId, { data, loss_fn: 'cross_entropy', ...withTemperature });
  return {
    logprobs: out.loss_fn_outputs.map((o) => o.logprobs.data),
    values: out.loss_fn_outputs.map((o) => o.values?.data ?? []),
  };
}

/**
 * The ratio's old policy per target. Sampled tokens: the sampler's logprobs, or with truncated IS the
 * learner's, each weighted by min(p_learner / p_sampler, cap). Interpreter tokens trained on
 * (unmasked): the learner's, since no sampler produced them.
 */
export function withOldPolicy(
  sequences: readonly TrainSequence[],
  sampled_B_T: readonly (readonly number[])[],
  forward: Forward | undefined,
  config: Pick<ResolvedRlConfig, 'trainOnObservation' | 'tisCap'>,
): { sequences: TrainSequence[]; weights_T: number[][]; tisWeight: number | null } {
  let tisSum = 0,
    tisCount = 0;
  const weights_T: number[][] = [];
  const out = sequences.map((s, i) => {
    const weights = s.weights.map(() => 1);
    const logprobs = s.logprobs.map((old, t) => {
      if (s.weights[t] === 0) return old;
      if (sampled_B_T[i][t] === 0) return config.trainOnObservation ? forward!.logprobs[i][t] : old;
      if (config.tisCap <= 0) return old;
      weights[t] = Math.min(Math.exp(forward!.logprobs[i][t] - old), config.tisCap);
      tisSum += weights[t];
      tisCount++;
      return forward!.logprobs[i][t];
    });
    weights_T.push(weights);
    return { ...s, logprobs };
  });
  return { sequences: out, weights_T, tisWeight: config.tisCap > 0 && tisCount > 0 ? tisSum / tisCount : null };
}

/** Indices 0..n−1 in `parts` contiguous runs of near-equal size (the first n mod parts one longer). */
export function splitEvenly(n: number, parts: number): number[][] {
  const count = Math.max(1, Math.min(parts, n));
  const base = Math.floor(n / count),
    extra = n % count;
  const out: number[][] = [];
  let start = 0;
  for (let p = 0; p < count; p++) {
    const size = base + (p < extra ? 1 : 0);
    out.push(Array.from({ length: size }, (_, k) => start + k));
    start += size;
  }
  return out;
}

/** Tinker's loss config plus our extensions: dual-clip's c, and the rollouts' temperature (the learner
 * then computes log-probs, entropy and the KL reference of softmax(logits / T)). */
export type RlLossConfig = LossFnConfig & { dual_clip?: number; temperature?: number };

/** The rollouts' temperature, sent only when it is not 1 (extension `temperature`), so a remote
 * engine gets Tinker's fields alone at the paper's setting. */
export function temperatureConfig(config: Pick<ResolvedRlConfig, 'agent'>): RlLossConfig {
  const temperature = config.agent.temperature ?? 1;
  return temperature === 1 ? {} : { temperature };
}

/** The ppo loss's config for a mini-batch with `trainedTokens` trained targets. */
export function buildLossConfig(config: ResolvedRlConfig, trainedTokens: number): RlLossConfig {
  return {
    clip_low_threshold: config.clipLow,
    clip_high_threshold: config.clipHigh,
    ...(config.dualClip > 0 ? { dual_clip: config.dualClip } : {}),
    // The KL and value terms stay token-level (divided by the mini-batch's trained tokens) under either aggregation.
    ...(config.klCoef > 0 ? { kl_coef: config.klCoef / trainedTokens } : {}),
    ...(config.estimator === 'ppo' ? { value_coef: config.valueCoef / trainedTokens } : {}),
    ...(config.estimator === 'ppo' && config.valueClip > 0 ? { value_clip: config.valueClip } : {}),
    ...temperatureConfig(config),
  };
}

type MiniBatch = { sequences: TrainSequence[]; advantages: number[][]; returns?: number[][]; values?: number[][] };

/** One mini-batch: forward_backward then optim_step. Losses are normalised over the mini-batch's own tokens. */
async function runUpdate(
  client: TrainingClient,
  modelId: string,
  batch: MiniBatch,
  config: ResolvedRlConfig,
  learningRate: number,
): Promise<UpdateMetrics> {
  const clipCentre = batch.values && config.valueClip > 0 ? batch.values : undefined;
  const { data, trainedTokens } = buildDatums(
    batch.sequences,
    batch.advantages,
    batch.returns,
    config.lossAggregation,
    clipCentre,
  );
  const lossConfig = buildLossConfig(config, trainedTokens);
  const output = await client.forwardBackward(modelId, { data, loss_fn: 'ppo', loss_fn_config: lossConfig });
  await client.optimStep(modelId, { learning_rate: learningRate, grad_clip_norm: config.gradClipNorm });
  const metric = (name: string) => (name in output.metrics ? output.metrics[name] : null);
  return {
    kl: metric('kl:mean'),
    entropy: metric('entropy:mean'),
    clipFraction: metric('clip_fraction:mean'),
    valueError: metric('value_error:mean'),
  };
}
