// The multi-turn SFT loop over the learner API: records → loop-identical token sequences, a seeded
// batch plan, warmup + cosine LR, token-normalised cross-entropy, periodic held-out loss, and
// checkpoints (weights + optimizer) with a state file, so a killed run resumes after its last
// checkpoint without repeating or skipping a step.
import { existsSync, mkdirSync, readFileSync, renameSync, writeFileSync } from 'node:fs';
import { join, resolve } from 'node:path';
import { ConfigError, hashKeys, openJsonlAppender, readJsonl, rewriteJsonl } from '../../core/index.js';
import {
  makeDatum,
  type ForwardBackwardOutput,
  type OptimStepResponse,
  type TrainingClient,
} from '../../learner/index.js';
import type { TrainSequence } from '../types.js';
import { recordToSequence } from './build-sequence.js';
import { computeLearningRate, planBatches } from './schedule.js';
import {
  SFT_DEFAULTS,
  type SftConfig,
  type SftResult,
  type SftRunOptions,
  type SftState,
  type SftStepMetrics,
} from './types.js';

export function resolveSftConfig(options: Partial<SftConfig>): Readonly<SftConfig> {
  const config = {
    ...SFT_DEFAULTS,
    ...Object.fromEntries(Object.entries(options).filter(([k, v]) => v !== undefined && k in SFT_DEFAULTS)),
  } as SftConfig;
  const problems = [];
  for (const key of [
    'epochs',
    'batchSize',
    'bucketWindow',
    'checkpointEvery',
    'evalEvery',
    'maxSequenceTokens',
  ] as const) {
    if (!Number.isInteger(config[key]) || config[key] < 1)
      problems.push({ path: `sft.${key}`, message: `bad value ${config[key]}`, fix: 'use a positive integer' });
  }
  if (!Number.isInteger(config.loraRank) || config.loraRank < 0) {
    problems.push({
      path: 'sft.loraRank',
      message: `bad value ${config.loraRank}`,
      fix: 'use an integer ≥ 0 (0: full fine-tuning)',
    });
  }
  if (!(config.learningRate > 0))
    problems.push({
      path: 'sft.learningRate',
      message: `bad value ${config.learningRate}`,
      fix: 'use a positive number',
    });
  if (!(config.warmupFraction >= 0 && config.warmupFraction < 1))
    problems.push({
      path: 'sft.warmupFraction',
      message: `bad value ${config.warmupFraction}`,
      fix: 'use a number in [0, 1)',
    });
  if (!(config.minLrRatio >= 0 && config.minLrRatio <= 1))
    problems.push({ path: 'sft.minLrRatio', message: `bad value ${config.minLrRatio}`, fix: 'use a number in [0, 1]' });
  if (problems.length) throw new ConfigError(problems);
  return Object.freeze(config);
}

/** Datums with weights scaled by 1 / (trained targets in the batch): the summed loss is a per-token mean. */
function batchData(sequences: readonly TrainSequence[]) {
  const trained = sequences.reduce((n, s) => n + s.weights.reduce((a, w) => a + w, 0), 0);
  const scale = 1 / Math.max(1, trained);
  return { trained, data: sequences.map((s) => makeDatum(s.tokens, { weights: s.weights.map((w) => w * scale) })) };
}

async function heldOutLoss(
  client: TrainingClient,
  modelId: string,
  sequences: readonly TrainSequence[],
): Promise<number> {
  const { data } = batchData(sequences);
  const out = await client.forward(modelId, { data, loss_fn: 'cross_entropy' });
  return out.metrics['loss:sum'];
}

function readState(path: string): SftState | null {
  return existsSync(path) ? (JSON.parse(readFileSync(path, 'utf8')) as SftState) : null;
}

function writeState(path: string, state: SftState): void {
  writeFileSync(`${path}.tmp`, JSON.stringify(state, null, 2));
  renameSync(`${path}.tmp`, path);
}

/** Keeps only metric lines of steps ≤ `step` (those after the last checkpoint are run again). */
function trimMetrics(path: string, step: number): SftStepMetrics[] {
  const kept = readJsonl<SftStepMetrics>(path, { allowMissing: true }).records.filter((m) => m.step <= step);
  rewriteJsonl(path, kept);
  return kept;
}

