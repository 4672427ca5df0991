// Trajectory → sequence: exactly the sampled tokens carry weight (and logprobs); prompt and
// interpreter output carry none unless asked.
import { describe, expect, it } from 'vitest';
import { trajectoryToSequence } from './sequence.js';

const trajectory = {
  promptTokens: [10, 11, 12],
  tokens: [20, 21, 30, 31, 22],
  mask: [1, 1, 0, 0, 1],
  logprobs: [-0.1, -0.2, 0, 0, -0.3],
};

describe('trajectoryToSequence', () => {
  it('weights sampled tokens only, with their logprobs, aligned to targets', () => {
    expect(trajectoryToSequence(trajectory)).toEqual({
      tokens: [10, 11, 12, 20, 21, 30, 31, 22],
      weights: [0, 0, 1, 1, 0, 0, 1],
      logprobs: [0, 0, -0.1, -0.2, 0, 0, -0.3],
    });
  });
  it('trains on interpreter output when asked, and spreads an advantage over weighted targets', () => {
    const sequence = trajectoryToSequence(trajectory, { trainOnObservation: true, advantage: 0.5 });
    expect(sequence.weights).toEqual([0, 0, 1, 1, 1, 1, 1]);
    expect(sequence.advantages).toEqual([0, 0, 0.5, 0.5, 0.5, 0.5, 0.5]);
    expect(sequence.logprobs).toEqual([0, 0, -0.1, -0.2, 0, 0, -0.3]);
  });
});
