// The RL loop over the learner API. Each step: pick questions (the curriculum's stage pool), roll
// out a group of answers per question through the async pipeline with the latest weights (or,
// with stale-1 sampling, the weights before the previous update, overlapping that update), score,
// (refill filtered groups with dynamic sampling), train (mini-batch updates), maybe evaluate, save the resume
// checkpoint, and commit the step.
import { rmSync } from 'node:fs';
import { join, resolve } from 'node:path';
import { ConfigError, createRng, type ConfigProblem } from '../../core/index.js';
import type { TokenBackend, Tokenizer } from '../../backends/index.js';
import { createLearnerTokenBackend, type TrainingClient, type LearnerSamplingTarget } from '../../learner/index.js';
import type { Sandbox } from '../../sandbox/types.js';
import { questionsForStage, stageOfStep } from '../curriculum.js';
import { loadOrEstimateCurriculum } from '../curriculum-estimate.js';
import { collectStepBatch } from './dynamic-sampling.js';
import { computeRlLearningRate } from './schedule.js';
import { computeStepMetrics } from './step-metrics.js';
import { appendStepMetrics, openRun, writeRunState, readMetrics, runFiles, type RunFiles } from './run-state.js';
import { writeRlReport } from './report.js';
import { runHeldOutEval, runRollouts, type QuestionRef, type RolloutOptions, type RolloutResult } from './rollouts.js';
import { runTrainStep } from './train-step.js';
import type { ResolvedRlConfig, RunState, StepMetrics } from './types.js';

export type RlRunOptions = {
  config: ResolvedRlConfig;
  client: TrainingClient;
  /**
   * What the policy (and the KL reference) starts from: 'tiny' or a Hugging Face folder on the learner (an SFT
   * checkpoint or a base model).
   */
  init: string;
  tokenizer: Tokenizer;
  sandbox: Sandbox;
  runDir: string;
  /**
   * Where the learner saves a checkpoint (default: absolute folders in runDir, right for a local learner; a remote
   * one takes names).
   */
  checkpointPath?: (kind: 'train' | 'sampler', step: number) => string;
  onStep?: (metrics: StepMetrics) => void;
  /**
   * Awaited after a step's update and checkpoint, before the step is committed: work on the policy as it
   * stands after that step (an evaluation midway). A kill during it reruns the step on resume, so it runs again.
   */
  beforeCommit?: (step: number, modelId: string) => Promise<void>;
  /**
   * Samples rollouts instead of the learner (a vLLM server that loaded `target`'s weights, or a scripted policy in
   * benchmarks).
   */
  rolloutBackend?: (target: LearnerSamplingTarget) => TokenBackend;
};

export type RlRunResult = { modelId: string; metrics: StepMetrics[]; state: RunState | null; resumedFrom: number };

