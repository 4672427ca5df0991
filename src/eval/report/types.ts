// What a report shows: one or more runs (models or modes) with their metrics and episodes.
import type { Episode } from '../../agent/index.js';
import type { EvalMetrics } from '../metrics.js';
import type { RunManifest } from '../types.js';

export type RunSummary = {
  label: string;
  manifest: RunManifest;
  metrics: EvalMetrics;
  episodes: readonly Episode[];
  /** Episodes of the run not finished yet, and tasks not run (with the reason): a rerun finishes them. */
  incomplete?: { missing: number; unavailable: Readonly<Record<string, string>> };
};
