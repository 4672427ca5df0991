// Evaluation metrics over finished episodes: per-task accuracy, the mean over tasks (the paper's
// metric), pass@k, code use, code-call and stop-reason histograms, tokens, errors, self-checks.
// Episodes that infrastructure ended are never scored: they are counted apart.
import { normalizeText } from '../tasks/index.js';
import { isInfrastructureStop, type Episode, type StopReason } from '../agent/index.js';

export type TaskMetrics = {
  taskId: string;
  episodes: number;
  questions: number;
  /** Mean correctness over all episodes of the task (= pass@1). */
  accuracy: number;
  /** Unbiased pass@k over questions, for k = the number of samples per question. */
  passAtK: number;
  codeUseRate: number;
  meanCodeCalls: number;
};

export type EvalMetrics = {
  /** Mean over tasks of per-task accuracy: the paper's headline metric. */
  meanAccuracy: number;
  /** Accuracy pooled over all episodes. */
  pooledAccuracy: number;
  k: number;
  meanPassAtK: number;
  episodes: number;
  tasks: TaskMetrics[];
  codeUseRate: number;
  meanCodeCalls: number;
  /** Episodes by number of code calls (index = calls). */
  codeCallHistogram: number[];
  stopReasons: Partial<Record<StopReason, number>>;
  meanSampledTokens: number;
  meanObservationTokens: number;
  errors: { count: number; examples: string[] };
  /**
   * Share of code-using episodes that made ≥2 calls and whose final answer already appeared in the output of an
   * earlier call (isSelfCheck).
   */
  selfCheckRate: number;
  /** Episodes that infrastructure ended (sandbox, backend): in no other figure; a rerun redoes them. */
  infrastructureFailures: { count: number; stopReasons: Partial<Record<StopReason, number>>; examples: string[] };
};

/** 1 − C(n−c, k)/C(n, k): the chance that at least one of k samples drawn from n is correct. */
export function passAtK(n: number, c: number, k: number): number {
  if (k > n) k = n;
  if (n - c < k) return 1;
  let product = 1;
  for (let i = n - c + 1; i <= n; i++) product *= 1 - k / i;
  return 1 - product;
}

/**
 * The self-check rule: an episode checks itself when it made at least two code calls and its
 * final answer (normalised) already appeared in the output of a code call before the last one,
 * so the last call(s) re-checked an answer the model already had.
 */
export function isSelfCheck(episode: Episode): boolean {
  if (episode.codeCalls < 2 || episode.answer === null) return false;
  const answer = normalizeText(episode.answer);
  if (!answer) return false;
  const outputs = episode.turns.filter((turn) => turn.exec).map((turn) => turn.exec!.stdout);
  return outputs.slice(0, -1).some((out) => normalizeText(out).includes(answer));
}

const mean = (values: number[]): number => (values.length ? values.reduce((a, b) => a + b, 0) / values.length : 0);

/** Metrics over episodes that ran to a model-caused end; infrastructure stops are only counted. */
export function computeMetrics(all: readonly Episode[]): EvalMetrics {
  const episodes = all.filter((e) => !isInfrastructureStop(e.stopReason));
  const infrastructure = all.filter((e) => isInfrastructureStop(e.stopReason));
  const byTask = new Map<string, Episode[]>();
  for (const episode of episodes)
    (byTask.get(episode.taskId) ?? byTask.set(episode.taskId, []).get(episode.taskId)!).push(episode);
  const k = Math.max(1, ...episodes.map((e) => e.sample + 1));
  const tasks: TaskMetrics[] = [...byTask.entries()]
    .sort(([a], [b]) => a.localeCompare(b))
    .map(([taskId, list]) => {
      const byQuestion = new Map<number, Episode[]>();
      for (const e of list) (byQuestion.get(e.index) ?? byQuestion.set(e.index, []).get(e.index)!).push(e);
      const passes = [...byQuestion.values()].map((q) =>
        passAtK(q.length, q.filter((e) => e.verdict.correct).length, k),
      );
      return {
        taskId,
        episodes: list.length,
        questions: byQuestion.size,
        accuracy: mean(list.map((e) => (e.verdict.correct ? 1 : 0))),
        passAtK: mean(passes),
        codeUseRate: mean(list.map((e) => (e.codeCalls > 0 ? 1 : 0))),
        meanCodeCalls: mean(list.map((e) => e.codeCalls)),
      };
    });
  const histogram: number[] = [];
  for (const e of episodes) histogram[e.codeCalls] = (histogram[e.codeCalls] ?? 0) + 1;
  const stopReasons = countStopReasons(episodes);
  const failed = episodes.filter((e) => e.error);
  return {
    meanAccuracy: mean(tasks.map((t) => t.accuracy)),
    pooledAccuracy: mean(episodes.map((e) => (e.verdict.correct ? 1 : 0))),
    k,
    meanPassAtK: mean(tasks.map((t) => t.passAtK)),
    episodes: episodes.length,
    tasks,
    codeUseRate: mean(episodes.map((e) => (e.codeCalls > 0 ? 1 : 0))),
    meanCodeCalls: mean(episodes.map((e) => e.codeCalls)),
    codeCallHistogram: Array.from(histogram, (v) => v ?? 0),
    stopReasons,
    meanSampledTokens: mean(episodes.map((e) => e.usage.sampledTokens)),
    meanObservationTokens: mean(episodes.map((e) => e.usage.observationTokens)),
    errors: {
      count: failed.length,
      examples: [...new Set(failed.map((e) => `${e.stopReason}: ${e.error}`))].slice(0, 10),
    },
    selfCheckRate: mean(episodes.filter((e) => e.codeCalls >= 1).map((e) => (isSelfCheck(e) ? 1 : 0))),
    infrastructureFailures: {
      count: infrastructure.length,
      stopReasons: countStopReasons(infrastructure),
      examples: [...new Set(infrastructure.map((e) => `${e.stopReason}: ${e.error ?? 'no message'}`))].slice(0, 10),
    },
  };
}

function countStopReasons(episodes: readonly Episode[]): Partial<Record<StopReason, number>> {
  const counts: Partial<Record<StopReason, number>> = {};
  for (const e of episodes) counts[e.stopReason] = (counts[e.stopReason] ?? 0) + 1;
  return counts;
}
