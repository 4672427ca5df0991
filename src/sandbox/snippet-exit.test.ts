// How a snippet's end is reported when it does what plain Python survives: recursion millions of
// frames deep, or closing its own stdout. The sandbox must report what `python3 file.py` would.
import { spawnSync } from 'node:child_process';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { resolvePython } from '../core/index.js';
import { createLocalSandbox, type LocalSandbox } from './index.js';

let sandbox: LocalSandbox;
beforeAll(async () => {
  sandbox = await createLocalSandbox({ concurrency: 2, timeoutMs: 30_000 });
});
afterAll(async () => {
  await sandbox?.close();
});

/** Runs code in plain Python (no sandbox): what the model would see on its own machine. */
function plainPython(code: string): { status: number | null; stderr: string; ms: number } {
  const started = performance.now();
  const run = spawnSync(resolvePython(), ['-c', code], { encoding: 'utf8', timeout: 30_000 });
  return { status: run.status, stderr: run.stderr, ms: performance.now() - started };
}

const lastLines = (text: string, n: number) => text.trimEnd().split('\n').slice(-n).join('\n');

describe('snippet ends the sandbox must report as plain Python does', () => {
  it('deep recursion ends with the short RecursionError traceback, as fast as plain Python', async () => {
    const code = 'import sys\nsys.setrecursionlimit(200_000)\ndef f(n):\n    return f(n + 1)\nf(0)\n';
    const plain = plainPython(code);
    const result = await sandbox.exec({ code });
    expect([result.status, result.exitCode]).toEqual(['exited', plain.status]);
    // Plain Python prints at most the last 1000 frames and folds the repeats into one line.
    expect(lastLines(result.stderr, 2)).toBe(lastLines(plain.stderr, 2));
    expect(lastLines(result.stderr, 1)).toBe('RecursionError: maximum recursion depth exceeded');
    expect(result.stderr.length).toBeLessThan(2000);
    expect(result.durationMs).toBeLessThan(3 * plain.ms + 2000);
  });

  it('a snippet that closes its stdout exits 0, as in plain Python', async () => {
    const code = 'import os\nos.close(1)\n';
    expect(plainPython(code).status).toBe(0);
    const result = await sandbox.exec({ code });
    expect([result.status, result.exitCode, result.stderr]).toEqual(['exited', 0, '']);
  });

  it('a snippet that closes stdout with output still buffered exits as in plain Python', async () => {
    const code = 'import os, sys\nsys.stdout.write("lost")\nos.close(1)\n';
    const result = await sandbox.exec({ code });
    expect([result.status, result.exitCode]).toEqual(['exited', plainPython(code).status]);
  });
});
