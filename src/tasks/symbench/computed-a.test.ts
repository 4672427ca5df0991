// Independent recomputation and answer-spelling tables for the computed SymBench tasks of group A:
// statistical_counting, matrix_transformation, pooling, new_operator, logical_equation.
import { describe, expect, it } from 'vitest';
import type { Task, TaskInstance } from '../types.js';
import { statisticalCounting } from './statistical-counting.js';
import { matrixTransformation } from './matrix-transformation.js';
import { pooling } from './pooling.js';
import { newOperator } from './new-operator.js';
import { logicalEquation, type Constraint } from './logical-equation.js';

function sample(task: Task, count: number, seed = 4): TaskInstance[] {
  const options = task.resolveOptions();
  return Array.from({ length: count }, (_, i) => task.generate(options, seed, i));
}

function outcomes(task: Task, instance: TaskInstance, table: [string, string][]): void {
  for (const [text, outcome] of table) expect([text, task.verifyAnswer(instance, text).outcome]).toEqual([text, outcome]);
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
    outcomes(statisticalCounting as unknown as Task, instance, [['4', 'correct'], [' 4 ', 'correct'], ['5', 'wrong'], ['4.5', 'unparseable'], ['four', 'unparseable']]);
  });
});

describe('symbench.matrix_transformation', () => {
  it('equals reverse-rows-then-transpose of the matrix in the prompt', () => {
    for (const instance of sample(matrixTransformation as unknown as Task, 100)) {
      const block = /If the matrix is \n([\s\S]*?)\.\nWhat is the result/.exec(instance.prompt)![1];
      const matrix = block.split('\n').map((row) => row.split(' '));
      const reversed = [...matrix].reverse();
      const rotated = reversed[0].map((_, c) => reversed.map((row) => row[c]));
      expect(instance.answer).toBe(rotated.flat().join(','));
      const counter = matrix[0].map((_, c) => matrix.map((row) => row[row.length - 1 - c]));
      if (counter.flat().join(',') !== instance.answer) expect(matrixTransformation.verifyAnswer(instance, counter.flat().join(',')).correct).toBe(false);
    }
  });
  it('reads flat and nested spellings', () => {
    const base = sample(matrixTransformation as unknown as Task, 1)[0];
    const instance = { ...base, answer: 'C,A,D,B', metadata: { ...base.metadata, matrix: [['A', 'B'], ['C', 'D']] } };
    outcomes(matrixTransformation as unknown as Task, instance, [
      ['C,A,D,B', 'correct'], ['C, A, D, B', 'correct'], ["[['C', 'A'], ['D', 'B']]", 'correct'], ['C A\nD B', 'correct'],
      ['A,C,B,D', 'wrong'], ['C,A,D', 'wrong'], ['C,A,D,B,B', 'wrong'], ['c,a,d,b', 'wrong'],
    ]);
  });
});

describe('symbench.pooling', () => {
  it('matches pooling recomputed with a summed-area table (average) and row maxima (max)', () => {
    for (const instance of sample(pooling as unknown as Task, 100)) {
      const m = instance.metadata.matrix as number[][];
      const n = instance.metadata.window_size as number;
      const size = m.length, out = size - n + 1;
      const table = Array.from({ length: size + 1 }, () => new Array<number>(size + 1).fill(0));
      for (let i = 0; i < size; i++) for (let j = 0; j < size; j++) table[i + 1][j + 1] = m[i][j] + table[i][j + 1] + table[i + 1][j] - table[i][j];
      const expected: number[] = [];
      for (let i = 0; i < out; i++) {
        for (let j = 0; j < out; j++) {
          if (instance.metadata.pooling_type === 'max') expected.push(Math.max(...m.slice(i, i + n).map((row) => Math.max(...row.slice(j, j + n)))));
          else expected.push((table[i + n][j + n] - table[i][j + n] - table[i + n][j] + table[i][j]) / (n * n));
        }
      }
      const twoPlaces = expected.map((v) => v.toFixed(2)).join(', ');
      expect(pooling.verifyAnswer(instance, twoPlaces).correct).toBe(true);
      const nested = `[${Array.from({ length: out }, (_, r) => `[${expected.slice(r * out, r * out + out).join(', ')}]`).join(', ')}]`;
      expect(pooling.verifyAnswer(instance, nested).correct).toBe(true);
      const mutated = expected.map((v, i) => (i === expected.length - 1 ? v + 1 : v)).join(',');
      expect(pooling.verifyAnswer(instance, mutated).correct).toBe(false);
    }
  });
  it('accepts fractions and two-place decimals, rejects coarser rounding', () => {
    const base = sample(pooling as unknown as Task, 1)[0];
    const instance = { ...base, metadata: { ...base.metadata, solution: [10 / 9, 2, -0.5, 7 / 3] } };
    outcomes(pooling as unknown as Task, instance, [
      ['1.11, 2, -0.5, 2.33', 'correct'], ['10/9, 2, -1/2, 7/3', 'correct'], ['1.1111,2.0,-0.50,2.3333', 'correct'],
      ['1.1, 2, -0.5, 2.3', 'wrong'], ['1.11, 2, 0.5, 2.33', 'wrong'], ['1.11, 2, -0.5', 'wrong'], ['1.11, 2, x, 2.33', 'unparseable'],
    ]);
  });
});

