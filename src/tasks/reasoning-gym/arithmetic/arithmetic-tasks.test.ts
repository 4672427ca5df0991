// The arithmetic tasks: answers recomputed from the question by other means (brute force,
// mathjs big numbers, JS Date), and tables of answer spellings with their verdicts.
import { describe, expect, it } from 'vitest';
import { all, create } from 'mathjs';
import type { Task, TaskInstance } from '../../types.js';
import { basicArithmetic } from './basic-arithmetic.js';
import { bitwiseArithmetic } from './bitwise-arithmetic.js';
import { calendarArithmetic } from './calendar-arithmetic.js';
import { chainSum } from './chain-sum.js';
import { countBits } from './count-bits.js';
import { decimalArithmetic } from './decimal-arithmetic.js';
import { decimalChainSum } from './decimal-chain-sum.js';
import { dice } from './dice.js';
import { fractionSimplification } from './fraction-simplification.js';
import { gcdTask } from './gcd.js';
import { lcmTask } from './lcm.js';
import { ANIMALS, legCounting } from './leg-counting.js';
import { numberFormat } from './number-format.js';
import { powerFunction } from './power-function.js';
import { primeFactorization } from './prime-factorization.js';
import { products } from './products.js';
import { timeIntervals } from './time-intervals.js';

const big = create(all, { number: 'BigNumber', precision: 80 });
const asTask = (task: unknown): Task => task as Task;

function instances(task: unknown, count: number, options: Record<string, unknown> = {}): TaskInstance[] {
  const t = asTask(task);
  const resolved = t.resolveOptions(options);
  return Array.from({ length: count }, (_, i) => t.generate(resolved, 11, i));
}

const verdict = (task: unknown, instance: TaskInstance, answer: string): boolean =>
  asTask(task).verifyAnswer(instance, answer).correct;
const questionLine = (instance: TaskInstance): string => instance.prompt.split('\n')[0];

