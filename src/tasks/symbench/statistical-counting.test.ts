// Independent recomputation for symbench.statistical_counting: a regex count of runs read back from
// the prompt, and a hand example.
import { describe, expect, it } from 'vitest';
import type { Task, TaskInstance } from '../types.js';
import { statisticalCounting } from './statistical-counting.js';

function sample(task: Task, count: number, seed = 4): TaskInstance[] {
  const options = task.resolveOptions();
  return Array.from({ length: count }, (_, i) => task.generate(options, seed, i));
}

function outcomes(task: Task, instance: TaskInstance, table: [string, string][]): void {
  for (const [text, outcome] of table)
    expect([text, task.verifyAnswer(instance, text).outcome]).toEqual([text, outcome]);
}

describe('symbench.statistical_counting', () => {
  it('matches a regex count of runs read back from the prompt', () => {
    for (const instance of sample(statisticalCounting as unknown as Task, 100)) {
      const sequence = /total score of the string ([A-K]+)\?/.exec(instance.prompt)![1];
      const runs = sequence.match(/(.)\1+/g) ?? [];
      const total = runs.reduce((sum, run) => sum + run.charCodeAt(0) - 64, 0);
      expect(instance.answer).toBe(String(total));
      expect(statisticalCounting.verifyAnswer(instance, String(total + 1)).correct).toBe(false);
    }
  });
  it('hand example: AABBBCAA scores 1 + 2 + 1', () => {
    const instance = { ...sample(statisticalCounting as unknown as Task, 1)[0], answer: '4' };
    outcomes(statisticalCounting as unknown as Task, instance, [
      ['4', 'correct'],
      [' 4 ', 'correct'],
      ['5', 'wrong'],
      ['4.5', 'unparseable'],
      ['four', 'unparseable'],
    ]);
  });
});
