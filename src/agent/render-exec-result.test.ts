// The feedback a model reads after a timeout: the limit as set (not rounded) and the words "timed out".
import { describe, expect, it } from 'vitest';
import type { ExecResult } from '../sandbox/types.js';
import { renderExecResult } from './render-exec-result.js';

const timedOut = (durationMs: number): ExecResult => ({
  status: 'timeout',
  exitCode: null,
  stdout: 'partial\n',
  stderr: `[timed out after ${durationMs} ms]\n`,
  truncated: false,
  durationMs,
});
const render = (result: ExecResult, timeoutMs: number) =>
  renderExecResult(result, { timeoutMs, truncation: { unit: 'chars', budget: 4000 } });

describe('timeout feedback', () => {
  it('states a sub-second limit as it was set and says the code timed out', () => {
    expect(render(timedOut(400), 400)).toBe(
      'Code Execution Results:\npartial\nError: the code timed out: it did not finish within 0.4 seconds and was ' +
        'stopped.\n',
    );
  });

  it('keeps fractions of a second and whole seconds exact', () => {
    expect(render(timedOut(1500), 1500)).toContain('within 1.5 seconds');
    expect(render(timedOut(60_000), 60_000)).toContain('within 60 seconds');
    expect(render(timedOut(1000), 1000)).toContain('within 1 second and');
    expect(render(timedOut(250), 250)).toContain('within 0.25 seconds');
  });
});
