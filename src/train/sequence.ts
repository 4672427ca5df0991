// Trajectory → training sequence: inputs are tokens[0..n−1], targets tokens[1..n]. The prompt never
// carries loss; interpreter output carries none unless trainOnObservation (paper: masked is better).
import type { LossMaskOptions, TokenTrajectory, TrainSequence } from './types.js';

export function trajectoryToSequence(
  trajectory: TokenTrajectory,
  options: LossMaskOptions & { advantage?: number } = {},
): TrainSequence {
  const tokens = [...trajectory.promptTokens, ...trajectory.tokens];
  const promptTargets = trajectory.promptTokens.length - 1; // targets that are prompt tokens
  const weights: number[] = new Array(promptTargets).fill(0);
  const logprobs: number[] = new Array(promptTargets).fill(0);
  for (let i = 0; i < trajectory.tokens.length; i++) {
    const sampled = trajectory.mask[i] === 1;
    weights.push(sampled || options.trainOnObservation ? 1 : 0);
    logprobs.push(sampled ? trajectory.logprobs[i] : 0);
  }
  const sequence: TrainSequence = { tokens, weights, logprobs };
  if (options.advantage !== undefined) sequence.advantages = weights.map((w) => w * options.advantage!);
  return sequence;
}
