// `r1ci eval` and `r1ci compare`: benchmark a model on the suite with and without the interpreter
// (flags → EVAL_FLAGS → runEvalRecipe → printed table), and put finished runs side by side with the
// paper's reference numbers.
import { mkdirSync } from 'node:fs';
import { join } from 'node:path';
import type { Command } from 'commander';
import { loadRun, PAPER_REFERENCE, renderComparison, writeReports, type EvalResult } from '../../eval/index.js';
import { runEvalRecipe } from '../../recipes/index.js';
import { SANDBOX_FLAG_HELP } from '../service-flags.js';
import { namingFlags } from '../options/flags.js';
import { EVAL_DEFAULTS, resolveEvalFlags } from '../options/eval.js';
import { printJson, renderTable } from '../output.js';
import { createProgress } from '../progress.js';

export function registerEvalCommands(program: Command): void {
  program
    .command('eval')
    .description('evaluate a model on tasks in ci (code interpreter), text or code mode; resumable')
    .requiredOption(
      '--model <spec>',
      'oracle | scripted:FILE | openai:MODEL | chat:MODEL@URL | vllm:MODEL@URL | learner:DIR',
    )
    .option(
      '--tasks <selector>',
      'test | train | all | a source | ids and prefixes (rg.arithmetic.*), comma-separated ' +
        `(default ${EVAL_DEFAULTS.tasks})`,
    )
    .option('--per-task <n>', `questions per task (default ${EVAL_DEFAULTS.perTask})`)
    .option('--mode <mode>', `ci | text | code (default ${EVAL_DEFAULTS.mode})`)
    .option('--samples <k>', `samples per question (pass@k; default ${EVAL_DEFAULTS.samples})`)
    .option('--temperature <t>', 'sampling temperature (default 0.6)')
    .requiredOption('--out <dir>', 'run folder (episodes.jsonl, results.json, report.md, report.html); rerun to resume')
    .option('--seed <seed>', `question seed (default ${EVAL_DEFAULTS.seed})`)
    .option('--concurrency <n>', `episodes in flight (default ${EVAL_DEFAULTS.concurrency})`)
    .option('--schedule <kind>', `async (pipeline) | batch (turn-synchronous) (default ${EVAL_DEFAULTS.schedule})`)
    .option('--tokenizer <dir>', 'Hugging Face folder with tokenizer.json (for vllm: token backends)')
    .option('--max-exec-calls <n>', 'code calls per answer (default 8)')
    .option('--exec-timeout <seconds>', 'seconds per code call (default 60)')
    .option('--split-file <file>', 'a JSON split file instead of the fixed paper split')
    .option('--data-dir <dir>', 'data directory for data-backed tasks')
    .option(
      '--skip-unavailable',
      'run the tasks that can run (data present, model able) and list the others, instead of refusing',
    )
    .option(
      '--skip-bad-lines',
      'go on past unreadable lines of episodes.jsonl (their episodes run again) instead of refusing',
    )
    .option('--no-progress', 'no progress bar')
    .option('--sandbox <urls>', SANDBOX_FLAG_HELP)
    .option('--json', 'print the metrics as JSON')
    .action(async (raw: unknown) => {
      const flags = resolveEvalFlags(raw);
      const progress = flags.progress ? createProgress() : undefined;
      const warn = (line: string) => (progress ? progress.log(line) : process.stderr.write(`${line}\n`));
      const events = { progress: progress?.update, warn };
      const result = await namingFlags(runEvalRecipe(flags, events), { tasks: '--tasks' }).finally(() =>
        progress?.stop(),
      );
      if (result.metrics.infrastructureFailures.count) process.exitCode = 1; // not complete: a rerun finishes it
      if (flags.json) {
        const { manifest, metrics, missing, unavailable } = result;
        return printJson({ manifest, metrics, missing, unavailable });
      }
      printEvalSummary(result);
    });

  program
    .command('compare <dirs...>')
    .description("finished eval runs side by side, with the paper's reference numbers")
    .option('--out <dir>', 'also write a combined report (results.json, report.md, report.html) into this folder')
    .option('--json', 'print JSON')
    .action((dirs: string[], flags: { out?: string; json?: boolean }) => {
      const runs = dirs.map(loadRun);
      const table = renderComparison(runs);
      if (flags.json)
        return printJson({
          runs: runs.map((r) => ({ dir: r.label, manifest: r.manifest, metrics: r.metrics })),
          paper: PAPER_REFERENCE,
        });
      process.stdout.write(
        `${renderTable(table.header, table.rows)}\n\n` +
          'Paper reference (mean accuracy over its 37 test tasks; its test tasks differ from ours):\n',
      );
      process.stdout.write(
        `${renderTable(
          ['reference', 'accuracy %'],
          PAPER_REFERENCE.map((r) => [r.label, (100 * r.meanAccuracy).toFixed(1)]),
        )}\n`,
      );
      if (flags.out) {
        mkdirSync(flags.out, { recursive: true });
        writeReports(flags.out, runs);
        process.stdout.write(`wrote ${join(flags.out, 'report.html')}\n`);
      }
    });
}

/** The per-task table and the mean, with what was resumed or is still missing. */
function printEvalSummary(result: EvalResult): void {
  const m = result.metrics;
  const percent = (x: number) => (100 * x).toFixed(1);
  const rows = m.tasks.map((t) => [t.taskId, percent(t.accuracy), percent(t.codeUseRate), t.meanCodeCalls.toFixed(2)]);
  process.stdout.write(`${renderTable(['task', 'accuracy %', 'code use %', 'code calls'], rows)}\n\n`);
  const resumed = result.resumed ? `, ${result.resumed} resumed` : '';
  const missing = result.missing ? `, ${result.missing} not run: skipped tasks or infrastructure failures` : '';
  process.stdout.write(
    `mean accuracy over ${m.tasks.length} tasks: ${(100 * m.meanAccuracy).toFixed(1)}% ` +
      `(${m.episodes} episodes${resumed}${missing}); report: ${join(result.outDir, 'report.html')}\n`,
  );
}
