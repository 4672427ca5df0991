// Training throughput of the tiny preset through the learner API on each interpreter and thread
// setting this machine has, side by side: SFT-shaped steps (forward_backward + optim_step) taken in
// turn on every learner, so all see the same machine load. Answers why one 2-core box trains 3.5x
// slower than another: the torch build (Debian's 1.13 on OpenBLAS vs pip's 2.x), threads, BLAS kernel.
//   npm run bench:train [-- --batch 8 --seq 256 --steps 6]
import { execFileSync } from 'node:child_process';
import { existsSync } from 'node:fs';
import { createRng } from '../src/core/index.js';
import { makeDatum, resolveLearnerPython, startLocalLearner, type LocalLearner } from '../src/learner/index.js';

function flag(name: string, fallback: number): number {
  const at = process.argv.indexOf(`--${name}`);
  return at >= 0 ? Number(process.argv[at + 1]) : fallback;
}

type Setting = { label: string; python: string; threads: number; env?: NodeJS.ProcessEnv };

const median = (xs: readonly number[]) => [...xs].sort((a, b) => a - b)[Math.floor(xs.length / 2)];

async function main(): Promise<void> {
  const batch = flag('batch', 8),
    seq = flag('seq', 256),
    steps = flag('steps', 6);
  const venv = resolveLearnerPython();
  const settings: Setting[] = [];
  const add = (python: string, name: string) => {
    settings.push(
      { label: `${name}, 1 thread`, python, threads: 1 },
      { label: `${name}, 2 threads`, python, threads: 2 },
    );
  };
  add(venv, venv.includes('.venv') ? 'venv' : venv);
  if (venv !== '/usr/bin/python3' && existsSync('/usr/bin/python3')) {
    add('/usr/bin/python3', 'debian');
    settings.push({
      label: 'debian, 1 thread, OpenBLAS Haswell kernel',
      python: '/usr/bin/python3',
      threads: 1,
      env: { OPENBLAS_CORETYPE: 'Haswell' },
    });
  }
  const learners: LocalLearner[] = [];
  try {
    for (const s of settings) {
      learners.push(await startLocalLearner({ python: s.python, threads: s.threads, env: s.env }));
    }
    const torchOf = (python: string) =>
      execFileSync(python, ['-c', 'import torch; print(torch.__version__)'], { encoding: 'utf8' }).trim();
    const ids = await Promise.all(learners.map((l) => l.client.createModel({ base_model: 'tiny' })));
    const rng = createRng('bench-train');
    const data = Array.from({ length: batch }, () =>
      makeDatum(Array.from({ length: seq + 1 }, () => Math.floor(rng.next() * 256))),
    );
    const seconds = settings.map(() => [] as number[]);
    for (let step = 0; step <= steps; step++) {
      for (const [k, learner] of learners.entries()) {
        // Each learner sizes its threads by the load of the last half second (decision 0025): the
        // previous learner's step must have left that window.
        await new Promise((resolvePause) => setTimeout(resolvePause, 600));
        const started = performance.now();
        await learner.client.forwardBackward(ids[k], { data, loss_fn: 'cross_entropy' });
        await learner.client.optimStep(ids[k], { learning_rate: 1e-4 });
        if (step > 0) seconds[k].push((performance.now() - started) / 1000); // the first step warms up
      }
    }
    const tokens = batch * seq;
    const base = tokens / median(seconds[0]);
    console.log(
      `train bench: tiny preset (3.2M params), batch ${batch} x ${seq} tokens, ${steps} timed steps each, ` +
        `taken in turn`,
    );
    for (const [k, s] of settings.entries()) {
      const rate = tokens / median(seconds[k]);
      console.log(
        `  ${s.label.padEnd(44)} ${rate.toFixed(0).padStart(7)} tokens/s  ${(rate / base).toFixed(2)}x  ` +
          `torch ${torchOf(s.python)}`,
      );
    }
  } finally {
    await Promise.all(learners.map((l) => l.stop()));
  }
}

await main();
