// `r1ci sft`: multi-turn SFT of synthesised records through the learner API (a remote learner from
// R1CI_LEARNER_URL, else a local one); checkpoints into --out, and a rerun resumes after the last.
import { existsSync } from 'node:fs';
import { join, resolve } from 'node:path';
import type { Command } from 'commander';
import { ConfigError, hashKeys } from '../../core/index.js';
import { loadTokenizer } from '../../backends/index.js';
import { resolveLearnerConnection, withLearner } from '../../learner/index.js';
import { readSynthRecords } from '../../train/synth/index.js';
import { exportSftModel, runSft, sftModelRequest } from '../../train/sft/index.js';
import { resolveSftFlags, SFT_DEFAULTS, SFT_HELD_OUT_DEFAULT } from '../options/sft.js';
import { printJson } from '../output.js';
import { createProgress } from '../progress.js';

const D = SFT_DEFAULTS;

export function registerSftCommand(program: Command): void {
  program
    .command('sft')
    .description('multi-turn SFT on `r1ci synth` records through the learner API; interpreter output masked; resumable')
    .requiredOption('--data <file>', 'records JSONL written by r1ci synth')
    .requiredOption('--out <dir>', 'run folder (metrics.jsonl, checkpoints/, final/, final-adapter/ with LoRA); rerun to resume')
    .option('--model <base>', "base model: 'tiny' or a Hugging Face folder (default tiny)")
    .option('--epochs <n>', `epochs (paper: 3; default ${D.epochs})`)
    .option('--batch-size <n>', `examples per step (paper: 32; default ${D.batchSize})`)
    .option('--lr, --learning-rate <rate>', `peak learning rate (about 1e-5 for pretrained models, 1e-3 for the tiny one; default ${D.learningRate})`)
    .option('--warmup <fraction>', `fraction of steps of linear warmup (default ${D.warmupFraction})`)
    .option('--min-lr-ratio <r>', `the cosine decays to lr × r (default ${D.minLrRatio})`)
    .option('--checkpoint-every <n>', `steps between checkpoints (default ${D.checkpointEvery})`)
    .option('--eval-every <n>', `steps between held-out loss evaluations (default ${D.evalEvery})`)
    .option('--held-out <fraction>', `fraction of questions held out for the held-out loss (default ${SFT_HELD_OUT_DEFAULT})`)
    .option('--max-steps <n>', `stop after this many steps (0: all epochs; default ${D.maxSteps})`)
    .option('--bucket-window <n>', `length bucketing: sort within windows of n batches (1: plain shuffle; default ${D.bucketWindow})`)
    .option('--max-seq-tokens <n>', `leave out longer examples (default ${D.maxSequenceTokens})`)
    .option('--seed <seed>', `batch order seed (default ${D.seed})`)
    .option('--train-on-observation', 'also put loss on interpreter output (the paper\'s unmasked ablation)')
    .option('--lora-rank <r>', `train LoRA adapters of rank r on a frozen base, exported merged (final/) and as a PEFT folder (final-adapter/); 0: all weights (default ${D.loraRank})`)
    .option('--skip-bad-lines', 'train on the readable records of --data and say how many lines were skipped, instead of refusing')
    .option('--json', 'print the result as JSON')
    .action(async (raw: unknown) => {
      const flags = resolveSftFlags(raw);
      if (flags.model !== 'tiny' && !existsSync(flags.model)) {
        const fix = "give a Hugging Face model folder, or 'tiny'";
        throw new ConfigError([{ path: '--model', message: `${flags.model} does not exist`, fix }]);
      }
      const connection = resolveLearnerConnection();
      const records = readSynthRecords(flags.data, {
        skipBadLines: flags.skipBadLines,
        onSkipped: (lines) => process.stderr.write(`sft: skipped ${lines.length} unreadable ${lines.length === 1 ? 'line' : 'lines'} of ${flags.data} (${lines.map((l) => `line ${l.line}`).join(', ')}); training on the rest\n`),
      });
      if (!records.length) throw new ConfigError([{ path: '--data', message: `${flags.data} has no records`, fix: 'run r1ci synth --out <file> first' }]);
      const isHeldOut = (id: string) => hashKeys(['held-out', id]) % 10_000 < flags.heldOut * 10_000;
      await withLearner({ connection, local: { stateDir: join(flags.out, 'learner-state') } }, async ({ client }) => {
        const base = flags.model === 'tiny' ? 'tiny' : resolve(flags.model);
        const modelId = await client.createModel(sftModelRequest(base, flags.config));
        const info = await client.getInfo(modelId);
        const tokenizerDir = info.model_data.tokenizer_id ?? base;
        const progress = createProgress();
        const result = await runSft({
          ...flags.config, client, modelId, tokenizer: loadTokenizer(tokenizerDir), runDir: flags.out,
          train: records.filter((r) => !isHeldOut(r.id)), heldOut: records.filter((r) => isHeldOut(r.id)),
          onStep: (m) => progress.update('sft', m.step, m.totalSteps, `loss ${m.loss.toFixed(4)}, lr ${m.learningRate.toExponential(2)}, ${Math.round(m.tokensPerSecond)} tokens/s${m.heldOutLoss === undefined ? '' : `, held-out ${m.heldOutLoss.toFixed(4)}`}`),
        }).finally(() => progress.stop());
        const { final, adapter, adapterMissing } = await exportSftModel(client, modelId, resolve(flags.out), flags.config);
        if (adapterMissing) process.stderr.write(`sft: no final-adapter folder: ${adapterMissing}\n`);
        const summary = { steps: result.steps, totalSteps: result.totalSteps, resumedFrom: result.resumedFrom, checkpoint: result.checkpoint, final, adapter, tokensPerSecond: result.tokensPerSecond, lastLoss: result.metrics.at(-1)?.loss ?? null };
        if (flags.json) return printJson(summary);
        process.stdout.write(`${result.resumedFrom ? `resumed after step ${result.resumedFrom}; ` : ''}trained ${result.steps}/${result.totalSteps} steps (${Math.round(result.tokensPerSecond)} tokens/s); weights for sampling: ${final}${adapter ? `; PEFT adapter: ${adapter}` : ''}\n`);
      });
    });
}
