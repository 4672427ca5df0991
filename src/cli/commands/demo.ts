// `r1ci demo`: the README's main job. On a laptop CPU with no server, GPU or key: create the tiny
// model, synthesise SFT data with the oracle teacher, fine-tune it through the local learner, run
// GRPO from the SFT weights, evaluate base, SFT and SFT+GRPO models on held-out questions in ci,
// choice and text modes, write report.html and print the table. The default is the short version
// (minutes); `--full` runs the long one.
import { join } from 'node:path';
import type { Command } from 'commander';
import { renderDemoTable, runDemo } from '../../recipes/index.js';
import { DEMO_DEFAULTS, resolveDemoFlags } from '../options/demo.js';
import { printJson, renderTable } from '../output.js';
import { createProgress } from '../progress.js';

export function registerDemoCommand(program: Command): void {
  program
    .command('demo')
    .description(
      'the main job: a tiny model learns to reason with code, and GRPO teaches it when code pays ' +
        '(synthesis → SFT → GRPO → eval in ci, choice and text modes), on CPU, offline',
    )
    .option('--out <dir>', `run folder (data, checkpoints, report.html, demo.json; default ${DEMO_DEFAULTS.out})`)
    .option('--full', 'the long version: four tasks, more data, steps and held-out questions')
    .option('--quick', 'the short version (the default; kept for old scripts)')
    .option('--seed <n>', `seed of the model, the data and the held-out questions (default ${DEMO_DEFAULTS.seed})`)
    .option('--json', 'print the summary as JSON')
    .action(async (raw: unknown) => {
      const flags = resolveDemoFlags(raw);
      const started = Date.now();
      const progress = createProgress();
      const log = (line: string) => progress.log(`demo [${Math.round((Date.now() - started) / 1000)}s] ${line}`);
      const ctx = await runDemo({
        outDir: flags.out,
        full: flags.full ?? false,
        settings: { seed: flags.seed },
        log,
        progress: progress.update,
      }).finally(() => progress.stop());
      const table = renderDemoTable(ctx);
      if (flags.json)
        return printJson({
          timings: ctx.timings,
          table,
          sftTokensPerSecond: ctx.sft?.tokensPerSecond ?? null,
          rl: ctx.rl?.metrics ?? [],
        });
      process.stdout.write(`${renderTable(table.header, table.rows)}\n\n`);
      const seconds = (name: string) => ((ctx.timings[name] ?? 0) / 1000).toFixed(0);
      const sftSpeed = `${Math.round(ctx.sft?.tokensPerSecond ?? 0)} tokens/s`;
      const total = `${Math.round((Date.now() - started) / 1000)} s`;
      process.stdout.write(
        `wall time: synthesis ${seconds('synthesis')} s, SFT ${seconds('sft')} s (${sftSpeed}), ` +
          `RL ${seconds('rl')} s, eval ${seconds('eval')} s; total ${total}\n`,
      );
      process.stdout.write(`report: ${join(flags.out, 'report.html')}\n`);
    });
}