describe('integer arithmetic recomputed', () => {
  it('gcd and lcm by brute force over divisors and multiples', () => {
    for (const instance of instances(gcdTask, 60)) {
      const numbers = questionLine(instance).match(/\d+/g)!.map(Number);
      let best = 1;
      for (let d = 1; d <= Math.min(...numbers); d++) if (numbers.every((n) => n % d === 0)) best = d;
      expect(instance.answer).toBe(String(best));
    }
    for (const instance of instances(lcmTask, 60)) {
      const numbers = questionLine(instance).match(/\d+/g)!.map(Number);
      let multiple = Math.max(...numbers);
      while (!numbers.every((n) => multiple % n === 0)) multiple += Math.max(...numbers);
      expect(instance.answer).toBe(String(multiple));
    }
  });

  it('count_bits by clearing the lowest set bit', () => {
    for (const instance of instances(countBits, 60)) {
      let n = BigInt(questionLine(instance).match(/number (\d+)/)![1]),
        ones = 0;
      while (n > 0n) {
        n &= n - 1n;
        ones++;
      }
      expect(instance.answer).toBe(String(ones));
    }
  });

  it('products, chain_sum and basic_arithmetic by mathjs big numbers', () => {
    for (const [task, pattern] of [
      [products, /multiplication: (.*)\. Give/],
      [chainSum, /problem: (.*) =$/],
      [basicArithmetic, /^Calculate (.*)\.$/],
    ] as const) {
      for (const instance of instances(task, 80)) {
        const expression = pattern.exec(questionLine(instance))![1];
        expect(instance.answer, expression).toBe(big.evaluate(expression).toFixed());
      }
    }
  });

  it('basic_arithmetic honours its knobs: no parentheses, no negatives, natural phrasing, spacing', () => {
    for (const instance of instances(basicArithmetic, 40, {
      allow_parentheses: false,
      allow_negation: false,
      whitespace: 'no_space',
      format_style: 'natural',
    })) {
      const expression = /^(?:What is|Solve|Compute|Evaluate:) (.*?)[.?]$/.exec(questionLine(instance))![1];
      expect(expression).toMatch(/^[\d+\-*/]+$/);
      expect(expression).not.toMatch(/[+\-*/]-/);
      expect(instance.answer).toBe(big.evaluate(expression).toFixed());
    }
  });

  it('bitwise_arithmetic by a separate BigInt evaluator', () => {
    const evaluate = (text: string): bigint => {
      let pos = 0;
      const next = (): bigint => {
        while (text[pos] === ' ') pos++;
        if (text[pos] === '(') {
          pos++;
          const left = next();
          while (text[pos] === ' ') pos++;
          const op = text.startsWith('<<', pos) || text.startsWith('>>', pos) ? text.slice(pos, pos + 2) : text[pos];
          pos += op.length;
          const right = next();
          while (text[pos] === ' ') pos++;
          pos++;
          return op === '+'
            ? left + right
            : op === '-'
              ? left - right
              : op === '*'
                ? left * right
                : op === '<<'
                  ? left << right
                  : left >> right;
        }
        const match = /^0x[0-9a-f]+/.exec(text.slice(pos))!;
        pos += match[0].length;
        return BigInt(match[0]);
      };
      return next();
    };
    for (const instance of instances(bitwiseArithmetic, 60, { difficulty: 3 })) {
      const value = evaluate(instance.prompt.split('\n')[1]);
      expect(instance.answer).toBe(value < 0n ? `-0x${(-value).toString(16)}` : `0x${value.toString(16)}`);
      expect(verdict(bitwiseArithmetic, instance, value.toString())).toBe(true);
      expect(verdict(bitwiseArithmetic, instance, `0x${(value + 1n).toString(16)}`)).toBe(false);
    }
  });

  it('leg_counting by summing the parsed list', () => {
    const legs = new Map(
      ANIMALS.flatMap(
        ([singular, plural, n]) =>
          [
            [singular, n],
            [plural, n],
          ] as [string, number][],
      ),
    );
    for (const instance of instances(legCounting, 60)) {
      const list = /have (.*)\?$/.exec(instance.prompt.split('\n')[1])![1].split(', ');
      const total = list.reduce((sum, item) => {
        const [, count, name] = /^(\d+) (.*)$/.exec(item)!;
        return sum + Number(count) * legs.get(name)!;
      }, 0);
      expect(instance.answer).toBe(String(total));
    }
  });

  it('prime_factorization multiplies back and every factor is prime', () => {
    const isPrime = (n: number): boolean =>
      n > 1 && Array.from({ length: Math.floor(Math.sqrt(n)) - 1 }, (_, i) => i + 2).every((d) => n % d !== 0);
    for (const instance of instances(primeFactorization, 80)) {
      const factors = instance.answer.split(' × ').map(Number);
      expect(factors.reduce((a, b) => a * b, 1)).toBe(Number(/of (\d+)\./.exec(instance.prompt)![1]));
      expect(factors.every(isPrime)).toBe(true);
      expect(verdict(primeFactorization, instance, [...factors].reverse().join('*'))).toBe(true);
    }
  });

  it('dice by enumerating every roll', () => {
    for (const instance of instances(dice, 15)) {
      const sizes = [...questionLine(instance).matchAll(/1d(\d+)/g)].map((m) => Number(m[1])).slice(0, -1);
      const target = Number(/rolling (\d+) or higher/.exec(instance.prompt)![1]);
      let hits = 0,
        total = 0;
      const roll = (i: number, sum: number): void => {
        if (i === sizes.length) {
          total++;
          if (sum >= target) hits++;
          return;
        }
        for (let face = 1; face <= sizes[i]; face++) roll(i + 1, sum + face);
      };
      roll(0, 0);
      const [num, den] = instance.answer.split('/').map(Number);
      expect(num * total).toBe(hits * den);
      expect(verdict(dice, instance, `${num * 2}/${den * 2}`)).toBe(false);
    }
  });
});

