// One step's metrics line from its scored rollouts, the training result and an optional eval.
import { isInfrastructureStop, type Episode } from '../../agent/index.js';
import type { ScoredGroup } from './batch.js';
import type { RolloutResult } from './rollouts.js';
import type { TrainStepResult } from './train-step.js';
import type { StepMetrics, TaskStepMetrics } from './types.js';

export type StepMetricsInput = {
  step: number;
  stage: number;
  scored: readonly ScoredGroup[];
  trainedGroups: number;
  rollouts: RolloutResult;
  trained: TrainStepResult;
  evaluation?: { accuracy: number; codeUseRate: number; questions: number };
  learningRate: number;
  /** Episodes sampled per episode trained. */
  samplingCost: number;
};

const mean = (values: readonly number[]) => (values.length ? values.reduce((a, b) => a + b, 0) / values.length : 0);

export function computeStepMetrics(input: StepMetricsInput): StepMetrics & Required<Pick<StepMetrics, 'tasks'>> {
  // Episodes an outage ended say nothing about the policy: counted, but left out of every rate.
  const all = input.scored.flatMap((g) => g.episodes);
  const counts = all.map((e) => !isInfrastructureStop(e.stopReason));
  const episodes = all.filter((_, i) => counts[i]);
  const rewards = input.scored.flatMap((g) => g.rewards).filter((_, i) => counts[i]);
  const { rollouts, trained } = input;
  return {
    step: input.step,
    stage: input.stage,
    reward: mean(rewards.map((r) => r.total)),
    rewardCorrect: mean(rewards.map((r) => r.correct)),
    rewardFormat: mean(rewards.map((r) => r.format)),
    rewardTurns: mean(rewards.map((r) => r.turns)),
    accuracy: mean(episodes.map((e) => (e.verdict.correct ? 1 : 0))),
    codeUseRate: mean(episodes.map((e) => (e.codeCalls > 0 ? 1 : 0))),
    codeCalls: mean(episodes.map((e) => e.codeCalls)),
    responseTokens: mean(episodes.map((e) => e.usage.sampledTokens + e.usage.observationTokens)),
    episodes: all.length,
    infrastructureStops: all.length - episodes.length,
    groupsTrained: input.trainedGroups,
    trainedTokens: trained.trainedTokens,
    kl: trained.kl,
    entropy: trained.entropy,
    clipFraction: trained.clipFraction,
    valueError: trained.valueError,
    updates: trained.perUpdate.length,
    learningRate: input.learningRate,
    samplingCost: input.samplingCost,
    tisWeight: trained.tisWeight,
    samplingSeconds: rollouts.wallSeconds,
    generationSeconds: rollouts.generationSeconds,
    executionSeconds: rollouts.executionSeconds,
    trainingSeconds: trained.seconds,
    hiddenExecution: rollouts.hiddenExecution,
    ...(input.evaluation ? { eval: input.evaluation } : {}),
    tasks: perTask(
      episodes,
      rewards.map((r) => r.total),
    ),
  };
}

/** The step's rates per task (keys in task order). */
function perTask(episodes: readonly Episode[], rewards: readonly number[]): Record<string, TaskStepMetrics> {
  const byTask = new Map<string, number[]>();
  episodes.forEach((e, i) => {
    const indices = byTask.get(e.taskId);
    if (indices) indices.push(i);
    else byTask.set(e.taskId, [i]);
  });
  const sorted = [...byTask.entries()].sort(([a], [b]) => a.localeCompare(b));
  return Object.fromEntries(
    sorted.map(([taskId, indices]) => [
      taskId,
      {
        episodes: indices.length,
        reward: mean(indices.map((i) => rewards[i])),
        accuracy: mean(indices.map((i) => (episodes[i].verdict.correct ? 1 : 0))),
        codeUseRate: mean(indices.map((i) => (episodes[i].codeCalls > 0 ? 1 : 0))),
      },
    ]),
  );
}
