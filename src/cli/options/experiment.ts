// `r1ci experiment`'s flags as one schema with their defaults.
import { z } from 'zod';
import { ARMS } from '../../recipes/experiment/settings.js';
import { choiceFlag, choiceListFlag, intFlag, parseFlags, patternFlag, textFlag } from './flags.js';

export const EXPERIMENT_DEFAULTS = { out: 'r1ci-experiment', seeds: '0,1,2,3,4', lanes: 2, threads: 1 } as const;

export const EXPERIMENT_FLAGS = z.strictObject({
  out: textFlag().default(EXPERIMENT_DEFAULTS.out),
  seeds: patternFlag(/^\d+(,\d+)*$/, 'write seeds as a comma-separated list of whole numbers, e.g. 0,1,2,3,4')
    .default(EXPERIMENT_DEFAULTS.seeds)
    .transform((text) => [...new Set(text.split(',').map(Number))]),
  arms: choiceListFlag(ARMS.map((arm) => arm.id)).optional(),
  split: choiceFlag(['test', 'dev'] as const).default('test'),
  lanes: intFlag({ min: 1, max: 8 }).default(EXPERIMENT_DEFAULTS.lanes),
  threads: intFlag({ min: 1, max: 64 }).default(EXPERIMENT_DEFAULTS.threads),
  report: textFlag().optional(),
  reportOnly: z.boolean().optional(),
});

export type ExperimentFlags = z.output<typeof EXPERIMENT_FLAGS>;

export const resolveExperimentFlags = (raw: unknown): ExperimentFlags => parseFlags(EXPERIMENT_FLAGS, raw);
