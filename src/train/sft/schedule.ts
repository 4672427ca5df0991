// Learning-rate schedule (linear warmup, then cosine decay to a floor) and the batch plan: every
// step's examples fixed up front from the seed, so a resumed run takes exactly the steps it missed.
import { createRng } from '../../core/index.js';

export type LrSchedule = { peak: number; warmupSteps: number; totalSteps: number; minRatio: number };

/** Learning rate at `step` (0-based): linear warmup to peak, cosine down to peak × minRatio at the end. */
export function computeLearningRate(step: number, s: LrSchedule): number {
  if (step < s.warmupSteps) return (s.peak * (step + 1)) / s.warmupSteps;
  const span = Math.max(1, s.totalSteps - s.warmupSteps);
  const progress = Math.min(1, (step - s.warmupSteps) / span);
  return s.peak * (s.minRatio + (1 - s.minRatio) * 0.5 * (1 + Math.cos(Math.PI * progress)));
}

export type BatchPlanOptions = {
  batchSize: number;
  epochs: number;
  seed: number;
  /** Sort within windows of this many batches so a batch holds similar lengths (1 = plain shuffle). */
  bucketWindow: number;
};

/**
 * Example indices for every step: each epoch shuffles, then (length bucketing) sorts windows of
 * `bucketWindow` batches by length, cuts batches and shuffles their order. The last partial batch
 * of an epoch is kept.
 */
export function planBatches(lengths: readonly number[], options: BatchPlanOptions): number[][] {
  const plan: number[][] = [];
  for (let epoch = 0; epoch < options.epochs; epoch++) {
    const rng = createRng('sft-batches', options.seed, epoch);
    const order = rng.shuffle(lengths.map((_, i) => i));
    const window = options.batchSize * Math.max(1, options.bucketWindow);
    const batches: number[][] = [];
    for (let start = 0; start < order.length; start += window) {
      const chunk = order.slice(start, start + window);
      if (options.bucketWindow > 1) chunk.sort((a, b) => lengths[a] - lengths[b]);
      for (let b = 0; b < chunk.length; b += options.batchSize) batches.push(chunk.slice(b, b + options.batchSize));
    }
    plan.push(...rng.shuffle(batches));
  }
  return plan;
}
