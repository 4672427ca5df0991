// Independent checks for countdown: the gold reaches the target, a brute-force expression verifies,
// mutations fail, and answer spellings.
import { describe, expect, it } from 'vitest';
import type { Task, TaskInstance } from '../../types.js';
import { countdown } from './countdown.js';

const sample = (task: Task, count: number, options: Record<string, unknown> = {}): TaskInstance[] =>
  Array.from({ length: count }, (_, i) => task.generate(task.resolveOptions(options), 11, i));

describe('rg.games.countdown', () => {
  const task = countdown as unknown as Task;
  /** A brute-force search over pairwise combinations that prints a fully parenthesised expression. */
  function solve(numbers: number[], target: number): string | null {
    const go = (items: [number, string][]): string | null => {
      if (items.length === 1) return Math.abs(items[0][0] - target) < 1e-9 ? items[0][1] : null;
      for (let i = 0; i < items.length; i++)
        for (let j = 0; j < items.length; j++) {
          if (i === j) continue;
          const [a, ea] = items[i],
            [b, eb] = items[j];
          const rest = items.filter((_, k) => k !== i && k !== j);
          const options: [number, string][] = [
            [a + b, `(${ea} + ${eb})`],
            [a * b, `(${ea} * ${eb})`],
            [a - b, `(${ea} - ${eb})`],
          ];
          if (b !== 0 && Number.isInteger(a / b)) options.push([a / b, `(${ea} / ${eb})`]);
          for (const option of options) {
            const found = go([...rest, option]);
            if (found) return found;
          }
        }
      return null;
    };
    return go(numbers.map((n) => [n, String(n)]));
  }
  it('gold evaluates to the target; a brute-force expression verifies; mutations fail', () => {
    for (const instance of sample(task, 30, { max_numbers: 5 })) {
      const numbers = instance.metadata.numbers as number[],
        target = instance.metadata.target as number;
      expect(target).toBeGreaterThanOrEqual(100);
      const other = solve(numbers, target)!;
      expect(task.verifyAnswer(instance, other).correct).toBe(true);
      expect(task.verifyAnswer(instance, `${other} + 0`).correct).toBe(false);
      expect(task.verifyAnswer(instance, `${other} * 1`).correct).toBe(false);
      expect(task.verifyAnswer(instance, `${other} = ${target}`).outcome).toBe('unparseable');
    }
  });
  it('answer spellings', () => {
    const instance = { ...sample(task, 1)[0], metadata: { numbers: [4, 25, 6, 3], target: 118, difficulty: {} } };
    const table: [string, string][] = [
      ['25 * 4 + 6 * 3', 'correct'],
      ['(25 + 3) * 4 + 6', 'correct'],
      ['  4*25+3*6 ', 'correct'],
      ['4 × 25 + 6 × 3', 'correct'],
      ['((25)) * 4 + (6 * 3)', 'correct'],
      ['25 * 4 + 6 * 3 = 118', 'unparseable'],
      ['25 * 4 + 18', 'wrong'],
      ['25 * 4 + 6 * 3 + 0', 'wrong'],
      ['25 * 4 + 6 * 3 * 1', 'wrong'],
      ['25 * 4 + 6 + 3', 'wrong'],
      ['25 * 4 + 6 * 3 * 3 / 3', 'wrong'],
      ['-25 * 4 + 6 * 3', 'unparseable'],
      ['25 * 4 + 6 ** 3', 'unparseable'],
      ['25 * 4 + 6 * 3.0', 'unparseable'],
      ['sum(25, 4, 6, 3)', 'unparseable'],
      ['(25 * 4 + 6 * 3', 'unparseable'],
      ['25 / (4 - 4) + 6 * 3', 'wrong'],
      ['118', 'wrong'],
    ];
    for (const [answer, outcome] of table) expect(task.verifyAnswer(instance, answer).outcome, answer).toBe(outcome);
  });
});
