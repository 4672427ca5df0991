// The flags of `r1ci eval` and `r1ci synth` as one schema each, with their defaults: both run the
// agent loop on the sandbox, so the agent's flags are checked here too (--temperature,
// --max-exec-calls, --exec-timeout), before a sandbox or model starts.
import { z } from 'zod';
import { resolveAgentConfig, type AgentOptions } from '../../agent/index.js';
import { EXPORT_FORMATS, PROMPT_VARIANTS } from '../../train/synth/index.js';
import { choiceFlag, choiceListFlag, intFlag, numberFlag, parseFlags, textFlag, urlFlag } from './flags.js';

export const EVAL_DEFAULTS = {
  tasks: 'test',
  perTask: 10,
  mode: 'ci',
  samples: 1,
  seed: 0,
  concurrency: 8,
  schedule: 'async',
} as const;

/** Flags both commands share: where code runs and where data lives. */
const RUN_FLAGS = {
  out: textFlag(),
  seed: intFlag({ min: 0 }).default(EVAL_DEFAULTS.seed),
  concurrency: intFlag().default(EVAL_DEFAULTS.concurrency),
  tokenizer: textFlag().optional(),
  execTimeout: numberFlag({ above: 0 }).optional(),
  dataDir: textFlag().optional(),
  skipUnavailable: z.boolean().optional(),
  skipBadLines: z.boolean().optional(),
  progress: z.boolean().default(true),
  sandbox: urlFlag({ list: true }).optional(),
  json: z.boolean().optional(),
};

export const EVAL_FLAGS = z.strictObject({
  ...RUN_FLAGS,
  model: textFlag(),
  tasks: textFlag().default(EVAL_DEFAULTS.tasks),
  perTask: intFlag().default(EVAL_DEFAULTS.perTask),
  mode: choiceFlag(['ci', 'text', 'code']).default(EVAL_DEFAULTS.mode),
  samples: intFlag().default(EVAL_DEFAULTS.samples),
  temperature: numberFlag({ min: 0, max: 5 }).optional(),
  schedule: choiceFlag(['async', 'batch']).default(EVAL_DEFAULTS.schedule),
  maxExecCalls: intFlag({ min: 0 }).optional(),
  splitFile: textFlag().optional(),
});

export type EvalFlags = z.output<typeof EVAL_FLAGS> & { agent: AgentOptions };

/** Commander's flags → checked flags, and the agent's options (checked by the agent's own resolver). */
export function resolveEvalFlags(raw: unknown): EvalFlags {
  const flags = parseFlags(EVAL_FLAGS, raw);
  const agent: AgentOptions = {
    mode: flags.mode,
    ...(flags.temperature !== undefined ? { temperature: flags.temperature } : {}),
    ...(flags.maxExecCalls !== undefined ? { maxExecCalls: flags.maxExecCalls } : {}),
    ...(flags.execTimeout !== undefined ? { execTimeoutMs: secondsToMs(flags.execTimeout) } : {}),
  };
  resolveAgentConfig(agent);
  return { ...flags, agent };
}

export const SYNTH_DEFAULTS = { model: 'oracle', tasks: 'train', perTask: 70, attempts: 2, execTimeout: 60 } as const;

export const SYNTH_FLAGS = z.strictObject({
  ...RUN_FLAGS,
  model: textFlag().default(SYNTH_DEFAULTS.model),
  tasks: textFlag().default(SYNTH_DEFAULTS.tasks),
  perTask: intFlag().default(SYNTH_DEFAULTS.perTask),
  attempts: intFlag().default(SYNTH_DEFAULTS.attempts),
  maxQuestions: intFlag().optional(),
  variants: choiceListFlag(PROMPT_VARIANTS).default([...PROMPT_VARIANTS]),
  execTimeout: numberFlag({ above: 0 }).default(SYNTH_DEFAULTS.execTimeout),
  export: choiceListFlag(EXPORT_FORMATS).optional(),
});

export type SynthFlags = z.output<typeof SYNTH_FLAGS> & { agent: AgentOptions };

export function resolveSynthFlags(raw: unknown): SynthFlags {
  const flags = parseFlags(SYNTH_FLAGS, raw);
  const agent: AgentOptions = { execTimeoutMs: secondsToMs(flags.execTimeout) };
  resolveAgentConfig(agent);
  return { ...flags, agent };
}

/** Seconds from a flag → whole milliseconds, as the agent counts them. */
export function secondsToMs(seconds: number): number {
  return Math.max(1, Math.round(seconds * 1000));
}
