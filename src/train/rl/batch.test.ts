// Loss aggregation by hand: two answers with 2 and 4 trained targets (and one masked target).
import { describe, expect, it } from 'vitest';
import { buildDatums, computeEpisodeAdvantages, shuffleRewards, type ScoredGroup } from './batch.js';
import { resolveRlConfig } from './config.js';
import type { TrainSequence } from '../types.js';

const short: TrainSequence = { tokens: [1, 2, 3, 4], weights: [0, 1, 1], logprobs: [0, -1, -1] };
const long: TrainSequence = { tokens: [1, 2, 3, 4, 5, 6], weights: [1, 1, 0, 1, 1], logprobs: [-1, -1, 0, -1, -1] };
const advantages = [
  [1, 1, 1],
  [-1, -1, -1, -1, -1],
];
const advantagesOf = (aggregation: 'token-mean' | 'sequence-mean') =>
  buildDatums([short, long], advantages, undefined, aggregation).data.map((d) => d.loss_fn_inputs.advantages!.data);

describe('buildDatums aggregation', () => {
  it('token-mean divides every trained token by the batch total (6)', () => {
    const [a, b] = advantagesOf('token-mean');
    expect(a).toEqual([0, 1 / 6, 1 / 6]);
    expect(b).toEqual([-1 / 6, -1 / 6, 0, -1 / 6, -1 / 6]);
    expect(buildDatums([short, long], advantages).data[0].loss_fn_inputs.advantages!.data).toEqual(a); // the default
  });

  it('sequence-mean gives each answer the same total weight, whatever its length', () => {
    const [a, b] = advantagesOf('sequence-mean');
    expect(a).toEqual([0, 1 / 4, 1 / 4]); // 1 / (2 tokens × 2 answers)
    expect(b).toEqual([-1 / 8, -1 / 8, 0, -1 / 8, -1 / 8]); // −1 / (4 tokens × 2 answers)
    expect(a.reduce((x, y) => x + y, 0)).toBeCloseTo(-b.reduce((x, y) => x + y, 0), 12);
  });
});

describe('resolveRlConfig, the loss options', () => {
  it('defaults to the paper (token-mean, std-normalised, full fine-tuning) and names a bad value with its fix', () => {
    const config = resolveRlConfig();
    expect([config.lossAggregation, config.divideByStd, config.loraRank]).toEqual(['token-mean', true, 0]);
    expect(() => resolveRlConfig({ lossAggregation: 'mean' as never })).toThrow(
      /rl.lossAggregation: bad value "mean" \(use token-mean or sequence-mean\)/,
    );
    expect(() => resolveRlConfig({ loraRank: -1 })).toThrow(/rl.loraRank: bad value -1/);
    expect([
      resolveRlConfig().reward.correctness,
      resolveRlConfig({ reward: { correctness: 'partial' } }).reward.correctness,
    ]).toEqual(['binary', 'partial']);
    expect(() => resolveRlConfig({ reward: { correctness: 'half' as never } })).toThrow(
      /rl.reward.correctness: bad value "half" \(use binary or partial\)/,
    );
  });
});

describe('computeEpisodeAdvantages without the std', () => {
  it('keeps small reward differences small (Dr. GRPO) where GRPO scales them to ±1', () => {
    const group = (totals: number[]) => ({
      key: 'q',
      episodes: [],
      rewards: totals.map((total) => ({ total, correct: 0, format: total, turns: 0, code: 0 })),
    });
    const formatOnly = [group([0.1, -0.1, 0.1, -0.1])];
    const withStd = computeEpisodeAdvantages(formatOnly, [], 'grpo');
    const meanOnly = computeEpisodeAdvantages(formatOnly, [], 'grpo', false);
    expect(withStd[0]).toBeCloseTo(0.1 / Math.sqrt(0.04 / 3), 4); // 0.1 / sample std 0.1155 ≈ 0.866
    expect(meanOnly).toEqual([0.1, -0.1, 0.1, -0.1].map((r) => expect.closeTo(r, 12)));
  });
});

describe('the shuffled-reward control', () => {
  const scored = (key: string, totals: number[]): ScoredGroup => ({
    key,
    episodes: [],
    rewards: totals.map((total) => ({ total, correct: total, format: 0, turns: 0, code: 0 })),
  });
  const groups = [scored('q1', [1, 1, 0, 0, 1]), scored('q2', [0, 0, 0, 0, 1]), scored('q3', [1, 0, 1, 0, 1])];
  it('deals the same rewards back in another order, the same way every time for the same seed', () => {
    const dealt = shuffleRewards(groups, 3);
    const totals = (gs: readonly ScoredGroup[]) => gs.flatMap((g) => g.rewards.map((r) => r.total));
    expect([...totals(dealt)].sort()).toEqual([...totals(groups)].sort());
    expect(dealt.map((g) => g.rewards.length)).toEqual([5, 5, 5]);
    expect(totals(dealt)).not.toEqual(totals(groups));
    expect(totals(shuffleRewards(groups, 3))).toEqual(totals(dealt));
    expect(totals(shuffleRewards(groups, 4))).not.toEqual(totals(dealt));
  });
});
