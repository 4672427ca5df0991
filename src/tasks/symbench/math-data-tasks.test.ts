// The fixed-data tasks (GSM-Hard, MATH geometry, MATH counting & probability): every row's gold answer
// verifies, rows past the end are a ConfigError naming the size, and GSM number spellings.
import { describe, expect, it } from 'vitest';
import { ConfigError } from '../../core/index.js';
import type { Task, TaskInstance } from '../types.js';
import { dataMissing } from '../../../test/helpers/task-checks.js';
import { gsmHard, gsmNumbersMatch } from './gsm-hard.js';
import { mathCountingAndProbability } from './math-counting-and-probability.js';
import { mathGeometry } from './math-geometry.js';

const tasks = [gsmHard, mathGeometry, mathCountingAndProbability] as unknown as Task[];

describe.each(tasks.map((t) => [t.id, t] as const))('%s', (_id, task) => {
  it.skipIf(dataMissing(task))(
    'every row generates, and its gold answer verifies; the next index is a ConfigError naming the size',
    () => {
      const size = task.dataset!.size();
      expect(size).toBe(
        { 'symbench.gsm_hard': 1319, 'symbench.math_geometry': 870, 'symbench.math_counting_and_probability': 771 }[
          task.id
        ],
      );
      const options = task.resolveOptions();
      for (let i = 0; i < size; i++) {
        const instance = task.generate(options, 0, i);
        expect(
          task.verify(instance, `<<<${instance.answer}>>>`).correct,
          `${task.id} row ${i}: ${instance.answer}`,
        ).toBe(true);
      }
      expect(() => task.generate(options, 0, size)).toThrow(ConfigError);
      expect(() => task.generate(options, 0, size)).toThrow(new RegExp(`has ${size} examples`));
    },
  );
});

describe('GSM-Hard numbers', () => {
  it('integer targets need the exact value; fractional ones the value rounded to ≥ 2 decimals', () => {
    const cases: [number, string, boolean][] = [
      [125, '125', true],
      [125, '125.0', true],
      [125, '125.1', false],
      [-9867630, '-9867630', true],
      [14053029.666666666, '14053029.67', true],
      [14053029.666666666, '14053029.666666666', true],
      [14053029.666666666, '14053029.7', false],
      [14053029.666666666, '14053029.66', false],
      [14053029.666666666, '14053029', false],
      [0.0016791648, '0.00168', true],
      [0.0016791648, '0.002', false],
      [8.333333333333334, '25/3', true],
      [8.333333333333334, '8.33', true],
    ];
    expect(
      cases.map(([target, written]) =>
        gsmNumbersMatch(target, Number(written.includes('/') ? 25 / 3 : written), written),
      ),
    ).toEqual(cases.map((c) => c[2]));
  });
  it.skipIf(dataMissing(gsmHard as unknown as Task))('answer spellings through verify', () => {
    const options = gsmHard.resolveOptions();
    const instance: TaskInstance = gsmHard.generate(options, 0, 0);
    const target = instance.metadata.target as number;
    expect(Number.isInteger(target)).toBe(true);
    const spell = (a: string): string => gsmHard.verifyAnswer(instance, a).outcome;
    const grouped = Math.abs(target).toLocaleString('en-US');
    expect(
      [
        String(target),
        `${target}.0`,
        `$${target}`,
        `\\boxed{${target}}`,
        `${target}.`,
        target < 0 ? `-${grouped}` : grouped,
        String(target + 1),
        'about 12 dollars',
      ].map(spell),
    ).toEqual(['correct', 'correct', 'correct', 'correct', 'correct', 'correct', 'wrong', 'unparseable']);
  });
});
