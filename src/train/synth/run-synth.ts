// Rejection sampling of code-interpreter trajectories: a teacher runs the real loop and sandbox on
// training-split questions (indices from SFT_INDEX_BASE), only verified-correct answers are kept,
// one per question (multi-turn preferred), at most perTask per task. Appends to a JSONL file and
// keeps a small state file beside it, so a killed run resumes where it stopped: a record already in
// the file is never written twice, and a wave that infrastructure cut short is run again whole.
import { existsSync, mkdirSync, readFileSync, renameSync, writeFileSync } from 'node:fs';
import { dirname } from 'node:path';
import {
  ConfigError,
  hashKeys,
  openJsonlAppender,
  R1ciError,
  readJsonl,
  type BadLine,
  type ReadJsonlOptions,
} from '../../core/index.js';
import { getTask, listTasks, type Task, type TaskInstance } from '../../tasks/index.js';
import {
  isInfrastructureStop,
  resolveAgentConfig,
  runEpisodes,
  type AgentMode,
  type AgentOptions,
  type Episode,
  type EpisodeContext,
} from '../../agent/index.js';
import type { Backend, Tokenizer } from '../../backends/types.js';
import type { Sandbox } from '../../sandbox/types.js';
import { episodeToRecord, pickPreferred } from './record.js';
import { PROMPT_VARIANTS, SFT_INDEX_BASE, type PromptVariant, type SynthRecord } from './types.js';
import { systemPromptForVariant } from './variants.js';

/** Any model the eval harness can run (a ModelFactory fits): the oracle, an API model, a token backend. */
export type Teacher = {
  name: string;
  forEpisode(task: Task, instance: TaskInstance, mode: AgentMode): { backend: Backend; tokenizer?: Tokenizer };
};

export type SynthOptions = {
  teacher: Teacher;
  taskIds: readonly string[];
  /** Most kept trajectories per task (paper: 70). */
  perTask?: number;
  /** Teacher attempts per question, each with the next prompt variant (default 2). */
  attemptsPerQuestion?: number;
  /** Questions tried per task before giving up on reaching perTask (default 3 × perTask). */
  maxQuestionsPerTask?: number;
  variants?: readonly PromptVariant[];
  /** Base system prompt the variants extend (default: the ci agent's prompt). */
  systemPrompt?: string;
  /** Per-task option overrides (e.g. easier settings). */
  taskOptions?: Readonly<Record<string, Record<string, unknown>>>;
  seed?: number;
  agent?: AgentOptions;
  /** The JSONL file of kept records (a `.state.json` is kept beside it). */
  out: string;
  sandbox: Sandbox;
  /** Questions in flight (default 8). */
  concurrency?: number;
  onProgress?: (progress: SynthProgress) => void;
  /** Go on past unreadable lines of the records file instead of refusing (they are reported in the summary). */
  skipBadLines?: boolean;
};

export type SynthProgress = { taskId: string; kept: number; tried: number; perTask: number; keptTotal: number };

export type SynthSummary = {
  out: string;
  records: number;
  perTask: Record<string, { kept: number; tried: number }>;
  resumed: number;
  skippedLines: BadLine[];
};

/** Teacher episodes that infrastructure ended: the wave is not kept, and a rerun runs it again. */
export class SynthInfrastructureError extends R1ciError {}

type SynthState = { identity: string; next: Record<string, number> };

/** Reads kept records (a torn last line left out); unreadable lines throw BadLinesError unless skipped. */
export function readSynthRecords(
  path: string,
  options: ReadJsonlOptions & { onSkipped?: (lines: BadLine[]) => void } = {},
): SynthRecord[] {
  const read = readJsonl<SynthRecord>(path, options);
  if (read.skipped.length) options.onSkipped?.(read.skipped);
  return read.records;
}

function checkTrainSplit(taskIds: readonly string[]): Task[] {
  const split = new Map(listTasks().map((entry) => [entry.id, entry.split]));
  const test = taskIds.filter((id) => split.get(id) === 'test');
  const named = test.length > 3 ? `${test.slice(0, 3).join(', ')} and ${test.length - 3} more` : test.join(', ');
  if (test.length)
    throw new ConfigError([
      {
        path: '--tasks',
        message:
          'SFT data comes from training tasks only; ' + `${named} ${test.length > 1 ? 'are' : 'is'} in the test split`,
        fix: 'use --tasks train, or training task ids',
      },
    ]);
  return taskIds.map((id) => getTask(id));
}

