// `r1ci experiment`: every arm × seed as one unit of work, run on a few lanes (each its own local
// learner and sandbox), each unit's result written atomically to its own file. A rerun skips the
// units that have a result and resumes the rest where their SFT or RL run stopped, so a kill -9
// anywhere loses at most the step in flight.
import { appendFileSync, existsSync, mkdirSync, readFileSync, renameSync, writeFileSync } from 'node:fs';
import { join, resolve } from 'node:path';
import { loadTokenizer, type Tokenizer } from '../../backends/index.js';
import { isInfrastructureStop, scanFirstBlock, type Episode } from '../../agent/index.js';
import { ConfigError, InvariantError, rewriteJsonl, withRunFolder, type OnProgress } from '../../core/index.js';
import { createTinyPreset, withLearner, type LearnerClient } from '../../learner/index.js';
import { createLocalSandbox, type Sandbox } from '../../sandbox/index.js';
import { computeEpisodeReward } from '../../train/algos/index.js';
import { runRl } from '../../train/rl/run-rl.js';
import type { RlOptions, StepMetrics } from '../../train/rl/types.js';
import type { DemoContext, DemoModel } from '../demo/context.js';
import { demoRlConfig } from '../demo/rl-stage.js';
import { evaluateModes, sftStage, synthesise } from '../demo/stages.js';
import { DEMO_CHOICE_PROMPT, DEMO_CI_PROMPT, DEMO_TEXT_PROMPT, type DemoMode } from '../demo/tasks.js';
import {
  ARMS,
  experimentSettings,
  questionKind,
  SPLIT_SEED_OFFSET,
  type Arm,
  type ExperimentOverrides,
  type ExperimentSettings,
  type ExperimentSplit,
  type QuestionKind,
} from './settings.js';

export type ExperimentOptions = {
  outDir: string;
  seeds: readonly number[];
  /** Arm ids to run (default: all). */
  arms?: readonly string[];
  split?: ExperimentSplit;
  /** Units run side by side, each on its own learner with `threadsPerLane` torch threads (default 2 × 1). */
  lanes?: number;
  threadsPerLane?: number;
  /** Changes to the settings (to try settings on dev questions, or a small run in a test). */
  overrides?: ExperimentOverrides;
  log?: (line: string) => void;
  progress?: OnProgress;
};

/** One evaluated answer, all the report needs. */
export type AnswerRecord = {
  taskId: string;
  index: number;
  kind: QuestionKind;
  correct: boolean;
  codeCalls: number;
  /** The answer opened a python block, whether or not it ran (a block the token limit cut off never runs);
   * absent in results written before it was recorded. */
  codeWritten?: boolean;
  reward: number;
  stopReason: string;
  /** Ended by a backend or sandbox failure: left out of every rate (not a model failure). */
  infrastructure: boolean;
};

export type UnitResult = {
  arm: string;
  seed: number;
  split: ExperimentSplit;
  modes: Partial<Record<DemoMode, AnswerRecord[]>>;
  /** A headline-length run's `midway` modes, evaluated after the shared number of steps. */
  midway?: Midway;
  /** Wall time of this unit's parts, in seconds (SFT counts where this unit ran it; the midway evaluation
   * counts as evaluation, not RL). */
  seconds: { sft: number; rl: number; eval: number; total: number };
};

/** The modes evaluated at `step`, on the way to a longer run's end, and how long that took. */
export type Midway = { step: number; modes: Partial<Record<DemoMode, AnswerRecord[]>>; seconds: number };

export const unitFile = (outDir: string, seed: number, arm: string, split: ExperimentSplit) =>
  join(outDir, `seed-${seed}`, 'results', `${arm}.${split}.json`);

/** One invocation of the command that ran something: when, for how long, how many runs (a killed one is absent). */
export type Invocation = { startedAt: string; seconds: number; runs: number; lanes: number; split: ExperimentSplit };

export function readInvocations(outDir: string): Invocation[] {
  const file = join(outDir, 'invocations.jsonl');
  if (!existsSync(file)) return [];
  return readFileSync(file, 'utf8')
    .split('\n')
    .filter(Boolean)
    .map((line) => JSON.parse(line) as Invocation);
}

export function readUnitResults(outDir: string, seeds: readonly number[], split: ExperimentSplit): UnitResult[] {
  return seeds.flatMap((seed) =>
    ARMS.map((arm) => unitFile(outDir, seed, arm.id, split))
      .filter((file) => existsSync(file))
      .map((file) => JSON.parse(readFileSync(file, 'utf8')) as UnitResult),
  );
}