describe('decimal and format tasks recomputed', () => {
  it('decimal_chain_sum exactly and decimal_arithmetic to 12 significant digits', () => {
    for (const instance of instances(decimalChainSum, 60)) {
      const expression = /problem: (.*) =$/.exec(questionLine(instance))![1];
      expect(big.equal(big.bignumber(instance.answer), big.evaluate(expression))).toBe(true);
    }
    for (const instance of instances(decimalArithmetic, 60)) {
      const value = big.evaluate(instance.prompt.split('\n')[1].replace(' = ?', '')) as {
        toSignificantDigits(n: number, rounding: number): { toFixed(): string };
      };
      expect(
        big.equal(
          big.bignumber(instance.answer),
          big.bignumber(value.toSignificantDigits(12, 0 /* ROUND_UP */).toFixed()),
        ) ||
          big.equal(
            big.bignumber(instance.answer),
            big.bignumber(value.toSignificantDigits(12, 4 /* HALF_UP */).toFixed()),
          ),
      ).toBe(true);
    }
  });

  it('number_format picks the extreme candidate by float comparison', () => {
    for (const instance of instances(numberFormat, 60)) {
      const [, size, list] = /pick the (largest|smallest) number of the following candidates: (.*)$/.exec(
        instance.prompt.split('\n')[2],
      )!;
      const values = list.split(' ').map((s) => Number(s.replace(/,/g, '')));
      expect(Number(instance.answer)).toBeCloseTo(size === 'largest' ? Math.max(...values) : Math.min(...values), 3);
    }
  });

  it('power_function agrees with floating point to 3 significant figures', () => {
    for (const instance of instances(powerFunction, 80)) {
      const [, base, exponent] = /Compute \(?(-?[\d.]+)\)?\^(-?\d+)\./.exec(instance.prompt)!;
      const value = Number(base) ** Number(exponent);
      expect(Math.abs(Number(instance.answer) - value)).toBeLessThanOrEqual(Math.abs(value) * 0.0051);
    }
  });

  it('fraction_simplification gold is reduced and equal to the question', () => {
    const gcd = (a: number, b: number): number => (b === 0 ? a : gcd(b, a % b));
    for (const instance of instances(fractionSimplification, 60)) {
      const [a, b] = questionLine(instance).match(/\d+/g)!.slice(0, 2).map(Number);
      const [c, d] = instance.answer.match(/\d+/g)!.map(Number);
      expect(gcd(c, d)).toBe(1);
      expect(a * d).toBe(b * c);
    }
  });
});

describe('date and time tasks recomputed with JS Date', () => {
  it('calendar_arithmetic weekday and counting answers', () => {
    const names = ['Sunday', 'Monday', 'Tuesday', 'Wednesday', 'Thursday', 'Friday', 'Saturday'];
    const utc = (iso: string): number => Date.parse(`${iso}T00:00:00Z`);
    for (const instance of instances(calendarArithmetic, 200)) {
      const m = instance.metadata as unknown as Record<string, string & number>;
      if (m.task === 'weekday_of_date') expect(instance.answer).toBe(names[new Date(utc(m.target_date)).getUTCDay()]);
      if (m.task === 'weekday_offset')
        expect(instance.answer).toBe(names[new Date(utc(m.start_date) + m.offset_days * 86_400_000).getUTCDay()]);
      if (m.task === 'count_business_days') {
        let count = 0;
        for (let t = utc(m.start_date); t <= utc(m.end_date); t += 86_400_000)
          if (![0, 6].includes(new Date(t).getUTCDay())) count++;
        expect(instance.answer).toBe(String(count));
      }
      if (m.task === 'is_leap_year')
        expect(instance.answer).toBe(new Date(Date.UTC(m.year, 1, 29)).getUTCMonth() === 1 ? 'Yes' : 'No');
    }
  });

  it('time_intervals duration equals the difference of the shown instants', () => {
    for (const instance of instances(timeIntervals, 200)) {
      const m = instance.metadata as unknown as Record<string, string & number>;
      expect(Date.parse(m.end) - Date.parse(m.start)).toBe(m.duration_ms);
      expect(m.duration_ms).toBeGreaterThanOrEqual(0);
    }
  });
});

