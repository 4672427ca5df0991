// The learner's memory plan for a model folder (learner/memory.py): bytes of weights, trainable
// state, KL reference, activations and logits for one training step on a GPU, and a refusal in one
// line when they exceed a budget. Used by `r1ci plan`; the learner applies the same check itself.
// The plan is arithmetic on config.json: any python3 runs it, without torch.
import { execFile } from 'node:child_process';
import { promisify } from 'node:util';
import { LearnerError, resolvePython } from '../core/index.js';
import { learnerRoot } from './locate.js';

const run = promisify(execFile);

export type MemoryPlanOptions = {
  /** A Hugging Face model folder (config.json is enough). */
  model: string;
  /** LoRA rank; omitted or 0 means full fine-tuning. */
  loraRank?: number;
  /** Tokens per sequence (default 8192) and sequences per micro-batch (default 1). */
  seq?: number;
  microBatch?: number;
  /** Full fine-tuning keeps a bf16 reference copy for the KL term. */
  klReference?: boolean;
  /** Gradient checkpointing (default true). */
  checkpointing?: boolean;
  /** Bytes available, e.g. '80GiB'; omitted: no check. */
  budget?: string;
  python?: string;
};

/** Bytes per part; `fits` is false only when a budget was given and the total exceeds it. */
export type MemoryPlan = {
  weights: number;
  trainable_state: number;
  reference: number;
  activations: number;
  logits: number;
  reserve: number;
  total: number;
  parameters: number;
  budget: number | null;
  fits: boolean;
};

/** A configuration that will not fit; the message is the learner's one line. */
export class MemoryPlanError extends LearnerError {}

export async function planMemory(options: MemoryPlanOptions): Promise<MemoryPlan> {
  const args = [
    '-m',
    'learner.memory',
    options.model,
    '--seq',
    String(options.seq ?? 8192),
    '--micro-batch',
    String(options.microBatch ?? 1),
    '--lora-rank',
    String(options.loraRank ?? 0),
  ];
  if (options.klReference) args.push('--kl');
  if (options.checkpointing === false) args.push('--no-checkpointing');
  if (options.budget) args.push('--budget', options.budget);
  const root = learnerRoot();
  try {
    const python = options.python ?? resolvePython({ modules: [] });
    const { stdout } = await run(python, args, { cwd: root, env: { ...process.env, PYTHONPATH: root } });
    return JSON.parse(stdout.trim()) as MemoryPlan;
  } catch (error) {
    const failed = error as { code?: number; stderr?: string };
    const line =
      (failed.stderr ?? '')
        .trim()
        .split('\n')
        .pop()
        ?.replace(/^error: /, '') ?? '';
    if (failed.code === 3 && line) throw new MemoryPlanError(line);
    if (failed.code === 2 && line) throw new LearnerError(line);
    throw new LearnerError(`the memory plan failed: ${line || String(error)}`, { cause: error });
  }
}
