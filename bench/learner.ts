// Learner benchmark: forward-backward + optimizer step through the HTTP API against the same model
// and batch in a plain in-process torch loop, sampling tokens/s at batch 16, and 8 single-sample
// requests with different prompts sent one after another against all in flight at once (the server
// batches concurrent requests for the same weights). Then an RL-shaped step (20 sequences of
// 100-400 tokens, the clipped loss with the KL reference, optim_step) on two learners side by side,
// one with the launcher's malloc settings and one with glibc's defaults, steps interleaved.
// Prints one table; then the forward_backward wire, JSON against protobuf, plain and zstd-compressed, on a
// uniformly random batch and on one shaped like a GRPO step (bench/learner-wire.ts).
//   npm run bench:learner [-- --batch 16 --seq 256 --steps 5 --rl-steps 8 --wire-seqs 64 --wire-tokens 4096]
//   npm run bench:learner -- --wire-only
// With --gpu (one CUDA GPU) or --cpu-scale, it instead runs bench/learner_scale.py: training a
// Qwen2.5-shaped model side by side with a plain transformers loop (tokens/s, MFU) and, on the GPU,
// the peak memory of a bf16 LoRA step of a Qwen2.5-7B-shaped model at 8,192 tokens.
import { execFile } from 'node:child_process';
import { join } from 'node:path';
import { promisify } from 'node:util';
import { createRng } from '../src/core/index.js';
import {
  learnerEnv,
  makeDatum,
  resolveLearnerPython,
  startLocalLearner,
  type LearnerClient,
} from '../src/learner/index.js';
import { benchWire, printWire } from './learner-wire.js';

const run = promisify(execFile);

function flag(name: string, fallback: number): number {
  const at = process.argv.indexOf(`--${name}`);
  return at >= 0 ? Number(process.argv[at + 1]) : fallback;
}

// The same model (the tiny preset's folder), batch, loss and optimizer, with no server in between.
const PLAIN_LOOP = `
import sys, time, json, torch, torch.nn.functional as F
from learner.hf import load_model
folder, batch, seq, steps = sys.argv[1], int(sys.argv[2]), int(sys.argv[3]), int(sys.argv[4])
torch.set_num_threads(1)
model = load_model(folder).train()
opt = torch.optim.AdamW(model.parameters(), lr=1e-4, betas=(0.9, 0.95), eps=1e-12, weight_decay=0.0)
g = torch.Generator().manual_seed(0)
tokens = torch.randint(0, model.config.vocab_size, (batch, seq + 1), generator=g)
def step():
    logits = model(tokens[:, :-1])
    loss = F.cross_entropy(logits.view(-1, logits.shape[-1]), tokens[:, 1:].reshape(-1), reduction="sum")
    loss.backward(); opt.step(); opt.zero_grad(set_to_none=True)
step()
start = time.perf_counter()
for _ in range(steps): step()
print(json.dumps({"seconds": time.perf_counter() - start}))
`;

/** Seconds per RL-shaped step on each client, steps interleaved so both see the same machine. */
async function rlShapedSteps(clients: readonly LearnerClient[], steps: number): Promise<number[][]> {
  const rng = createRng('bench-learner-rl');
  const ids = await Promise.all(clients.map((c) => c.createModel({ base_model: 'tiny', reference_model: true })));
  const batches = Array.from({ length: steps + 1 }, () =>
    Array.from({ length: 20 }, () => {
      const n = 100 + Math.floor(rng.next() * 300);
      const tokens = Array.from({ length: n + 1 }, () => Math.floor(rng.next() * 256));
      const trained = (i: number) => (i >= n / 2 ? 1 : 0);
      return makeDatum(tokens, {
        weights: Array.from({ length: n }, (_, i) => trained(i)),
        logprobs: Array.from({ length: n }, () => -0.1),
        advantages: Array.from({ length: n }, (_, i) => trained(i) * (rng.next() < 0.5 ? -1 : 1)),
      });
    }),
  );
  const seconds = clients.map(() => [] as number[]);
  for (const [step, data] of batches.entries()) {
    for (const [k, client] of clients.entries()) {
      const start = performance.now();
      await client.forwardBackward(ids[k], {
        data,
        loss_fn: 'ppo',
        loss_fn_config: { kl_coef: 1e-6, clip_low_threshold: 0.8, clip_high_threshold: 1.2 },
      });
      await client.optimStep(ids[k], { learning_rate: 1e-4 });
      if (step > 0) seconds[k].push((performance.now() - start) / 1000); // the first step warms up
    }
  }
  return seconds;
}

const median = (xs: readonly number[]) => [...xs].sort((a, b) => a - b)[Math.floor(xs.length / 2)];

