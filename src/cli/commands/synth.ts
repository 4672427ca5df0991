// `r1ci synth`: rejection-sampled SFT data from any teacher (oracle, API model, token backend) on
// training tasks (flags → SYNTH_FLAGS → runSynthRecipe → printed table), resumable, with progress;
// `--export` also writes OpenAI, ShareGPT and verl files.
import type { Command } from 'commander';
import { runSynthRecipe } from '../../recipes/index.js';
import { PROMPT_VARIANTS } from '../../train/synth/index.js';
import { SANDBOX_FLAG_HELP } from '../service-flags.js';
import { namingFlags } from '../options/flags.js';
import { resolveSynthFlags, SYNTH_DEFAULTS } from '../options/eval.js';
import { printJson, renderTable } from '../output.js';
import { createProgress } from '../progress.js';

export function registerSynthCommand(program: Command): void {
  program
    .command('synth')
    .description(
      'synthesise SFT data: a teacher runs the code-interpreter loop on training tasks; ' +
        'only verified answers are kept (resumable)',
    )
    .option(
      '--model <spec>',
      `the teacher: oracle | openai:MODEL | chat:MODEL@URL | vllm:MODEL@URL (default ${SYNTH_DEFAULTS.model})`,
    )
    .option(
      '--tasks <selector>',
      `training tasks: train, or ids and prefixes (test-split tasks are refused; default ${SYNTH_DEFAULTS.tasks})`,
    )
    .option('--per-task <n>', `most kept trajectories per task (default ${SYNTH_DEFAULTS.perTask})`)
    .option(
      '--attempts <n>',
      'teacher attempts per question (each with the next prompt variant); the multi-turn correct one is kept ' +
        `(default ${SYNTH_DEFAULTS.attempts})`,
    )
    .option('--max-questions <n>', 'questions tried per task before giving up (default 3 × per-task)')
    .option('--variants <list>', `prompt variants, comma-separated (${PROMPT_VARIANTS.join(', ')}; default all)`)
    .requiredOption('--out <file>', 'records JSONL (a .state.json is kept beside it); rerun to resume')
    .option('--seed <seed>', 'question seed (default 0)')
    .option('--concurrency <n>', 'questions in flight (default 8)')
    .option('--tokenizer <dir>', 'Hugging Face folder with tokenizer.json (for vllm: teachers)')
    .option('--exec-timeout <seconds>', `seconds per code call (default ${SYNTH_DEFAULTS.execTimeout})`)
    .option(
      '--export <formats>',
      'also write openai, sharegpt and/or parquet (verl) files beside --out, comma-separated',
    )
    .option('--data-dir <dir>', 'data directory for data-backed tasks')
    .option(
      '--skip-unavailable',
      'leave out tasks that cannot run (data missing, no reference solution for the oracle) and list them ' +
        '(default with --tasks train)',
    )
    .option('--skip-bad-lines', 'go on past unreadable lines of the records file instead of refusing')
    .option('--no-progress', 'no progress lines')
    .option('--sandbox <urls>', SANDBOX_FLAG_HELP)
    .option('--json', 'print the summary as JSON')
    .action(async (raw: unknown) => {
      const flags = resolveSynthFlags(raw);
      const progress = createProgress();
      const warn = (line: string) => progress.log(line);
      const events = { progress: flags.progress ? progress.update : undefined, warn };
      const result = await namingFlags(runSynthRecipe(flags, events), { tasks: '--tasks' }).finally(() =>
        progress.stop(),
      );
      const { unavailable: _unavailable, ...summary } = result; // named on stderr already
      if (flags.json) return printJson(summary);
      const rows = Object.entries(result.perTask).map(([id, s]) => [id, s.kept, s.tried]);
      process.stdout.write(`${renderTable(['task', 'kept', 'questions tried'], rows)}\n\n`);
      const resumed = result.resumed ? ` (${result.resumed} from before)` : '';
      const exports = result.exports.length ? `; exports: ${result.exports.join(', ')}` : '';
      process.stdout.write(`${result.records} records in ${flags.out}${resumed}${exports}\n`);
    });
}
