// symbench.game24: gold answers re-evaluated by mathjs; a second expression found by a different
// enumeration verifies correct; mutations and bad spellings verify wrong.
import { describe, expect, it } from 'vitest';
import { evaluate } from 'mathjs';
import { game24 } from './game24.js';
import { solveTarget } from './game24-solver.js';

const options = game24.resolveOptions();
const instances = Array.from({ length: 60 }, (_, i) => game24.generate(options, 11, i));

/** Left-to-right-nested expressions over permutations of the numbers (a different search shape), with float values. */
function chainExpressions(numbers: number[]): [string, number][] {
  const out: [string, number][] = [];
  const apply = (op: string, x: number, y: number) =>
    op === '+' ? x + y : op === '-' ? x - y : op === '*' ? x * y : x / y;
  const permute = (rest: number[], acc: string, value: number) => {
    if (rest.length === 0) {
      out.push([acc, value]);
      return;
    }
    rest.forEach((n, i) => {
      const remaining = rest.filter((_, k) => k !== i);
      if (acc === '') permute(remaining, String(n), n);
      else
        for (const op of ['+', '-', '*', '/']) {
          permute(remaining, `(${acc}${op}${n})`, apply(op, value, n));
          permute(remaining, `(${n}${op}${acc})`, apply(op, n, value));
        }
    });
  };
  permute(numbers, '', 0);
  return out;
}

describe('symbench.game24', () => {
  it('gold expressions use exactly the given numbers and evaluate to the target (mathjs)', () => {
    for (const instance of instances) {
      const used = (instance.answer.match(/\d+/g) ?? []).map(Number).sort((a, b) => a - b);
      expect(used).toEqual(instance.metadata.numbers);
      expect(Math.abs((evaluate(instance.answer) as number) - 24)).toBeLessThan(1e-9);
    }
  });

  it('a second valid expression from another enumeration verifies correct; its one-step mutations do not', () => {
    let alternatives = 0;
    for (const instance of instances) {
      const found = chainExpressions(instance.metadata.numbers as number[]).find(
        ([e, value]) => Number.isFinite(value) && Math.abs(value - 24) < 1e-9 && e !== instance.answer,
      );
      if (!found) continue;
      const second = found[0];
      expect(Math.abs((evaluate(second) as number) - 24)).toBeLessThan(1e-9);
      alternatives++;
      expect(game24.verifyAnswer(instance, second).correct, second).toBe(true);
      expect(game24.verifyAnswer(instance, `${second} = 24`).correct).toBe(true);
      // Change one number: the multiset no longer matches.
      const bumped = second.replace(/\d+/, (n) => String(Number(n) + 1));
      expect(game24.verifyAnswer(instance, bumped).correct, bumped).toBe(false);
      // Change the first operator: wrong whenever mathjs says the value leaves the target.
      for (const op of ['+', '-', '*', '/']) {
        const mutated = second.replace(/[-+*/]/, op);
        const value = evaluate(mutated) as number;
        if (Number.isFinite(value) && Math.abs(value - 24) < 1e-9) continue;
        expect(game24.verifyAnswer(instance, mutated).correct, mutated).toBe(false);
      }
    }
    expect(alternatives).toBeGreaterThan(30);
  });

  it('an operator change that misses the target is wrong', () => {
    const instance = { ...instances[0], metadata: { ...instances[0].metadata, numbers: [1, 2, 3, 4], target: 24 } };
    expect(game24.verifyAnswer(instance, '1*2*3*4').correct).toBe(true);
    expect(game24.verifyAnswer(instance, '1+2*3*4').correct).toBe(false);
  });

  it('reads realistic spellings and rejects malformed ones', () => {
    const instance = { ...instances[0], metadata: { ...instances[0].metadata, numbers: [4, 4, 10, 10], target: 24 } };
    const table: [string, string][] = [
      ['(10*10-4)/4', 'correct'],
      ['((10 × 10) − 4) ÷ 4', 'correct'],
      [' (10*10-4)/4 = 24 ', 'correct'],
      ['(10*10-4)/4 = 24.', 'correct'],
      ['(10*10-4)/4 = 25', 'wrong'],
      ['(10*10-4)/4/1', 'wrong'],
      ['10*10-4/4', 'wrong'],
      ['(10*10-4)/(4-4+0)', 'wrong'],
      ['-(4-10*10)/4', 'unparseable'],
      ['(10*10-4)/4)', 'unparseable'],
      ['((10*10-4)/4', 'unparseable'],
      ['(10**10-4)/4', 'unparseable'],
      ['10*10-4/4; 24', 'unparseable'],
      ['2.4e1', 'unparseable'],
    ];
    for (const [text, outcome] of table)
      expect([text, game24.verifyAnswer(instance, text).outcome]).toEqual([text, outcome]);
  });

  it('division by zero inside the expression is wrong, not a crash', () => {
    const instance = { ...instances[0], metadata: { ...instances[0].metadata, numbers: [4, 4, 6, 6], target: 24 } };
    expect(game24.verifyAnswer(instance, '6/(4-4)*6').outcome).toBe('wrong');
    expect(game24.verifyAnswer(instance, '(4+4-6)*6+6+6').outcome).toBe('wrong');
  });

  it('the solver finds exactly the 1362 solvable 4-number sets from 1..13 (the classic 24-game list has 1362)', () => {
    let solvable = 0;
    for (let a = 1; a <= 13; a++)
      for (let b = a; b <= 13; b++)
        for (let c = b; c <= 13; c++)
          for (let d = c; d <= 13; d++) {
            const expression = solveTarget([a, b, c, d], 24);
            if (expression === null) continue;
            solvable++;
            expect(Math.abs((evaluate(expression) as number) - 24)).toBeLessThan(1e-9);
          }
    expect(solvable).toBe(1362);
  });

  it('other targets and counts generate solvable puzzles', () => {
    const custom = game24.resolveOptions({ num_numbers: 5, target: 100, max_value: 20 });
    for (let i = 0; i < 20; i++) {
      const instance = game24.generate(custom, 3, i);
      expect(game24.verifyAnswer(instance, instance.answer).correct).toBe(true);
      expect((instance.metadata.numbers as number[]).length).toBe(5);
    }
  });
});
