// The demo's stages: create the tiny model, synthesise SFT data with the oracle teacher, fine-tune,
// and evaluate every registered model on held-out questions in ci, choice and text modes.
import { mkdirSync } from 'node:fs';
import { join } from 'node:path';
import { loadTokenizer } from '../../backends/index.js';
import { createOracleBackend, resolveAgentConfig, runEpisodes, type EpisodeContext } from '../../agent/index.js';
import { createLearnerTokenBackend, createTinyPreset } from '../../learner/index.js';
import { computeMetrics, type RunSummary } from '../../eval/index.js';
import { getTask, type TaskInstance } from '../../tasks/index.js';
import { hashKeys, rewriteJsonl } from '../../core/index.js';
import { readSynthRecords, runSynth } from '../../train/synth/index.js';
import { runSft } from '../../train/sft/index.js';
import type { DemoContext, DemoModel, DemoStage } from './context.js';
import type { SynthRecord } from '../../train/synth/types.js';
import { DEMO_CHOICE_PROMPT, DEMO_CI_PROMPT, DEMO_MODES, type DemoMode, type DemoTask } from './tasks.js';

export const modelStage: DemoStage = {
  name: 'model',
  async run(ctx) {
    ctx.baseFolder = await createTinyPreset(join(ctx.outDir, 'base-model'), { seed: ctx.settings.seed });
    ctx.tokenizer = loadTokenizer(ctx.baseFolder);
    ctx.modelId = await ctx.client.createModel({ base_model: ctx.baseFolder });
    ctx.models.push({ label: 'base', target: { baseModel: ctx.baseFolder } });
    ctx.log(`created the tiny model (${ctx.baseFolder})`);
  },
};

/** The demo teacher's code for an instance, where its task has a teacher style (else the reference solution). */
function codeOf(tasks: readonly DemoTask[], taskId: string, instance: TaskInstance): string | undefined {
  return tasks.find((t) => t.id === taskId)?.teacherCode?.(instance);
}

/** One synthesis run of the oracle teacher under one system prompt, into `file` (in the run folder);
 * `directShare` of the questions it answers without code. */
export async function synthesise(
  ctx: DemoContext,
  file: string,
  prompt: string,
  perTask: number,
  seed: number,
  directShare: number,
): Promise<SynthRecord[]> {
  const { settings } = ctx;
  const out = join(ctx.outDir, file);
  const summary = await runSynth({
    teacher: {
      name: directShare > 0 ? `oracle, ${directShare} direct` : 'oracle',
      forEpisode: (task, instance, mode) => ({
        backend: createOracleBackend(task, instance, mode, {
          direct: answersDirectly(directShare, seed, task.id, instance.index),
          code: codeOf(settings.tasks, task.id, instance),
          opening: settings.tasks.find((t) => t.id === task.id)?.teacherOpening?.(instance),
        }),
      }),
    },
    taskIds: settings.tasks.map((t) => t.id),
    perTask,
    attemptsPerQuestion: 1,
    variants: ['free'],
    systemPrompt: prompt,
    taskOptions: Object.fromEntries(settings.tasks.map((t) => [t.id, t.options])),
    seed,
    agent: { execTimeoutMs: 10_000, maxExecCalls: 2 },
    out,
    sandbox: ctx.sandbox,
    concurrency: 8,
    onProgress: (p) => ctx.progress(`synthesis (${prompt})`, p.keptTotal, perTask * settings.tasks.length),
  });
  ctx.log(
    `synthesised ${summary.records} verified trajectories under "${prompt}" (${Object.entries(summary.perTask)
      .map(([id, s]) => `${id} ${s.kept}/${s.tried}`)
      .join(', ')})`,
  );
  return readSynthRecords(out);
}

/** Whether the teacher answers this SFT question without code (a fixed share, by question). */
export function answersDirectly(directShare: number, seed: number, taskId: string, index: number): boolean {
  return directShare > 0 && hashKeys([seed, taskId, index, 'direct']) / 2 ** 32 < directShare;
}

/** SFT data: trajectories told to use code (all run code), then trajectories with code optional
 * (a share answered directly), on other questions (the next seed). */
export const synthesisStage: DemoStage = {
  name: 'synthesis',
  async run(ctx) {
    const { settings } = ctx;
    const told = await synthesise(ctx, 'sft-data.jsonl', DEMO_CI_PROMPT, settings.perTask, settings.seed, 0);
    const choice =
      settings.choicePerTask > 0
        ? await synthesise(
            ctx,
            'sft-data-choice.jsonl',
            DEMO_CHOICE_PROMPT,
            settings.choicePerTask,
            settings.seed + 1,
            settings.directShare,
          )
        : [];
    ctx.records = [...told, ...choice];
  },
};

