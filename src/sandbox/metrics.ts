// Pool metrics: counts by status and percentiles of queue wait and run time over a recent window.

import type { ExecStatus } from './types.js';

export type LatencySummary = { count: number; p50Ms: number; p99Ms: number; maxMs: number };

export type SandboxMetrics = {
  /** Snippets finished, by status. */
  completed: Record<ExecStatus, number>;
  /** Requests that threw (sandbox unavailable, queue full). */
  failed: number;
  /** Times the warm parent was replaced after dying. */
  restarts: number;
  /** Times the warm parent replaced its fork server after it died (the parent itself lived on). */
  forkServerRestarts: number;
  running: number;
  queued: number;
  /** Time from exec() to dispatch to the warm parent. */
  queueWait: LatencySummary;
  /** Time from dispatch to result, as seen by Node. */
  run: LatencySummary;
};

/** A fixed-size window of samples with percentiles. */
export class SampleWindow {
  private readonly samples: number[] = [];
  private next = 0;
  constructor(private readonly size = 10_000) {}

  add(value: number): void {
    if (this.samples.length < this.size) this.samples.push(value);
    else this.samples[this.next] = value;
    this.next = (this.next + 1) % this.size;
  }

  summary(): LatencySummary {
    const sorted = [...this.samples].sort((a, b) => a - b);
    return {
      count: sorted.length,
      p50Ms: percentile(sorted, 0.5),
      p99Ms: percentile(sorted, 0.99),
      maxMs: sorted.at(-1) ?? 0,
    };
  }
}

/** Nearest-rank percentile of an ascending list (0 for an empty one). */
export function percentile(sorted: readonly number[], q: number): number {
  if (!sorted.length) return 0;
  const rank = Math.min(sorted.length - 1, Math.max(0, Math.ceil(q * sorted.length) - 1));
  return Math.round(sorted[rank] * 1000) / 1000;
}
