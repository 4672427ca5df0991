// The RL recipe (`r1ci rl`): check the run's folders and rollout server, take a learner (remote, or
// a local one started here and stopped after) and a sandbox, make or load the initial model, and run
// the RL loop into the run folder; a rerun with the same `out` resumes after the last saved step.
import { existsSync } from 'node:fs';
import { join, resolve } from 'node:path';
import { ConfigError, withRunFolder, type ConfigProblem } from '../core/index.js';
import { loadTokenizer } from '../backends/index.js';
import { createTinyPreset, resolveLearnerConnection, withLearner, type TrainingClient } from '../learner/index.js';
import type { Sandbox } from '../sandbox/index.js';
import {
  createVllmRollouts,
  localAdapterPath,
  resolveInitModel,
  runRl,
  type ResolvedRlConfig,
  type RlRunResult,
  type StepMetrics,
} from '../train/rl/index.js';
import { openSandbox } from './open-sandbox.js';
import type { RecipeEvents } from './types.js';

/** What `r1ci rl` resolves its flags to (RL_FLAGS' output and resolveRlConfig's result). */
export type RlRecipeConfig = {
  /** The run folder (config, state, metrics, report, checkpoints); the same folder resumes. */
  out: string;
  /** An SFT checkpoint (sampler folder or training checkpoint), a base model folder, or 'tiny'. */
  init: string;
  /** A folder with tokenizer.json (default: the initial model's). */
  tokenizer?: string;
  /** A vLLM server's base URL (http://host:port/v1) that samples the LoRA policy each step. */
  rollouts?: string;
  /** A remote learner's URL (default: $R1CI_LEARNER_URL, else a local learner). */
  learner?: string;
  /** The local learner batches concurrent sample requests (default true; false: bit-identical reruns). */
  batchRequests?: boolean;
  /** Comma-separated sandbox server URLs (default: $R1CI_SANDBOX_URLS, else the local pool). */
  sandbox?: string;
  /** The RL settings, defaults filled in and checked. */
  config: ResolvedRlConfig;
};

export type RlRecipeResult = RlRunResult & { report: string };

/** Checks what can be checked before a learner starts: folders exist, the rollout server fits. */
export function checkRlRecipe(recipe: RlRecipeConfig): void {
  const problems: ConfigProblem[] = [];
  if (recipe.init !== 'tiny' && !existsSync(recipe.init)) {
    const fix = "give an SFT checkpoint or model folder, or 'tiny'";
    problems.push({ path: 'init', message: `${recipe.init} does not exist`, fix });
  }
  if (recipe.tokenizer && !existsSync(join(recipe.tokenizer, 'tokenizer.json'))) {
    const fix = "pass a local copy of the model's tokenizer folder";
    problems.push({ path: 'tokenizer', message: `no tokenizer.json in ${recipe.tokenizer}`, fix });
  }
  if (recipe.rollouts) problems.push(...rolloutProblems(recipe.rollouts, recipe.config));
  if (problems.length) throw new ConfigError(problems);
}

/** vLLM rollouts sample LoRA adapters the server loads at runtime: live weights only, so no stale sampling. */
function rolloutProblems(url: string, config: ResolvedRlConfig): ConfigProblem[] {
  const problems: ConfigProblem[] = [];
  if (!/^https?:\/\/.+\/v1\/?$/.test(url)) {
    const fix = "write the server's base URL, e.g. http://127.0.0.1:8000/v1";
    problems.push({ path: 'rollouts', message: `bad URL ${JSON.stringify(url)}`, fix });
  }
  if (config.loraRank <= 0) {
    const fix = 'add --lora-rank 16, and start vLLM with --enable-lora --max-lora-rank 16';
    problems.push({ path: 'rollouts', message: 'vLLM rollouts load the policy as a LoRA adapter each step', fix });
  }
  if (config.sampling === 'stale-1') {
    const message = 'vLLM rollouts sample the live adapters, not a snapshot';
    problems.push({ path: 'sampling', message, fix: 'drop --stale' });
  }
  return problems;
}

/** One line per step: reward, accuracy, KL, where the time went, held-out accuracy when evaluated. */
export function renderRlStepLine(m: StepMetrics): string {
  const updates = m.updates > 1 ? ` updates ${m.updates}` : '';
  const cost = m.samplingCost > 1 ? ` sampled/trained ${m.samplingCost.toFixed(2)}` : '';
  const heldOut = m.eval ? ` held-out ${m.eval.accuracy.toFixed(3)}` : '';
  const time = `sampling ${m.samplingSeconds.toFixed(1)}s training ${m.trainingSeconds.toFixed(1)}s`;
  return (
    `step ${m.step} reward ${m.reward.toFixed(3)}${updates}${cost} accuracy ${m.accuracy.toFixed(3)} ` +
    `kl ${m.kl?.toExponential(2) ?? '–'} ${time}${heldOut}`
  );
}

/** Runs RL as `r1ci rl` does; `events.log` gets one line per step, `events.progress` the step count. */
export async function runRlRecipe(recipe: RlRecipeConfig, events: RecipeEvents = {}): Promise<RlRecipeResult> {
  checkRlRecipe(recipe);
  const connection = resolveLearnerConnection(recipe.learner ? { url: recipe.learner } : {});
  const out = resolve(recipe.out);
  const local = { stateDir: join(out, 'learner'), batchRequests: recipe.batchRequests };
  return withRunFolder(out, () =>
    withLearner({ connection, local }, async ({ client }) => {
      const sandbox = await openSandbox(recipe.sandbox);
      try {
        return await train(recipe, client, sandbox, Boolean(connection), events);
      } finally {
        await sandbox.close();
      }
    }),
  );
}

/** Model, tokenizer and (maybe) vLLM rollouts, then the RL loop. */
async function train(
  recipe: RlRecipeConfig,
  client: TrainingClient,
  sandbox: Sandbox,
  remote: boolean,
  events: RecipeEvents,
): Promise<RlRecipeResult> {
  const { config } = recipe;
  const out = resolve(recipe.out);
  let init = recipe.init;
  if (init === 'tiny') {
    const tiny = join(out, 'base-tiny');
    init = existsSync(join(tiny, 'config.json')) ? tiny : await createTinyPreset(tiny);
  }
  init = await resolveInitModel(client, resolve(init), join(out, 'init-model'));
  const tokenizerDir = recipe.tokenizer ?? init;
  if (!existsSync(join(tokenizerDir, 'tokenizer.json'))) {
    const fix = "pass --tokenizer with a local copy of the model's tokenizer";
    throw new ConfigError([{ path: 'tokenizer', message: `no tokenizer.json in ${tokenizerDir}`, fix }]);
  }
  const vllm = recipe.rollouts
    ? await createVllmRollouts(client, {
        baseUrl: recipe.rollouts,
        removeUnloaded: !remote,
        adapterPath: remote ? (n) => `adapter-${String(n).padStart(6, '0')}` : localAdapterPath(out),
      })
    : undefined;
  const result = await runRl({
    config,
    client,
    init,
    tokenizer: loadTokenizer(tokenizerDir),
    sandbox,
    runDir: out,
    ...(vllm ? { rolloutBackend: vllm.backendFor } : {}),
    ...(remote ? { checkpointPath: (kind: string, step: number) => `${kind}-${String(step).padStart(6, '0')}` } : {}),
    onStep: (m) => {
      events.log?.(renderRlStepLine(m));
      events.progress?.('rl', m.step, config.steps, `reward ${m.reward.toFixed(3)}`);
    },
  });
  return { ...result, report: join(out, 'report.html') };
}
