// `r1ci sft`: multi-turn SFT of synthesised records through the learner API (a remote learner from
// R1CI_LEARNER_URL, else a local one). Flags → SFT_FLAGS → runSftRecipe → printed summary; a rerun
// with the same --out resumes after the last checkpoint.
import type { Command } from 'commander';
import { runSftRecipe } from '../../recipes/index.js';
import { namingFlags } from '../options/flags.js';
import { resolveSftFlags, SFT_DEFAULTS, SFT_HELD_OUT_DEFAULT } from '../options/sft.js';
import { printJson } from '../output.js';
import { createProgress } from '../progress.js';

const D = SFT_DEFAULTS;

export function registerSftCommand(program: Command): void {
  program
    .command('sft')
    .description('multi-turn SFT on `r1ci synth` records through the learner API; interpreter output masked; resumable')
    .requiredOption('--data <file>', 'records JSONL written by r1ci synth')
    .requiredOption(
      '--out <dir>',
      'run folder (metrics.jsonl, checkpoints/, final/, final-adapter/ with LoRA); rerun to resume',
    )
    .option('--model <base>', "base model: 'tiny' or a Hugging Face folder (default tiny)")
    .option('--epochs <n>', `epochs (paper: 3; default ${D.epochs})`)
    .option('--batch-size <n>', `examples per step (paper: 32; default ${D.batchSize})`)
    .option(
      '--lr, --learning-rate <rate>',
      `peak learning rate (about 1e-5 for pretrained models, 1e-3 for the tiny one; default ${D.learningRate})`,
    )
    .option('--warmup <fraction>', `fraction of steps of linear warmup (default ${D.warmupFraction})`)
    .option('--min-lr-ratio <r>', `the cosine decays to lr × r (default ${D.minLrRatio})`)
    .option('--checkpoint-every <n>', `steps between checkpoints (default ${D.checkpointEvery})`)
    .option('--eval-every <n>', `steps between held-out loss evaluations (default ${D.evalEvery})`)
    .option(
      '--held-out <fraction>',
      `fraction of questions held out for the held-out loss (default ${SFT_HELD_OUT_DEFAULT})`,
    )
    .option('--max-steps <n>', `stop after this many steps (0: all epochs; default ${D.maxSteps})`)
    .option(
      '--bucket-window <n>',
      `length bucketing: sort within windows of n batches (1: plain shuffle; default ${D.bucketWindow})`,
    )
    .option('--max-seq-tokens <n>', `leave out longer examples (default ${D.maxSequenceTokens})`)
    .option('--seed <seed>', `batch order seed (default ${D.seed})`)
    .option('--train-on-observation', "also put loss on interpreter output (the paper's unmasked ablation)")
    .option(
      '--lora-rank <r>',
      'train LoRA adapters of rank r on a frozen base, exported merged (final/) and as a PEFT folder ' +
        `(final-adapter/); 0: all weights (default ${D.loraRank})`,
    )
    .option(
      '--skip-bad-lines',
      'train on the readable records of --data and say how many lines were skipped, instead of refusing',
    )
    .option('--json', 'print the result as JSON')
    .action(async (raw: unknown) => {
      const flags = resolveSftFlags(raw);
      const progress = createProgress();
      const events = { progress: progress.update, warn: (line: string) => progress.log(line) };
      const summary = await namingFlags(runSftRecipe(flags, events), { model: '--model', data: '--data' }).finally(() =>
        progress.stop(),
      );
      if (flags.json) return printJson(summary);
      const resumed = summary.resumedFrom ? `resumed after step ${summary.resumedFrom}; ` : '';
      const speed = `${Math.round(summary.tokensPerSecond)} tokens/s`;
      const trained = `trained ${summary.steps}/${summary.totalSteps} steps (${speed})`;
      const adapter = summary.adapter ? `; PEFT adapter: ${summary.adapter}` : '';
      process.stdout.write(`${resumed}${trained}; weights for sampling: ${summary.final}${adapter}\n`);
    });
}
