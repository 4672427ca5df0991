// The IP curriculum on a given set of p values, by hand.
import { describe, expect, it } from 'vitest';
import {
  computeImprovementPotential,
  groupByImprovementPotential,
  questionsForStage,
  stageOfStep,
} from './curriculum.js';

describe('improvement-potential grouping', () => {
  it('IP = 4p(1−p)', () => {
    expect([0, 0.25, 0.5, 0.75, 1].map(computeImprovementPotential)).toEqual([0, 0.75, 1, 0.75, 0]);
  });
  it('sorts high to low and cuts four groups; stage s trains on groups 1..s', () => {
    // p:  .5   0   1   .25  .75  .1   .9   .4
    // IP: 1    0   0   .75  .75  .36  .36  .96
    const ps = [0.5, 0, 1, 0.25, 0.75, 0.1, 0.9, 0.4];
    const groups = groupByImprovementPotential(ps.map((p, i) => ({ question: `q${i}`, p })));
    expect(groups.map((g) => g.map((item) => item.question))).toEqual([
      ['q0', 'q7'],
      ['q3', 'q4'],
      ['q5', 'q6'],
      ['q1', 'q2'],
    ]);
    expect(groups[0].map((item) => +item.ip.toFixed(4))).toEqual([1, 0.96]);
    expect(questionsForStage(groups, 1)).toEqual(['q0', 'q7']);
    expect(questionsForStage(groups, 3)).toEqual(['q0', 'q7', 'q3', 'q4', 'q5', 'q6']);
    expect(questionsForStage(groups, 4)).toHaveLength(8);
  });
  it('uneven sizes: the first groups take the remainder', () => {
    const groups = groupByImprovementPotential([0.5, 0.4, 0.3, 0.2, 0.1].map((p) => ({ question: p, p })));
    expect(groups.map((g) => g.map((item) => item.question))).toEqual([[0.5, 0.4], [0.3], [0.2], [0.1]]);
  });
  it('stages by step', () => {
    expect([1, 2, 3, 4, 5, 6, 7, 9, 20].map((step) => stageOfStep(step, 2, 4))).toEqual([1, 1, 2, 2, 3, 3, 4, 4, 4]);
  });
});
