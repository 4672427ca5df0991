// The synthesis recipe (`r1ci synth`): a teacher runs the code-interpreter loop on training tasks and
// only verified answers are kept (resumable); tasks that cannot run are left out and named; exports
// (OpenAI, ShareGPT, verl parquet) are written beside the records.
import { ConfigError, withOutputFile } from '../core/index.js';
import type { AgentOptions } from '../agent/index.js';
import { selectTasks, setDataDir } from '../tasks/index.js';
import { runPreflight, type ModelFactory } from '../eval/index.js';
import {
  readSynthRecords,
  runSynth,
  writeExports,
  type ExportFormat,
  type PromptVariant,
  type SynthSummary,
} from '../train/synth/index.js';
import { openSandbox } from './open-sandbox.js';
import type { RecipeEvents } from './types.js';
import { withModel } from './with-model.js';

/** What `r1ci synth` resolves its flags to (SYNTH_FLAGS' output with the agent's options). */
export type SynthRecipeConfig = {
  /** The teacher's model spec (oracle, an API model, a token backend, learner:DIR). */
  model: string;
  /** train, or ids and prefixes (test-split tasks are refused). */
  tasks: string;
  /** Most kept trajectories per task. */
  perTask: number;
  /** Teacher attempts per question, each with the next prompt variant. */
  attempts: number;
  /** Questions tried per task before giving up (default 3 × perTask). */
  maxQuestions?: number;
  variants: readonly PromptVariant[];
  /** Records JSONL (a .state.json is kept beside it); the same file resumes. */
  out: string;
  seed: number;
  /** Questions in flight. */
  concurrency: number;
  /** Hugging Face folder with tokenizer.json (vllm: teachers). */
  tokenizer?: string;
  /** Also write these formats beside `out`. */
  export?: readonly ExportFormat[];
  dataDir?: string;
  /** Leave out tasks that cannot run (always with tasks 'train'). */
  skipUnavailable?: boolean;
  skipBadLines?: boolean;
  /** Comma-separated sandbox server URLs (default: $R1CI_SANDBOX_URLS, else the local pool). */
  sandbox?: string;
  agent: AgentOptions;
};

export type SynthRecipeResult = SynthSummary & {
  /** Files written by `export`. */
  exports: string[];
  /** Tasks left out because they cannot run: id → why. */
  unavailable: Record<string, string>;
};

/** Runs synthesis as `r1ci synth` does; `events.progress` counts kept trajectories. */
export async function runSynthRecipe(recipe: SynthRecipeConfig, events: RecipeEvents = {}): Promise<SynthRecipeResult> {
  setDataDir(recipe.dataDir);
  const selected = selectTasks(recipe.tasks);
  if (!selected.length) {
    const message = `no implemented task matches ${recipe.tasks}`;
    throw new ConfigError([{ path: 'tasks', message, fix: 'see r1ci tasks list' }]);
  }
  const options = { tokenizer: recipe.tokenizer, concurrency: recipe.concurrency };
  return withOutputFile(recipe.out, () =>
    withModel(recipe.model, options, (model) => synthesise(recipe, model, selected, events)),
  );
}

async function synthesise(
  recipe: SynthRecipeConfig,
  model: ModelFactory,
  selected: string[],
  events: RecipeEvents,
): Promise<SynthRecipeResult> {
  // The whole training split is a wish, not a list: what cannot run is left out and named.
  const { sandbox, unavailable } = await runPreflight({
    taskIds: selected,
    model,
    mode: 'ci',
    seed: recipe.seed,
    skipUnavailable: recipe.skipUnavailable || recipe.tasks === 'train',
    startSandbox: () => openSandbox(recipe.sandbox),
  });
  const skipped = Object.entries(unavailable);
  if (skipped.length) {
    const named = skipped.map(([id, why]) => `${id} (${why})`).join('; ');
    events.warn?.(`synth: left out ${skipped.length} tasks that cannot run: ${named}`);
  }
  const taskIds = selected.filter((id) => !(id in unavailable));
  try {
    const summary = await runSynth({
      teacher: model,
      taskIds,
      perTask: recipe.perTask,
      attemptsPerQuestion: recipe.attempts,
      maxQuestionsPerTask: recipe.maxQuestions,
      variants: recipe.variants,
      seed: recipe.seed,
      agent: recipe.agent,
      out: recipe.out,
      sandbox,
      concurrency: recipe.concurrency,
      skipBadLines: recipe.skipBadLines,
      onProgress: (p) =>
        events.progress?.(
          'synth',
          p.keptTotal,
          p.perTask * taskIds.length,
          `${p.taskId}: kept ${p.kept}/${p.perTask} of ${p.tried} tried`,
        ),
    });
    for (const bad of summary.skippedLines) {
      events.warn?.(`synth: skipped unreadable line ${bad.line} of ${recipe.out} (${bad.error})`);
    }
    const records = () => readSynthRecords(recipe.out, { skipBadLines: recipe.skipBadLines });
    const exports = recipe.export ? writeExports(records(), recipe.out, recipe.export) : [];
    return { ...summary, exports, unavailable };
  } finally {
    await sandbox.close();
  }
}
