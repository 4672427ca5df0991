// The demo's RL stage: GRPO on the tiny model after SFT. It writes the SFT weights out as the
// policy's start and KL reference, runs `runRl` on the demo's tasks (questions disjoint from the
// held-out ones by seed), and registers the result as the 'sft+grpo' model for the eval stage.
import { join } from 'node:path';
import { InvariantError } from '../../core/index.js';
import type { Tokenizer } from '../../backends/index.js';
import type { LearnerClient, LearnerSamplingTarget } from '../../learner/index.js';
import type { Sandbox } from '../../sandbox/types.js';
import { resolveRlConfig } from '../../train/rl/config.js';
import { runRl } from '../../train/rl/run-rl.js';
import type { ResolvedRlConfig, RlOptions, StepMetrics } from '../../train/rl/types.js';

/** What the stage reads and writes of the demo's context (structurally the demo's DemoContext). */
export type RlDemoContext = {
  settings: {
    tasks: readonly { id: string; options: Record<string, unknown> }[];
    seed: number;
    maxTokensPerTurn: number;
    maxTotalTokens: number;
    rl?: RlOptions;
  };
  outDir: string;
  log: (line: string) => void;
  progress: (stage: string, done: number, total: number, note?: string) => void;
  client: LearnerClient;
  sandbox: Sandbox;
  tokenizer?: Tokenizer;
  /** The SFT'd training model. */
  modelId?: string;
  models: { label: string; target: LearnerSamplingTarget }[];
  /** Set by this stage: the RL steps' metrics (the reward curve). */
  rl?: { metrics: StepMetrics[]; modelId: string };
};

/** The demo's GRPO settings: 40 episodes a step, all in flight at once so the learner samples them in one
 * batch; no KL term (as in DAPO: at 1e-3 it changed nothing and cost a reference forward). In choice mode 12
 * steps at lr 1e-4 raised held-out accuracy in every measured run; larger steps broke the model, and
 * 4 questions a step instead of 8 sometimes cost it its copying (docs/benchmarks.md, "GRPO in choice mode"). */
export const DEMO_RL: RlOptions = {
  estimator: 'grpo',
  groupSize: 5,
  questionsPerStep: 8,
  steps: 12,
  learningRate: 1e-4,
  klCoef: 0,
  filterUniformGroups: true,
  questionsPerTask: 200,
  evalEvery: 0,
  checkpointEvery: 1000,
  concurrency: 40,
};

/** The demo's RL config: DEMO_RL on the demo's tasks under `systemPrompt`, with the settings' own
 * overrides (`settings.rl`, e.g. the quick demo's fewer steps) on top. */
export function demoRlConfig(settings: RlDemoContext['settings'], systemPrompt: string): ResolvedRlConfig {
  const overrides = settings.rl ?? {};
  return resolveRlConfig({
    ...DEMO_RL,
    taskIds: settings.tasks.map((t) => t.id),
    taskOptions: Object.fromEntries(settings.tasks.map((t) => [t.id, t.options])),
    questionSeed: settings.seed + 1_000,
    evalSeed: settings.seed,
    seed: settings.seed,
    ...overrides,
    agent: {
      systemPrompt,
      maxTokensPerTurn: settings.maxTokensPerTurn,
      maxTotalTokens: settings.maxTotalTokens,
      maxExecCalls: 2,
      execTimeoutMs: 10_000,
      maxGenerations: 4,
      ...overrides.agent,
    },
  });
}

/** Builds the RL stage; `systemPrompt` is the ci prompt the model was fine-tuned with. The context's
 * `settings.rl` (e.g. the quick demo's fewer steps) overrides DEMO_RL. */
export function createRlDemoStage(systemPrompt: string): { name: string; run(ctx: RlDemoContext): Promise<void> } {
  return {
    name: 'rl',
    async run(ctx) {
      if (!ctx.modelId || !ctx.tokenizer) throw new InvariantError('the RL stage runs after the model and SFT stages');
      const init = await ctx.client.saveWeightsForSampler(ctx.modelId, join(ctx.outDir, 'sft-model'));
      const config = demoRlConfig(ctx.settings, systemPrompt);
      const result = await runRl({
        config,
        client: ctx.client,
        init,
        tokenizer: ctx.tokenizer,
        sandbox: ctx.sandbox,
        runDir: join(ctx.outDir, 'rl'),
        onStep: (m) =>
          ctx.progress(
            'grpo',
            m.step,
            config.steps,
            `reward ${m.reward.toFixed(3)}, accuracy ${(100 * m.accuracy).toFixed(0)}%, code ` +
              `use ${(100 * m.codeUseRate).toFixed(0)}%, kl ${(m.kl ?? 0).toExponential(1)}`,
          ),
      });
      ctx.rl = { metrics: result.metrics, modelId: result.modelId };
      ctx.models.push({ label: 'sft+grpo', target: { modelId: result.modelId } });
    },
  };
}
