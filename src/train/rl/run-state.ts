// The run folder's durable state: config.json (what the run is), state.json (the last completed
// step and its checkpoint, replaced atomically), metrics.jsonl (one line per completed step). On
// resume, metric lines past the recorded step (a step cut short by a kill) are dropped, so the
// file holds each step exactly once.
import { createHash } from 'node:crypto';
import { appendFileSync, existsSync, mkdirSync, readFileSync, renameSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { ConfigError, readJsonl, rewriteJsonl } from '../../core/index.js';
import type { ResolvedRlConfig, RunState, StepMetrics } from './types.js';

export type RunFiles = { dir: string; config: string; state: string; metrics: string; checkpoints: string };

export function runFiles(dir: string): RunFiles {
  return {
    dir,
    config: join(dir, 'config.json'),
    state: join(dir, 'state.json'),
    metrics: join(dir, 'metrics.jsonl'),
    checkpoints: join(dir, 'checkpoints'),
  };
}

export function hashConfig(config: ResolvedRlConfig, init: string): string {
  return createHash('sha256').update(JSON.stringify({ config, init })).digest('hex').slice(0, 16);
}

/** Opens (or creates) a run folder; resolves to the state of the last completed step, if any. */
export function openRun(
  files: RunFiles,
  config: ResolvedRlConfig,
  init: string,
): { state: RunState | null; configHash: string } {
  mkdirSync(files.checkpoints, { recursive: true });
  const configHash = hashConfig(config, init);
  if (!existsSync(files.state)) {
    writeFileSync(files.config, `${JSON.stringify({ configHash, init, config }, null, 2)}\n`);
    if (existsSync(files.metrics)) writeFileSync(files.metrics, '');
    return { state: null, configHash };
  }
  const state = JSON.parse(readFileSync(files.state, 'utf8')) as RunState;
  if (state.configHash !== configHash) {
    throw new ConfigError([
      {
        path: 'rl.runDir',
        message: `${files.dir} holds a run with a different config or starting point`,
        fix: 'rerun with the same options, or choose a new --out folder',
      },
    ]);
  }
  truncateMetrics(files.metrics, state.step);
  return { state, configHash };
}

/** Keeps the metric lines of steps 1..step (drops a torn or uncommitted tail). */
export function truncateMetrics(path: string, step: number): StepMetrics[] {
  const kept = readMetrics(path).filter((m) => m.step <= step);
  rewriteJsonl(path, kept);
  return kept;
}

/** The step lines (shared JSONL rules: a torn last line left out, other unreadable lines refused). */
export function readMetrics(path: string): StepMetrics[] {
  return readJsonl<StepMetrics>(path, { allowMissing: true }).records;
}

/** Commits a step: its metrics line first, then state.json by rename (the commit point). */
export function commitStep(files: RunFiles, metrics: StepMetrics, state: RunState): void {
  appendStepMetrics(files, metrics);
  writeRunState(files, state);
}

/** A step's metrics line; it counts once state.json names a step at or after it. */
export function appendStepMetrics(files: RunFiles, metrics: StepMetrics): void {
  appendFileSync(files.metrics, `${JSON.stringify(metrics)}\n`);
}

/** Replaces state.json atomically (the commit point of every step up to state.step). */
export function writeRunState(files: RunFiles, state: RunState): void {
  const tmp = `${files.state}.tmp`;
  writeFileSync(tmp, `${JSON.stringify(state, null, 2)}\n`);
  renameSync(tmp, files.state);
}
