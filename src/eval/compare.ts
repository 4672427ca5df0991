// `r1ci compare`: several finished runs side by side, with the paper's reference numbers.
import { existsSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { ConfigError } from '../core/index.js';
import { computeMetrics } from './metrics.js';
import { readEpisodes } from './run-eval.js';
import type { RunManifest } from './types.js';
import type { RunSummary } from './report/types.js';

/**
 * Mean accuracy over the paper's 37 test tasks (R1-Code-Interpreter v2, Table 1). Its test tasks are not ours, so
 * these are context, not a like-for-like comparison.
 */
export const PAPER_REFERENCE: readonly { label: string; meanAccuracy: number }[] = [
  { label: 'paper: Qwen2.5-14B, no tuning', meanAccuracy: 0.441 },
  { label: 'paper: GPT-4o, text only', meanAccuracy: 0.586 },
  { label: 'paper: GPT-4o + Code Interpreter', meanAccuracy: 0.709 },
  { label: 'paper: R1-CI-14B, SFT only', meanAccuracy: 0.631 },
  { label: 'paper: R1-CI-14B, SFT + GRPO (no curriculum)', meanAccuracy: 0.665 },
  { label: 'paper: R1-CI-14B, final', meanAccuracy: 0.724 },
];

export function loadRun(dir: string): RunSummary {
  const manifestPath = join(dir, 'run.json');
  if (!existsSync(manifestPath))
    throw new ConfigError([
      {
        path: 'compare',
        message: `${dir} is not an eval run folder (no run.json)`,
        fix: 'pass folders written by r1ci eval --out',
      },
    ]);
  const manifest = JSON.parse(readFileSync(manifestPath, 'utf8')) as RunManifest;
  const { episodes } = readEpisodes(join(dir, 'episodes.jsonl'));
  return {
    label: `${manifest.model} (${manifest.mode}) [${dir}]`,
    manifest,
    metrics: computeMetrics(episodes),
    episodes,
  };
}

export function renderComparison(runs: readonly RunSummary[]): { header: string[]; rows: (string | number)[][] } {
  const taskIds = [...new Set(runs.flatMap((run) => run.metrics.tasks.map((t) => t.taskId)))].sort();
  const header = ['', ...runs.map((_, i) => `run ${i + 1}`)];
  const pct = (x: number | undefined) => (x === undefined ? '–' : (100 * x).toFixed(1));
  const rows: (string | number)[][] = [
    ['model', ...runs.map((r) => r.manifest.model)],
    ['mode', ...runs.map((r) => r.manifest.mode)],
    ['episodes', ...runs.map((r) => r.metrics.episodes)],
    ['mean accuracy over tasks (%)', ...runs.map((r) => pct(r.metrics.meanAccuracy))],
    ['code use (%)', ...runs.map((r) => pct(r.metrics.codeUseRate))],
    ['mean code calls', ...runs.map((r) => r.metrics.meanCodeCalls.toFixed(2))],
    ...taskIds.map((id) => [id, ...runs.map((r) => pct(r.metrics.tasks.find((t) => t.taskId === id)?.accuracy))]),
  ];
  return { header, rows };
}
