// The paper's v2 reward with each term configurable: +1 for a correct answer, +0.1 when every turn
// follows the format and −0.1 when not, −0.1 when the answer took more than 6 turns.
import type { Episode } from '../../agent/index.js';

export type RewardOptions = {
  /** Reward of a correct answer (paper: 1). */
  correct?: number;
  /** Added when the format is followed (paper v2: 0.1; 0 turns the term off). */
  formatBonus?: number;
  /** Added when it is not (paper v2: −0.1). */
  formatPenalty?: number;
  /** Added when the episode used more than `maxTurns` turns (paper v2: −0.1). */
  turnPenalty?: number;
  /** Turns allowed before the penalty (paper v2: 6). */
  maxTurns?: number;
};

export type ResolvedRewardConfig = Readonly<Required<RewardOptions>>;

export const REWARD_DEFAULTS: ResolvedRewardConfig = Object.freeze({ correct: 1, formatBonus: 0.1, formatPenalty: -0.1, turnPenalty: -0.1, maxTurns: 6 });

/** What the reward looks at in an episode. */
export type RewardInput = { correct: boolean; formatOk: boolean; turns: number };

/** The reward and its terms (total = correct + format + turns). */
export type RewardTerms = { total: number; correct: number; format: number; turns: number };

export function computeReward(input: RewardInput, config: ResolvedRewardConfig = REWARD_DEFAULTS): RewardTerms {
  const correct = input.correct ? config.correct : 0;
  const format = input.formatOk ? config.formatBonus : config.formatPenalty;
  const turns = input.turns > config.maxTurns ? config.turnPenalty : 0;
  return { total: correct + format + turns, correct, format, turns };
}

/**
 * The format is followed when the episode ended by giving a <<<final answer>>> and no turn wrote
 * past a closed code block (every code call stopped where the protocol says to stop).
 */
export function isFormatFollowed(episode: Pick<Episode, 'stopReason' | 'turns'>): boolean {
  return episode.stopReason === 'final-answer' && episode.turns.every((turn) => !turn.discarded);
}

/** The reward of a finished episode: turns are generation calls (a code call ends a turn). */
export function computeEpisodeReward(episode: Pick<Episode, 'stopReason' | 'turns' | 'verdict'>, config: ResolvedRewardConfig = REWARD_DEFAULTS): RewardTerms {
  return computeReward({ correct: episode.verdict.correct, formatOk: isFormatFollowed(episode), turns: episode.turns.length }, config);
}
