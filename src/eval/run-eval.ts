// The evaluation harness: tasks × questions × samples through the agent loop, finished episodes
// appended to episodes.jsonl as they end (a killed run resumes where it stopped), then metrics
// and reports (results.json, report.md, report.html).
import { appendFileSync, existsSync, mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { ConfigError, hashKeys } from '../core/index.js';
import { getTask } from '../tasks/index.js';
import { resolveAgentConfig, runEpisodes, type AgentOptions, type Episode, type EpisodeContext } from '../agent/index.js';
import type { Sandbox } from '../sandbox/types.js';
import { computeMetrics, type EvalMetrics } from './metrics.js';
import type { ModelFactory } from './model-spec.js';
import { writeReports } from './report/write-reports.js';

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
};

/** What identifies a run; resuming into a folder with a different identity is refused. */
export type RunManifest = {
  model: string;
  mode: string;
  taskIds: string[];
  perTask: number;
  samples: number;
  seed: number;
  temperature: number;
  startedAt: string;
};

export type EvalResult = { outDir: string; manifest: RunManifest; metrics: EvalMetrics; episodes: Episode[]; resumed: number };

/** Reads episodes.jsonl, ignoring a torn last line from a killed run. */
export function readEpisodes(path: string): Episode[] {
  if (!existsSync(path)) return [];
  const out: Episode[] = [];
  for (const line of readFileSync(path, 'utf8').split('\n')) {
    if (!line.trim()) continue;
    try {
      out.push(JSON.parse(line) as Episode);
    } catch {
      // a line cut by a kill mid-write: that episode is simply run again
    }
  }
  return out;
}

function sameRun(a: RunManifest, b: RunManifest): boolean {
  return a.model === b.model && a.mode === b.mode && a.perTask === b.perTask && a.samples === b.samples && a.seed === b.seed && a.temperature === b.temperature && a.taskIds.join(',') === b.taskIds.join(',');
}

export async function runEval(options: EvalOptions): Promise<EvalResult> {
  const agent = resolveAgentConfig(options.agent);
  const samples = options.samples ?? 1, seed = options.seed ?? 0;
  const manifest: RunManifest = { model: options.model.name, mode: agent.mode, taskIds: [...options.taskIds], perTask: options.perTask, samples, seed, temperature: agent.temperature, startedAt: new Date().toISOString() };
  mkdirSync(options.outDir, { recursive: true });
  const manifestPath = join(options.outDir, 'run.json');
  if (existsSync(manifestPath)) {
    const previous = JSON.parse(readFileSync(manifestPath, 'utf8')) as RunManifest;
    if (!sameRun(previous, manifest)) throw new ConfigError([{ path: '--out', message: `${options.outDir} holds a different run (model ${previous.model}, mode ${previous.mode}, ${previous.taskIds.length} tasks)`, fix: 'use a new --out folder, or delete that one' }]);
    manifest.startedAt = previous.startedAt;
  } else writeFileSync(manifestPath, `${JSON.stringify(manifest, null, 2)}\n`);

  const episodesPath = join(options.outDir, 'episodes.jsonl');
  const finished = new Map(readEpisodes(episodesPath).map((episode) => [episode.id, episode]));
  const tasks = options.taskIds.map((id) => getTask(id));
  const todo: (() => EpisodeContext)[] = [];
  let total = 0;
  for (const task of tasks) {
    const taskOptions = task.resolveOptions();
    for (let index = 0; index < options.perTask; index++) {
      for (let sample = 0; sample < samples; sample++) {
        total++;
        if (finished.has(`${task.id}#${index}#${sample}`)) continue;
        todo.push(() => {
          const instance = task.generate(taskOptions, seed, index);
          const model = options.model.forEpisode(task, instance, agent.mode);
          return { task, instance, sample, backend: model.backend, tokenizer: model.tokenizer, sandbox: options.sandbox, config: agent, seed: hashKeys([seed, task.id, index, sample]) };
        });
      }
    }
  }
  const resumed = finished.size;
  let done = resumed;
  options.onProgress?.(done, total);
  await runEpisodes(todo, {
    concurrency: options.concurrency ?? 8,
    schedule: options.schedule,
    onEpisode: (episode) => {
      appendFileSync(episodesPath, `${JSON.stringify(episode)}\n`);
      finished.set(episode.id, episode);
      options.onProgress?.(++done, total, episode);
    },
  });
  const order = new Map(options.taskIds.map((id, i) => [id, i]));
  const episodes = [...finished.values()].filter((e) => order.has(e.taskId)).sort((a, b) => order.get(a.taskId)! - order.get(b.taskId)! || a.index - b.index || a.sample - b.sample);
  const metrics = computeMetrics(episodes);
  writeReports(options.outDir, [{ label: `${manifest.model} (${manifest.mode})`, manifest, metrics, episodes }]);
  return { outDir: options.outDir, manifest, metrics, episodes, resumed };
}
