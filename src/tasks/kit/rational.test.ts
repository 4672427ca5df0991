// The kit's exact numbers: gcd on numbers and bigints, Rational normalisation and the four
// operations with division by zero as null, against hand-computed values.
import { describe, expect, it } from 'vitest';
import { applyArithmetic, bigGcd, gcd, parseRationalText, Rational } from './rational.js';

describe('gcd', () => {
  it('matches hand values, with signs dropped and gcd(n, 0) = |n|', () => {
    expect([gcd(12, 18), gcd(-12, 18), gcd(17, 5), gcd(0, 7), gcd(7, 0), gcd(0, 0)]).toEqual([6, 6, 1, 7, 7, 0]);
    expect([bigGcd(12n, -18n), bigGcd(2n ** 64n, 2n ** 40n * 3n), bigGcd(0n, 0n)]).toEqual([6n, 2n ** 40n, 0n]);
  });
});

describe('Rational', () => {
  it('is kept in lowest terms with a positive denominator', () => {
    const half = new Rational(-2n, -4n);
    expect([half.num, half.den, half.toString()]).toEqual([1n, 2n, '1/2']);
    expect(new Rational(6n, -3n).toString()).toBe('-2');
    expect(new Rational(0n, 5n).den).toBe(1n);
    expect(() => new Rational(1n, 0n)).toThrow(RangeError);
  });

  it('applyArithmetic: + - * / exactly; a zero divisor or a null operand gives null', () => {
    const third = new Rational(1n, 3n),
      half = new Rational(1n, 2n);
    const results = ['+', '-', '*', '/'].map((op) => applyArithmetic(op, half, third)?.toString());
    expect(results).toEqual(['5/6', '1/6', '1/6', '3/2']);
    expect(applyArithmetic('/', half, Rational.of(0))).toBeNull();
    expect(applyArithmetic('+', null, half)).toBeNull();
  });

  it('parseRationalText reads fractions and decimals exactly', () => {
    const read = ['3/4', '-0.75', '1.5e1', '6/8'].map((text) => parseRationalText(text)?.toString());
    expect(read).toEqual(['3/4', '-3/4', '15', '3/4']);
    expect(parseRationalText('1/0')).toBeNull();
  });
});
