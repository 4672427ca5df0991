// The evaluation recipe (`r1ci eval`): select the tasks, check tasks, model and sandbox before any
// episode (preflight), run the episodes into the run folder (a rerun resumes, after a crash too) and
// write its reports; a `learner:DIR` model gets a local learner for exactly the run.
import { ConfigError, withRunFolder } from '../core/index.js';
import type { AgentMode, AgentOptions } from '../agent/index.js';
import { listTasks, loadSplitFile, selectTasks, setDataDir } from '../tasks/index.js';
import { runEval, runPreflight, type EvalResult, type ModelFactory } from '../eval/index.js';
import { openSandbox } from './open-sandbox.js';
import type { RecipeEvents } from './types.js';
import { withModel } from './with-model.js';

/** What `r1ci eval` resolves its flags to (EVAL_FLAGS' output with the agent's options). */
export type EvalRecipeConfig = {
  /** A model spec: oracle | scripted:FILE | openai:MODEL | chat:MODEL@URL | vllm:MODEL@URL | learner:DIR. */
  model: string;
  /** test | train | all | a source | ids and prefixes (rg.arithmetic.*), comma-separated. */
  tasks: string;
  perTask: number;
  mode: AgentMode;
  /** Samples per question (pass@k). */
  samples: number;
  /** The question seed. */
  seed: number;
  /** Episodes in flight. */
  concurrency: number;
  schedule: 'async' | 'batch';
  /** The run folder (episodes.jsonl, results.json, report.md, report.html); the same folder resumes. */
  out: string;
  /** Hugging Face folder with tokenizer.json (vllm: token backends). */
  tokenizer?: string;
  /** A JSON split file instead of the fixed paper split. */
  splitFile?: string;
  /** The data directory of data-backed tasks. */
  dataDir?: string;
  /** Run the tasks that can run and list the others, instead of refusing. */
  skipUnavailable?: boolean;
  /** Go on past unreadable lines of episodes.jsonl (their episodes run again). */
  skipBadLines?: boolean;
  /** Comma-separated sandbox server URLs (default: $R1CI_SANDBOX_URLS, else the local pool). */
  sandbox?: string;
  agent: AgentOptions;
};

/** The task ids a selector names (with the split file's split when given); none is an error. */
export function selectEvalTasks(recipe: Pick<EvalRecipeConfig, 'tasks' | 'splitFile' | 'dataDir'>): string[] {
  setDataDir(recipe.dataDir);
  const split = recipe.splitFile ? loadSplitFile(recipe.splitFile, new Set(listTasks().map((e) => e.id))) : undefined;
  const taskIds = selectTasks(recipe.tasks, split);
  if (!taskIds.length) {
    const message = `no implemented task matches ${recipe.tasks}`;
    throw new ConfigError([{ path: 'tasks', message, fix: 'see r1ci tasks list' }]);
  }
  return taskIds;
}

/** Runs an evaluation as `r1ci eval` does; `events.warn` names what was skipped and why. */
export async function runEvalRecipe(recipe: EvalRecipeConfig, events: RecipeEvents = {}): Promise<EvalResult> {
  const taskIds = selectEvalTasks(recipe);
  const options = { tokenizer: recipe.tokenizer, concurrency: recipe.concurrency };
  return withRunFolder(recipe.out, () =>
    withModel(recipe.model, options, (model) => evaluate(recipe, taskIds, model, events)),
  );
}

async function evaluate(
  recipe: EvalRecipeConfig,
  taskIds: string[],
  model: ModelFactory,
  events: RecipeEvents,
): Promise<EvalResult> {
  const { sandbox, unavailable } = await runPreflight({
    taskIds,
    model,
    mode: recipe.mode,
    seed: recipe.seed,
    skipUnavailable: recipe.skipUnavailable,
    startSandbox: () => openSandbox(recipe.sandbox),
  });
  for (const [id, why] of Object.entries(unavailable)) events.warn?.(`eval: skipped ${id}: ${why}`);
  let correct = 0,
    seen = 0;
  try {
    const result = await runEval({
      model,
      taskIds,
      perTask: recipe.perTask,
      samples: recipe.samples,
      seed: recipe.seed,
      agent: recipe.agent,
      outDir: recipe.out,
      sandbox,
      unavailable,
      skipBadLines: recipe.skipBadLines,
      concurrency: recipe.concurrency,
      schedule: recipe.schedule,
      onProgress: (done, total, episode) => {
        if (episode) {
          seen++;
          if (episode.verdict.correct) correct++;
        }
        const accuracy = seen ? `${((100 * correct) / seen).toFixed(1)}%` : '–';
        events.progress?.('eval', done, total, `accuracy so far ${accuracy}`);
      },
    });
    for (const bad of result.skippedLines) {
      events.warn?.(
        `eval: skipped unreadable line ${bad.line} of episodes.jsonl (${bad.error}); ` + 'its episode ran again',
      );
    }
    const infra = result.metrics.infrastructureFailures;
    if (infra.count) {
      const examples = infra.examples.slice(0, 2).join('; ');
      events.warn?.(
        `eval: ${infra.count} episodes ended by infrastructure, not counted (${examples}); ` +
          'rerun the same command to redo them',
      );
    }
    return result;
  } finally {
    await sandbox.close();
  }
}
