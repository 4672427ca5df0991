// `r1ci sft`: multi-turn SFT of synthesised records through the learner API (a remote learner from
// R1CI_LEARNER_URL, else a local one); checkpoints into --out, and a rerun resumes after the last.
import { join, resolve } from 'node:path';
import type { Command } from 'commander';
import { ConfigError, hashKeys } from '../../core/index.js';
import { loadTokenizer } from '../../backends/index.js';
import { LearnerClient, resolveLearnerConnection, startLocalLearner, type LocalLearner } from '../../learner/index.js';
import { readSynthRecords } from '../../train/synth/index.js';
import { runSft } from '../../train/sft/index.js';
import { printJson } from '../output.js';
import { createProgress } from '../progress.js';

type SftFlags = {
  data: string; out: string; model: string; epochs: string; batchSize: string; lr: string; warmup: string; minLrRatio: string; checkpointEvery: string;
  evalEvery: string; heldOut: string; maxSteps: string; bucketWindow: string; maxSeqTokens: string; seed: string; trainOnObservation?: boolean; json?: boolean; skipBadLines?: boolean;
};

function number(flag: string, value: string, check: (n: number) => boolean, fix: string): number {
  const n = Number(value);
  if (!Number.isFinite(n) || !check(n)) throw new ConfigError([{ path: flag, message: `bad value ${JSON.stringify(value)}`, fix }]);
  return n;
}
const int = (flag: string, value: string, min = 1) => number(flag, value, (n) => Number.isInteger(n) && n >= min, `use an integer ≥ ${min}`);

export function registerSftCommand(program: Command): void {
  program
    .command('sft')
    .description('multi-turn SFT on `r1ci synth` records through the learner API; interpreter output masked; resumable')
    .requiredOption('--data <file>', 'records JSONL written by r1ci synth')
    .requiredOption('--out <dir>', 'run folder (metrics.jsonl, checkpoints/, final/); rerun to resume')
    .option('--model <base>', "base model: 'tiny' or a Hugging Face folder", 'tiny')
    .option('--epochs <n>', 'epochs (paper: 3)', '3')
    .option('--batch-size <n>', 'examples per step (paper: 32)', '32')
    .option('--lr <rate>', 'peak learning rate (about 1e-5 for pretrained models, 1e-3 for the tiny one)', '1e-5')
    .option('--warmup <fraction>', 'fraction of steps of linear warmup', '0.05')
    .option('--min-lr-ratio <r>', 'the cosine decays to lr × r', '0.1')
    .option('--checkpoint-every <n>', 'steps between checkpoints', '50')
    .option('--eval-every <n>', 'steps between held-out loss evaluations', '50')
    .option('--held-out <fraction>', 'fraction of questions held out for the held-out loss', '0.05')
    .option('--max-steps <n>', 'stop after this many steps (0: all epochs)', '0')
    .option('--bucket-window <n>', 'length bucketing: sort within windows of n batches (1: plain shuffle)', '8')
    .option('--max-seq-tokens <n>', 'leave out longer examples', '8192')
    .option('--seed <seed>', 'batch order seed', '0')
    .option('--train-on-observation', 'also put loss on interpreter output (the paper\'s unmasked ablation)')
    .option('--skip-bad-lines', 'train on the readable records of --data and say how many lines were skipped, instead of refusing')
    .option('--json', 'print the result as JSON')
    .action(async (flags: SftFlags) => {
      const records = readSynthRecords(flags.data, {
        skipBadLines: flags.skipBadLines,
        onSkipped: (lines) => process.stderr.write(`sft: skipped ${lines.length} unreadable ${lines.length === 1 ? 'line' : 'lines'} of ${flags.data} (${lines.map((l) => `line ${l.line}`).join(', ')}); training on the rest\n`),
      });
      if (!records.length) throw new ConfigError([{ path: '--data', message: `${flags.data} has no records`, fix: 'run r1ci synth --out <file> first' }]);
      const heldOutFraction = number('--held-out', flags.heldOut, (n) => n >= 0 && n < 1, 'use a fraction in [0, 1)');
      const isHeldOut = (id: string) => hashKeys(['held-out', id]) % 10_000 < heldOutFraction * 10_000;
      const connection = resolveLearnerConnection();
      let local: LocalLearner | undefined;
      const client = connection ? new LearnerClient(connection) : (local = await startLocalLearner({ stateDir: join(flags.out, 'learner-state') })).client;
      try {
        const base = flags.model === 'tiny' ? 'tiny' : resolve(flags.model);
        const modelId = await client.createModel({ base_model: base });
        const info = await client.getInfo(modelId);
        const tokenizerDir = info.model_data.tokenizer_id ?? base;
        const progress = createProgress();
        const result = await runSft({
          client, modelId, tokenizer: loadTokenizer(tokenizerDir), runDir: flags.out,
          train: records.filter((r) => !isHeldOut(r.id)), heldOut: records.filter((r) => isHeldOut(r.id)),
          epochs: int('--epochs', flags.epochs), batchSize: int('--batch-size', flags.batchSize), learningRate: number('--lr', flags.lr, (n) => n > 0, 'use a positive number'),
          warmupFraction: number('--warmup', flags.warmup, (n) => n >= 0 && n < 1, 'use a fraction in [0, 1)'), minLrRatio: number('--min-lr-ratio', flags.minLrRatio, (n) => n >= 0 && n <= 1, 'use a number in [0, 1]'),
          checkpointEvery: int('--checkpoint-every', flags.checkpointEvery), evalEvery: int('--eval-every', flags.evalEvery), maxSteps: int('--max-steps', flags.maxSteps, 0),
          bucketWindow: int('--bucket-window', flags.bucketWindow), maxSequenceTokens: int('--max-seq-tokens', flags.maxSeqTokens), seed: int('--seed', flags.seed, 0),
          trainOnObservation: flags.trainOnObservation ?? false,
          onStep: (m) => progress.update('sft', m.step, m.totalSteps, `loss ${m.loss.toFixed(4)}, lr ${m.learningRate.toExponential(2)}, ${Math.round(m.tokensPerSecond)} tokens/s${m.heldOutLoss === undefined ? '' : `, held-out ${m.heldOutLoss.toFixed(4)}`}`),
        }).finally(() => progress.stop());
        const final = await client.saveWeightsForSampler(modelId, resolve(flags.out, 'final'));
        const summary = { steps: result.steps, totalSteps: result.totalSteps, resumedFrom: result.resumedFrom, checkpoint: result.checkpoint, final, tokensPerSecond: result.tokensPerSecond, lastLoss: result.metrics.at(-1)?.loss ?? null };
        if (flags.json) return printJson(summary);
        process.stdout.write(`${result.resumedFrom ? `resumed after step ${result.resumedFrom}; ` : ''}trained ${result.steps}/${result.totalSteps} steps (${Math.round(result.tokensPerSecond)} tokens/s); weights for sampling: ${final}\n`);
      } finally {
        await local?.stop();
      }
    });
}
