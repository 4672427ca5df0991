// `r1ci synth`: rejection-sampled SFT data from any teacher (oracle, API model, token backend) on
// training tasks, resumable, with progress; `--export` also writes OpenAI, ShareGPT and verl files.
import type { Command } from 'commander';
import { ConfigError } from '../../core/index.js';
import { selectTasks, setDataDir } from '../../tasks/index.js';
import { openSandbox, SANDBOX_FLAG_HELP } from '../service-flags.js';
import { parseModelSpec, runPreflight, type ModelFactory } from '../../eval/index.js';
import { PROMPT_VARIANTS, readSynthRecords, runSynth, writeExports } from '../../train/synth/index.js';
import { resolveSynthFlags, SYNTH_DEFAULTS, type SynthFlags } from '../options/eval.js';
import { printJson, renderTable } from '../output.js';
import { createProgress } from '../progress.js';

export function registerSynthCommand(program: Command): void {
  program
    .command('synth')
    .description('synthesise SFT data: a teacher runs the code-interpreter loop on training tasks; only verified answers are kept (resumable)')
    .option('--model <spec>', `the teacher: oracle | openai:MODEL | chat:MODEL@URL | vllm:MODEL@URL (default ${SYNTH_DEFAULTS.model})`)
    .option('--tasks <selector>', `training tasks: train, or ids and prefixes (test-split tasks are refused; default ${SYNTH_DEFAULTS.tasks})`)
    .option('--per-task <n>', `most kept trajectories per task (default ${SYNTH_DEFAULTS.perTask})`)
    .option('--attempts <n>', `teacher attempts per question (each with the next prompt variant); the multi-turn correct one is kept (default ${SYNTH_DEFAULTS.attempts})`)
    .option('--max-questions <n>', 'questions tried per task before giving up (default 3 × per-task)')
    .option('--variants <list>', `prompt variants, comma-separated (${PROMPT_VARIANTS.join(', ')}; default all)`)
    .requiredOption('--out <file>', 'records JSONL (a .state.json is kept beside it); rerun to resume')
    .option('--seed <seed>', 'question seed (default 0)')
    .option('--concurrency <n>', 'questions in flight (default 8)')
    .option('--tokenizer <dir>', 'Hugging Face folder with tokenizer.json (for vllm: teachers)')
    .option('--exec-timeout <seconds>', `seconds per code call (default ${SYNTH_DEFAULTS.execTimeout})`)
    .option('--export <formats>', 'also write openai, sharegpt and/or parquet (verl) files beside --out, comma-separated')
    .option('--data-dir <dir>', 'data directory for data-backed tasks')
    .option('--skip-unavailable', 'leave out tasks that cannot run (data missing, no reference solution for the oracle) and list them (default with --tasks train)')
    .option('--skip-bad-lines', 'go on past unreadable lines of the records file instead of refusing')
    .option('--no-progress', 'no progress lines')
    .option('--sandbox <urls>', SANDBOX_FLAG_HELP)
    .option('--json', 'print the summary as JSON')
    .action(async (raw: unknown) => {
      const flags = resolveSynthFlags(raw);
      setDataDir(flags.dataDir);
      const selected = selectTasks(flags.tasks);
      if (!selected.length) throw new ConfigError([{ path: '--tasks', message: `no implemented task matches ${flags.tasks}`, fix: 'see r1ci tasks list' }]);
      const model = parseModelSpec(flags.model, { tokenizerDir: flags.tokenizer, concurrency: flags.concurrency });
      try {
        await synthesise(flags, model, selected);
      } finally {
        await model.close?.();
      }
    });
}

/** Preflight, synthesis and exports; the caller closes the model. */
async function synthesise(flags: SynthFlags, model: ModelFactory, selected: string[]): Promise<void> {
  // The whole training split is a wish, not a list: what cannot run is left out and named.
  const { sandbox, unavailable } = await runPreflight({
    taskIds: selected, model, mode: 'ci', seed: flags.seed, skipUnavailable: flags.skipUnavailable || flags.tasks === 'train', startSandbox: () => openSandbox(flags.sandbox),
  });
  const skipped = Object.keys(unavailable);
  if (skipped.length) process.stderr.write(`synth: left out ${skipped.length} tasks that cannot run: ${Object.entries(unavailable).map(([id, why]) => `${id} (${why})`).join('; ')}\n`);
  const taskIds = selected.filter((id) => !(id in unavailable));
  const progress = createProgress();
  try {
    const summary = await runSynth({
      teacher: model, taskIds, perTask: flags.perTask, attemptsPerQuestion: flags.attempts, maxQuestionsPerTask: flags.maxQuestions,
      variants: flags.variants, seed: flags.seed, agent: flags.agent, out: flags.out, sandbox, concurrency: flags.concurrency, skipBadLines: flags.skipBadLines,
      onProgress: flags.progress ? (p) => progress.update('synth', p.keptTotal, p.perTask * taskIds.length, `${p.taskId}: kept ${p.kept}/${p.perTask} of ${p.tried} tried`) : undefined,
    });
    for (const bad of summary.skippedLines) process.stderr.write(`synth: skipped unreadable line ${bad.line} of ${flags.out} (${bad.error})\n`);
    const written = flags.export ? writeExports(readSynthRecords(flags.out, { skipBadLines: flags.skipBadLines }), flags.out, flags.export) : [];
    if (flags.json) return printJson({ ...summary, exports: written });
    process.stdout.write(`${renderTable(['task', 'kept', 'questions tried'], Object.entries(summary.perTask).map(([id, s]) => [id, s.kept, s.tried]))}\n\n`);
    process.stdout.write(`${summary.records} records in ${flags.out}${summary.resumed ? ` (${summary.resumed} from before)` : ''}${written.length ? `; exports: ${written.join(', ')}` : ''}\n`);
  } finally {
    progress.stop();
    await sandbox.close();
  }
}
