// symbench.game24: gold answers re-evaluated by mathjs; a second expression found by a different
// enumeration verifies correct; mutations and bad spellings verify wrong.
import { describe, expect, it } from 'vitest';
import { evaluate } from 'mathjs';
import { game24 } from './game24.js';

const options = game24.resolveOptions();
const instances = Array.from({ length: 60 }, (_, i) => game24.generate(options, 11, i));

/** Every left-to-right-nested expression over permutations of the numbers (a different search shape). */
function chainExpressions(numbers: number[]): string[] {
  const out: string[] = [];
  const permute = (rest: number[], acc: string) => {
    if (rest.length === 0) { out.push(acc); return; }
    rest.forEach((n, i) => {
      const remaining = rest.filter((_, k) => k !== i);
      if (acc === '') permute(remaining, String(n));
      else for (const op of ['+', '-', '*', '/']) { permute(remaining, `(${acc}${op}${n})`); permute(remaining, `(${n}${op}${acc})`); }
    });
  };
  permute(numbers, '');
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
      const second = chainExpressions(instance.metadata.numbers as number[]).find((e) => {
        const value = evaluate(e) as number;
        return Number.isFinite(value) && Math.abs(value - 24) < 1e-9 && e !== instance.answer;
      });
      if (!second) continue;
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
    for (const [text, outcome] of table) expect([text, game24.verifyAnswer(instance, text).outcome]).toEqual([text, outcome]);
  });

  it('division by zero inside the expression is wrong, not a crash', () => {
    const instance = { ...instances[0], metadata: { ...instances[0].metadata, numbers: [4, 4, 6, 6], target: 24 } };
    expect(game24.verifyAnswer(instance, '6/(4-4)*6').outcome).toBe('wrong');
    expect(game24.verifyAnswer(instance, '(4+4-6)*6+6+6').outcome).toBe('wrong');
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