describe('symbench.new_operator', () => {
  it('matches a floating-point evaluation of the operator chain', () => {
    for (const instance of sample(newOperator as unknown as Task, 150)) {
      const ops = new Map((instance.metadata.operators as { symbol: string; kind: string; c1: number; c2: number }[]).map((op) => [op.symbol, op]));
      const numbers = instance.metadata.numbers as number[];
      let value = numbers[0];
      (instance.metadata.symbols as string[]).forEach((symbol, i) => {
        const op = ops.get(symbol)!, b = numbers[i + 1];
        value = op.kind === 'linear' ? op.c1 * value + op.c2 * b : op.kind === 'product' ? op.c1 * value * b : (value + b) / b;
      });
      expect(newOperator.verifyAnswer(instance, value.toFixed(6)).correct, `${instance.prompt} → ${value}`).toBe(true);
      expect(newOperator.verifyAnswer(instance, (value + 0.01).toFixed(6)).correct).toBe(false);
    }
  });
  it('reads integers, fractions and decimals', () => {
    const base = sample(newOperator as unknown as Task, 1)[0];
    const instance = { ...base, metadata: { ...base.metadata, numerator: '7', denominator: '3' } };
    outcomes(newOperator as unknown as Task, instance, [
      ['7/3', 'correct'], ['2.3333', 'correct'], ['2.33333333', 'correct'], [' 14/6 ', 'correct'],
      ['2.33', 'wrong'], ['2', 'wrong'], ['7 / 3 = 2.33', 'unparseable'], ['x', 'unparseable'],
    ]);
  });
});

function satisfied(c: Constraint, x: readonly number[]): boolean {
  const a = x[c.a], b = x[c.b];
  if (a === undefined || b === undefined) return true;
  return c.kind === 'gt' ? a > b : c.kind === 'sum' ? a + b === c.value : c.kind === 'diff' ? a - b === c.value : Math.abs(a - (c.value / 10) * b) < 1e-9;
}

/** All solutions by plain permutation search with pruning on completed constraints. */
function allSolutions(values: number[], constraints: Constraint[]): number[][] {
  const out: number[][] = [];
  const n = values.length, x: number[] = [], used = new Array<boolean>(n).fill(false);
  const good = (c: Constraint) => satisfied(c, x);
  const walk = (pos: number) => {
    if (out.length >= 3) return;
    if (pos === n) { out.push([...x]); return; }
    for (let k = 0; k < n; k++) {
      if (used[k]) continue;
      used[k] = true; x[pos] = values[k];
      if (constraints.every(good)) walk(pos + 1);
      used[k] = false; x.length = pos;
    }
  };
  walk(0);
  return out;
}

describe('symbench.logical_equation', () => {
  it('gold satisfies everything; a second solution (when one exists) is accepted; a swap that breaks a constraint is not', () => {
    const task = logicalEquation as unknown as Task;
    const options = task.resolveOptions({ num_letters: 7, num_constraints: 5 });
    let seconds = 0;
    for (let i = 0; i < 80; i++) {
      const instance = task.generate(options, 2, i);
      const values = instance.metadata.values as number[];
      const solutions = allSolutions(values, instance.metadata.constraints as Constraint[]);
      const gold = JSON.parse(instance.answer) as number[];
      expect((instance.metadata.constraints as Constraint[]).every((c) => satisfied(c, gold))).toBe(true);
      expect([...gold].sort((p, q) => p - q)).toEqual(values);
      expect(solutions.length).toBeGreaterThan(0);
      const other = solutions.find((s) => s.join() !== gold.join());
      if (other) { seconds++; expect(task.verifyAnswer(instance, `[${other.join(', ')}]`).correct).toBe(true); }
      for (let a = 0; a + 1 < gold.length; a++) {
        const swapped = [...gold];
        [swapped[a], swapped[a + 1]] = [swapped[a + 1], swapped[a]];
        const isSolution = (instance.metadata.constraints as Constraint[]).every((c) => satisfied(c, swapped));
        expect(task.verifyAnswer(instance, swapped.join(', ')).correct).toBe(isSolution);
      }
    }
    expect(seconds).toBeGreaterThan(5);
  });
  it('reads list spellings and rejects values outside the set', () => {
    const task = logicalEquation as unknown as Task;
    const base = task.generate(task.resolveOptions({ num_letters: 3, num_constraints: 1 }), 0, 0);
    const instance = { ...base, metadata: { ...base.metadata, values: [2, 5, 9], constraints: [{ kind: 'sum', a: 0, b: 1, value: 7 }] } };
    outcomes(task, instance, [
      ['[2, 5, 9]', 'correct'], ['[5, 2, 9]', 'correct'], ['2,5,9', 'correct'], ['(2, 5, 9)', 'correct'],
      ['[2, 9, 5]', 'wrong'], ['[2, 5, 5]', 'wrong'], ['[2, 5]', 'wrong'], ['[2, 5, 9.5]', 'unparseable'], ['A=2, B=5, C=9', 'unparseable'],
    ]);
  });
});
