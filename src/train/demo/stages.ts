// The demo's stages: create the tiny model, synthesise SFT data with the oracle teacher, fine-tune,
// and evaluate every registered model on held-out questions in ci and text modes.
import { join } from 'node:path';
import { loadTokenizer } from '../../backends/index.js';
import { createOracleBackend, resolveAgentConfig, runEpisodes, type AgentMode, type EpisodeContext } from '../../agent/index.js';
import { createLearnerTokenBackend, createTinyPreset } from '../../learner/index.js';
import { computeMetrics, type RunSummary } from '../../eval/index.js';
import { getTask } from '../../tasks/index.js';
import { hashKeys } from '../../core/index.js';
import { readSynthRecords, runSynth } from '../synth/index.js';
import { runSft } from '../sft/index.js';
import type { DemoContext, DemoModel, DemoStage } from './context.js';
import { DEMO_CI_PROMPT, DEMO_TEXT_PROMPT } from './tasks.js';

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

export const synthesisStage: DemoStage = {
  name: 'synthesis',
  async run(ctx) {
    const { settings } = ctx;
    const out = join(ctx.outDir, 'sft-data.jsonl');
    const summary = await runSynth({
      teacher: { name: 'oracle', forEpisode: (task, instance, mode) => ({ backend: createOracleBackend(task, instance, mode) }) },
      taskIds: settings.tasks.map((t) => t.id), perTask: settings.perTask, attemptsPerQuestion: 1, variants: ['free'],
      systemPrompt: DEMO_CI_PROMPT, taskOptions: Object.fromEntries(settings.tasks.map((t) => [t.id, t.options])),
      seed: settings.seed, agent: { execTimeoutMs: 10_000, maxExecCalls: 2 }, out, sandbox: ctx.sandbox, concurrency: 8,
    });
    ctx.records = readSynthRecords(out);
    ctx.log(`synthesised ${summary.records} verified trajectories (${Object.entries(summary.perTask).map(([id, s]) => `${id} ${s.kept}/${s.tried}`).join(', ')})`);
  },
};

export const sftStage: DemoStage = {
  name: 'sft',
  async run(ctx) {
    const records = ctx.records!;
    ctx.sft = await runSft({
      ...ctx.settings.sft, client: ctx.client, modelId: ctx.modelId!, tokenizer: ctx.tokenizer!, runDir: join(ctx.outDir, 'sft'),
      train: records.filter((_, i) => i % 20 !== 0), heldOut: records.filter((_, i) => i % 20 === 0),
      onStep: (m) => { if (m.step % 10 === 0 || m.step === m.totalSteps) ctx.log(`sft step ${m.step}/${m.totalSteps} loss ${m.loss.toFixed(3)}${m.heldOutLoss === undefined ? '' : ` held-out ${m.heldOutLoss.toFixed(3)}`} ${Math.round(m.tokensPerSecond)} tok/s`); },
    });
    ctx.models.push({ label: 'sft', target: { modelId: ctx.modelId! } });
  },
};

/** Evaluates one model in one mode on the held-out questions (indices 0..evalQuestions−1). */
export async function evaluateModel(ctx: DemoContext, model: DemoModel, mode: AgentMode): Promise<RunSummary> {
  const { settings } = ctx;
  const config = resolveAgentConfig({ mode, systemPrompt: mode === 'ci' ? DEMO_CI_PROMPT : DEMO_TEXT_PROMPT, temperature: 0, maxTokensPerTurn: settings.maxTokensPerTurn, maxTotalTokens: settings.maxTotalTokens, maxExecCalls: 2, execTimeoutMs: 10_000, maxGenerations: 4 });
  const backend = createLearnerTokenBackend(ctx.client, model.target, model.label);
  const contexts: (() => EpisodeContext)[] = [];
  for (const demoTask of settings.tasks) {
    const task = getTask(demoTask.id);
    const options = task.resolveOptions(demoTask.options);
    for (let index = 0; index < settings.evalQuestions; index++) {
      contexts.push(() => ({ task, instance: task.generate(options, settings.seed, index), backend, tokenizer: ctx.tokenizer, sandbox: ctx.sandbox, config, seed: hashKeys([settings.seed, task.id, index]) }));
    }
  }
  const episodes = await runEpisodes(contexts, { concurrency: settings.evalConcurrency });
  const manifest = { model: model.label, mode, taskIds: settings.tasks.map((t) => t.id), perTask: settings.evalQuestions, samples: 1, seed: settings.seed, temperature: 0, startedAt: new Date().toISOString() };
  return { label: `${model.label} (${mode})`, manifest, metrics: computeMetrics(episodes), episodes };
}

export const evalStage: DemoStage = {
  name: 'eval',
  async run(ctx) {
    for (const model of ctx.models) {
      for (const mode of ['ci', 'text'] as const) {
        const run = await evaluateModel(ctx, model, mode);
        ctx.evals.set(`${model.label}/${mode}`, run);
        ctx.log(`eval ${run.label}: accuracy ${(100 * run.metrics.meanAccuracy).toFixed(1)}%, code use ${(100 * run.metrics.codeUseRate).toFixed(0)}%`);
      }
    }
  },
};
