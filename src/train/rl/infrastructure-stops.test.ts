// Episodes that ended because the backend or the sandbox failed are not the policy's doing: they are
// dropped from the RL batch (no reward, no advantage, no gradient) and counted in the step's metrics.
import { describe, expect, it } from 'vitest';
import { fakeEpisode, stepMetricsInput } from '../../../test/helpers/episodes.js';
import { minimalDatums } from '../minimal-grpo.js';
import { scoreGroups, selectTrainingGroups } from './batch.js';
import { resolveRlConfig } from './config.js';
import { computeStepMetrics } from './step-metrics.js';

const group = [
  fakeEpisode('a', true, 'final-answer'),
  fakeEpisode('b', false, 'no-answer'),
  fakeEpisode('c', false, 'backend-error'),
  fakeEpisode('d', false, 'sandbox-error'),
];
describe('infrastructure-failed episodes in RL', () => {
  const config = resolveRlConfig();
  const scored = scoreGroups([{ key: 'q', episodes: group }], config);

  it('are dropped from the training groups, so they take no part in the group baseline', () => {
    const selected = selectTrainingGroups(scored, config);
    expect(selected[0].episodes.map((e) => e.id)).toEqual(['a', 'b']);
    expect(selected[0].rewards.map((r) => +r.total.toFixed(3))).toEqual([1.1, -0.1]);
  });

  it('are counted in the step metrics and left out of its reward and accuracy', () => {
    const metrics = computeStepMetrics(stepMetricsInput(scored));
    expect(metrics.episodes).toBe(4);
    expect(metrics.infrastructureStops).toBe(2);
    expect(metrics.accuracy).toBe(0.5);
    expect(metrics.reward).toBeCloseTo(0.5, 12);
  });

  it('are dropped by the minimal loop too (the spec)', () => {
    const { data } = minimalDatums([group]);
    expect(data).toHaveLength(2);
  });
});
