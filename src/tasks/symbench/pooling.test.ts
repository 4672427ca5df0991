// Independent recomputation (summed-area table, row maxima) and answer spellings for symbench.pooling.
import { describe, expect, it } from 'vitest';
import type { Task, TaskInstance } from '../types.js';
import { pooling } from './pooling.js';

function sample(task: Task, count: number, seed = 4): TaskInstance[] {
  const options = task.resolveOptions();
  return Array.from({ length: count }, (_, i) => task.generate(options, seed, i));
}

function outcomes(task: Task, instance: TaskInstance, table: [string, string][]): void {
  for (const [text, outcome] of table)
    expect([text, task.verifyAnswer(instance, text).outcome]).toEqual([text, outcome]);
}

describe('symbench.pooling', () => {
  it('matches pooling recomputed with a summed-area table (average) and row maxima (max)', () => {
    for (const instance of sample(pooling as unknown as Task, 100)) {
      const m = instance.metadata.matrix as number[][];
      const n = instance.metadata.window_size as number;
      const size = m.length,
        out = size - n + 1;
      const table = Array.from({ length: size + 1 }, () => new Array<number>(size + 1).fill(0));
      for (let i = 0; i < size; i++)
        for (let j = 0; j < size; j++) table[i + 1][j + 1] = m[i][j] + table[i][j + 1] + table[i + 1][j] - table[i][j];
      const expected: number[] = [];
      for (let i = 0; i < out; i++) {
        for (let j = 0; j < out; j++) {
          if (instance.metadata.pooling_type === 'max')
            expected.push(Math.max(...m.slice(i, i + n).map((row) => Math.max(...row.slice(j, j + n)))));
          else expected.push((table[i + n][j + n] - table[i][j + n] - table[i + n][j] + table[i][j]) / (n * n));
        }
      }
      const twoPlaces = expected.map((v) => v.toFixed(2)).join(', ');
      expect(pooling.verifyAnswer(instance, twoPlaces).correct).toBe(true);
      const rows = Array.from({ length: out }, (_, r) => `[${expected.slice(r * out, r * out + out).join(', ')}]`);
      const nested = `[${rows.join(', ')}]`;
      expect(pooling.verifyAnswer(instance, nested).correct).toBe(true);
      const mutated = expected.map((v, i) => (i === expected.length - 1 ? v + 1 : v)).join(',');
      expect(pooling.verifyAnswer(instance, mutated).correct).toBe(false);
    }
  });
  it('accepts fractions and two-place decimals, rejects coarser rounding', () => {
    const base = sample(pooling as unknown as Task, 1)[0];
    const instance = { ...base, metadata: { ...base.metadata, solution: [10 / 9, 2, -0.5, 7 / 3] } };
    outcomes(pooling as unknown as Task, instance, [
      ['1.11, 2, -0.5, 2.33', 'correct'],
      ['10/9, 2, -1/2, 7/3', 'correct'],
      ['1.1111,2.0,-0.50,2.3333', 'correct'],
      ['1.1, 2, -0.5, 2.3', 'wrong'],
      ['1.11, 2, 0.5, 2.33', 'wrong'],
      ['1.11, 2, -0.5', 'wrong'],
      ['1.11, 2, x, 2.33', 'unparseable'],
    ]);
  });
});
