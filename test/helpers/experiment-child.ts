// A small `r1ci experiment` run in its own process, for the kill -9 check: a few SFT steps, three
// RL steps (the shared 2 evaluated midway), two questions per task; settings from the
// R1CI_EXPERIMENT_OUT environment variable's run.
import { runExperiment } from '../../src/recipes/experiment/index.js';

const out = process.env.R1CI_EXPERIMENT_OUT;
if (!out) throw new Error('set R1CI_EXPERIMENT_OUT to the run folder');
await runExperiment({
  outDir: out,
  seeds: [0],
  arms: ['sft', 'grpo'],
  split: 'dev',
  lanes: 1,
  threadsPerLane: 1,
  overrides: {
    demo: { perTask: 6, choicePerTask: 4, sft: { epochs: 1, batchSize: 4, evalEvery: 1000 } },
    textPerTask: 2,
    evalQuestions: 2,
    rl: { steps: 2, questionsPerStep: 2, groupSize: 2, concurrency: 4, questionsPerTask: 4 },
    headlineSteps: 3,
  },
  log: (line) => process.stdout.write(`${line}\n`),
});