export const sftStage: DemoStage = {
  name: 'sft',
  async run(ctx) {
    const records = ctx.records!;
    ctx.sft = await runSft({
      seed: ctx.settings.seed,
      ...ctx.settings.sft,
      client: ctx.client,
      modelId: ctx.modelId!,
      tokenizer: ctx.tokenizer!,
      runDir: join(ctx.outDir, 'sft'),
      train: records.filter((_, i) => i % 20 !== 0),
      heldOut: records.filter((_, i) => i % 20 === 0),
      onStep: (m) =>
        ctx.progress(
          'sft',
          m.step,
          m.totalSteps,
          `loss ${m.loss.toFixed(3)}` +
            (m.heldOutLoss === undefined ? '' : `, held-out ${m.heldOutLoss.toFixed(3)}`) +
            `, ${Math.round(m.tokensPerSecond)} tokens/s`,
        ),
    });
    ctx.models.push({ label: 'sft', target: { modelId: ctx.modelId! } });
  },
};

/** The episodes that evaluate one model in one mode on the held-out questions (indices 0..evalQuestions−1). */
function evalContexts(ctx: DemoContext, model: DemoModel, mode: DemoMode): (() => EpisodeContext)[] {
  const { settings } = ctx;
  const { agentMode, prompt } = DEMO_MODES[mode];
  const config = resolveAgentConfig({
    mode: agentMode,
    systemPrompt: prompt,
    temperature: 0,
    maxTokensPerTurn: settings.maxTokensPerTurn,
    maxTotalTokens: settings.maxTotalTokens,
    maxExecCalls: 2,
    execTimeoutMs: 10_000,
    maxGenerations: 4,
  });
  const backend = createLearnerTokenBackend(ctx.client, model.target, model.label);
  const contexts: (() => EpisodeContext)[] = [];
  for (const demoTask of settings.tasks) {
    const task = getTask(demoTask.id);
    const options = task.resolveOptions(demoTask.options);
    for (let index = 0; index < settings.evalQuestions; index++) {
      contexts.push(() => ({
        task,
        instance: task.generate(options, settings.seed, index),
        backend,
        tokenizer: ctx.tokenizer,
        sandbox: ctx.sandbox,
        config,
        seed: hashKeys([settings.seed, task.id, index]),
      }));
    }
  }
  return contexts;
}

function summarise(ctx: DemoContext, model: DemoModel, mode: DemoMode, episodes: RunSummary['episodes']): RunSummary {
  const { settings } = ctx;
  const { agentMode, prompt } = DEMO_MODES[mode];
  const manifest = {
    model: model.label,
    mode: agentMode,
    systemPrompt: prompt,
    taskIds: settings.tasks.map((t) => t.id),
    perTask: settings.evalQuestions,
    samples: 1,
    seed: settings.seed,
    temperature: 0,
    startedAt: new Date().toISOString(),
  };
  return { label: `${model.label} (${mode})`, manifest, metrics: computeMetrics(episodes), episodes };
}

/** Evaluates one model in one mode on the held-out questions. */
export async function evaluateModel(
  ctx: DemoContext,
  model: DemoModel,
  mode: DemoMode,
  onEpisode?: () => void,
): Promise<RunSummary> {
  return (await evaluateModes(ctx, model, [mode], onEpisode))[0];
}

/** Evaluates one model in several modes at once: their episodes share the learner's sampling
 * batches (the modes' prompts differ, the weights do not), which is what makes evaluation fast. */
export async function evaluateModes(
  ctx: DemoContext,
  model: DemoModel,
  modes: readonly DemoMode[],
  onEpisode?: () => void,
): Promise<RunSummary[]> {
  const perMode = modes.map((mode) => evalContexts(ctx, model, mode));
  const episodes = await runEpisodes(perMode.flat(), { concurrency: ctx.settings.evalConcurrency, onEpisode });
  let at = 0;
  return modes.map((mode, i) => summarise(ctx, model, mode, episodes.slice(at, (at += perMode[i].length))));
}

export const evalStage: DemoStage = {
  name: 'eval',
  async run(ctx) {
    const modes = Object.keys(DEMO_MODES) as DemoMode[];
    const total = ctx.models.length * modes.length * ctx.settings.tasks.length * ctx.settings.evalQuestions;
    let done = 0;
    mkdirSync(join(ctx.outDir, 'eval'), { recursive: true });
    for (const model of ctx.models) {
      const runs = await evaluateModes(ctx, model, modes, () => ctx.progress('eval', ++done, total, model.label));
      modes.forEach((mode, i) => {
        const run = runs[i];
        ctx.evals.set(`${model.label}/${mode}`, run);
        // What the model wrote, to read beside the table (token trajectories left out).
        rewriteJsonl(
          join(ctx.outDir, 'eval', `${model.label}-${mode}.jsonl`),
          run.episodes.map(({ trajectory: _, ...episode }) => episode),
        );
        ctx.log(
          `eval ${run.label}: accuracy ${(100 * run.metrics.meanAccuracy).toFixed(1)}%, ` +
            `code use ${(100 * run.metrics.codeUseRate).toFixed(0)}%`,
        );
      });
    }
  },
};
