// The flags of the smaller commands as one schema each: plan, tasks check, sandbox exec / check /
// serve, and serve (the HTTP flags those two share come from SERVICE_FLAGS).
import { z } from 'zod';
import { choiceFlag, intFlag, numberFlag, parseFlags, patternFlag, textFlag } from './flags.js';

export const TOOL_DEFAULTS = {
  planSeq: 8192,
  planMicroBatch: 1,
  planLoraRank: 0,
  tasksCheckPerTask: 50,
  execTimeoutMs: 60_000,
  sandboxPort: 8080,
  servePort: 8090,
  host: '127.0.0.1',
} as const;

export const PLAN_FLAGS = z.strictObject({
  loraRank: intFlag({ min: 0 }).default(TOOL_DEFAULTS.planLoraRank),
  seq: intFlag().default(TOOL_DEFAULTS.planSeq),
  microBatch: intFlag().default(TOOL_DEFAULTS.planMicroBatch),
  kl: z.boolean().optional(),
  checkpointing: z.boolean().default(true),
  // The sizes learner/memory.py's parse_bytes reads.
  budget: patternFlag(
    /^\s*[0-9.]+\s*(B|KiB|MiB|GiB|TiB|KB|MB|GB|TB)?\s*$/,
    'write e.g. 80GiB, 24GB or 1073741824',
  ).optional(),
  json: z.boolean().optional(),
});

export const TASKS_CHECK_FLAGS = z.strictObject({
  perTask: intFlag().default(TOOL_DEFAULTS.tasksCheckPerTask),
  dataDir: textFlag().optional(),
  json: z.boolean().optional(),
});

const isolation = choiceFlag(['bwrap', 'none']).optional();

export const SANDBOX_EXEC_FLAGS = z.strictObject({
  timeout: intFlag().default(TOOL_DEFAULTS.execTimeoutMs),
  isolation,
  json: z.boolean().optional(),
});

export const SANDBOX_CHECK_FLAGS = z.strictObject({ isolation, json: z.boolean().optional() });

/** The HTTP service flags of `sandbox serve` and `serve` (service-flags.ts declares them). */
const SERVICE_FLAGS = {
  host: textFlag().default(TOOL_DEFAULTS.host),
  token: textFlag().optional(),
  tokenHeader: textFlag().optional(),
  insecureNoAuth: z.boolean().optional(),
  maxBodyBytes: intFlag().optional(),
  maxRunTimeout: numberFlag({ above: 0 }).optional(),
  maxFetchBytes: intFlag().optional(),
};

const port = (fallback: number) => intFlag({ min: 0, max: 65_535 }).default(fallback);

export const SANDBOX_SERVE_FLAGS = z.strictObject({
  ...SERVICE_FLAGS,
  port: port(TOOL_DEFAULTS.sandboxPort),
  workers: intFlag().optional(),
  isolation,
});

export const SERVE_FLAGS = z.strictObject({
  ...SERVICE_FLAGS,
  port: port(TOOL_DEFAULTS.servePort),
  sandbox: z.boolean().default(true),
  workers: intFlag().optional(),
  isolation,
  dataDir: textFlag().optional(),
});

export type PlanFlags = z.output<typeof PLAN_FLAGS>;
export type TasksCheckFlags = z.output<typeof TASKS_CHECK_FLAGS>;
export type SandboxExecFlags = z.output<typeof SANDBOX_EXEC_FLAGS>;
export type SandboxCheckFlags = z.output<typeof SANDBOX_CHECK_FLAGS>;
export type SandboxServeFlags = z.output<typeof SANDBOX_SERVE_FLAGS>;
export type ServeFlags = z.output<typeof SERVE_FLAGS>;

export const resolvePlanFlags = (raw: unknown): PlanFlags => parseFlags(PLAN_FLAGS, raw);
export const resolveTasksCheckFlags = (raw: unknown): TasksCheckFlags => parseFlags(TASKS_CHECK_FLAGS, raw);
export const resolveSandboxExecFlags = (raw: unknown): SandboxExecFlags => parseFlags(SANDBOX_EXEC_FLAGS, raw);
export const resolveSandboxCheckFlags = (raw: unknown): SandboxCheckFlags => parseFlags(SANDBOX_CHECK_FLAGS, raw);
export const resolveSandboxServeFlags = (raw: unknown): SandboxServeFlags => parseFlags(SANDBOX_SERVE_FLAGS, raw);
export const resolveServeFlags = (raw: unknown): ServeFlags => parseFlags(SERVE_FLAGS, raw);
