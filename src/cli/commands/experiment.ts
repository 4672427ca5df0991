// `r1ci experiment`: the paper's findings at small scale. Every arm (SFT only, SFT + GRPO, shuffled
// rewards, unmasked, PPO, REINFORCE++, curriculum, cold GRPO, text only) on every seed, resumable, then
// the report: each finding's table with 95% intervals over seeds and its plot.
import { join } from 'node:path';
import type { Command } from 'commander';
import { runExperiment, writeExperimentReport, readUnitResults } from '../../recipes/experiment/index.js';
import { EXPERIMENT_DEFAULTS, resolveExperimentFlags } from '../options/experiment.js';
import { createProgress } from '../progress.js';

export function registerExperimentCommand(program: Command): void {
  program
    .command('experiment')
    .description(
      "the paper's findings on the tiny model: every arm on every seed (resumable: rerun the same command " +
        'after a crash), then a report with a table and a plot per finding',
    )
    .option('--out <dir>', `run folder (default ${EXPERIMENT_DEFAULTS.out})`)
    .option('--seeds <list>', `seeds, comma-separated (default ${EXPERIMENT_DEFAULTS.seeds})`)
    .option('--arms <list>', 'arms to run, comma-separated (default: all)')
    .option('--split <name>', 'questions to evaluate on: test (default) or dev (where settings are chosen)')
    .option('--lanes <n>', `runs side by side, each with its own learner (default ${EXPERIMENT_DEFAULTS.lanes})`)
    .option('--threads <n>', `torch threads per lane (default ${EXPERIMENT_DEFAULTS.threads})`)
    .option('--report <file>', 'where the markdown report goes (default <out>/experiments.md); plots beside it')
    .option('--report-only', 'write the report from the runs already done, run nothing')
    .action(async (raw: unknown) => {
      const flags = resolveExperimentFlags(raw);
      const started = Date.now();
      const progress = createProgress();
      const log = (line: string) => progress.log(`experiment [${Math.round((Date.now() - started) / 1000)}s] ${line}`);
      const results = flags.reportOnly
        ? readUnitResults(flags.out, flags.seeds, flags.split)
        : await runExperiment({
            outDir: flags.out,
            seeds: flags.seeds,
            arms: flags.arms,
            split: flags.split,
            lanes: flags.lanes,
            threadsPerLane: flags.threads,
            log,
            progress: progress.update,
          }).finally(() => progress.stop());
      const report = writeExperimentReport(results, {
        file: flags.report ?? join(flags.out, 'experiments.md'),
        outDir: flags.out,
        command: process.argv.slice(2).join(' '),
      });
      process.stdout.write(`${report.summary}\nreport: ${report.file}\n`);
    });
}
