// bench:rl: RL steps through the real loop (runRl), the real sandbox pool and the real learner
// (tiny model), with a scripted policy that charges a fixed latency per generated token, so that
// generation and execution times are controlled. Per step: time in sampling (wall), generation and
// execution (busy time), learner calls, and the share of execution hidden behind generation. With
// dynamic sampling on (the default here; BENCH_DYNAMIC=0 turns it off), groups whose answers all score
// the same are refilled, and the bench reports what that costs: episodes sampled per episode trained.
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { setTimeout as sleep } from 'node:timers/promises';
import { createRng } from '../src/core/index.js';
import { loadTokenizer, type TokenBackend, type Tokenizer } from '../src/backends/index.js';
import { createTinyPreset, startLocalLearner } from '../src/learner/index.js';
import { createLocalSandbox } from '../src/sandbox/index.js';
import { resolveRlConfig, runRl, type StepMetrics } from '../src/train/rl/index.js';

const STEPS = Number(process.env.BENCH_STEPS ?? 3);
const QUESTIONS = Number(process.env.BENCH_QUESTIONS ?? 4);
const CONCURRENCY = Number(process.env.BENCH_CONCURRENCY ?? 16);
const MS_PER_TOKEN = Number(process.env.BENCH_MS_PER_TOKEN ?? 1.5);
const EXEC_MS = Number(process.env.BENCH_EXEC_MS ?? 100);
const DYNAMIC = process.env.BENCH_DYNAMIC !== '0';
/** Share of answers that end without the <<<…>>> format (reward −0.1 instead of +0.1): the only
 * source of reward variance here, so many groups are uniform and dynamic sampling has work to do. */
const UNFORMATTED = Number(process.env.BENCH_UNFORMATTED ?? 0.15);
const filler = 'Let me think about this carefully and then compute it with a short program. ';

/** A policy that writes two code blocks (each sleeping about EXEC_MS) then answers (or, with
 * probability UNFORMATTED, stops without the answer format); seeded by the request. */
function scriptedPolicy(tokenizer: Tokenizer): TokenBackend {
  return {
    kind: 'token',
    name: 'scripted-policy',
    async sample(request) {
      const turn = (tokenizer.decode(request.promptTokens).match(/Code Execution Results:/g) ?? []).length;
      const rng = createRng('bench-rl', request.seed ?? 0, turn);
      const words = filler.repeat(rng.int(1, 3));
      const text =
        turn < 2
          ? `${words}\n\`\`\`python\nimport ` +
            `time\ntime.sleep(${(EXEC_MS * (0.5 + rng.next())) / 1000})\nprint(${turn})\n\`\`\`\n`
          : rng.next() < UNFORMATTED
            ? words
            : `${words}<<<${rng.int(0, 1)}>>>`;
      const tokens = tokenizer.encode(text).slice(0, request.maxTokens);
      if (turn >= 2) tokens.push(tokenizer.eosTokenIds[0]);
      await sleep(tokens.length * MS_PER_TOKEN);
      return {
        tokens,
        logprobs: tokens.map(() => -1),
        finishReason: turn < 2 ? { unified: 'stop-string', raw: 'stop' } : { unified: 'stop', raw: 'stop' },
      };
    },
  };
}

const dir = mkdtempSync(join(tmpdir(), 'r1ci-bench-rl-'));
const base = await createTinyPreset(join(dir, 'base'), { seed: 0 });
const tokenizer = loadTokenizer(base);
const learner = await startLocalLearner({ threads: 1, stateDir: join(dir, 'learner') });
const sandbox = await createLocalSandbox({ concurrency: 4 });
try {
  const config = resolveRlConfig({
    taskIds: ['rg.arithmetic.chain_sum'],
    steps: STEPS,
    questionsPerStep: QUESTIONS,
    groupSize: 5,
    concurrency: CONCURRENCY,
    ...(DYNAMIC ? { filterUniformGroups: true, dynamicSampling: true } : {}),
    agent: { systemPrompt: 'Use Python.', maxTokensPerTurn: 400, maxTotalTokens: 1600, execTimeoutMs: 10_000 },
  });
  const { metrics } = await runRl({
    config,
    client: learner.client,
    init: base,
    tokenizer,
    sandbox,
    runDir: join(dir, 'run'),
    rolloutBackend: () => scriptedPolicy(tokenizer),
  });
  const row = (m: StepMetrics) =>
    `| ${m.step} | ${m.episodes} | ${m.groupsTrained} | ${m.samplingCost.toFixed(2)} ` +
    `| ${m.samplingSeconds.toFixed(2)} | ${m.generationSeconds.toFixed(2)} | ${m.executionSeconds.toFixed(2)} ` +
    `| ${m.trainingSeconds.toFixed(2)} ` +
    `| ${m.hiddenExecution === null ? '–' : `${(100 * m.hiddenExecution).toFixed(1)}%`} |`;
  process.stdout.write(
    `RL steps: ${QUESTIONS} questions × 5 answers, 2 code calls each (~${EXEC_MS} ms), ${MS_PER_TOKEN} ` +
      `ms/token, ${CONCURRENCY} in flight, dynamic sampling ${DYNAMIC ? 'on' : 'off'}\n\n`,
  );
  process.stdout.write(
    '| step | episodes sampled | groups trained | sampled per trained | sampling wall s | generation busy s | ' +
      'execution busy s | learner s | execution hidden |\n|---|---|---|---|---|---|---|---|---|\n',
  );
  for (const m of metrics) process.stdout.write(`${row(m)}\n`);
  const hidden = metrics.map((m) => m.hiddenExecution ?? 0);
  const meanHidden = (100 * hidden.reduce((a, b) => a + b, 0)) / hidden.length;
  process.stdout.write(`\nmean execution hidden behind generation: ${meanHidden.toFixed(1)}% (goal ≥ 80%)\n`);
  const sampled = metrics.reduce((n, m) => n + m.episodes, 0),
    trained = metrics.reduce((n, m) => n + m.episodes / m.samplingCost, 0);
  process.stdout.write(
    `episodes sampled per episode trained: ${(sampled / trained).toFixed(2)} (${sampled} ` +
      `sampled, ${Math.round(trained)} trained)\n`,
  );
} finally {
  await sandbox.close();
  await learner.stop();
  rmSync(dir, { recursive: true, force: true });
}