/** A lane: one learner and one sandbox, running one unit at a time. */
type Lane = { client: LearnerClient; sandbox: Sandbox; name: string; progress: OnProgress };

/** A seed's start models on disk (Hugging Face folders), made once and shared by every lane. */
type SeedModels = { baseFolder: string; tokenizer: Tokenizer; sft?: string; textSft?: string };

export async function runExperiment(options: ExperimentOptions): Promise<UnitResult[]> {
  const outDir = resolve(options.outDir);
  const split = options.split ?? 'test';
  const arms = selectArms(options.arms);
  const log = options.log ?? (() => {});
  mkdirSync(outDir, { recursive: true });
  // Arm by arm, each over all seeds: the lanes start on different seeds' SFT runs, and the first arms
  // (the headline and its control) finish first.
  const units = arms.flatMap((arm) => options.seeds.map((seed) => ({ seed, arm })));
  const pending = units.filter(({ seed, arm }) => !existsSync(unitFile(outDir, seed, arm.id, split)));
  log(`${units.length - pending.length} of ${units.length} runs already done; ${pending.length} to run`);
  const prepared = new Map<string, Promise<string>>();
  const bases = new Map<number, Promise<SeedModels>>();
  let done = units.length - pending.length;
  const ran = pending.length;
  const startedAt = Date.now();
  await withRunFolder(outDir, async () => {
    const lanes = Math.max(1, Math.min(options.lanes ?? 2, pending.length));
    await Promise.all(
      Array.from({ length: lanes }, (_, i) =>
        withLane(outDir, i, options.threadsPerLane ?? 1, options.progress, async (lane) => {
          for (let unit = pending.shift(); unit; unit = pending.shift()) {
            const { seed, arm } = unit;
            const settings = experimentSettings(seed, split, options.overrides);
            const models = await once(bases, seed, () => seedBase(outDir, seed));
            const started = performance.now();
            log(`${lane.name}: seed ${seed} ${arm.id} started`);
            const result = await runUnit(outDir, arm, settings, models, lane, prepared, log);
            result.seconds.total = (performance.now() - started) / 1000;
            writeAtomically(unitFile(outDir, seed, arm.id, split), result);
            options.progress?.('experiment', ++done, units.length, `seed ${seed} ${arm.id}`);
            log(
              `${lane.name}: seed ${seed} ${arm.id} done in ${result.seconds.total.toFixed(0)} s ` +
                `(SFT ${result.seconds.sft.toFixed(0)} s, RL ${result.seconds.rl.toFixed(0)} s, ` +
                `eval ${result.seconds.eval.toFixed(0)} s)`,
            );
          }
        }),
      ),
    );
    if (ran > 0)
      appendFileSync(
        join(outDir, 'invocations.jsonl'),
        `${JSON.stringify({
          startedAt: new Date(startedAt).toISOString(),
          seconds: (Date.now() - startedAt) / 1000,
          runs: ran,
          lanes: options.lanes ?? 2,
          split,
        })}\n`,
      );
  });
  return readUnitResults(outDir, options.seeds, split);
}

function selectArms(ids: readonly string[] | undefined): Arm[] {
  if (!ids) return [...ARMS];
  const unknown = ids.filter((id) => !ARMS.some((arm) => arm.id === id));
  if (unknown.length)
    throw new ConfigError([
      {
        path: 'experiment.arms',
        message: `unknown arm ${unknown.join(', ')}`,
        fix: `arms are: ${ARMS.map((a) => a.id).join(', ')}`,
      },
    ]);
  return ARMS.filter((arm) => ids.includes(arm.id));
}

async function withLane(
  outDir: string,
  index: number,
  threads: number,
  progress: OnProgress | undefined,
  work: (lane: Lane) => Promise<void>,
): Promise<void> {
  await withLearner(
    { local: { stateDir: join(outDir, `lane-${index}`, 'learner-state'), threads } },
    async (learner) => {
      const sandbox = await createLocalSandbox({ concurrency: 2 });
      try {
        await work({ client: learner.client, sandbox, name: `lane ${index}`, progress: progress ?? (() => {}) });
      } finally {
        await sandbox.close();
      }
    },
  );
}

/** The promise for `key`, started once (by the first lane that needs it). */
function once<K, T>(cache: Map<K, Promise<T>>, key: K, make: () => Promise<T>): Promise<T> {
  let value = cache.get(key);
  if (!value) cache.set(key, (value = make()));
  return value;
}

