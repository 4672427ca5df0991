// Where rollout time goes: the backend and sandbox wrapped to record when each generation call and
// each code execution ran, so a step can report how much execution the async pipeline hid behind
// generation (execution time during which no generation was running is "exposed").
import type { TokenBackend } from '../../backends/index.js';
import type { Sandbox } from '../../sandbox/types.js';

type Interval = { kind: 'generate' | 'execute'; start: number; end: number };

export class ActivityRecorder {
  private readonly intervals: Interval[] = [];

  wrapBackend(backend: TokenBackend): TokenBackend {
    return { ...backend, sample: (request, signal) => this.time('generate', () => backend.sample(request, signal)) };
  }

  wrapSandbox(sandbox: Sandbox): Sandbox {
    return new Proxy(sandbox, {
      get: (target, property, receiver) => {
        if (property === 'exec')
          return (request: Parameters<Sandbox['exec']>[0]) => this.time('execute', () => target.exec(request));
        const value = Reflect.get(target, property, receiver) as unknown;
        return typeof value === 'function' ? (value as (...args: unknown[]) => unknown).bind(target) : value;
      },
    });
  }

  /**
   * Total generation and execution busy time (union of intervals), and the share of execution hidden behind
   * generation.
   */
  summary(): { generationSeconds: number; executionSeconds: number; hiddenExecution: number | null } {
    const generation = union(this.intervals.filter((i) => i.kind === 'generate'));
    const execution = union(this.intervals.filter((i) => i.kind === 'execute'));
    const executionMs = length(execution);
    const exposedMs = executionMs - overlap(execution, generation);
    return {
      generationSeconds: length(generation) / 1000,
      executionSeconds: executionMs / 1000,
      hiddenExecution: executionMs > 0 ? 1 - exposedMs / executionMs : null,
    };
  }

  private async time<T>(kind: Interval['kind'], run: () => Promise<T>): Promise<T> {
    const start = performance.now();
    try {
      return await run();
    } finally {
      this.intervals.push({ kind, start, end: performance.now() });
    }
  }
}

type Span = [number, number];

/** Merges intervals into disjoint sorted spans. */
export function union(intervals: readonly { start: number; end: number }[]): Span[] {
  const sorted = [...intervals].sort((a, b) => a.start - b.start);
  const out: Span[] = [];
  for (const { start, end } of sorted) {
    const last = out[out.length - 1];
    if (last && start <= last[1]) last[1] = Math.max(last[1], end);
    else out.push([start, end]);
  }
  return out;
}

function length(spans: readonly Span[]): number {
  return spans.reduce((n, [a, b]) => n + (b - a), 0);
}

/** Total length of the intersection of two disjoint sorted span lists. */
export function overlap(a: readonly Span[], b: readonly Span[]): number {
  let i = 0,
    j = 0,
    total = 0;
  while (i < a.length && j < b.length) {
    const start = Math.max(a[i][0], b[j][0]),
      end = Math.min(a[i][1], b[j][1]);
    if (end > start) total += end - start;
    if (a[i][1] < b[j][1]) i++;
    else j++;
  }
  return total;
}
