// `r1ci plan MODEL`: the memory a training step of MODEL needs on one GPU (learner/memory.py), per
// part, and a one-line refusal (exit 1) when it exceeds --budget.
import type { Command } from 'commander';
import { planMemory } from '../../learner/index.js';
import { resolvePlanFlags, TOOL_DEFAULTS } from '../options/tools.js';
import { printJson, renderTable } from '../output.js';

const GIB = 2 ** 30;

export function registerPlanCommand(program: Command): void {
  program
    .command('plan <model>')
    .description('estimate the GPU memory of training a model folder, and refuse when it will not fit --budget')
    .option('--lora-rank <r>', `LoRA rank (0: full fine-tuning; default ${TOOL_DEFAULTS.planLoraRank})`)
    .option('--seq <tokens>', `tokens per sequence (default ${TOOL_DEFAULTS.planSeq})`)
    .option('--micro-batch <n>', `sequences per micro-batch (default ${TOOL_DEFAULTS.planMicroBatch})`)
    .option('--kl', 'full fine-tuning keeps a KL reference copy')
    .option('--no-checkpointing', 'without gradient checkpointing')
    .option('--budget <size>', 'memory available, e.g. 80GiB')
    .option('--json', 'print JSON')
    .action(async (model: string, raw: unknown) => {
      const opts = resolvePlanFlags(raw);
      const plan = await planMemory({
        model,
        loraRank: opts.loraRank,
        seq: opts.seq,
        microBatch: opts.microBatch,
        klReference: opts.kl,
        checkpointing: opts.checkpointing,
        budget: opts.budget,
      });
      if (opts.json) return printJson(plan);
      const parts = ['weights', 'trainable_state', 'reference', 'activations', 'logits', 'reserve', 'total'] as const;
      const rows = parts.map((part) => [part.replace('_', ' '), (plan[part] / GIB).toFixed(2)]);
      process.stdout.write(`${renderTable(['part', 'GiB'], rows)}\n`);
      const budget = plan.budget === null ? 'no budget given' : `fits in ${(plan.budget / GIB).toFixed(1)} GiB`;
      process.stdout.write(`${(plan.parameters / 1e9).toFixed(2)}B parameters; ${budget}\n`);
    });
}
