// The flags of `r1ci tasks list | sample | verify | export` as one schema each, with their defaults.
import { z } from 'zod';
import { QUESTION_FORMATS } from '../../service/index.js';
import { choiceFlag, intFlag, parseFlags, textFlag } from './flags.js';

export const TASK_SOURCES = ['symbench', 'bbh', 'bbh-gen', 'rg'] as const;
export const TASKS_DEFAULTS = { n: 3, seed: 0, index: 0, exportSplit: 'test', perTask: 10, format: 'jsonl' } as const;

/** `--set key=value`, repeatable (commander collects them into an object). */
const settings = z.record(z.string(), z.string()).default({});
const dataDir = textFlag().optional();
const json = z.boolean().optional();

export const TASKS_LIST_FLAGS = z.strictObject({
  source: choiceFlag(TASK_SOURCES).optional(),
  split: choiceFlag(['train', 'test']).optional(),
  splitFile: textFlag().optional(),
  json,
});

export const TASKS_SAMPLE_FLAGS = z.strictObject({
  n: intFlag({ min: 0 }).default(TASKS_DEFAULTS.n),
  seed: intFlag({ min: 0 }).default(TASKS_DEFAULTS.seed),
  index: intFlag({ min: 0 }).default(TASKS_DEFAULTS.index),
  set: settings,
  dataDir,
  json,
});

export const TASKS_VERIFY_FLAGS = z.strictObject({
  seed: intFlag({ min: 0 }),
  index: intFlag({ min: 0 }),
  answer: z.string().optional(),
  set: settings,
  dataDir,
  json,
});

export const TASKS_EXPORT_FLAGS = z.strictObject({
  split: choiceFlag(['train', 'test', 'all']).default(TASKS_DEFAULTS.exportSplit),
  tasks: textFlag().optional(),
  perTask: intFlag({ min: 0 }).default(TASKS_DEFAULTS.perTask),
  seed: intFlag({ min: 0 }).default(TASKS_DEFAULTS.seed),
  format: choiceFlag(QUESTION_FORMATS).default(TASKS_DEFAULTS.format),
  systemPrompt: z.boolean().default(true),
  splitFile: textFlag().optional(),
  dataDir,
  out: textFlag(),
});

export type TasksExportFlags = z.output<typeof TASKS_EXPORT_FLAGS>;

export const resolveTasksListFlags = (raw: unknown) => parseFlags(TASKS_LIST_FLAGS, raw);
export const resolveTasksSampleFlags = (raw: unknown) => parseFlags(TASKS_SAMPLE_FLAGS, raw);
export const resolveTasksVerifyFlags = (raw: unknown) => parseFlags(TASKS_VERIFY_FLAGS, raw);
export const resolveTasksExportFlags = (raw: unknown): TasksExportFlags => parseFlags(TASKS_EXPORT_FLAGS, raw);
