// The evaluation harness: tasks × questions × samples through the agent loop, finished episodes
// appended to episodes.jsonl as they end (a killed run resumes where it stopped), then metrics
// and reports (results.json, report.md, report.html). An episode that infrastructure ended is
// never stored: a rerun of the same command redoes it.
import { existsSync, mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { ConfigError, hashKeys, openJsonlAppender, readJsonl, type BadLine } from '../core/index.js';
import { getTask } from '../tasks/index.js';
import {
  isInfrastructureStop,
  resolveAgentConfig,
  runEpisodes,
  type AgentOptions,
  type Episode,
  type EpisodeContext,
} from '../agent/index.js';
import type { Sandbox } from '../sandbox/types.js';
import { computeMetrics, type EvalMetrics } from './metrics.js';
import type { ModelFactory } from './model-spec.js';
import { writeReports } from './report/write-reports.js';
import type { RunManifest } from './types.js';

export type EvalOptions = {
  model: ModelFactory;
  taskIds: readonly string[];
  /** Questions per task (indices 0..perTask-1). */
  perTask: number;
  /** Samples per question (pass@k uses k = samples). */
  samples?: number;
  /** Seed the questions are generated with. */
  seed?: number;
  agent?: AgentOptions;
  outDir: string;
  sandbox: Sandbox;
  /** Episodes in flight (default 8). */
  concurrency?: number;
  schedule?: 'async' | 'batch';
  /** Called after each finished episode with (done, total). */
  onProgress?: (done: number, total: number, episode?: Episode) => void;
  /** Tasks of the run not run this time (preflight found them unavailable), with the reason: rerun once fixed. */
  unavailable?: Readonly<Record<string, string>>;
  /** Go on past unreadable lines of episodes.jsonl (their episodes run again) instead of refusing. */
  skipBadLines?: boolean;
};

export type EvalResult = {
  outDir: string;
  manifest: RunManifest;
  metrics: EvalMetrics;
  /** Finished episodes (model-caused ends), in task, question, sample order. */
  episodes: Episode[];
  resumed: number;
  /** Episodes of the run not finished yet (infrastructure failures and unavailable tasks): rerun to finish. */
  missing: number;
  /** Unreadable lines of episodes.jsonl skipped with skipBadLines. */
  skippedLines: BadLine[];
  /** Tasks not run this time, with the reason. */
  unavailable: Readonly<Record<string, string>>;
};

/** Reads episodes.jsonl: one episode per id (the last written wins), a torn last line left out. */
export function readEpisodes(
  path: string,
  options: { skipBadLines?: boolean } = {},
): { episodes: Episode[]; skipped: BadLine[] } {
  const read = readJsonl<Episode>(path, { allowMissing: true, skipBadLines: options.skipBadLines });
  return { episodes: [...new Map(read.records.map((e) => [e.id, e])).values()], skipped: read.skipped };
}

function sameRun(a: RunManifest, b: RunManifest): boolean {
  return (
    a.model === b.model &&
    a.mode === b.mode &&
    a.perTask === b.perTask &&
    a.samples === b.samples &&
    a.seed === b.seed &&
    a.temperature === b.temperature &&
    a.taskIds.join(',') === b.taskIds.join(',')
  );
}

export async function runEval(options: EvalOptions): Promise<EvalResult> {
  const agent = resolveAgentConfig(options.agent);
  const samples = options.samples ?? 1,
    seed = options.seed ?? 0;
  const manifest: RunManifest = {
    model: options.model.name,
    mode: agent.mode,
    taskIds: [...options.taskIds],
    perTask: options.perTask,
    samples,
    seed,
    temperature: agent.temperature,
    startedAt: new Date().toISOString(),
  };
  mkdirSync(options.outDir, { recursive: true });
  const manifestPath = join(options.outDir, 'run.json');
  if (existsSync(manifestPath)) {
    const previous = JSON.parse(readFileSync(manifestPath, 'utf8')) as RunManifest;
    if (!sameRun(previous, manifest))
      throw new ConfigError([
        {
          path: '--out',
          message:
            `${options.outDir} holds a different run (model ${previous.model}, ` +
            `mode ${previous.mode}, ${previous.taskIds.length} tasks)`,
          fix: 'use a new --out folder, or delete that one',
        },
      ]);
    manifest.startedAt = previous.startedAt;
  } else writeFileSync(manifestPath, `${JSON.stringify(manifest, null, 2)}\n`);

  const episodesPath = join(options.outDir, 'episodes.jsonl');
  const previous = readEpisodes(episodesPath, { skipBadLines: options.skipBadLines });
  // Episodes an older version stored although infrastructure ended them are run again.
  const finished = new Map(previous.episodes.filter((e) => !isInfrastructureStop(e.stopReason)).map((e) => [e.id, e]));
  const unavailable = options.unavailable ?? {};
  const tasks = options.taskIds.filter((id) => !(id in unavailable)).map((id) => getTask(id));
  const todo: (() => EpisodeContext)[] = [];
  for (const task of tasks) {
    const taskOptions = task.resolveOptions();
    for (let index = 0; index < options.perTask; index++) {
      for (let sample = 0; sample < samples; sample++) {
        if (finished.has(`${task.id}#${index}#${sample}`)) continue;
        todo.push(() => {
          const instance = task.generate(taskOptions, seed, index);
          const model = options.model.forEpisode(task, instance, agent.mode);
          return {
            task,
            instance,
            sample,
            backend: model.backend,
            tokenizer: model.tokenizer,
            sandbox: options.sandbox,
            config: agent,
            seed: hashKeys([seed, task.id, index, sample]),
          };
        });
      }
    }
  }
  const total = options.taskIds.length * options.perTask * samples;
  const resumed = finished.size;
  let done = resumed;
  options.onProgress?.(done, total);
  const failures: Episode[] = [];
  const log = openJsonlAppender(episodesPath);
  try {
    await runEpisodes(todo, {
      concurrency: options.concurrency ?? 8,
      schedule: options.schedule,
      onEpisode: (episode) => {
        if (isInfrastructureStop(episode.stopReason)) return void failures.push(episode);
        log.append(episode);
        finished.set(episode.id, episode);
        options.onProgress?.(++done, total, episode);
      },
    });
  } finally {
    log.close();
  }
  const order = new Map(options.taskIds.map((id, i) => [id, i]));
  const episodes = [...finished.values()]
    .filter((e) => order.has(e.taskId))
    .sort((a, b) => order.get(a.taskId)! - order.get(b.taskId)! || a.index - b.index || a.sample - b.sample);
  const metrics = computeMetrics([...episodes, ...failures]);
  const incomplete = { missing: total - episodes.length, unavailable };
  writeReports(options.outDir, [
    { label: `${manifest.model} (${manifest.mode})`, manifest, metrics, episodes, incomplete },
  ]);
  return {
    outDir: options.outDir,
    manifest,
    metrics,
    episodes,
    resumed,
    missing: total - episodes.length,
    skippedLines: previous.skipped,
    unavailable,
  };
}
