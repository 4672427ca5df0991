// Sandbox benchmark: (a) a naive `python -c` spawn per snippet vs (b) the warm pool, for three
// snippets at several concurrencies, side by side in one run; prints p50/p99, exec/s and ratios;
// then the HTTP service (sandbox-http.ts). R1CI_BENCH_PARTS=pool|http runs one half.
import { spawn } from 'node:child_process';
import { availableParallelism } from 'node:os';
import { resolvePython } from '../src/core/index.js';
import { createLocalSandbox, percentile, type IsolationMode } from '../src/sandbox/index.js';
import { benchRunCodeHttp, benchVerifyHttp } from './sandbox-http.js';

const SNIPPETS: Record<string, string> = {
  print: 'print(1)',
  numpy: 'import numpy as np\nprint(int(np.arange(100).reshape(10, 10).sum()))',
  sympy: 'import sympy as sp\nprint(sp.factorint(2**32 - 1))',
};
const CONCURRENCY = [1, 4, 16, 64];
const isolation = (process.env.R1CI_BENCH_ISOLATION ?? 'bwrap') as IsolationMode;

type Cell = { p50: number; p99: number; perSecond: number };

async function measure(run: () => Promise<void>, total: number, concurrency: number): Promise<Cell> {
  const latencies: number[] = [];
  let issued = 0;
  const started = performance.now();
  const worker = async () => {
    while (issued < total) {
      issued++;
      const t = performance.now();
      await run();
      latencies.push(performance.now() - t);
    }
  };
  await Promise.all(Array.from({ length: concurrency }, worker));
  const seconds = (performance.now() - started) / 1000;
  latencies.sort((a, b) => a - b);
  return { p50: percentile(latencies, 0.5), p99: percentile(latencies, 0.99), perSecond: total / seconds };
}

function naive(python: string, code: string): Promise<void> {
  return new Promise((resolve, reject) => {
    const child = spawn(python, ['-c', code], {
      stdio: ['ignore', 'pipe', 'inherit'],
      env: { PATH: '/usr/bin:/bin', OPENBLAS_NUM_THREADS: '1' },
    });
    child.stdout.resume();
    child.on('error', reject);
    child.on('exit', (status) => (status === 0 ? resolve() : reject(new Error(`python exited ${status}`))));
  });
}

const fmt = (cell: Cell) =>
  `${cell.p50.toFixed(1).padStart(7)} ${cell.p99.toFixed(1).padStart(7)} ${cell.perSecond.toFixed(0).padStart(6)}`;

async function main(): Promise<void> {
  const python = resolvePython();
  const pool = await createLocalSandbox({ isolation, timeoutMs: 30_000 });
  for (let i = 0; i < 20; i++) await pool.exec({ code: 'print(0)' });
  console.log(
    `sandbox benchmark: ${availableParallelism()} cores, python ${python}, isolation ${pool.isolation().mode}` +
      `${pool.isolation().privileged ? ' (privileged: per-snippet uid + tmpfs)' : ''}` +
      `, pool concurrency ${pool.config.concurrency}`,
  );
  const parts = process.env.R1CI_BENCH_PARTS ?? 'pool,http';
  if (parts.includes('http')) {
    await benchRunCodeHttp(pool, SNIPPETS);
    await benchVerifyHttp();
  }
  if (!parts.includes('pool')) return pool.close();
  console.log('snippet  conc | naive p50    p99  exec/s | pool p50    p99  exec/s | p50 ratio  exec/s ratio');
  for (const [name, code] of Object.entries(SNIPPETS)) {
    for (const concurrency of CONCURRENCY) {
      const naiveCell = await measure(
        () => naive(python, code),
        Math.max(10, concurrency * (name === 'print' ? 3 : 1)),
        concurrency,
      );
      const poolCell = await measure(
        async () => {
          const result = await pool.exec({ code });
          if (result.status !== 'exited' || result.exitCode !== 0)
            throw new Error(`pool: ${result.status} ${result.stderr}`);
        },
        Math.max(300, concurrency * 8),
        concurrency,
      );
      console.log(
        `${name.padEnd(7)} ${String(concurrency).padStart(5)} | ${fmt(naiveCell)}     | ${fmt(poolCell)}    | ` +
          `${(naiveCell.p50 / poolCell.p50).toFixed(1).padStart(8)}x ` +
          `${(poolCell.perSecond / naiveCell.perSecond).toFixed(1).padStart(8)}x`,
      );
    }
  }
  const metrics = pool.metrics();
  console.log(
    'pool metrics: ' +
      JSON.stringify({
        completed: metrics.completed,
        restarts: metrics.restarts,
        queueWait: metrics.queueWait,
        run: metrics.run,
      }),
  );
  await pool.close();
}

await main();
