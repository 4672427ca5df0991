// `r1ci eval` and `r1ci compare`: benchmark a model on the suite with and without the interpreter,
// and put finished runs side by side with the paper's reference numbers.
import { mkdirSync } from 'node:fs';
import { join } from 'node:path';
import type { Command } from 'commander';
import { ConfigError } from '../../core/index.js';
import { selectTasks, setDataDir, loadSplitFile, listTasks } from '../../tasks/index.js';
import { openSandbox, SANDBOX_FLAG_HELP } from '../service-flags.js';
import { loadRun, PAPER_REFERENCE, parseModelSpec, renderComparison, runEval, runPreflight, writeReports, type ModelFactory } from '../../eval/index.js';
import { EVAL_DEFAULTS, resolveEvalFlags, type EvalFlags } from '../options/eval.js';
import { printJson, renderTable } from '../output.js';
import { createProgress } from '../progress.js';

export function registerEvalCommands(program: Command): void {
  program
    .command('eval')
    .description('evaluate a model on tasks in ci (code interpreter), text or code mode; resumable')
    .requiredOption('--model <spec>', 'oracle | scripted:FILE | openai:MODEL | chat:MODEL@URL | vllm:MODEL@URL | learner:DIR')
    .option('--tasks <selector>', `test | train | all | a source | ids and prefixes (rg.arithmetic.*), comma-separated (default ${EVAL_DEFAULTS.tasks})`)
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
    .option('--skip-unavailable', 'run the tasks that can run (data present, model able) and list the others, instead of refusing')
    .option('--skip-bad-lines', 'go on past unreadable lines of episodes.jsonl (their episodes run again) instead of refusing')
    .option('--no-progress', 'no progress bar')
    .option('--sandbox <urls>', SANDBOX_FLAG_HELP)
    .option('--json', 'print the metrics as JSON')
    .action(async (raw: unknown) => {
      const flags = resolveEvalFlags(raw);
      setDataDir(flags.dataDir);
      const split = flags.splitFile ? loadSplitFile(flags.splitFile, new Set(listTasks().map((e) => e.id))) : undefined;
      const taskIds = selectTasks(flags.tasks, split);
      if (!taskIds.length) throw new ConfigError([{ path: '--tasks', message: `no implemented task matches ${flags.tasks}`, fix: 'see r1ci tasks list' }]);
      const model = parseModelSpec(flags.model, { tokenizerDir: flags.tokenizer, concurrency: flags.concurrency });
      try {
        await evaluate(flags, taskIds, model);
      } finally {
        await model.close?.();
      }
    });

  program
    .command('compare <dirs...>')
    .description('finished eval runs side by side, with the paper\'s reference numbers')
    .option('--out <dir>', 'also write a combined report (results.json, report.md, report.html) into this folder')
    .option('--json', 'print JSON')
    .action((dirs: string[], flags: { out?: string; json?: boolean }) => {
      const runs = dirs.map(loadRun);
      const table = renderComparison(runs);
      if (flags.json) return printJson({ runs: runs.map((r) => ({ dir: r.label, manifest: r.manifest, metrics: r.metrics })), paper: PAPER_REFERENCE });
      process.stdout.write(`${renderTable(table.header, table.rows)}\n\nPaper reference (mean accuracy over its 37 test tasks; its test tasks differ from ours):\n`);
      process.stdout.write(`${renderTable(['reference', 'accuracy %'], PAPER_REFERENCE.map((r) => [r.label, (100 * r.meanAccuracy).toFixed(1)]))}\n`);
      if (flags.out) {
        mkdirSync(flags.out, { recursive: true });
        writeReports(flags.out, runs);
        process.stdout.write(`wrote ${join(flags.out, 'report.html')}\n`);
      }
    });
}

/** Preflight, the run and its summary; the caller closes the model. */
async function evaluate(flags: EvalFlags, taskIds: string[], model: ModelFactory): Promise<void> {
  const { sandbox, unavailable } = await runPreflight({
    taskIds, model, mode: flags.mode, seed: flags.seed, skipUnavailable: flags.skipUnavailable, startSandbox: () => openSandbox(flags.sandbox),
  });
  for (const [id, why] of Object.entries(unavailable)) process.stderr.write(`eval: skipped ${id}: ${why}\n`);
  const progress = flags.progress ? createProgress() : undefined;
  let correct = 0, seen = 0;
  try {
    const result = await runEval({
      model, taskIds, perTask: flags.perTask, samples: flags.samples, seed: flags.seed, agent: flags.agent,
      outDir: flags.out, sandbox, unavailable, skipBadLines: flags.skipBadLines, concurrency: flags.concurrency, schedule: flags.schedule,
      onProgress: (done, total, episode) => {
        if (episode) { seen++; if (episode.verdict.correct) correct++; }
        progress?.update('eval', done, total, `accuracy so far ${seen ? `${((100 * correct) / seen).toFixed(1)}%` : '–'}`);
      },
    });
    progress?.stop();
    for (const bad of result.skippedLines) process.stderr.write(`eval: skipped unreadable line ${bad.line} of episodes.jsonl (${bad.error}); its episode ran again\n`);
    const infra = result.metrics.infrastructureFailures;
    if (infra.count) process.stderr.write(`eval: ${infra.count} episodes ended by infrastructure, not counted (${infra.examples.slice(0, 2).join('; ')}); rerun the same command to redo them\n`);
    if (infra.count) process.exitCode = 1; // the run is not complete: a rerun finishes it
    if (flags.json) return printJson({ manifest: result.manifest, metrics: result.metrics, missing: result.missing, unavailable: result.unavailable });
    const m = result.metrics;
    process.stdout.write(`${renderTable(['task', 'accuracy %', 'code use %', 'code calls'], m.tasks.map((t) => [t.taskId, (100 * t.accuracy).toFixed(1), (100 * t.codeUseRate).toFixed(1), t.meanCodeCalls.toFixed(2)]))}\n\n`);
    process.stdout.write(`mean accuracy over ${m.tasks.length} tasks: ${(100 * m.meanAccuracy).toFixed(1)}% (${m.episodes} episodes${result.resumed ? `, ${result.resumed} resumed` : ''}${result.missing ? `, ${result.missing} not run: skipped tasks or infrastructure failures` : ''}); report: ${join(flags.out, 'report.html')}\n`);
  } finally {
    progress?.stop();
    await sandbox.close();
  }
}
