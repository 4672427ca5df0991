// combinatorial_calculation: the checker evaluates the submitted expression; other valid expressions
// (found here by brute force over flat operator strings) verify, order changes and wrong values do not.
import { describe, expect, it } from 'vitest';
import type { Task, TaskInstance } from '../types.js';
import { combinatorialCalculation } from './combinatorial-calculation.js';

const task = combinatorialCalculation as unknown as Task;
const make = (numbers: number[], target: number): TaskInstance => ({
  ...task.generate(task.resolveOptions(), 0, 0),
  metadata: { numbers, target, difficulty: {} },
});
const verdict = (inst: TaskInstance, answer: string): string => task.verifyAnswer(inst, answer).outcome;

describe('symbench.combinatorial_calculation', () => {
  it('a table of spellings and near-misses for 6, 2, 7 → 10', () => {
    const inst = make([6, 2, 7], 10);
    const table: [string, string][] = [
      ['[6, /, 2, +, 7]', 'correct'],
      ['6/2+7', 'correct'],
      ["['6', '/', '2', '+', '7']", 'correct'],
      ['[(, 6, /, 2, ), +, 7]', 'correct'],
      ['6÷2+7', 'correct'],
      ['[7, +, 6, /, 2]', 'wrong'],
      ['[6, *, 2, +, 7]', 'wrong'],
      ['[6, 2, +, 7]', 'unparseable'],
      ['[6, /, (, 2, -, 2, ), +, 7]', 'unparseable'],
      ['[6, /, 2, +, 7, +, 0]', 'wrong'],
      ['-6/2+7', 'unparseable'],
      ['6/2+7)', 'unparseable'],
      ['62/2+7', 'wrong'],
    ];
    expect(table.map(([answer]) => verdict(inst, answer))).toEqual(table.map(([, v]) => v));
  });
  it('flat expressions found by brute force (normal precedence, in fractions) verify; instances are solvable', () => {
    let checked = 0;
    for (let i = 0; i < 40; i++) {
      const inst = task.generate(task.resolveOptions({ min_numbers: 3, max_numbers: 4 }), 9, i);
      const numbers = inst.metadata.numbers as number[],
        target = inst.metadata.target as number;
      const ops = ['+', '-', '*', '/'];
      const combos = (n: number): string[][] =>
        n === 0 ? [[]] : combos(n - 1).flatMap((c) => ops.map((o) => [...c, o]));
      for (const combo of combos(numbers.length - 1)) {
        // Evaluate with precedence: fold * and / into terms first (exact via numerator/denominator).
        const terms: [number, number][] = [[numbers[0], 1]];
        const signs = [1];
        let bad = false;
        combo.forEach((op, k) => {
          const v = numbers[k + 1];
          const last = terms[terms.length - 1];
          if (op === '*') last[0] *= v;
          else if (op === '/') last[1] *= v;
          else {
            terms.push([v, 1]);
            signs.push(op === '+' ? 1 : -1);
          }
          if (v === 0) bad = true;
        });
        if (bad) continue;
        const den = terms.reduce((d, [, q]) => d * q, 1);
        const num = terms.reduce((s, [p, q], k) => s + signs[k] * p * (den / q), 0);
        if (num === target * den) {
          const flat = numbers.map((n, k) => (k === 0 ? `${n}` : `${combo[k - 1]}${n}`)).join('');
          expect(verdict(inst, flat), flat).toBe('correct');
          checked++;
        }
      }
      expect(verdict(inst, inst.answer)).toBe('correct');
    }
    expect(checked).toBeGreaterThan(10);
  });
});
