// How a step's questions are drawn across tasks: `balanced` asks every task equally in every step.
import { describe, expect, it } from 'vitest';
import { ConfigError } from '../../core/index.js';
import { resolveRlConfig } from './config.js';
import { pickQuestions } from './run-rl.js';
import type { QuestionRef } from './rollouts.js';

const poolOf = (sizes: Record<string, number>): QuestionRef[] =>
  Object.entries(sizes).flatMap(([taskId, n]) => Array.from({ length: n }, (_, index) => ({ taskId, index, seed: 1 })));
const key = (q: QuestionRef) => `${q.taskId}#${q.index}`;
const countOf = (questions: readonly QuestionRef[], taskId: string) =>
  questions.filter((q) => q.taskId === taskId).length;

describe('balanced task mix', () => {
  const pool = poolOf({ a: 48, b: 48 });
  const config = { seed: 2, questionsPerStep: 8, taskMix: 'balanced' as const };

  it('asks each of two tasks 4 of 8 questions in every step, with no question twice in 12 steps', () => {
    const steps = Array.from({ length: 12 }, (_, i) => pickQuestions(pool, config, i + 1));
    for (const questions of steps) expect([countOf(questions, 'a'), countOf(questions, 'b')]).toEqual([4, 4]);
    expect(new Set(steps.flat().map(key)).size).toBe(96);
  });

  it('starts a new seeded order once a task has used up its questions', () => {
    const small = poolOf({ a: 3, b: 3 });
    const steps = Array.from({ length: 6 }, (_, i) => pickQuestions(small, { ...config, questionsPerStep: 2 }, i + 1));
    const firstPass = steps.slice(0, 3).flat().map(key);
    expect(new Set(firstPass).size).toBe(6);
    expect(new Set(steps.slice(3).flat().map(key)).size).toBe(6);
  });

  it('is a pure function of the seed and the step (a resumed run asks the same questions)', () => {
    expect(pickQuestions(pool, config, 7)).toEqual(pickQuestions(pool, config, 7));
    expect(pickQuestions(pool, config, 7)).not.toEqual(pickQuestions(pool, { ...config, seed: 3 }, 7));
  });

  it('keeps three tasks within one question of each other in every step', () => {
    const three = poolOf({ a: 20, b: 20, c: 20 });
    for (let step = 1; step <= 10; step++) {
      const counts = ['a', 'b', 'c'].map((t) => countOf(pickQuestions(three, config, step), t));
      expect(counts.reduce((x, y) => x + y)).toBe(8);
      expect(Math.max(...counts) - Math.min(...counts)).toBeLessThanOrEqual(1);
    }
  });

  it('differs from the pooled draw, whose share of a task varies from step to step', () => {
    const shares = Array.from({ length: 10 }, (_, i) =>
      countOf(pickQuestions(pool, { ...config, taskMix: 'pooled' }, i + 1), 'a'),
    );
    expect(new Set(shares).size).toBeGreaterThan(1);
  });

  it('is refused with a fix when the mix is misspelt', () => {
    expect(() => resolveRlConfig({ taskMix: 'even' as never })).toThrow(ConfigError);
    expect(() => resolveRlConfig({ taskMix: 'even' as never })).toThrow(/taskMix.*pooled or balanced/);
  });
});
