// Independent checks for symbench.logical_equation: every solution by brute force verifies, a swap
// that breaks a constraint does not, and answer spellings.
import { describe, expect, it } from 'vitest';
import type { Task, TaskInstance } from '../types.js';
import { logicalEquation, type Constraint } from './logical-equation.js';

function outcomes(task: Task, instance: TaskInstance, table: [string, string][]): void {
  for (const [text, outcome] of table)
    expect([text, task.verifyAnswer(instance, text).outcome]).toEqual([text, outcome]);
}

function satisfied(c: Constraint, x: readonly number[]): boolean {
  const a = x[c.a],
    b = x[c.b];
  if (a === undefined || b === undefined) return true;
  return c.kind === 'gt'
    ? a > b
    : c.kind === 'sum'
      ? a + b === c.value
      : c.kind === 'diff'
        ? a - b === c.value
        : Math.abs(a - (c.value / 10) * b) < 1e-9;
}

/** All solutions by plain permutation search with pruning on completed constraints. */
function allSolutions(values: number[], constraints: Constraint[]): number[][] {
  const out: number[][] = [];
  const n = values.length,
    x: number[] = [],
    used = new Array<boolean>(n).fill(false);
  const good = (c: Constraint) => satisfied(c, x);
  const walk = (pos: number) => {
    if (out.length >= 3) return;
    if (pos === n) {
      out.push([...x]);
      return;
    }
    for (let k = 0; k < n; k++) {
      if (used[k]) continue;
      used[k] = true;
      x[pos] = values[k];
      if (constraints.every(good)) walk(pos + 1);
      used[k] = false;
      x.length = pos;
    }
  };
  walk(0);
  return out;
}

describe('symbench.logical_equation', () => {
  it('gold satisfies everything; a second solution (if any) is accepted; a swap breaking a constraint is not', () => {
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
      if (other) {
        seconds++;
        expect(task.verifyAnswer(instance, `[${other.join(', ')}]`).correct).toBe(true);
      }
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
    const instance = {
      ...base,
      metadata: { ...base.metadata, values: [2, 5, 9], constraints: [{ kind: 'sum', a: 0, b: 1, value: 7 }] },
    };
    outcomes(task, instance, [
      ['[2, 5, 9]', 'correct'],
      ['[5, 2, 9]', 'correct'],
      ['2,5,9', 'correct'],
      ['(2, 5, 9)', 'correct'],
      ['[2, 9, 5]', 'wrong'],
      ['[2, 5, 5]', 'wrong'],
      ['[2, 5]', 'wrong'],
      ['[2, 5, 9.5]', 'unparseable'],
      ['A=2, B=5, C=9', 'unparseable'],
    ]);
  });
});
