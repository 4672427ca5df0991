// `r1ci demo`'s flags as one schema with their defaults.
import { z } from 'zod';
import { intFlag, parseFlags, textFlag } from './flags.js';

export const DEMO_DEFAULTS = { out: 'r1ci-demo', seed: 0 } as const;

export const DEMO_FLAGS = z.strictObject({
  out: textFlag().default(DEMO_DEFAULTS.out),
  full: z.boolean().optional(),
  quick: z.boolean().optional(),
  seed: intFlag({ min: 0 }).default(DEMO_DEFAULTS.seed),
  json: z.boolean().optional(),
});

export type DemoFlags = z.output<typeof DEMO_FLAGS>;

export const resolveDemoFlags = (raw: unknown): DemoFlags => parseFlags(DEMO_FLAGS, raw);