async function seedBase(outDir: string, seed: number): Promise<SeedModels> {
  const folder = join(outDir, `seed-${seed}`, 'base-model');
  if (!existsSync(`${folder}.done`)) {
    await createTinyPreset(folder, { seed });
    writeFileSync(`${folder}.done`, '');
  }
  return { baseFolder: folder, tokenizer: loadTokenizer(folder) };
}

/** A demo context for one seed's SFT or evaluation (the demo's stages run on it). */
function seedContext(
  outDir: string,
  settings: ExperimentSettings,
  models: SeedModels,
  lane: Lane,
  log: (line: string) => void,
): DemoContext {
  return {
    settings: settings.demo,
    outDir,
    log: (line) => log(`${lane.name}: ${line}`),
    progress: (stage, done, total, note) => lane.progress(`${lane.name} ${stage}`, done, total, note),
    client: lane.client,
    sandbox: lane.sandbox,
    tokenizer: models.tokenizer,
    baseFolder: models.baseFolder,
    models: [],
    evals: new Map(),
    timings: {},
  };
}

/**
 * A seed's fine-tuned start model, made once: `code` is the demo's SFT data (told to use code, then
 * code optional with half answered in the head) and answers in the head under the no-code prompt;
 * `text` is every question answered in the head (no code anywhere).
 * The weights are saved for sampling and serve as the RL arms' start; a rerun resumes the SFT run.
 */
async function fineTuned(
  kind: 'code' | 'text',
  outDir: string,
  settings: ExperimentSettings,
  models: SeedModels,
  lane: Lane,
  log: (line: string) => void,
): Promise<string> {
  const dir = join(outDir, `seed-${settings.demo.seed}`, kind === 'code' ? 'sft' : 'text-sft');
  const folder = join(dir, 'model');
  if (existsSync(join(dir, 'model.done'))) return folder;
  const ctx = seedContext(dir, settings, models, lane, log);
  const { seed, perTask, choicePerTask, directShare } = settings.demo;
  ctx.records =
    kind === 'code'
      ? [
          ...(await synthesise(ctx, 'sft-data.jsonl', DEMO_CI_PROMPT, perTask, seed, 0)),
          ...(await synthesise(ctx, 'sft-data-choice.jsonl', DEMO_CHOICE_PROMPT, choicePerTask, seed + 1, directShare)),
          ...(await synthesise(ctx, 'sft-data-no-code.jsonl', DEMO_TEXT_PROMPT, settings.textPerTask, seed + 3, 1)),
        ]
      : await synthesise(ctx, 'sft-data-text.jsonl', DEMO_TEXT_PROMPT, perTask + choicePerTask, seed + 2, 1);
  ctx.modelId = await lane.client.createModel({ base_model: models.baseFolder });
  await sftStage.run(ctx);
  await lane.client.saveWeightsForSampler(ctx.modelId, folder);
  writeFileSync(join(dir, 'model.done'), '');
  return folder;
}

async function runUnit(
  outDir: string,
  arm: Arm,
  settings: ExperimentSettings,
  models: SeedModels,
  lane: Lane,
  prepared: Map<string, Promise<string>>,
  log: (line: string) => void,
): Promise<UnitResult> {
  const seed = settings.demo.seed;
  const t0 = performance.now();
  const start =
    arm.start === 'base'
      ? models.baseFolder
      : await once(prepared, `${seed}/${arm.start}`, () =>
          fineTuned(arm.start === 'sft' ? 'code' : 'text', outDir, settings, models, lane, log),
        );
  const t1 = performance.now();
  let target: DemoModel['target'] = arm.start === 'base' ? { baseModel: start } : { modelPath: start };
  let midway: Midway | undefined;
  let midwaySeconds = 0; // spent evaluating midway in this invocation (counted as evaluation)
  if (arm.rl) {
    const config = armRlConfig(settings, arm.headline ? { ...arm.rl, steps: settings.headlineSteps } : arm.rl);
    // Written when the midway step is done, before the step is committed: a resumed run past it has it.
    const midwayFile = unitFile(outDir, seed, arm.id, settings.split).replace(/\.json$/, '.midway.json');
    const midwayStep = arm.midway && settings.rl.steps! < config.steps ? settings.rl.steps! : undefined;
    const result = await runRl({
      config,
      client: lane.client,
      init: start,
      tokenizer: models.tokenizer,
      sandbox: lane.sandbox,
      runDir: join(outDir, `seed-${seed}`, arm.id, 'rl'),
      onStep: (m) =>
        log(
          `${lane.name}: seed ${seed} ${arm.id} step ${m.step}/${config.steps}: reward ${m.reward.toFixed(3)}, ` +
            `accuracy ${(100 * m.accuracy).toFixed(0)}%, ` +
            `code use ${(100 * m.codeUseRate).toFixed(0)}% (${kindCodeUse(m)})`,
        ),
      beforeCommit: async (step, modelId) => {
        if (step !== midwayStep || !arm.midway) return;
        const started = performance.now();
        const label = `${arm.id}-step${step}`;
        const modes = await evaluateArm(outDir, label, arm.midway, settings, models, lane, { modelId }, log);
        const seconds = (performance.now() - started) / 1000;
        midwaySeconds += seconds;
        writeAtomically(midwayFile, { step, modes, seconds } satisfies Midway);
      },
    });
    target = { modelId: result.modelId };
    if (midwayStep !== undefined) {
      if (!existsSync(midwayFile))
        throw new InvariantError(`${arm.id} passed step ${midwayStep} without its midway results in ${midwayFile}`);
      midway = JSON.parse(readFileSync(midwayFile, 'utf8')) as Midway;
    }
  }
  const t2 = performance.now();
  const modes = await evaluateArm(outDir, arm.id, arm.modes, settings, models, lane, target, log);
  const t3 = performance.now();
  return {
    arm: arm.id,
    seed,
    split: settings.split,
    modes,
    ...(midway ? { midway } : {}),
    seconds: {
      sft: (t1 - t0) / 1000,
      rl: (t2 - t1) / 1000 - midwaySeconds,
      eval: (t3 - t2) / 1000 + midwaySeconds,
      total: 0,
    },
  };
}

