// `r1ci sft`'s flags as one schema. Training defaults are the library's (SFT_DEFAULTS); the one
// default that only the command has, the held-out fraction, lives here.
import { z } from 'zod';
import { resolveSftConfig, SFT_DEFAULTS, type SftConfig } from '../../train/sft/index.js';
import { intFlag, numberFlag, parseFlags, textFlag } from './flags.js';

/** Fraction of questions whose records are held out for the held-out loss. */
export const SFT_HELD_OUT_DEFAULT = 0.05;

export const SFT_FLAGS = z.strictObject({
  data: textFlag(),
  out: textFlag(),
  model: textFlag().default('tiny'),
  epochs: intFlag().optional(),
  batchSize: intFlag().optional(),
  learningRate: numberFlag({ above: 0 }).optional(),
  warmup: numberFlag({ min: 0, below: 1 }).optional(),
  minLrRatio: numberFlag({ min: 0, max: 1 }).optional(),
  checkpointEvery: intFlag().optional(),
  evalEvery: intFlag().optional(),
  heldOut: numberFlag({ min: 0, below: 1 }).default(SFT_HELD_OUT_DEFAULT),
  maxSteps: intFlag({ min: 0 }).optional(),
  bucketWindow: intFlag().optional(),
  maxSeqTokens: intFlag().optional(),
  seed: intFlag({ min: 0 }).optional(),
  trainOnObservation: z.boolean().optional(),
  loraRank: intFlag({ min: 0 }).optional(),
  skipBadLines: z.boolean().optional(),
  json: z.boolean().optional(),
});

export type SftFlags = z.output<typeof SFT_FLAGS> & { config: Readonly<SftConfig> };

/** Commander's flags → the checked flags and the resolved training config (defaults filled in). */
export function resolveSftFlags(raw: unknown): SftFlags {
  const flags = parseFlags(SFT_FLAGS, raw);
  const config = resolveSftConfig({
    epochs: flags.epochs,
    batchSize: flags.batchSize,
    learningRate: flags.learningRate,
    warmupFraction: flags.warmup,
    minLrRatio: flags.minLrRatio,
    checkpointEvery: flags.checkpointEvery,
    evalEvery: flags.evalEvery,
    maxSteps: flags.maxSteps,
    bucketWindow: flags.bucketWindow,
    maxSequenceTokens: flags.maxSeqTokens,
    seed: flags.seed,
    trainOnObservation: flags.trainOnObservation,
    loraRank: flags.loraRank,
  });
  return { ...flags, config };
}

export { SFT_DEFAULTS };
