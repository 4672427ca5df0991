// The batch-shaping options by hand: DAPO's dynamic sampling keeps the batch at its size, overlong
// masking zeroes truncated answers' loss (not their place in the baseline), REINFORCE++ with a group
// baseline, and the learning-rate schedule.
import { describe, expect, it } from 'vitest';
import { fakeEpisode as episode } from '../../../test/helpers/episodes.js';
import { computeEpisodeAdvantages, scoreGroups, sequencesOf } from './batch.js';
import { resolveRlConfig } from './config.js';
import { collectStepBatch } from './dynamic-sampling.js';
import type { QuestionRef, RolloutResult } from './rollouts.js';
import { computeRlLearningRate } from './schedule.js';

/** Rollouts where question q's answers are correct by pattern[q]: 'all', 'none' or 'mixed'. */
function rollouts(keys: string[], pattern: (key: string) => 'all' | 'none' | 'mixed'): RolloutResult {
  const groups = keys.map((key) => {
    const kind = pattern(key);
    return {
      key,
      episodes: [0, 1].map((i) => episode(`${key}/${i}`, kind === 'all' || (kind === 'mixed' && i === 0))),
    };
  });
  return { groups, wallSeconds: 1, generationSeconds: 1, executionSeconds: 1, hiddenExecution: 1 };
}

const pool: QuestionRef[] = Array.from({ length: 20 }, (_, index) => ({ taskId: 't', index, seed: 0 }));
const keyOf = (q: QuestionRef) => `q${q.index}`;

describe('dynamic sampling (DAPO)', () => {
  const config = resolveRlConfig({
    groupSize: 2,
    questionsPerStep: 4,
    filterUniformGroups: true,
    dynamicSampling: true,
    maxSamplingRounds: 8,
  });
  // Even-indexed questions are answered the same way by every answer (filtered); odd ones vary.
  const pattern = (key: string) => (Number(key.slice(1)) % 2 === 0 ? 'all' : 'mixed');

  it('refills filtered groups until the batch has questionsPerStep groups; reports the extra sampling', async () => {
    const first = rollouts(['q0', 'q1', 'q2', 'q4'], pattern); // one group of four trains
    const rounds: number[] = [];
    const batch = await collectStepBatch(first, pool, 1, config, async (questions, round) => {
      rounds.push(round);
      return rollouts(questions.map(keyOf), pattern);
    });
    expect(batch.training).toHaveLength(4);
    expect(batch.training.every((g) => pattern(g.key) === 'mixed')).toBe(true);
    const generated = batch.scored.length * 2;
    expect(batch.samplingCost).toBe(generated / 8);
    expect(batch.samplingCost).toBeGreaterThan(1);
    expect(rounds[0]).toBe(1);
    expect(batch.rollouts.wallSeconds).toBe(1 + rounds.length);
  });

  it('stops after maxSamplingRounds and trains what it has; without it the batch just shrinks', async () => {
    const uniform = () => 'none' as const;
    const capped = await collectStepBatch(
      rollouts(['q0', 'q1', 'q2', 'q3'], uniform),
      pool,
      1,
      { ...config, maxSamplingRounds: 3 },
      async (qs) => rollouts(qs.map(keyOf), uniform),
    );
    expect(capped.training).toHaveLength(0);
    expect(capped.scored).toHaveLength(12); // 3 rounds of 4 questions
    const plain = await collectStepBatch(
      rollouts(['q0', 'q1', 'q2', 'q4'], pattern),
      pool,
      1,
      resolveRlConfig({ groupSize: 2, questionsPerStep: 4, filterUniformGroups: true }),
      async () => {
        throw new Error('no refill without dynamic sampling');
      },
    );
    expect(plain.training).toHaveLength(1);
    expect(plain.samplingCost).toBe(4);
  });

  it('needs uniform-group filtering', () => {
    expect(() => resolveRlConfig({ dynamicSampling: true })).toThrow(/rl.dynamicSampling.*--filter-uniform/);
  });
});

describe('overlong masking', () => {
  it('gives a truncated answer no loss, while it still counts in the group baseline', () => {
    const group = [episode('a', true), episode('b', false, 'max-tokens'), episode('c', false)];
    for (const maskTruncated of [false, true]) {
      const config = resolveRlConfig({ maskTruncated });
      const scored = scoreGroups([{ key: 'q', episodes: group }], config);
      const sequences = sequencesOf(scored, config);
      expect(sequences.map((s) => s.weights)).toEqual([[0, 1, 1], maskTruncated ? [0, 0, 0] : [0, 1, 1], [0, 1, 1]]);
      // Rewards 1.1, −0.1, −0.1 either way: the baseline (mean 0.3) is unchanged.
      expect(computeEpisodeAdvantages(scored, sequences, 'grpo', false).map((a) => +a.toFixed(6))).toEqual([
        0.8, -0.4, -0.4,
      ]);
    }
  });
});

describe('REINFORCE++ with a group baseline', () => {
  it("subtracts each group's mean, then whitens over the batch", () => {
    const config = resolveRlConfig({ estimator: 'reinforce++-baseline' });
    // Group 1 rewards 1.1, −0.1 (mean 0.5); group 2 rewards 1.1, 1.1 (mean 1.1): centred 0.6, −0.6, 0, 0.
    const scored = scoreGroups(
      [
        { key: 'a', episodes: [episode('a', true), episode('b', false)] },
        { key: 'b', episodes: [episode('c', true), episode('d', true)] },
      ],
      config,
    );
    const sequences = sequencesOf(scored, config);
    // Whitening counts every answer once per trained token (2 each): std = √(2·(0.36 + 0.36) / (8 − 1)).
    const std = Math.sqrt((2 * 0.72) / 7);
    expect(computeEpisodeAdvantages(scored, sequences, 'reinforce++-baseline').map((a) => +a.toFixed(4) + 0)).toEqual(
      [0.6 / std, -0.6 / std, 0, 0].map((a) => +a.toFixed(4) + 0),
    );
    // Plain REINFORCE++ would rank group 2's answers above group 1's correct one.
    expect(computeEpisodeAdvantages(scored, sequences, 'reinforce++')[2]).toBeGreaterThan(0);
  });
});

describe('the RL learning-rate schedule', () => {
  it('warms up linearly, then stays constant or decays toward 0, reached one step after the last', () => {
    const at = (lrSchedule: 'constant' | 'linear' | 'cosine', steps = [1, 2, 3, 4, 5, 6]) =>
      steps.map(
        (step) => +computeRlLearningRate(step, { learningRate: 1, lrSchedule, warmupSteps: 2, steps: 6 }).toFixed(4),
      );
    expect(at('constant')).toEqual([0.3333, 0.6667, 1, 1, 1, 1]);
    expect(at('linear')).toEqual([0.3333, 0.6667, 1, 0.75, 0.5, 0.25]);
    expect(at('cosine')).toEqual([0.3333, 0.6667, 1, 0.8536, 0.5, 0.1464]);
    expect([...at('linear', [7]), ...at('cosine', [7])]).toEqual([0, 0]); // one step past the last
    expect(resolveRlConfig().lrSchedule).toBe('constant');
  });
});
