// The demo's robustness and speed: `r1ci demo` (the short version) over seeds and two CPU kernels,
// each run in its own process, printing every run's mean row and then each cell's range over all
// runs, and each stage's wall time. The second kernel makes MKL and ATen take their AVX (no FMA)
// and generic code paths, which round floats the way another machine would (OpenBLAS's Haswell
// kernel likewise, for a torch built on OpenBLAS). Results go to .r1ci/bench-demo/; a rerun skips
// the runs already there (resume after a crash; delete the folder to measure afresh).
//   npm run bench:demo [-- --seeds 0,1,2,3,4 --kernels default,avx --parallel 1]
import { spawn } from 'node:child_process';
import { existsSync, mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import { join, resolve } from 'node:path';

const KERNELS: Record<string, NodeJS.ProcessEnv> = {
  default: {},
  avx: { MKL_ENABLE_INSTRUCTIONS: 'AVX', ATEN_CPU_CAPABILITY: 'default', OPENBLAS_CORETYPE: 'Haswell' },
};

function flag(name: string, fallback: string): string {
  const at = process.argv.indexOf(`--${name}`);
  return at >= 0 ? process.argv[at + 1] : fallback;
}

type Summary = {
  timings: Record<string, number>;
  table: { header: string[]; rows: string[][] };
  sftTokensPerSecond: number | null;
  wallSeconds: number;
};
type Run = { seed: number; kernel: string };

const root = '.r1ci/bench-demo';
const resultFile = (run: Run) => join(root, `${run.kernel}-seed${run.seed}.json`);

function runDemo(run: Run): Promise<Summary> {
  const out = resolve(root, `${run.kernel}-seed${run.seed}`);
  const started = Date.now();
  return new Promise((resolve, reject) => {
    const child = spawn(process.execPath, ['bin/r1ci.js', 'demo', '--seed', String(run.seed), '--out', out, '--json'], {
      env: { ...process.env, ...KERNELS[run.kernel] },
      stdio: ['ignore', 'pipe', 'inherit'],
    });
    let stdout = '';
    child.stdout.on('data', (chunk) => (stdout += chunk));
    child.on('close', (code) => {
      if (code !== 0) return reject(new Error(`demo seed ${run.seed} (${run.kernel}) exited with ${code}`));
      const summary = {
        ...(JSON.parse(stdout) as Omit<Summary, 'wallSeconds'>),
        wallSeconds: (Date.now() - started) / 1000,
      };
      writeFileSync(resultFile(run), JSON.stringify(summary));
      resolve(summary);
    });
  });
}

const pct = (cell: string) => Number(cell.replace('%', ''));

async function main(): Promise<void> {
  const seeds = flag('seeds', '0,1,2,3,4').split(',').map(Number);
  const kernels = flag('kernels', 'default,avx').split(',');
  for (const k of kernels)
    if (!KERNELS[k]) throw new Error(`unknown kernel ${k}: use ${Object.keys(KERNELS).join(', ')}`);
  const parallel = Number(flag('parallel', '1'));
  mkdirSync(root, { recursive: true });
  const runs: Run[] = kernels.flatMap((kernel) => seeds.map((seed) => ({ seed, kernel })));
  const todo = runs.filter((run) => !existsSync(resultFile(run)));
  console.error(
    `${runs.length - todo.length} of ${runs.length} runs already in ${root}; ` +
      `running ${todo.length}, ${parallel} at a time`,
  );
  let next = 0;
  const failed: string[] = [];
  await Promise.all(
    Array.from({ length: parallel }, async () => {
      while (next < todo.length) await runDemo(todo[next++]).catch((error: Error) => failed.push(error.message));
    }),
  );
  for (const line of failed) console.log(`failed: ${line}`);
  if (failed.length) process.exitCode = 1;
  const results = runs
    .filter((run) => existsSync(resultFile(run)))
    .map((run) => ({ run, summary: JSON.parse(readFileSync(resultFile(run), 'utf8')) as Summary }));
  if (!results.length) throw new Error('no run finished');
  const header = results[0].summary.table.header;
  const meanRow = (s: Summary) => s.table.rows.find((r) => r[0] === 'mean')!;
  console.log(`| run | ${header.slice(1).join(' | ')} | SFT tokens/s | first table |`);
  console.log(`|${'---|'.repeat(header.length + 2)}`);
  for (const { run, summary } of results) {
    console.log(
      `| seed ${run.seed}, ${run.kernel} | ${meanRow(summary).slice(1).join(' | ')} ` +
        `| ${Math.round(summary.sftTokensPerSecond ?? 0)} | ${Math.round(summary.wallSeconds)} s |`,
    );
  }
  const range = (i: number) => {
    const values = results.map(({ summary }) => pct(meanRow(summary)[i]));
    return `${Math.min(...values)}–${Math.max(...values)}%`;
  };
  console.log(
    `| range | ${header
      .slice(1)
      .map((_, i) => range(i + 1))
      .join(' | ')} | | |`,
  );
  const stages = Object.keys(results[0].summary.timings);
  const median = (xs: number[]) => [...xs].sort((a, b) => a - b)[Math.floor(xs.length / 2)];
  console.log(
    `\nstage wall time, median over ${results.length} runs (min–max): ${stages
      .map((name) => {
        const xs = results.map(({ summary }) => summary.timings[name] / 1000);
        return `${name} ${median(xs).toFixed(0)} s (${Math.min(...xs).toFixed(0)}–${Math.max(...xs).toFixed(0)})`;
      })
      .join(', ')}; whole run ${median(results.map(({ summary }) => summary.wallSeconds)).toFixed(0)} s`,
  );
}

main()
  .then(() => process.exit(process.exitCode ?? 0))
  .catch((error: Error) => {
    console.error(error.message);
    process.exit(1);
  });