export async function runSynth(options: SynthOptions): Promise<SynthSummary> {
  const tasks = checkTrainSplit(options.taskIds);
  const perTask = options.perTask ?? 70,
    seed = options.seed ?? 0;
  const attempts = options.attemptsPerQuestion ?? 2;
  const variants = options.variants ?? PROMPT_VARIANTS;
  if (!variants.length || attempts < 1 || perTask < 1)
    throw new ConfigError('synthesis needs at least one variant, one attempt and one record per task');
  const maxQuestions = options.maxQuestionsPerTask ?? perTask * 3;
  const statePath = `${options.out}.state.json`;
  const identity = JSON.stringify({
    teacher: options.teacher.name,
    seed,
    variants,
    taskOptions: options.taskOptions ?? {},
    system: options.systemPrompt ?? null,
  });
  mkdirSync(dirname(options.out), { recursive: true });
  const state: SynthState = existsSync(statePath)
    ? (JSON.parse(readFileSync(statePath, 'utf8')) as SynthState)
    : { identity, next: {} };
  if (state.identity !== identity)
    throw new ConfigError([
      {
        path: '--out',
        message: `${options.out} was written by a different synthesis run`,
        fix: 'use a new --out file, or delete it and its .state.json',
      },
    ]);
  const read = readJsonl<SynthRecord>(options.out, { allowMissing: true, skipBadLines: options.skipBadLines });
  const existing = read.records;
  const written = new Set(existing.map((record) => record.id));
  const kept = new Map<string, number>();
  for (const record of existing) kept.set(record.taskId, (kept.get(record.taskId) ?? 0) + 1);
  let keptTotal = existing.length;
  const summary: SynthSummary = {
    out: options.out,
    records: 0,
    perTask: {},
    resumed: existing.length,
    skippedLines: read.skipped,
  };
  const concurrency = options.concurrency ?? 8;
  const log = openJsonlAppender(options.out);
  try {
    for (const task of tasks) {
      const taskOptions = task.resolveOptions(options.taskOptions?.[task.id] ?? {});
      let tried = state.next[task.id] ?? 0;
      while ((kept.get(task.id) ?? 0) < perTask && tried < maxQuestions) {
        const want = Math.min(concurrency, maxQuestions - tried, perTask - (kept.get(task.id) ?? 0));
        const questions = Array.from({ length: want }, (_, i) =>
          task.generate(taskOptions, seed, SFT_INDEX_BASE + tried + i),
        );
        const records = await runWave(task, questions, { ...options, variants, attempts });
        for (const record of records) {
          // Written before a kill that came ahead of the state file: counted already, not written twice.
          if (written.has(record.id)) continue;
          if ((kept.get(task.id) ?? 0) >= perTask) break;
          log.append(record);
          written.add(record.id);
          kept.set(task.id, (kept.get(task.id) ?? 0) + 1);
          keptTotal++;
        }
        tried += want;
        state.next[task.id] = tried;
        writeFileSync(`${statePath}.tmp`, JSON.stringify(state));
        renameSync(`${statePath}.tmp`, statePath);
        options.onProgress?.({ taskId: task.id, kept: kept.get(task.id) ?? 0, tried, perTask, keptTotal });
      }
      summary.perTask[task.id] = { kept: kept.get(task.id) ?? 0, tried };
    }
  } finally {
    log.close();
  }
  summary.records = keptTotal;
  return summary;
}

/** Runs `attempts` teacher episodes per question (variants rotating) and keeps the preferred correct one. */
async function runWave(
  task: Task,
  questions: readonly TaskInstance[],
  options: SynthOptions & { variants: readonly PromptVariant[]; attempts: number },
): Promise<SynthRecord[]> {
  const contexts: (() => EpisodeContext)[] = [];
  const meta: { question: number; variant: PromptVariant }[] = [];
  for (const [q, instance] of questions.entries()) {
    for (let a = 0; a < options.attempts; a++) {
      const variant = options.variants[(instance.index + a) % options.variants.length];
      meta.push({ question: q, variant });
      contexts.push(() => {
        const config = resolveAgentConfig({
          ...options.agent,
          mode: 'ci',
          systemPrompt: systemPromptForVariant(variant, options.systemPrompt),
          recordTokens: false,
        });
        const model = options.teacher.forEpisode(task, instance, 'ci');
        return {
          task,
          instance,
          sample: a,
          backend: model.backend,
          tokenizer: model.tokenizer,
          sandbox: options.sandbox,
          config,
          seed: hashKeys([options.seed ?? 0, task.id, instance.index, a]),
        };
      });
    }
  }
  const episodes: Episode[] = await runEpisodes(contexts, { concurrency: options.concurrency ?? 8 });
  const cut = episodes.filter((episode) => isInfrastructureStop(episode.stopReason));
  if (cut.length) {
    const examples = [...new Set(cut.map((e) => `${e.stopReason}: ${e.error ?? 'no message'}`))].slice(0, 2).join('; ');
    throw new SynthInfrastructureError(
      `${cut.length} teacher episodes of ${task.id} ended by infrastructure (${examples}); rerun the same ` +
        `command to redo them`,
      { retryable: true },
    );
  }
  const records: SynthRecord[] = [];
  for (const [q, instance] of questions.entries()) {
    const candidates = episodes.map((episode, i) => ({ episode, ...meta[i] })).filter((c) => c.question === q);
    const best = pickPreferred(candidates);
    if (best) records.push(episodeToRecord(best.episode, best.variant, instance.answer));
  }
  return records;
}
