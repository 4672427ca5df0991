// The kit's integer-expression reader, shared by countdown and game24: exact values, the operator
// spellings models write, and a SyntaxError naming what is wrong.
import { describe, expect, it } from 'vitest';
import { parseIntegerExpression } from './integer-expression.js';

describe('parseIntegerExpression', () => {
  it('evaluates exactly and lists the literals in the order written', () => {
    const parsed = parseIntegerExpression('8 / (3 - 8 / 3)');
    expect([parsed.value?.toString(), parsed.literals]).toEqual(['24', [8, 3, 8, 3]]);
  });

  it('reads × · ÷ − and any white space as the plain operators', () => {
    const spellings = ['6 × 4', '6·4', '48 ÷ 2', '30 − 6', '6\u00a0*\t4'];
    const values = spellings.map((text) => parseIntegerExpression(text).value?.toString());
    expect(values).toEqual(['24', '24', '24', '24', '24']);
  });

  it('a division by zero is a null value, not an error', () => {
    expect(parseIntegerExpression('4 / (2 - 2) + 1').value).toBeNull();
  });

  it('refuses unary signs, decimals, powers, unbalanced parentheses and empty text with a reason', () => {
    expect(() => parseIntegerExpression('-4 + 28')).toThrow(/unary minus/);
    expect(() => parseIntegerExpression('2.5 * 4')).toThrow(/unexpected character "\."/);
    expect(() => parseIntegerExpression('2 ** 4')).toThrow(/unexpected "\*"/);
    expect(() => parseIntegerExpression('(1 + 2')).toThrow(/unbalanced/);
    expect(() => parseIntegerExpression('  ')).toThrow(/empty/);
    expect(() => parseIntegerExpression(`${'('.repeat(70)}1${')'.repeat(70)}`)).toThrow(/nested too deeply/);
  });
});
