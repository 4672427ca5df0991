// The minimal SFT loop: the whole method in one readable page, beside the real one (sft/run-sft.ts).
// Records → token sequences built as the agent loop builds them (loss only on the model's own
// tokens) → batches → forward_backward + optim_step on the learner, with warmup and cosine decay.
// No checkpoints, bucketing or evaluation: when the two loops disagree, this one is the spec.
import type { Tokenizer } from '../backends/types.js';
import { makeDatum, type TrainingClient } from '../learner/index.js';
import { recordToSequence } from './sft/build-sequence.js';
import type { SynthRecord } from './synth/types.js';
import type { TrainSequence } from './types.js';

export type MinimalSftOptions = {
  client: TrainingClient;
  modelId: string;
  tokenizer: Tokenizer;
  records: readonly SynthRecord[];
  epochs?: number;
  batchSize?: number;
  learningRate?: number;
  /** Steps of linear warmup before the cosine decay. */
  warmupSteps?: number;
  /** Also train on interpreter output (the paper found masking it better). */
  trainOnObservation?: boolean;
  onStep?: (step: number, loss: number, learningRate: number) => void;
};

export type MinimalSftResult = { steps: number; losses: number[] };

/** Linear warmup to `peak`, then a cosine down to zero at `total`. */
export function minimalLearningRate(step: number, total: number, peak: number, warmup: number): number {
  if (step < warmup) return (peak * (step + 1)) / warmup;
  const progress = (step - warmup) / Math.max(1, total - warmup);
  return peak * 0.5 * (1 + Math.cos(Math.PI * progress));
}

/** One batch as learner datums; weights are scaled so the summed loss is the mean over trained tokens. */
export function toDatums(batch: readonly TrainSequence[]) {
  let trained = 0;
  for (const sequence of batch) for (const w of sequence.weights) trained += w;
  return batch.map((sequence) =>
    makeDatum(sequence.tokens, { weights: sequence.weights.map((w) => w / Math.max(1, trained)) }),
  );
}

export async function runMinimalSft(options: MinimalSftOptions): Promise<MinimalSftResult> {
  const epochs = options.epochs ?? 3;
  const batchSize = options.batchSize ?? 32;
  const peak = options.learningRate ?? 1e-5;

  // 1. Every record becomes one sequence: prompt (weight 0), model text (1), interpreter output (0).
  const sequences = options.records.map((record) =>
    recordToSequence(record, options.tokenizer, { trainOnObservation: options.trainOnObservation }),
  );

  // 2. Batches in file order, every epoch (the real loop shuffles and buckets by length).
  const batches: TrainSequence[][] = [];
  for (let epoch = 0; epoch < epochs; epoch++) {
    for (let start = 0; start < sequences.length; start += batchSize)
      batches.push(sequences.slice(start, start + batchSize));
  }
  const warmup = options.warmupSteps ?? Math.ceil(batches.length * 0.05);

  // 3. One optimizer step per batch: gradients of the cross-entropy, then Adam at the scheduled rate.
  const losses: number[] = [];
  for (const [step, batch] of batches.entries()) {
    const learningRate = minimalLearningRate(step, batches.length, peak, warmup);
    const result = await options.client.forwardBackward(options.modelId, {
      data: toDatums(batch),
      loss_fn: 'cross_entropy',
    });
    await options.client.optimStep(options.modelId, { learning_rate: learningRate, grad_clip_norm: 1 });
    const loss = result.metrics['loss:sum'];
    losses.push(loss);
    options.onStep?.(step + 1, loss, learningRate);
  }
  return { steps: batches.length, losses };
}
