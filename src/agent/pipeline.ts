// Many episodes in flight. The async pipeline lets each episode advance on its own, so one
// episode's code runs while others generate; the turn-synchronous batch mode (for comparison)
// advances all episodes of a batch one phase at a time behind a barrier.

import { EpisodeRun, type EpisodeContext } from './run-episode.js';
import type { Episode } from './types.js';

export type PipelineOptions = {
  /** Most episodes in flight at once (async) or per batch (batch). */
  concurrency: number;
  /** `async` (default) or `batch` (turn-synchronous). */
  schedule?: 'async' | 'batch';
  /** Called as each episode ends (append it to a file, update a progress bar). */
  onEpisode?: (episode: Episode, position: number) => void | Promise<void>;
};

/** Runs episodes for the given contexts (created lazily, in order); returns them in input order. */
export async function runEpisodes(
  contexts: readonly (() => EpisodeContext)[],
  options: PipelineOptions,
): Promise<Episode[]> {
  const results: Episode[] = new Array(contexts.length);
  if (options.schedule === 'batch') {
    for (let start = 0; start < contexts.length; start += options.concurrency) {
      const batch = contexts.slice(start, start + options.concurrency).map((make) => new EpisodeRun(make()));
      await runBatch(batch);
      for (const [offset, run] of batch.entries()) {
        results[start + offset] = run.episode();
        await options.onEpisode?.(results[start + offset], start + offset);
      }
    }
    return results;
  }
  let next = 0;
  let failed = false;
  const worker = async (): Promise<void> => {
    while (next < contexts.length && !failed) {
      const position = next++;
      try {
        const run = new EpisodeRun(contexts[position]());
        while (!run.done) await run.step();
        results[position] = run.episode();
        await options.onEpisode?.(results[position], position);
      } catch (error) {
        failed = true; // start no more episodes; those in flight end and are handed over first
        throw error;
      }
    }
  };
  // Settle every worker before rethrowing: a caller that closes the sandbox on error would
  // otherwise cut the episodes still in flight.
  const settled = await Promise.allSettled(
    Array.from({ length: Math.min(options.concurrency, contexts.length) }, worker),
  );
  const rejected = settled.find((s): s is PromiseRejectedResult => s.status === 'rejected');
  if (rejected) throw rejected.reason;
  return results;
}

async function runBatch(runs: EpisodeRun[]): Promise<void> {
  for (;;) {
    const generating = runs.filter((run) => run.phase === 'generate');
    if (generating.length) await Promise.all(generating.map((run) => run.step()));
    const executing = runs.filter((run) => run.phase === 'execute');
    if (executing.length) await Promise.all(executing.map((run) => run.step()));
    if (runs.every((run) => run.done)) return;
  }
}
