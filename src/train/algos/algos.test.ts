// Hand-computed numbers for the RL algorithms: advantages of a group of 5 rewards under each
// estimator, GAE on a short trajectory, the v2 reward terms, uniform-group filtering.
import { describe, expect, it } from 'vitest';
import {
  computeGae,
  computeGrpoAdvantages,
  computeReinforcePlusPlusAdvantages,
  computeWhitened,
} from './advantages.js';
import { filterUniformGroups } from './filter.js';
import { computeEpisodeReward, computeReward, REWARD_DEFAULTS } from './reward.js';

const close = (actual: number[], expected: number[]) => {
  expect(actual.length).toBe(expected.length);
  actual.forEach((value, i) => expect(value).toBeCloseTo(expected[i], 5));
};

describe('advantages of a group of 5 rewards', () => {
  // rewards 2,0,0,1,2: mean 1; deviations 1,−1,−1,0,1; squares sum 4; sample variance 4/4 = 1.
  const rewards = [2, 0, 0, 1, 2];
  it('GRPO normalises within the group', () => {
    close(computeGrpoAdvantages(rewards), [1, -1, -1, 0, 1]);
    // v2 rewards 1.1, −0.1, 0.1, 1.1, −0.2: mean 0.4; deviations .7, −.5, −.3, .7, −.6;
    // squares .49+.25+.09+.49+.36 = 1.68; variance .42; std 0.648074.
    const std = Math.sqrt(0.42);
    close(computeGrpoAdvantages([1.1, -0.1, 0.1, 1.1, -0.2]), [
      0.7 / std,
      -0.5 / std,
      -0.3 / std,
      0.7 / std,
      -0.6 / std,
    ]);
    close(computeGrpoAdvantages(rewards, { divideByStd: false }), [1, -1, -1, 0, 1]);
    close(computeGrpoAdvantages([1, 1, 1, 1, 1]), [0, 0, 0, 0, 0]);
  });
  it('REINFORCE++ normalises over the batch, per answer or per trained token', () => {
    close(computeReinforcePlusPlusAdvantages(rewards), [1, -1, -1, 0, 1]);
    // Token-weighted: lengths 3,1,1,1,2 → weighted mean (6+0+0+1+4)/8 = 11/8 = 1.375;
    // squares 3·.625² + (1.375²)·2 + .375² + 2·.625² = 1.171875+3.78125+.140625+.78125 = 5.875; var 5.875/7.
    const std = Math.sqrt(5.875 / 7);
    close(computeReinforcePlusPlusAdvantages(rewards, [3, 1, 1, 1, 2]), [
      0.625 / std,
      -1.375 / std,
      -1.375 / std,
      -0.375 / std,
      0.625 / std,
    ]);
  });
  it('REINFORCE++ differs from GRPO once the batch holds two groups', () => {
    // Batch 1,0 | 1,1: mean .75, squares .0625·3 + .5625 = .75, var .25, std .5.
    close(computeReinforcePlusPlusAdvantages([1, 0, 1, 1]), [0.5, -1.5, 0.5, 0.5]);
    close(
      [...computeGrpoAdvantages([1, 0]), ...computeGrpoAdvantages([1, 1])],
      [1 / Math.SQRT2, -1 / Math.SQRT2, 0, 0],
    );
  });
  it('PPO: GAE with γ = λ = 1 gives reward-to-go minus value, for each of 5 answers of one token', () => {
    const values = [0.5, 0.2, 0.1, 0.4, 1.0];
    const perAnswer = rewards.map((r, i) => computeGae([r], [values[i]]));
    close(
      perAnswer.map((g) => g.advantages[0]),
      [1.5, -0.2, -0.1, 0.6, 1.0],
    );
    close(
      perAnswer.map((g) => g.returns[0]),
      rewards,
    );
  });
});

describe('GAE on a short trajectory', () => {
  it('matches the recursion by hand (γ = 0.9, λ = 0.5)', () => {
    // rewards 0,0,1; values .5,.6,.7; V after the end 0.
    // δ2 = 1 − .7 = .3;  δ1 = 0 + .9·.7 − .6 = .03;  δ0 = 0 + .9·.6 − .5 = .04
    // A2 = .3;  A1 = .03 + .45·.3 = .165;  A0 = .04 + .45·.165 = .11425
    const { advantages, returns } = computeGae([0, 0, 1], [0.5, 0.6, 0.7], { gamma: 0.9, lambda: 0.5 });
    close(advantages, [0.11425, 0.165, 0.3]);
    close(returns, [0.61425, 0.765, 1.0]);
  });
  it('with γ = λ = 1 each token advantage is the final reward minus its value', () => {
    close(computeGae([0, 0, 0, 1], [0.1, 0.2, 0.3, 0.4]).advantages, [0.9, 0.8, 0.7, 0.6]);
  });
  it('whitening over a batch', () => {
    // values 1,3 | 5: mean 3, sample var (4+0+4)/2 = 4, std 2.
    const out = computeWhitened([[1, 3], [5]], 0);
    close(out[0], [-1, 0]);
    close(out[1], [1]);
  });
});

