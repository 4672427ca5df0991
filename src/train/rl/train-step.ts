// One optimizer step through the learner API: (for PPO) a forward pass for the critic's values,
// advantages, then forward_backward with the clipped importance-sampling loss plus the low-variance
// KL and value terms, and optim_step. Pure data shaping lives in batch.ts.
import type { LearnerClient } from '../../learner/index.js';
import { buildDatums, computeEpisodeAdvantages, computePpoTargets, sequencesOf, spreadEpisodeAdvantages, type ScoredGroup } from './batch.js';
import type { ResolvedRlConfig } from './types.js';
import { makeDatum } from '../../learner/index.js';

export type TrainStepResult = { trainedTokens: number; kl: number | null; entropy: number | null; clipFraction: number | null; valueError: number | null; seconds: number };

export async function runTrainStep(client: LearnerClient, modelId: string, groups: readonly ScoredGroup[], config: ResolvedRlConfig): Promise<TrainStepResult> {
  const started = performance.now();
  const sequences = sequencesOf(groups, config);
  if (sequences.length === 0) return { trainedTokens: 0, kl: null, entropy: null, clipFraction: null, valueError: null, seconds: 0 };
  let advantages: number[][];
  let returns: number[][] | undefined;
  if (config.estimator === 'ppo') {
    const forward = await client.forward(modelId, { data: sequences.map((s) => makeDatum(s.tokens, { weights: s.weights })), loss_fn: 'cross_entropy' });
    const values = forward.loss_fn_outputs.map((o) => o.values?.data ?? []);
    ({ advantages, returns } = computePpoTargets(groups, sequences, values, config));
  } else {
    advantages = spreadEpisodeAdvantages(sequences, computeEpisodeAdvantages(groups, sequences, config.estimator, config.divideByStd));
  }
  const { data, trainedTokens } = buildDatums(sequences, advantages, returns, config.lossAggregation);
  const output = await client.forwardBackward(modelId, {
    data,
    loss_fn: 'ppo',
    loss_fn_config: {
      clip_low_threshold: config.clipLow,
      clip_high_threshold: config.clipHigh,
      // The KL and value terms stay token-level (divided by the batch's trained tokens) under either aggregation.
      ...(config.klCoef > 0 ? { kl_coef: config.klCoef / trainedTokens } : {}),
      ...(config.estimator === 'ppo' ? { value_coef: config.valueCoef / trainedTokens } : {}),
    },
  });
  await client.optimStep(modelId, { learning_rate: config.learningRate, grad_clip_norm: config.gradClipNorm });
  const metric = (name: string) => (name in output.metrics ? output.metrics[name] : null);
  return { trainedTokens, kl: metric('kl:mean'), entropy: metric('entropy:mean'), clipFraction: metric('clip_fraction:mean'), valueError: metric('value_error:mean'), seconds: (performance.now() - started) / 1000 };
}
