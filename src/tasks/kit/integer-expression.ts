// A safe reader for integer arithmetic expressions (+ - * / and parentheses, no unary signs),
// evaluated exactly as rationals. Used where a model writes an expression to be checked.
import { applyArithmetic, Rational } from './rational.js';

export type ParsedExpression = { value: Rational | null; numbers: number[] };

/**
 * Parses `text`; throws on anything but integers, + - * / ( ) and spaces (× and ÷ are read as * and /).
 * `value` is null when a division by zero occurs. At most 64 numbers and 64 levels of nesting.
 */
export function parseArithmetic(text: string): ParsedExpression {
  const source = text.replace(/×/g, '*').replace(/÷/g, '/');
  if (!/^[\d\s+\-*/()]+$/.test(source)) throw new Error('only integers, + - * / and parentheses are allowed');
  const tokens = source.match(/\d+|[+\-*/()]/g) ?? [];
  if (tokens.length > 400) throw new Error('expression too long');
  let pos = 0;
  const numbers: number[] = [];
  const expression = (depth: number): Rational | null => {
    let left = term(depth);
    while (tokens[pos] === '+' || tokens[pos] === '-') {
      const op = tokens[pos++];
      left = applyArithmetic(op, left, term(depth));
    }
    return left;
  };
  const term = (depth: number): Rational | null => {
    let left = factor(depth);
    while (tokens[pos] === '*' || tokens[pos] === '/') {
      const op = tokens[pos++];
      left = applyArithmetic(op, left, factor(depth));
    }
    return left;
  };
  const factor = (depth: number): Rational | null => {
    const token = tokens[pos++];
    if (token === undefined) throw new Error('expression ends early');
    if (token === '(') {
      if (depth > 64) throw new Error('too deeply nested');
      const inner = expression(depth + 1);
      if (tokens[pos++] !== ')') throw new Error('unbalanced parentheses');
      return inner;
    }
    if (!/^\d+$/.test(token) || token.length > 12) throw new Error(`unexpected '${token}'`);
    numbers.push(Number(token));
    if (numbers.length > 64) throw new Error('too many numbers');
    return new Rational(BigInt(token));
  };
  const value = expression(0);
  if (pos !== tokens.length) throw new Error(`unexpected '${tokens[pos]}'`);
  return { value, numbers };
}

/** True when two integer lists hold the same values with the same multiplicities. */
export function sameMultiset(a: readonly number[], b: readonly number[]): boolean {
  if (a.length !== b.length) return false;
  const x = a.slice().sort((p, q) => p - q), y = b.slice().sort((p, q) => p - q);
  return x.every((v, i) => v === y[i]);
}
