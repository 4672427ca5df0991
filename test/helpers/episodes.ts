// A finished episode without a model or sandbox behind it, for tests of what the RL loop does with
// episodes (grouping, rewards, advantages, metrics): one turn, two prompt and two sampled tokens.
import type { Episode, StopReason } from '../../src/agent/index.js';
import type { ScoredGroup } from '../../src/train/rl/batch.js';
import type { StepMetricsInput } from '../../src/train/rl/step-metrics.js';
import { nothingTrained } from '../../src/train/rl/train-step.js';

/** An episode with id `id`, right or wrong; its stop reason follows from that unless given. */
export function fakeEpisode(
  id: string,
  correct: boolean,
  stopReason: StopReason = correct ? 'final-answer' : 'no-answer',
): Episode {
  return {
    id,
    taskId: 't',
    index: 0,
    seed: 0,
    sample: 0,
    mode: 'ci',
    backend: 'fake',
    system: '',
    question: '',
    turns: [{ text: 'x', finishReason: { unified: 'stop', raw: 'stop' } }],
    answer: correct ? '1' : null,
    verdict: { correct, score: correct ? 1 : 0, outcome: correct ? 'correct' : 'no-answer' },
    stopReason,
    codeCalls: 0,
    usage: { promptTokens: 2, sampledTokens: 2, observationTokens: 0 },
    timing: { totalMs: 0, generateMs: 0, execMs: 0 },
    trajectory: { promptTokens: [1, 2], tokens: [3, 4], mask: [1, 1], logprobs: [-1, -1] },
  };
}

/** A step's metrics input for scored groups, with no rollout timing and nothing trained, at step 1. */
export function stepMetricsInput(scored: readonly ScoredGroup[]): StepMetricsInput {
  return {
    step: 1,
    stage: 1,
    scored,
    trainedGroups: scored.length,
    rollouts: { groups: [], wallSeconds: 1, generationSeconds: 1, executionSeconds: 0, hiddenExecution: null },
    trained: nothingTrained(),
    learningRate: 1e-4,
    samplingCost: 1,
  };
}
