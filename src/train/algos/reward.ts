// The paper's v2 reward with each term configurable: +1 for a correct answer, +0.1 when every turn
// follows the format and −0.1 when not, −0.1 when the answer took more than 6 turns. With
// `correctness: 'partial'` the first term is `correct` × the verdict's score (the task's partial credit).
// A code cost (not in the paper, default 0) makes every code call pay, so running code is worth it
// only where it changes the answer.
import type { Episode } from '../../agent/index.js';

/** What the answer term pays: the binary verdict (paper) or the verdict's score in [0, 1]. */
export type RewardCorrectness = 'binary' | 'partial';

export type RewardOptions = {
  /** Reward of a correct answer (paper: 1). */
  correct?: number;
  /**
   * 'binary' (paper): `correct` when the verdict is correct, else 0. 'partial': `correct` × the
   * verdict's score, so answers a task gives partial credit to (Reasoning-Gym's scorers) earn part of it.
   */
  correctness?: RewardCorrectness;
  /** Added when the format is followed (paper v2: 0.1; 0 turns the term off). */
  formatBonus?: number;
  /** Added when it is not (paper v2: −0.1). */
  formatPenalty?: number;
  /** Added when the episode used more than `maxTurns` turns (paper v2: −0.1). */
  turnPenalty?: number;
  /** Turns allowed before the penalty (paper v2: 6). */
  maxTurns?: number;
  /** Added once per code call (default 0, as in the paper; e.g. −0.3 makes code a cost to weigh). */
  codePenalty?: number;
};

export type ResolvedRewardConfig = Readonly<Required<RewardOptions>>;

export const REWARD_DEFAULTS: ResolvedRewardConfig = Object.freeze({
  correct: 1,
  correctness: 'binary',
  formatBonus: 0.1,
  formatPenalty: -0.1,
  turnPenalty: -0.1,
  maxTurns: 6,
  codePenalty: 0,
});

/** What the reward looks at in an episode; `score` (default: 1 when correct, else 0) is read by 'partial'. */
export type RewardInput = { correct: boolean; score?: number; formatOk: boolean; turns: number; codeCalls?: number };

/** The reward and its terms (total = correct + format + turns + code). */
export type RewardTerms = { total: number; correct: number; format: number; turns: number; code: number };

export function computeReward(input: RewardInput, config: ResolvedRewardConfig = REWARD_DEFAULTS): RewardTerms {
  const credit =
    config.correctness === 'partial'
      ? Math.min(1, Math.max(0, input.score ?? (input.correct ? 1 : 0)))
      : input.correct
        ? 1
        : 0;
  const correct = credit * config.correct;
  const format = input.formatOk ? config.formatBonus : config.formatPenalty;
  const turns = input.turns > config.maxTurns ? config.turnPenalty : 0;
  const code = (input.codeCalls ?? 0) * config.codePenalty;
  return { total: correct + format + turns + code, correct, format, turns, code };
}

/**
 * The format is followed when the episode ended by giving a <<<final answer>>> and no turn wrote
 * past a closed code block (every code call stopped where the protocol says to stop).
 */
export function isFormatFollowed(episode: Pick<Episode, 'stopReason' | 'turns'>): boolean {
  return episode.stopReason === 'final-answer' && episode.turns.every((turn) => !turn.discarded);
}

/** The reward of a finished episode: turns are generation calls (a code call ends a turn). */
export function computeEpisodeReward(
  episode: Pick<Episode, 'stopReason' | 'turns' | 'verdict'> & { codeCalls?: number },
  config: ResolvedRewardConfig = REWARD_DEFAULTS,
): RewardTerms {
  const { correct, score } = episode.verdict;
  return computeReward(
    { correct, score, formatOk: isFormatFollowed(episode), turns: episode.turns.length, codeCalls: episode.codeCalls },
    config,
  );
}