export async function runRl(options: RlRunOptions): Promise<RlRunResult> {
  const { config, client } = options;
  const files = runFiles(resolve(options.runDir)); // absolute: the local learner runs in another working directory
  const { state: resumed, configHash } = openRun(files, config, options.init);
  const liveSampling = await checkExtensions(client, config);
  const lora = config.loraRank > 0 ? { lora_config: { rank: config.loraRank } } : {};
  // Extension fields only when asked for: a remote engine gets Tinker's fields alone.
  const extensions = {
    ...(config.klCoef > 0 && config.loraRank === 0 ? { reference_model: true } : {}),
    ...(config.estimator === 'ppo' ? { value_head: true } : {}),
  };
  const modelId = await client.createModel({ base_model: options.init, ...lora, ...extensions });
  if (resumed) await client.loadWeights(modelId, resumed.checkpoint, { optimizer: true });
  const checkpointPath =
    options.checkpointPath ?? ((kind, step) => join(files.checkpoints, `${kind}-${String(step).padStart(6, '0')}`));
  const backendFor =
    options.rolloutBackend ??
    ((target: LearnerSamplingTarget) => createLearnerTokenBackend(client, target, 'learner', options.tokenizer));
  // Without live sampling (a remote Tinker or SkyRL), everything that samples the current policy
  // (rollouts, the curriculum's estimate, the held-out eval) samples weights saved for the sampler,
  // saved at most once per weights version (the number of optimizer steps taken).
  const saved = new Map<number, Promise<string>>();
  const weightsAt = (version: number) => {
    let path = saved.get(version);
    if (!path) saved.set(version, (path = client.saveWeightsForSampler(modelId, checkpointPath('sampler', version))));
    return path;
  };
  const current = async (version: number) => (liveSampling ? undefined : await weightsAt(version));
  const rollout = (modelPath?: string): RolloutOptions => ({
    backend: backendFor(modelPath ? { modelPath } : { modelId }),
    tokenizer: options.tokenizer,
    sandbox: options.sandbox,
    agent: { ...config.agent, mode: config.agent.mode ?? 'ci' },
    concurrency: config.concurrency,
    seedKeys: ['rl', config.seed],
  });
  const pools = stagePools(config, files, rollout);
  const heldOut = config.taskIds.flatMap((taskId) =>
    Array.from({ length: config.evalQuestionsPerTask }, (_, index) => ({
      taskId,
      index,
      seed: config.evalSeed,
      ...taskOptionsOf(config, taskId),
    })),
  );
  let state = resumed;
  let committed = resumed; // the last state written to state.json
  let prefetched: { step: number; result: Promise<RolloutResult> } | null = null;
  for (let step = (resumed?.step ?? 0) + 1; step <= config.steps; step++) {
    const stage = config.curriculum.enabled
      ? stageOfStep(step, config.curriculum.stepsPerStage, config.curriculum.stages)
      : 1;
    const stageAt = (k: number) =>
      config.curriculum.enabled ? stageOfStep(k, config.curriculum.stepsPerStage, config.curriculum.stages) : 1;
    const poolOf = (k: number, modelPath?: string) => pools(stageAt(k), modelPath);
    const questionsOf = async (k: number, modelPath?: string) => pickQuestions(await poolOf(k, modelPath), config, k);
    const stepRollout = (k: number, modelPath?: string) => ({
      ...rollout(modelPath),
      seedKeys: ['rl', config.seed, k],
    });
    const onPolicyPath = await current(step - 1);
    const samplePath = step > 1 && config.sampling === 'stale-1' ? state?.samplerCheckpoint : onPolicyPath;
    const firstRound =
      prefetched?.step === step
        ? await prefetched.result
        : await runRollouts(await questionsOf(step, onPolicyPath), config.groupSize, stepRollout(step, samplePath));
    let samplerCheckpoint: string | undefined;
    prefetched = null;
    if (config.sampling === 'stale-1' && step < config.steps) {
      // Off-policy by one step: step k+1 samples from the weights before step k's update while it trains;
      // the loss's importance ratios (sampling logprobs as the old policy) correct for the lag.
      samplerCheckpoint = await weightsAt(step - 1);
      const next = step + 1;
      const snapshot = samplerCheckpoint;
      const result = questionsOf(next, snapshot).then((qs) =>
        runRollouts(qs, config.groupSize, stepRollout(next, snapshot)),
      );
      result.catch(() => undefined); // awaited next step; this branch only keeps an early failure from being unhandled
      prefetched = { step: next, result };
    }
    // Refills (dynamic sampling) sample the same weights as the step's first round, under their own seeds.
    const batch = await collectStepBatch(
      firstRound,
      await poolOf(step, onPolicyPath),
      step,
      config,
      (questions, round) =>
        runRollouts(questions, config.groupSize, {
          ...stepRollout(step, samplePath),
          seedKeys: ['rl', config.seed, step, 'refill', round],
        }),
    );
    const learningRate = computeRlLearningRate(step, config);
    const trained = await runTrainStep(client, modelId, batch.training, config, learningRate);
    const evaluation =
      config.evalEvery > 0 && (step % config.evalEvery === 0 || step === config.steps)
        ? withoutEpisodes(
            await runHeldOutEval(heldOut, { ...rollout(await current(step)), seedKeys: ['eval', config.seed, step] }),
          )
        : undefined;
    // The resume checkpoint (weights and optimizer state) every saveEvery steps and at the last.
    const save = step % config.saveEvery === 0 || step === config.steps;
    const checkpoint = save
      ? await client.saveWeights(modelId, checkpointPath('train', step))
      : (state?.checkpoint ?? '');
    const metrics = computeStepMetrics({
      step,
      stage,
      scored: batch.scored,
      trainedGroups: batch.training.length,
      rollouts: batch.rollouts,
      trained,
      evaluation,
      learningRate,
      samplingCost: batch.samplingCost,
    });
    await options.beforeCommit?.(step, modelId);
    state = { step, checkpoint, configHash, ...(samplerCheckpoint ? { samplerCheckpoint } : {}) };
    appendStepMetrics(files, metrics);
    saved.delete(step - 2);
    if (save) {
      const previous = committed;
      writeRunState(files, state);
      committed = state;
      dropOldCheckpoints(previous, state, config);
    }
    options.onStep?.(metrics);
  }
  const metrics = readMetrics(files.metrics);
  writeRlReport(files.dir, metrics);
  return { modelId, metrics, state: committed, resumedFrom: resumed?.step ?? 0 };
}

/** Refuses options the learner cannot serve; resolves to whether it samples live training weights. */
async function checkExtensions(client: TrainingClient, config: ResolvedRlConfig): Promise<boolean> {
  const extensions = (await client.capabilities()).extensions ?? [];
  const problems: ConfigProblem[] = [];
  if (config.klCoef > 0 && !extensions.includes('low_var_kl'))
    problems.push({
      path: 'rl.klCoef',
      message: 'the learner has no low-variance KL extension',
      fix: 'pass --kl 0 (or use a LoRA model on a learner that serves the extension)',
    });
  if (config.estimator === 'ppo' && !extensions.includes('value_head'))
    problems.push({
      path: 'rl.estimator',
      message: 'PPO needs the value-head extension, which the learner lacks',
      fix: 'use --estimator grpo or reinforce++',
    });
  if (config.agent.temperature !== 1 && !extensions.includes('temperature')) {
    const message =
      `the learner cannot train at temperature ${config.agent.temperature} (no temperature extension), ` +
      "so its logprobs would not be the sampler's";
    problems.push({ path: 'rl.agent.temperature', message, fix: 'use --temperature 1' });
  }
  if (problems.length) throw new ConfigError(problems);
  return extensions.includes('sample_from_model_id');
}