describe('the v2 reward', () => {
  it('adds its terms', () => {
    expect(computeReward({ correct: true, formatOk: true, turns: 3 })).toEqual({
      total: 1.1,
      correct: 1,
      format: 0.1,
      turns: 0,
      code: 0,
    });
    expect(computeReward({ correct: false, formatOk: false, turns: 7 })).toEqual({
      total: -0.2,
      correct: 0,
      format: -0.1,
      turns: -0.1,
      code: 0,
    });
    expect(computeReward({ correct: true, formatOk: true, turns: 6 }).turns).toBe(0);
    expect(computeReward({ correct: true, formatOk: false, turns: 9 }).total).toBeCloseTo(0.8, 10);
  });
  it('each term is configurable (correctness only, as in v1)', () => {
    const v1 = { ...REWARD_DEFAULTS, formatBonus: 0, formatPenalty: 0, turnPenalty: 0 };
    expect(computeReward({ correct: false, formatOk: false, turns: 9 }, v1)).toEqual({
      total: 0,
      correct: 0,
      format: 0,
      turns: 0,
      code: 0,
    });
    expect(
      computeReward({ correct: true, formatOk: true, turns: 3 }, { ...v1, correct: 2, maxTurns: 2, turnPenalty: -0.5 })
        .total,
    ).toBe(1.5);
  });
  it('a code cost is paid once per code call; without code calls it is nothing', () => {
    const costly = { ...REWARD_DEFAULTS, codePenalty: -0.3 };
    expect(computeReward({ correct: true, formatOk: true, turns: 3, codeCalls: 2 }, costly).total).toBeCloseTo(0.5, 10);
    expect(computeReward({ correct: true, formatOk: true, turns: 1, codeCalls: 0 }, costly).total).toBeCloseTo(1.1, 10);
    expect(computeReward({ correct: true, formatOk: true, turns: 3, codeCalls: 2 }).code).toBe(0);
  });
  it("'partial' pays the verdict's score: a Reasoning-Gym 0.65 earns 0.65 of the answer term", () => {
    const partial = { ...REWARD_DEFAULTS, correctness: 'partial' as const };
    expect(computeReward({ correct: false, score: 0.65, formatOk: true, turns: 2 }, partial)).toEqual({
      total: 0.75,
      correct: 0.65,
      format: 0.1,
      turns: 0,
      code: 0,
    });
    expect(
      computeReward({ correct: true, score: 1, formatOk: false, turns: 2 }, { ...partial, correct: 2 }).correct,
    ).toBe(2);
    // binary ignores it
    expect(computeReward({ correct: false, score: 0.65, formatOk: true, turns: 2 }).correct).toBe(0);
    const turn = { text: 'x', finishReason: { unified: 'stop' as const, raw: 'stop' } };
    const near = { correct: false, score: 0.01, outcome: 'wrong' as const };
    expect(computeEpisodeReward({ stopReason: 'final-answer', turns: [turn], verdict: near }, partial).correct).toBe(
      0.01,
    );
  });
  it('reads format and turns from an episode', () => {
    const turn = { text: 'x', finishReason: { unified: 'stop' as const, raw: 'stop' } };
    const correct = { correct: true, score: 1, outcome: 'correct' as const };
    expect(
      computeEpisodeReward({ stopReason: 'final-answer', turns: [turn, turn], verdict: correct }).total,
    ).toBeCloseTo(1.1, 10);
    expect(
      computeEpisodeReward({ stopReason: 'final-answer', turns: [{ ...turn, discarded: 'more' }], verdict: correct })
        .format,
    ).toBe(-0.1);
    expect(
      computeEpisodeReward({
        stopReason: 'max-tokens',
        turns: Array(7).fill(turn),
        verdict: { correct: false, score: 0, outcome: 'no-answer' },
      }),
    ).toEqual({ total: -0.2, correct: 0, format: -0.1, turns: -0.1, code: 0 });
  });
});

describe('filtering uniform groups', () => {
  it('drops groups whose rewards are all equal', () => {
    const groups = [
      { id: 'a', r: [1, 1, 1, 1, 1] },
      { id: 'b', r: [1, 0, 1, 1, 1] },
      { id: 'c', r: [-0.1, -0.1, -0.1, -0.1, -0.1] },
    ];
    expect(filterUniformGroups(groups, (g) => g.r).map((g) => g.id)).toEqual(['b']);
  });
});
