// The local pool on real processes: results, stdin, typed statuses, queueing and metrics.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { ConfigError } from '../core/index.js';
import { createLocalSandbox, resolveLocalSandboxConfig, type LocalSandbox } from './index.js';

let sandbox: LocalSandbox;
beforeAll(async () => {
  sandbox = await createLocalSandbox({ concurrency: 2, timeoutMs: 5000 });
});
afterAll(async () => {
  await sandbox?.close();
});

describe('local sandbox pool', () => {
  it('runs a snippet and returns its output', async () => {
    const result = await sandbox.exec({ code: 'print(6 * 7)' });
    expect({ ...result, durationMs: 0 }).toEqual({
      status: 'exited',
      exitCode: 0,
      stdout: '42\n',
      stderr: '',
      truncated: false,
      durationMs: 0,
    });
  });

  it('has numpy, sympy, scipy and networkx already imported', async () => {
    const code =
      'import numpy as np, sympy as sp, networkx as nx\nfrom scipy import ' +
      'optimize\nprint(int(np.arange(5).sum()), sp.factorint(360), nx.path_graph(4).number_of_edges(), ' +
      'round(optimize.brentq(lambda x: x*x-2, 0, 2), 6))';
    const result = await sandbox.exec({ code });
    expect(result.stdout).toBe('10 {2: 3, 3: 2, 5: 1} 3 1.414214\n');
  });

  it('feeds stdin and reports a non-zero exit with the traceback', async () => {
    expect((await sandbox.exec({ code: 'print(input()[::-1])', stdin: 'abc\n' })).stdout).toBe('cba\n');
    const failed = await sandbox.exec({ code: 'x = 1\nraise ValueError("bad")' });
    expect(failed.status).toBe('exited');
    expect(failed.exitCode).toBe(1);
    expect(failed.stderr).toBe(
      'Traceback (most recent call last):\n  File "<snippet>", line 2, in <module>\n    raise ' +
        'ValueError("bad")\nValueError: bad\n',
    );
    const exit = await sandbox.exec({ code: 'import sys; print("a"); sys.exit(3)' });
    expect([exit.status, exit.exitCode, exit.stdout]).toEqual(['exited', 3, 'a\n']);
  });

  it('runs each snippet in a fresh process: no state leaks between snippets', async () => {
    await sandbox.exec({ code: 'import builtins; builtins.LEAK = 1\nopen("note.txt", "w").write("x")' });
    const result = await sandbox.exec({
      code: 'import builtins, os; print(hasattr(builtins, "LEAK"), os.listdir("."))',
    });
    expect(result.stdout).toBe('False []\n');
  });

  it('gives each snippet its own random state (numpy and random are not copies of the parent)', async () => {
    const code =
      'import numpy as np, random\nprint(np.random.randint(0, 2**62), np.random.normal(), random.getrandbits(62))';
    const rows = (await Promise.all(Array.from({ length: 4 }, () => sandbox.exec({ code })))).map((r) =>
      r.stdout.trim().split(' '),
    );
    for (let column = 0; column < 3; column++) expect(new Set(rows.map((row) => row[column])).size).toBe(4);
  });

  it('queues past the concurrency and reports metrics', async () => {
    const results = await Promise.all(Array.from({ length: 12 }, (_, i) => sandbox.exec({ code: `print(${i} ** 2)` })));
    expect(results.map((r) => r.stdout)).toEqual(Array.from({ length: 12 }, (_, i) => `${i ** 2}\n`));
    const metrics = sandbox.metrics();
    expect(metrics.running).toBe(0);
    expect(metrics.queued).toBe(0);
    expect(metrics.completed.exited).toBeGreaterThanOrEqual(12);
    expect(metrics.run.count).toBe(metrics.queueWait.count);
    expect(metrics.run.p99Ms).toBeGreaterThanOrEqual(metrics.run.p50Ms);
  });

  it('rejects bad options with every problem listed', () => {
    expect(() =>
      resolveLocalSandboxConfig({ concurrency: 0, isolation: 'docker' as 'none', colour: 1 } as never),
    ).toThrow(ConfigError);
    try {
      resolveLocalSandboxConfig({ concurrency: 0, isolation: 'docker' as 'none' });
    } catch (error) {
      expect((error as ConfigError).problems.map((p) => p.path)).toEqual(['sandbox.concurrency', 'sandbox.isolation']);
    }
  });
});

describe('local sandbox pool without a jail (isolation none)', () => {
  it('gives every snippet an empty working dir, even one its slot used before', async () => {
    const bare = await createLocalSandbox({ concurrency: 1, isolation: 'none', warn: () => {} });
    try {
      const wrote = await bare.exec({
        code: 'import os\nopen("note.txt", "w").write("x")\nos.mkdir("sub")\nprint(os.getcwd())',
      });
      expect(wrote.status).toBe('exited');
      // One after another, the snippets cycle through every slot, the writer's included.
      const seen = [];
      for (let i = 0; i < 8; i++)
        seen.push((await bare.exec({ code: 'import os\nprint(os.getcwd(), sorted(os.listdir(".")))' })).stdout.trim());
      expect(seen.filter((line) => line.startsWith(wrote.stdout.trim())).length).toBeGreaterThan(0);
      expect(seen.every((line) => line.endsWith(' []'))).toBe(true);
    } finally {
      await bare.close();
    }
  });
});