async function main(): Promise<void> {
  const wire = () =>
    benchWire({ sequences: flag('wire-seqs', 64), tokens: flag('wire-tokens', 4096), reps: flag('wire-reps', 3) }).then(
      printWire,
    );
  if (process.argv.includes('--wire-only')) return wire();
  const batch = flag('batch', 16);
  const seq = flag('seq', 256);
  const steps = flag('steps', 5);
  const rlSteps = flag('rl-steps', 8);
  const learner = await startLocalLearner({ threads: 1 });
  try {
    const client = learner.client;
    const modelId = await client.createModel({ base_model: 'tiny' });
    const folder = (await client.getInfo(modelId)).model_data.tokenizer_id as string;
    const rng = createRng('bench-learner');
    const data = Array.from({ length: batch }, () =>
      makeDatum(Array.from({ length: seq + 1 }, () => Math.floor(rng.next() * 256))),
    );
    const trainStep = async () => {
      const fb = await client.submit('forward_backward', {
        model_id: modelId,
        forward_backward_input: { data, loss_fn: 'cross_entropy' },
      });
      const opt = await client.submit('optim_step', { model_id: modelId, adam_params: { learning_rate: 1e-4 } });
      await fb.result();
      await opt.result();
    };
    await trainStep();
    let start = performance.now();
    for (let i = 0; i < steps; i++) await trainStep();
    const apiSeconds = (performance.now() - start) / 1000;

    const python = resolveLearnerPython();
    const { stdout } = await run(python, ['-c', PLAIN_LOOP, folder, String(batch), String(seq), String(steps)], {
      cwd: process.cwd(),
      env: learnerEnv({ ...process.env, PYTHONPATH: process.cwd(), OPENBLAS_NUM_THREADS: '1' }),
    });
    const plainSeconds = (JSON.parse(stdout.trim().split('\n').pop() as string) as { seconds: number }).seconds;

    const sampleTokens = 128;
    const prompt = Array.from({ length: 32 }, () => Math.floor(rng.next() * 256));
    await client.sample({ promptTokens: prompt, numSamples: 16, maxTokens: 8, seed: 1, modelId });
    start = performance.now();
    const samples = await client.sample({
      promptTokens: prompt,
      numSamples: 16,
      maxTokens: sampleTokens,
      seed: 2,
      modelId,
    });
    const sampleSeconds = (performance.now() - start) / 1000;
    const sampled = samples.reduce((n, s) => n + s.tokens.length, 0);

    // Eight episodes' turns: different prompts, one sample each, as the agent loop sends them.
    const turns = Array.from({ length: 8 }, (_, i) =>
      Array.from({ length: 20 + 10 * i }, () => Math.floor(rng.next() * 256)),
    );
    const oneTurn = (p: number[], i: number) =>
      client.sample({ promptTokens: p, numSamples: 1, maxTokens: sampleTokens, temperature: 1, seed: 10 + i, modelId });
    start = performance.now();
    let serialTokens = 0;
    for (const [i, p] of turns.entries()) serialTokens += (await oneTurn(p, i))[0].tokens.length;
    const serialSeconds = (performance.now() - start) / 1000;
    start = performance.now();
    const together = await Promise.all(turns.map(oneTurn));
    const concurrentSeconds = (performance.now() - start) / 1000;
    const concurrentTokens = together.reduce((n, s) => n + s[0].tokens.length, 0);
    const serialRate = serialTokens / serialSeconds;
    const concurrentRate = concurrentTokens / concurrentSeconds;
    // A GRPO step's first turn: 8 questions × 5 answers, each question's 5 rows sharing one 200-token
    // prompt (prefilled once), against 40 rows with 40 different prompts of the same length, all at once.
    const groupPrompt = () => Array.from({ length: 200 }, () => Math.floor(rng.next() * 256));
    const groupRun = async (prompts: number[][], perPrompt: number): Promise<number> => {
      const begin = performance.now();
      const answers = await Promise.all(
        prompts.map((p, i) =>
          client.sample({ promptTokens: p, numSamples: perPrompt, maxTokens: sampleTokens, seed: 30 + i, modelId }),
        ),
      );
      return answers.flat().reduce((n, s) => n + s.tokens.length, 0) / ((performance.now() - begin) / 1000);
    };
    const sharedRates: number[] = [];
    const distinctRates: number[] = [];
    for (let rep = 0; rep < 3; rep++) {
      sharedRates.push(await groupRun(Array.from({ length: 8 }, groupPrompt), 5));
      distinctRates.push(await groupRun(Array.from({ length: 40 }, groupPrompt), 1));
    }
    // The same 8 requests from a Python client (threads and the standard library's HTTP client).
    const probe = await run(python, [join('bench', 'learner_client.py'), learner.url, learner.apiKey, modelId], {
      cwd: process.cwd(),
    });
    const pythonClient = JSON.parse(probe.stdout.trim().split('\n').pop() as string) as {
      serial: number;
      concurrent: number;
    };

    const tokensPerStep = batch * seq;
    const apiRate = (tokensPerStep * steps) / apiSeconds;
    const plainRate = (tokensPerStep * steps) / plainSeconds;
    const caps = await client.capabilities();
    console.log(
      `learner bench: tiny preset (3.2M params), batch ${batch} x ${seq} tokens, ${steps} timed steps, ` +
        `device ${caps.device}, 1 torch thread`,
    );
    console.log(`  train via API     ${apiRate.toFixed(0).padStart(8)} tokens/s  (forward_backward + optim_step)`);
    console.log(`  train plain torch ${plainRate.toFixed(0).padStart(8)} tokens/s  (same model, batch, loss, AdamW)`);
    console.log(`  API / plain       ${(apiRate / plainRate).toFixed(3).padStart(8)}        (goal >= 0.9)`);
    console.log(
      `  sample batch 16   ${(sampled / sampleSeconds).toFixed(0).padStart(8)} tokens/s  (${sampled} tokens, ` +
        `prompt 32, KV cache)`,
    );
    console.log(
      `  8 requests, serial     ${serialRate.toFixed(0).padStart(6)} tokens/s  (prompts 20-90, 1 ` +
        `sample, ${sampleTokens} new tokens each)`,
    );
    console.log(`  8 requests, concurrent ${concurrentRate.toFixed(0).padStart(6)} tokens/s  (batched by the server)`);
    console.log(`  concurrent / serial    ${(concurrentRate / serialRate).toFixed(2).padStart(6)}`);
    console.log(
      `  GRPO first turn, 8 prompts x 5 ${median(sharedRates).toFixed(0).padStart(6)} tokens/s  (prompt 200, ` +
        `${sampleTokens} new tokens; median of 3)`,
    );
    console.log(`  40 distinct prompts            ${median(distinctRates).toFixed(0).padStart(6)} tokens/s`);
    console.log(
      `  shared prompt / distinct       ${(median(sharedRates) / median(distinctRates)).toFixed(2).padStart(6)}` +
        '        (each prompt prefilled once for its rows)',
    );
    const plainMalloc = await startLocalLearner({ threads: 1, env: { R1CI_LEARNER_MALLOC: 'default' } });
    let tuned: number[], glibc: number[];
    try {
      [tuned, glibc] = await rlShapedSteps([client, plainMalloc.client], rlSteps);
    } finally {
      await plainMalloc.stop();
    }
    console.log(
      `  Python client: serial ${pythonClient.serial.toFixed(0)} tokens/s, ` +
        `concurrent ${pythonClient.concurrent.toFixed(0)} tokens/s, ` +
        `ratio ${(pythonClient.concurrent / pythonClient.serial).toFixed(2)}`,
    );
    console.log(
      `  RL-shaped step, launcher malloc ${median(tuned).toFixed(2).padStart(6)} s  (median of ${rlSteps}; 20 ` +
        `sequences 100-400 tokens, ppo + KL, optim_step)`,
    );
    console.log(
      `  RL-shaped step, glibc defaults  ${median(glibc).toFixed(2).padStart(6)} s  (R1CI_LEARNER_MALLOC=default)`,
    );
    console.log(`  defaults / launcher malloc      ${(median(glibc) / median(tuned)).toFixed(2).padStart(6)}`);
  } finally {
    await learner.stop();
  }
  await wire();
}

/** bench/learner_scale.py runs, one JSON line each, printed as they come. */
async function scale(gpu: boolean): Promise<void> {
  const python = resolveLearnerPython();
  const runs = gpu
    ? [
        ['train', '--device', 'cuda', '--shape', 'qwen2.5-0.5b', '--seq', '2048', '--batch', '8', '--steps', '5'],
        ['lora', '--device', 'cuda', '--shape', 'qwen2.5-7b', '--seq', '8192', '--rank', '16'],
      ]
    : [['train', '--device', 'cpu', '--shape', 'cpu', '--seq', '128', '--batch', '2', '--steps', '3']];
  for (const args of runs) {
    const { stdout } = await run(python, [join('bench', 'learner_scale.py'), ...args], {
      cwd: process.cwd(),
      env: learnerEnv({ ...process.env, PYTHONPATH: process.cwd() }),
      maxBuffer: 1 << 24,
    });
    console.log(stdout.trim().split('\n').pop());
  }
}

if (process.argv.includes('--gpu') || process.argv.includes('--cpu-scale')) await scale(process.argv.includes('--gpu'));
else await main();