describe('answer spellings', () => {
  const one = (task: unknown, options: Record<string, unknown> = {}, index = 0): TaskInstance =>
    instances(task, index + 1, options)[index];

  it('integers: grouping, sign, trailing .0 and wrappers accepted; near misses not', () => {
    const instance = one(chainSum, { min_digits: 4, max_digits: 4, min_terms: 2, max_terms: 2 });
    const gold = BigInt(instance.answer);
    const grouped = gold.toLocaleString('en-US');
    const table: [string, boolean][] = [
      [instance.answer, true],
      [grouped, true],
      [`${instance.answer}.0`, true],
      [`$${instance.answer}$`, true],
      [`\\boxed{${instance.answer}}`, true],
      [String(gold + 1n), false],
      [`${instance.answer}.5`, false],
      [`about ${instance.answer}`, false],
      ['', false],
    ];
    for (const [answer, expected] of table) expect(verdict(chainSum, instance, answer), answer).toBe(expected);
  });

  it('power_function: e notation variants and ×10^ accepted, wrong rounding rejected', () => {
    const instance = instances(powerFunction, 40).find((i) => /e\+[1-9]/.test(i.answer) && !i.answer.startsWith('-'))!;
    const [mantissa, exponent] = instance.answer.split('e+');
    const table: [string, boolean][] = [
      [instance.answer, true],
      [`${mantissa}E+${exponent.padStart(2, '0')}`, true],
      [`${mantissa} × 10^${exponent}`, true],
      [`${mantissa}e${exponent}`, true],
      [`${(Number(mantissa) + 0.01).toFixed(2)}e+${exponent}`, false],
      [`${mantissa}e+${Number(exponent) + 1}`, false],
      [`-${instance.answer}`, false],
    ];
    for (const [answer, expected] of table) expect(verdict(powerFunction, instance, answer), answer).toBe(expected);
  });

  it('fractions: plain, inline and \\frac accepted; unreduced rejected', () => {
    const instance = instances(fractionSimplification, 30, { styles: 'plain', min_factor: 2 })[0];
    const [num, den] = instance.answer.split('/');
    const table: [string, boolean][] = [
      [`${num}/${den}`, true],
      [`$${num}/${den}$`, true],
      [`\\frac{${num}}{${den}}`, true],
      [`$\\dfrac{${num}}{${den}}$`, true],
      [`${Number(num) * 2}/${Number(den) * 2}`, false],
      [`${den}/${num}`, false],
      [`${num}`, false],
    ];
    for (const [answer, expected] of table)
      expect(verdict(fractionSimplification, instance, answer), answer).toBe(expected);
  });

  it('calendar and time answers: case, trailing period, alternative duration spellings', () => {
    const weekday = instances(calendarArithmetic, 30, { tasks: 'weekday_of_date' })[0];
    expect(verdict(calendarArithmetic, weekday, weekday.answer.toUpperCase())).toBe(true);
    expect(verdict(calendarArithmetic, weekday, `${weekday.answer}.`)).toBe(true);
    expect(verdict(calendarArithmetic, weekday, weekday.answer.slice(0, 3))).toBe(false);
    const count = instances(calendarArithmetic, 30, { tasks: 'count_days' })[0];
    const near = asTask(calendarArithmetic).verifyAnswer(count, String(Number(count.answer) + 1));
    expect([near.correct, near.score > 0 && near.score < 1]).toEqual([false, true]);
    const date = instances(timeIntervals, 5, { task_types: 'date' })[0];
    const days = date.answer.split(' ')[0];
    expect([`${days} days`, `${days} day`, `${days}`].map((a) => verdict(timeIntervals, date, a))).toEqual([
      true,
      true,
      false,
    ]);
    const clock = instances(timeIntervals, 5, { task_types: 'time' })[0];
    expect(verdict(timeIntervals, clock, `${clock.answer}:00`)).toBe(true);
    expect(
      verdict(
        timeIntervals,
        clock,
        clock.answer.replace(/:(\d\d)$/, (_, m: string) => `:${String((Number(m) + 1) % 60).padStart(2, '0')}`),
      ),
    ).toBe(false);
  });
});
