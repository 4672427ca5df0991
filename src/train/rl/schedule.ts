// The RL learning rate at a step (verl's and tinker-cookbook's schedules for RL): a linear warm-up, step s
// of w at peak·s/(w+1), so step w+1 is the first at the peak; then constant, or a linear or cosine decay
// over the n = steps − w steps after warm-up that would reach 0 one step after the last, so the last step
// still trains, at peak/n (linear) or peak·(1 − cos(π/n))/2 (cosine).
import type { ResolvedRlConfig } from './types.js';

/** Learning rate of 1-based `step` of `config.steps`. */
export function computeRlLearningRate(
  step: number,
  config: Pick<ResolvedRlConfig, 'learningRate' | 'lrSchedule' | 'warmupSteps' | 'steps'>,
): number {
  const peak = config.learningRate;
  if (step <= config.warmupSteps) return (peak * step) / (config.warmupSteps + 1);
  if (config.lrSchedule === 'constant') return peak;
  // Progress 0 at the first step after warm-up and 1 after the last, so the last step still learns.
  const progress = (step - config.warmupSteps - 1) / Math.max(1, config.steps - config.warmupSteps);
  return config.lrSchedule === 'linear' ? peak * (1 - progress) : peak * 0.5 * (1 + Math.cos(Math.PI * progress));
}