/** The shared RL settings with the arm's own on top (its reward and agent options merged, not replaced). */
export function armRlConfig(settings: ExperimentSettings, arm: RlOptions) {
  const rl: RlOptions = {
    ...settings.rl,
    ...arm,
    reward: { ...settings.rl.reward, ...arm.reward },
    agent: { ...settings.rl.agent, ...arm.agent },
  };
  return demoRlConfig({ ...settings.demo, rl }, DEMO_CHOICE_PROMPT);
}

/** A step's code use per question kind, e.g. "product 100%, rule 40%": shows GRPO's choice moving per kind. */
function kindCodeUse(metrics: StepMetrics): string {
  return Object.entries(metrics.tasks ?? {})
    .map(([taskId, t]) => `${questionKind(taskId)} ${(100 * t.codeUseRate).toFixed(0)}%`)
    .join(', ');
}

/** Greedy answers on the split's questions in the given modes, scored with the experiment's reward;
 * `label` names the answer files (the arm, or the arm at a step). */
async function evaluateArm(
  outDir: string,
  label: string,
  modes: readonly DemoMode[],
  settings: ExperimentSettings,
  models: SeedModels,
  lane: Lane,
  target: DemoModel['target'],
  log: (line: string) => void,
): Promise<UnitResult['modes']> {
  const questionSeed = settings.demo.seed + SPLIT_SEED_OFFSET[settings.split];
  const ctx = seedContext(outDir, settings, models, lane, log);
  ctx.settings = { ...settings.demo, seed: questionSeed, evalQuestions: settings.evalQuestions };
  const reward = armRlConfig(settings, {}).reward;
  const runs = await evaluateModes(ctx, { label, target }, modes);
  // What the model wrote, to read beside the numbers (token trajectories left out).
  const evalDir = join(outDir, `seed-${settings.demo.seed}`, 'eval');
  mkdirSync(evalDir, { recursive: true });
  modes.forEach((mode, i) =>
    rewriteJsonl(
      join(evalDir, `${label}-${mode}.${settings.split}.jsonl`),
      runs[i].episodes.map(({ trajectory: _, ...episode }) => episode),
    ),
  );
  const record = (episode: Episode): AnswerRecord => {
    return {
      taskId: episode.taskId,
      index: episode.index,
      kind: questionKind(episode.taskId),
      correct: episode.verdict.correct,
      codeCalls: episode.codeCalls,
      codeWritten: episode.turns.some((turn) => scanFirstBlock(turn.text).kind !== 'none'),
      reward: computeEpisodeReward(episode, reward).total,
      stopReason: episode.stopReason,
      infrastructure: isInfrastructureStop(episode.stopReason),
    };
  };
  return Object.fromEntries(modes.map((mode, i) => [mode, runs[i].episodes.map(record)]));
}

function writeAtomically(file: string, value: unknown): void {
  mkdirSync(join(file, '..'), { recursive: true });
  writeFileSync(`${file}.tmp`, `${JSON.stringify(value)}\n`);
  renameSync(`${file}.tmp`, file);
}
