// `r1ci synth`: rejection-sampled SFT data from any teacher (oracle, API model, token backend) on
// training tasks, resumable, with progress; `--export` also writes OpenAI, ShareGPT and verl files.
import type { Command } from 'commander';
import { ConfigError } from '../../core/index.js';
import { selectTasks, setDataDir } from '../../tasks/index.js';
import { openSandbox, SANDBOX_FLAG_HELP } from '../service-flags.js';
import { parseModelSpec, runPreflight } from '../../eval/index.js';
import { PROMPT_VARIANTS, parseExportFormats, readSynthRecords, runSynth, writeExports, type PromptVariant } from '../../train/synth/index.js';
import { printJson, renderTable } from '../output.js';
import { createProgress } from '../progress.js';

type SynthFlags = {
  model: string; tasks: string; perTask: string; attempts: string; maxQuestions?: string; variants: string; out: string; seed: string;
  concurrency: string; tokenizer?: string; execTimeout: string; export?: string; dataDir?: string; json?: boolean; progress: boolean;
  sandbox?: string;
  skipUnavailable?: boolean; skipBadLines?: boolean;
};

function positiveInt(flag: string, value: string): number {
  const n = Number(value);
  if (!Number.isInteger(n) || n < 1) throw new ConfigError([{ path: flag, message: `bad value ${JSON.stringify(value)}`, fix: 'use a positive integer' }]);
  return n;
}

function parseVariants(text: string): PromptVariant[] {
  const variants = text.split(',').map((s) => s.trim()).filter(Boolean);
  const bad = variants.filter((v) => !PROMPT_VARIANTS.includes(v as PromptVariant));
  if (bad.length || !variants.length) throw new ConfigError([{ path: '--variants', message: `unknown prompt variant ${bad.join(', ') || '(none)'}`, fix: `use ${PROMPT_VARIANTS.join(', ')}` }]);
  return variants as PromptVariant[];
}

export function registerSynthCommand(program: Command): void {
  program
    .command('synth')
    .description('synthesise SFT data: a teacher runs the code-interpreter loop on training tasks; only verified answers are kept (resumable)')
    .option('--model <spec>', 'the teacher: oracle | openai:MODEL | chat:MODEL@URL | vllm:MODEL@URL', 'oracle')
    .option('--tasks <selector>', 'training tasks: train, or ids and prefixes (test-split tasks are refused)', 'train')
    .option('--per-task <n>', 'most kept trajectories per task', '70')
    .option('--attempts <n>', 'teacher attempts per question (each with the next prompt variant); the multi-turn correct one is kept', '2')
    .option('--max-questions <n>', 'questions tried per task before giving up (default 3 × per-task)')
    .option('--variants <list>', `prompt variants, comma-separated (${PROMPT_VARIANTS.join(', ')})`, PROMPT_VARIANTS.join(','))
    .requiredOption('--out <file>', 'records JSONL (a .state.json is kept beside it); rerun to resume')
    .option('--seed <seed>', 'question seed', '0')
    .option('--concurrency <n>', 'questions in flight', '8')
    .option('--tokenizer <dir>', 'Hugging Face folder with tokenizer.json (for vllm: teachers)')
    .option('--exec-timeout <seconds>', 'seconds per code call', '60')
    .option('--export <formats>', 'also write openai, sharegpt and/or parquet (verl) files beside --out, comma-separated')
    .option('--data-dir <dir>', 'data directory for data-backed tasks')
    .option('--skip-unavailable', 'leave out tasks that cannot run (data missing, no reference solution for the oracle) and list them (default with --tasks train)')
    .option('--skip-bad-lines', 'go on past unreadable lines of the records file instead of refusing')
    .option('--no-progress', 'no progress lines')
    .option('--sandbox <urls>', SANDBOX_FLAG_HELP)
    .option('--json', 'print the summary as JSON')
    .action(async (flags: SynthFlags) => {
      setDataDir(flags.dataDir);
      const formats = flags.export ? parseExportFormats(flags.export) : [];
      const model = parseModelSpec(flags.model, { tokenizerDir: flags.tokenizer, concurrency: positiveInt('--concurrency', flags.concurrency) });
      const selected = selectTasks(flags.tasks);
      if (!selected.length) throw new ConfigError([{ path: '--tasks', message: `no implemented task matches ${flags.tasks}`, fix: 'see r1ci tasks list' }]);
      // The whole training split is a wish, not a list: what cannot run is left out and named.
      const { sandbox, unavailable } = await runPreflight({
        taskIds: selected, model, mode: 'ci', seed: Number(flags.seed) || 0, skipUnavailable: flags.skipUnavailable || flags.tasks === 'train', startSandbox: () => openSandbox(flags.sandbox),
      });
      const skipped = Object.keys(unavailable);
      if (skipped.length) process.stderr.write(`synth: left out ${skipped.length} tasks that cannot run: ${Object.entries(unavailable).map(([id, why]) => `${id} (${why})`).join('; ')}\n`);
      const taskIds = selected.filter((id) => !(id in unavailable));
      const progress = createProgress();
      try {
        const summary = await runSynth({
          teacher: model, taskIds, perTask: positiveInt('--per-task', flags.perTask), attemptsPerQuestion: positiveInt('--attempts', flags.attempts),
          maxQuestionsPerTask: flags.maxQuestions === undefined ? undefined : positiveInt('--max-questions', flags.maxQuestions), variants: parseVariants(flags.variants),
          seed: Number(flags.seed) || 0, agent: { execTimeoutMs: positiveInt('--exec-timeout', flags.execTimeout) * 1000 }, out: flags.out, sandbox,
          concurrency: positiveInt('--concurrency', flags.concurrency), skipBadLines: flags.skipBadLines,
          onProgress: flags.progress ? (p) => progress.update('synth', p.keptTotal, p.perTask * taskIds.length, `${p.taskId}: kept ${p.kept}/${p.perTask} of ${p.tried} tried`) : undefined,
        });
        for (const bad of summary.skippedLines) process.stderr.write(`synth: skipped unreadable line ${bad.line} of ${flags.out} (${bad.error})\n`);
        const written = formats.length ? writeExports(readSynthRecords(flags.out, { skipBadLines: flags.skipBadLines }), flags.out, formats) : [];
        if (flags.json) return printJson({ ...summary, exports: written });
        process.stdout.write(`${renderTable(['task', 'kept', 'questions tried'], Object.entries(summary.perTask).map(([id, s]) => [id, s.kept, s.tried]))}\n\n`);
        process.stdout.write(`${summary.records} records in ${flags.out}${summary.resumed ? ` (${summary.resumed} from before)` : ''}${written.length ? `; exports: ${written.join(', ')}` : ''}\n`);
      } finally {
        progress.stop();
        await sandbox.close();
      }
    });
}
