// A step's metrics broken down by task: each task's rates come from its own episodes only.
import { describe, expect, it } from 'vitest';
import { fakeEpisode, stepMetricsInput } from '../../../test/helpers/episodes.js';
import type { Episode } from '../../agent/index.js';
import { scoreGroups } from './batch.js';
import { resolveRlConfig } from './config.js';
import { renderRlCharts } from './report.js';
import { computeStepMetrics } from './step-metrics.js';
import type { StepMetrics } from './types.js';

function episode(id: string, taskId: string, correct: boolean, codeCalls: number, stop?: Episode['stopReason']) {
  return { ...fakeEpisode(id, correct, stop), taskId, codeCalls };
}

describe('step metrics per task', () => {
  const config = resolveRlConfig();
  const scored = scoreGroups(
    [
      {
        key: 'b#0',
        episodes: [episode('b1', 'b', true, 1), episode('b2', 'b', true, 1), episode('b3', 'b', false, 0)],
      },
      { key: 'a#0', episodes: [episode('a1', 'a', false, 0), episode('a2', 'a', false, 0, 'sandbox-error')] },
    ],
    config,
  );
  const metrics = computeStepMetrics(stepMetricsInput(scored));

  it("gives each task its own accuracy, code use and reward, in task order, without the outage's episode", () => {
    expect(Object.keys(metrics.tasks)).toEqual(['a', 'b']);
    expect(metrics.tasks.a).toMatchObject({ episodes: 1, accuracy: 0, codeUseRate: 0 });
    expect(metrics.tasks.b.episodes).toBe(3);
    expect(metrics.tasks.b.accuracy).toBeCloseTo(2 / 3, 12);
    expect(metrics.tasks.b.codeUseRate).toBeCloseTo(2 / 3, 12);
    const rewardOf = (group: number, i: number) => scored[group].rewards[i].total;
    expect(metrics.tasks.a.reward).toBeCloseTo(rewardOf(1, 0), 12);
    expect(metrics.tasks.b.reward).toBeCloseTo((rewardOf(0, 0) + rewardOf(0, 1) + rewardOf(0, 2)) / 3, 12);
  });

  it('agrees with the step-wide rates when weighted by episodes', () => {
    const tasks = Object.values(metrics.tasks);
    const total = tasks.reduce((n, t) => n + t.episodes, 0);
    expect(total).toBe(metrics.episodes - metrics.infrastructureStops);
    const weighted = (pick: (t: (typeof tasks)[number]) => number) =>
      tasks.reduce((sum, t) => sum + pick(t) * t.episodes, 0) / total;
    expect(weighted((t) => t.accuracy)).toBeCloseTo(metrics.accuracy, 12);
    expect(weighted((t) => t.codeUseRate)).toBeCloseTo(metrics.codeUseRate, 12);
    expect(weighted((t) => t.reward)).toBeCloseTo(metrics.reward, 12);
  });
});

describe('the RL report per task', () => {
  const step = (n: number, tasks: StepMetrics['tasks']): StepMetrics =>
    ({ step: n, reward: 0, accuracy: 0, codeUseRate: 0.5, codeCalls: 0.5, tasks }) as StepMetrics;
  const rates = (code: number) => ({ episodes: 5, reward: 0, accuracy: 0, codeUseRate: code });

  it('draws code use per task, one line each, when a run has several tasks', () => {
    const html = renderRlCharts([step(1, { a: rates(0.2), b: rates(0.9) }), step(2, { a: rates(0.1), b: rates(1) })]);
    expect(html).toContain('aria-label="code use per task"');
    const chart = html.slice(html.indexOf('aria-label="code use per task"'));
    expect(chart.slice(0, chart.indexOf('</svg>'))).toMatch(/>a<[\s\S]*>b</);
  });

  it('leaves the chart out for one task and for metrics written before tasks were recorded', () => {
    expect(renderRlCharts([step(1, { a: rates(0.2) })])).not.toContain('code use per task');
    expect(renderRlCharts([step(1, undefined)])).not.toContain('code use per task');
  });
});