export async function runSft(options: SftRunOptions): Promise<SftResult> {
  const config = resolveSftConfig(options);
  const { client, modelId, tokenizer } = options;
  const build = (r: (typeof options.train)[number]) =>
    recordToSequence(r, tokenizer, { trainOnObservation: config.trainOnObservation });
  const train = options.train.map(build).filter((s) => s.tokens.length <= config.maxSequenceTokens);
  if (!train.length)
    throw new ConfigError([
      {
        path: 'sft.train',
        message: 'no training examples (empty data, or all longer than maxSequenceTokens)',
        fix: 'run r1ci synth first, or raise maxSequenceTokens',
      },
    ]);
  const heldOut = (options.heldOut ?? []).map(build).filter((s) => s.tokens.length <= config.maxSequenceTokens);
  let plan = planBatches(
    train.map((s) => s.tokens.length),
    config,
  );
  if (config.maxSteps > 0) plan = plan.slice(0, config.maxSteps);
  const totalSteps = plan.length;
  const schedule = {
    peak: config.learningRate,
    warmupSteps: Math.round(config.warmupFraction * totalSteps),
    totalSteps,
    minRatio: config.minLrRatio,
  };

  mkdirSync(join(options.runDir, 'checkpoints'), { recursive: true });
  const statePath = join(options.runDir, 'sft-state.json'),
    metricsPath = join(options.runDir, 'metrics.jsonl');
  // A full fine-tuning run leaves loraRank out, so run folders written before the LoRA option still resume.
  const { loraRank, ...rest } = config;
  const identity = String(hashKeys([JSON.stringify(loraRank ? config : rest), ...options.train.map((r) => r.id)]));
  let state = readState(statePath);
  if (state && state.identity !== identity)
    throw new ConfigError([
      {
        path: '--out',
        message: `${options.runDir} holds a different SFT run (other data or settings)`,
        fix: 'use a new --out folder, or delete that one',
      },
    ]);
  const resumedFrom = state?.step ?? 0;
  if (state?.checkpoint) await client.loadWeights(modelId, state.checkpoint, { optimizer: true });
  state ??= { identity, step: 0, totalSteps, checkpoint: null };
  const metrics = trimMetrics(metricsPath, state.step);
  const metricsLog = openJsonlAppender(metricsPath);
  /** Queues step `step`'s forward_backward and optim_step on the learner (or, with a client that cannot
   * queue, runs them); `done()` waits for both results. */
  const queueStep = async (step: number) => {
    const batch = plan[step].map((i) => train[i]);
    const { data, trained } = batchData(batch);
    const learningRate = computeLearningRate(step, schedule);
    const input = { data, loss_fn: 'cross_entropy' as const };
    const adam = { learning_rate: learningRate, weight_decay: config.weightDecay, grad_clip_norm: config.gradClipNorm };
    let done: () => Promise<[ForwardBackwardOutput, OptimStepResponse]>;
    if (client.submitForwardBackward && client.submitOptimStep) {
      const fb = await client.submitForwardBackward(modelId, input);
      const optim = await client.submitOptimStep(modelId, adam);
      done = async () => [await fb.result(), await optim.result()];
    } else {
      const fb = await client.forwardBackward(modelId, input);
      const optim = await client.optimStep(modelId, adam);
      done = async () => [fb, optim];
    }
    return { batch, trained, learningRate, done };
  };
  try {
    let started = performance.now();
    let queued: ReturnType<typeof queueStep> | undefined;
    for (let step = state.step; step < totalSteps; step++) {
      if (!queued) {
        started = performance.now();
        queued = queueStep(step);
      }
      const current = await queued;
      const last = step + 1 === totalSteps;
      const evaluates = (step + 1) % config.evalEvery === 0 || last;
      const checkpoints = (step + 1) % config.checkpointEvery === 0 || last;
      // The next step goes into the learner's queue now, behind this one, unless this step ends with
      // an evaluation or a checkpoint, which must see this step's weights and not the next one's.
      queued = !evaluates && !checkpoints ? queueStep(step + 1) : undefined;
      queued?.catch(() => {}); // awaited next time round; a failure of this step's results comes first
      const { batch, trained, learningRate } = current;
      const [fb, optim] = await current.done();
      const ms = performance.now() - started;
      started = performance.now();
      const tokens = batch.reduce((n, s) => n + s.tokens.length, 0);
      const row: SftStepMetrics = {
        step: step + 1,
        totalSteps,
        learningRate,
        loss: fb.metrics['loss:sum'],
        trainedTokens: trained,
        tokens,
        ms,
        tokensPerSecond: tokens / (ms / 1000),
        gradNorm: optim.metrics.grad_norm,
      };
      if (evaluates) {
        if (heldOut.length) row.heldOutLoss = await heldOutLoss(client, modelId, heldOut);
        if (options.evaluate) Object.assign(row, await options.evaluate(step + 1));
      }
      metricsLog.append(row);
      metrics.push(row);
      options.onStep?.(row);
      if (checkpoints) {
        const path = await client.saveWeights(
          modelId,
          resolve(options.runDir, 'checkpoints', `step-${String(step + 1).padStart(6, '0')}`),
        );
        state = { ...state, step: step + 1, checkpoint: path };
        writeState(statePath, state);
      }
    }
  } finally {
    metricsLog.close();
  }
  const timed = metrics.filter((m) => m.step > resumedFrom);
  const tokensPerSecond =
    timed.reduce((n, m) => n + m.tokens, 0) / Math.max(1e-9, timed.reduce((n, m) => n + m.ms, 0) / 1000);
  return { steps: state.step, totalSteps, resumedFrom, checkpoint: state.checkpoint, metrics, tokensPerSecond };
}