function taskOptionsOf(config: ResolvedRlConfig, taskId: string): { options?: Record<string, unknown> } {
  const options = config.taskOptions[taskId];
  return options ? { options } : {};
}

function withoutEpisodes<T extends { episodes: unknown }>(result: T): Omit<T, 'episodes'> {
  const { episodes: _episodes, ...rest } = result;
  return rest;
}

/** The training questions of a stage (all of them without the curriculum); cached per stage. The estimate
 * samples `modelPath` (weights saved for the sampler) when given, else the live policy. */
function stagePools(
  config: ResolvedRlConfig,
  files: RunFiles,
  rollout: (modelPath?: string) => RolloutOptions,
): (stage: number, modelPath?: string) => Promise<QuestionRef[]> {
  const all: QuestionRef[] = config.taskIds.flatMap((taskId) =>
    Array.from({ length: config.questionsPerTask }, (_, index) => ({
      taskId,
      index,
      seed: config.questionSeed,
      ...taskOptionsOf(config, taskId),
    })),
  );
  const cache = new Map<number, Promise<QuestionRef[]>>();
  return (stage, modelPath) => {
    if (!config.curriculum.enabled) return Promise.resolve(all);
    let pool = cache.get(stage);
    if (!pool) {
      const estimateAt = config.curriculum.online ? stage : 1;
      const path = join(files.dir, config.curriculum.online ? `curriculum-stage-${stage}.json` : 'curriculum.json');
      pool = loadOrEstimateCurriculum(path, estimateAt, all, config.curriculum, rollout(modelPath)).then((groups) =>
        questionsForStage(groups, stage),
      );
      cache.set(stage, pool);
    }
    return pool;
  };
}

/** The step's questions, a pure function of the pool, the seed and the step, so a rerun of step k asks
 * the same questions: a seeded draw from the whole pool (`pooled`), or the tasks in turn (`balanced`). */
export function pickQuestions(
  pool: readonly QuestionRef[],
  config: Pick<ResolvedRlConfig, 'seed' | 'questionsPerStep' | 'taskMix'>,
  step: number,
): QuestionRef[] {
  if (config.taskMix === 'balanced') return balancedQuestions(pool, config, step);
  return createRng('rl-questions', config.seed, step).sample(pool, Math.min(config.questionsPerStep, pool.length));
}

/**
 * Step k's questions under `balanced`: slots (k−1)·q … k·q−1 of an endless sequence that visits the
 * tasks in rounds (each round a seeded order of all of them) and, at a task's r-th visit, asks question
 * r of that task's seeded order (a new order each pass over its questions). Each step then has the
 * tasks to within one question of each other, and no question repeats before its task's pool is used up.
 */
function balancedQuestions(
  pool: readonly QuestionRef[],
  config: Pick<ResolvedRlConfig, 'seed' | 'questionsPerStep'>,
  step: number,
): QuestionRef[] {
  const byTask = new Map<string, QuestionRef[]>();
  for (const q of pool) {
    const questions = byTask.get(q.taskId);
    if (questions) questions.push(q);
    else byTask.set(q.taskId, [q]);
  }
  const tasks = [...byTask.keys()];
  const count = Math.min(config.questionsPerStep, pool.length);
  const rounds = new Map<number, string[]>();
  const passes = new Map<string, QuestionRef[]>();
  const picked: QuestionRef[] = [];
  for (let slot = (step - 1) * count; picked.length < count; slot++) {
    const round = Math.floor(slot / tasks.length);
    if (!rounds.has(round)) rounds.set(round, createRng('rl-task-order', config.seed, round).shuffle(tasks));
    const taskId = rounds.get(round)![slot % tasks.length];
    const questions = byTask.get(taskId)!;
    const pass = Math.floor(round / questions.length);
    const key = `${taskId}#${pass}`;
    if (!passes.has(key)) passes.set(key, createRng('rl-task-questions', config.seed, taskId, pass).shuffle(questions));
    picked.push(passes.get(key)![round % questions.length]);
  }
  return picked;
}

/** Keeps the newest resume checkpoint and every `checkpointEvery`-th one. */
function dropOldCheckpoints(previous: RunState | null, current: RunState, config: ResolvedRlConfig): void {
  if (!previous || previous.step % config.checkpointEvery === 0) return;
  for (const path of [previous.checkpoint, previous.samplerCheckpoint]) {
    if (path && path.startsWith('/') && path !== current.samplerCheckpoint)
      rmSync(path, { recursive: true, force: true });
  }
}
