// A quick warm start for tests, benchmarks and the demo when no SFT checkpoint is at hand: run the
// tasks' reference solutions through the real loop and sandbox as scripted token turns (code, then
// the printed answer), and take a few cross-entropy steps on those trajectories.
import { ScriptedBackend, type Tokenizer } from '../../backends/index.js';
import { ConfigError } from '../../core/index.js';
import { makeDatum, type TrainingClient } from '../../learner/index.js';
import type { Sandbox } from '../../sandbox/types.js';
import type { Task, TaskInstance } from '../../tasks/index.js';
import { runEpisodes, type ResolvedAgentConfig, type TokenTrajectory } from '../../agent/index.js';
import { trajectoryToSequence } from '../sequence.js';

export type OracleQuestion = { task: Task; instance: TaskInstance };

/** Correct code-interpreter trajectories, one per question: a code turn, its output, the answer. */
export async function collectOracleTrajectories(
  questions: readonly OracleQuestion[],
  options: { tokenizer: Tokenizer; sandbox: Sandbox; config: ResolvedAgentConfig; concurrency?: number },
): Promise<TokenTrajectory[]> {
  const contexts = questions.map(({ task, instance }) => () => {
    if (!task.referenceSolution) throw new ConfigError(`task ${task.id} has no reference solution to warm start from`);
    const block = '```python\n' + task.referenceSolution(instance).trimEnd() + '\n```\n';
    const backend = new ScriptedBackend({
      tokenizer: options.tokenizer,
      script: [block, `<<<${instance.answer}>>>`],
    }).asTokenBackend();
    return {
      task,
      instance,
      backend,
      tokenizer: options.tokenizer,
      sandbox: options.sandbox,
      config: { ...options.config, recordTokens: true },
    };
  });
  const episodes = await runEpisodes(contexts, { concurrency: options.concurrency ?? 4 });
  return episodes.filter((e) => e.verdict.correct && e.trajectory).map((e) => e.trajectory!);
}

/**
 * Cross-entropy steps over the trajectories in order, `batchSize` at a time (cycling); resolves to the losses per
 * token.
 */
export async function runOracleWarmStart(
  client: TrainingClient,
  modelId: string,
  trajectories: readonly TokenTrajectory[],
  options: { steps: number; batchSize: number; learningRate: number },
): Promise<number[]> {
  if (trajectories.length === 0) throw new ConfigError('no oracle trajectories to warm start from');
  const losses: number[] = [];
  for (let step = 0; step < options.steps; step++) {
    const batch = Array.from(
      { length: options.batchSize },
      (_, i) => trajectories[(step * options.batchSize + i) % trajectories.length],
    );
    const sequences = batch.map((t) => trajectoryToSequence(t));
    const data = sequences.map((s) => makeDatum(s.tokens, { weights: s.weights }));
    const trained = sequences.reduce((n, s) => n + s.weights.filter((w) => w > 0).length, 0);
    const out = await client.forwardBackward(modelId, { data, loss_fn: 'cross_entropy' });
    await client.optimStep(modelId, { learning_rate: options.learningRate, grad_clip_norm: 1 });
    losses.push(out.metrics['loss:sum'] / Math.max(1, trained));
  }
  return losses;
}
