// The nouns of r1ci's verification service: a question named by (task, seed, index, options) or
// given whole as an exported record, a response to score, and the verdict that comes back.
import type { TaskInstance, VerifyOutcome } from '../tasks/index.js';

/**
 * One response to score, on the wire (snake_case for Python clients). Either `task_id` + `index`
 * (+ `seed`, `options`) names a generated question, or `question` is a record from `r1ci tasks export`.
 */
export type VerifyItem = {
  /** The model's whole response; the answer is read from its last <<<…>>>. */
  response: string;
  task_id?: string;
  seed?: number;
  index?: number;
  /** Task options the question was generated with (default: the task's defaults). */
  options?: Record<string, unknown>;
  /** A question record as `r1ci tasks export` writes it (jsonl format); used as is. */
  question?: TaskInstance;
};

export type VerifyBatchRequest = { items: VerifyItem[] };

/** A verdict: `correct` is what RL rewards, `score` in [0, 1]. */
export type VerifyVerdict = { correct: boolean; score: number; outcome: VerifyOutcome; detail?: string };

export type VerifyBatchResponse = { results: VerifyVerdict[] };
