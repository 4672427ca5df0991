// Independent recomputation (floating point) and answer spellings for symbench.new_operator.
import { describe, expect, it } from 'vitest';
import type { Task, TaskInstance } from '../types.js';
import { newOperator } from './new-operator.js';

function sample(task: Task, count: number, seed = 4): TaskInstance[] {
  const options = task.resolveOptions();
  return Array.from({ length: count }, (_, i) => task.generate(options, seed, i));
}

function outcomes(task: Task, instance: TaskInstance, table: [string, string][]): void {
  for (const [text, outcome] of table)
    expect([text, task.verifyAnswer(instance, text).outcome]).toEqual([text, outcome]);
}

describe('symbench.new_operator', () => {
  it('matches a floating-point evaluation of the operator chain', () => {
    for (const instance of sample(newOperator as unknown as Task, 150)) {
      const ops = new Map(
        (instance.metadata.operators as { symbol: string; kind: string; c1: number; c2: number }[]).map((op) => [
          op.symbol,
          op,
        ]),
      );
      const numbers = instance.metadata.numbers as number[];
      let value = numbers[0];
      (instance.metadata.symbols as string[]).forEach((symbol, i) => {
        const op = ops.get(symbol)!,
          b = numbers[i + 1];
        value =
          op.kind === 'linear'
            ? op.c1 * value + op.c2 * b
            : op.kind === 'product'
              ? op.c1 * value * b
              : (value + b) / b;
      });
      expect(newOperator.verifyAnswer(instance, value.toFixed(6)).correct, `${instance.prompt} → ${value}`).toBe(true);
      expect(newOperator.verifyAnswer(instance, (value + 0.01).toFixed(6)).correct).toBe(false);
    }
  });
  it('reads integers, fractions and decimals', () => {
    const base = sample(newOperator as unknown as Task, 1)[0];
    const instance = { ...base, metadata: { ...base.metadata, numerator: '7', denominator: '3' } };
    outcomes(newOperator as unknown as Task, instance, [
      ['7/3', 'correct'],
      ['2.3333', 'correct'],
      ['2.33333333', 'correct'],
      [' 14/6 ', 'correct'],
      ['2.33', 'wrong'],
      ['2', 'wrong'],
      ['7 / 3 = 2.33', 'unparseable'],
      ['x', 'unparseable'],
    ]);
  });
});
