// A safe reader for integer arithmetic expressions (+ - * / and parentheses, no unary signs),
// evaluated exactly as rationals. Used where a model writes an expression to be checked.
import { applyArithmetic, Rational } from './rational.js';

/** The value (null after a division by zero) and the integer literals in the order written. */
export type ParsedExpression = { value: Rational | null; literals: number[] };

const MAX_TOKENS = 400;
const MAX_DEPTH = 64;
const MAX_LITERALS = 64;

/** The spellings models use for the four operators (typographic minus, times, dot, divide). */
const OPERATOR_ALIASES: Record<string, string> = {
  '+': '+',
  '-': '-',
  '−': '-',
  '*': '*',
  '×': '*',
  '·': '*',
  '/': '/',
  '÷': '/',
};

function tokenize(text: string): string[] {
  const tokens: string[] = [];
  for (let i = 0; i < text.length;) {
    const ch = text[i];
    if (/\s/.test(ch)) {
      i++;
      continue;
    }
    if (ch >= '0' && ch <= '9') {
      let j = i;
      while (j < text.length && text[j] >= '0' && text[j] <= '9') j++;
      if (j - i > 12) throw new SyntaxError('a number in the expression is too long');
      tokens.push(text.slice(i, j));
      i = j;
    } else if (ch === '(' || ch === ')') {
      tokens.push(ch);
      i++;
    } else if (OPERATOR_ALIASES[ch]) {
      tokens.push(OPERATOR_ALIASES[ch]);
      i++;
    } else
      throw new SyntaxError(
        `unexpected character ${JSON.stringify(ch)} in the expression (use digits, + - * / and parentheses)`,
      );
    if (tokens.length > MAX_TOKENS) throw new SyntaxError('the expression is too long');
  }
  return tokens;
}

/**
 * Parses and evaluates `text` exactly. Throws a SyntaxError saying what is wrong for anything but
 * integers, + - * / (or × · ÷ −), parentheses and white space, and past 400 tokens, 64 literals or
 * 64 levels of nesting.
 */
export function parseIntegerExpression(text: string): ParsedExpression {
  const tokens = tokenize(text);
  if (tokens.length === 0) throw new SyntaxError('empty expression');
  let pos = 0;
  const literals: number[] = [];
  const primary = (depth: number): Rational | null => {
    if (depth > MAX_DEPTH) throw new SyntaxError('parentheses are nested too deeply');
    const token = tokens[pos];
    if (token === '(') {
      pos++;
      const value = sum(depth + 1);
      if (tokens[pos] !== ')') throw new SyntaxError('unbalanced parentheses');
      pos++;
      return value;
    }
    if (token !== undefined && token[0] >= '0' && token[0] <= '9') {
      pos++;
      literals.push(Number(token));
      if (literals.length > MAX_LITERALS) throw new SyntaxError('too many numbers');
      return new Rational(BigInt(token));
    }
    if (token === undefined) throw new SyntaxError('the expression ends early');
    throw new SyntaxError(`unexpected ${JSON.stringify(token)} (signs such as unary minus are not allowed)`);
  };
  const product = (depth: number): Rational | null => {
    let value = primary(depth);
    while (tokens[pos] === '*' || tokens[pos] === '/') {
      const op = tokens[pos++];
      value = applyArithmetic(op, value, primary(depth));
    }
    return value;
  };
  const sum = (depth: number): Rational | null => {
    let value = product(depth);
    while (tokens[pos] === '+' || tokens[pos] === '-') {
      const op = tokens[pos++];
      value = applyArithmetic(op, value, product(depth));
    }
    return value;
  };
  const value = sum(0);
  if (pos !== tokens.length) throw new SyntaxError(`unexpected ${JSON.stringify(tokens[pos])} after the expression`);
  return { value, literals };
}

/** True when two integer lists hold the same values with the same multiplicities. */
export function sameMultiset(a: readonly number[], b: readonly number[]): boolean {
  if (a.length !== b.length) return false;
  const x = a.slice().sort((p, q) => p - q),
    y = b.slice().sort((p, q) => p - q);
  return x.every((v, i) => v === y[i]);
}
