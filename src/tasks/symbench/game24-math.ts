// Exact arithmetic for symbench.game24: a small safe parser/evaluator of + - * / expressions over
// integer literals (exact rationals), and a solver that finds one expression reaching a target.
import { applyArithmetic, gcd, Rational } from '../kit/index.js';

export type Evaluated = { value: Rational | null; literals: number[] };

const MAX_TOKENS = 400;
const MAX_DEPTH = 60;

const OPERATOR_ALIASES: Record<string, string> = { '+': '+', '-': '-', '−': '-', '*': '*', '×': '*', '·': '*', '/': '/', '÷': '/' };

function tokenize(text: string): string[] | string {
  const tokens: string[] = [];
  for (let i = 0; i < text.length; ) {
    const ch = text[i];
    if (ch === ' ' || ch === '\t' || ch === '\n' || ch === '\r') { i++; continue; }
    if (ch >= '0' && ch <= '9') {
      let j = i;
      while (j < text.length && text[j] >= '0' && text[j] <= '9') j++;
      if (j - i > 12) return 'a number in the expression is too long';
      tokens.push(text.slice(i, j));
      i = j;
    } else if (ch === '(' || ch === ')') { tokens.push(ch); i++; }
    else if (OPERATOR_ALIASES[ch]) { tokens.push(OPERATOR_ALIASES[ch]); i++; }
    else return `unexpected character ${JSON.stringify(ch)} in the expression (use digits, + - * / and parentheses)`;
    if (tokens.length > MAX_TOKENS) return 'the expression is too long';
  }
  return tokens;
}

/** Evaluates `text` exactly; returns a reason string when it is not a well-formed expression. */
export function evaluateArithmetic(text: string): Evaluated | string {
  const tokens = tokenize(text);
  if (typeof tokens === 'string') return tokens;
  if (tokens.length === 0) return 'empty expression';
  let pos = 0;
  const literals: number[] = [];
  const fail = (why: string): never => { throw new SyntaxError(why); };
  const primary = (depth: number): Rational | null => {
    if (depth > MAX_DEPTH) fail('parentheses are nested too deeply');
    const token = tokens[pos];
    if (token === '(') {
      pos++;
      const value = sum(depth + 1);
      if (tokens[pos] !== ')') fail('unbalanced parentheses');
      pos++;
      return value;
    }
    if (token !== undefined && token[0] >= '0' && token[0] <= '9') {
      pos++;
      literals.push(Number(token));
      return new Rational(BigInt(token));
    }
    return fail(token === undefined ? 'the expression ends early' : `unexpected ${JSON.stringify(token)} (signs such as unary minus are not allowed)`);
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
  try {
    const value = sum(0);
    if (pos !== tokens.length) return `unexpected ${JSON.stringify(tokens[pos])} after the expression`;
    return { value, literals };
  } catch (error) {
    return (error as Error).message;
  }
}

type Item = { num: number; den: number; text: string };

/** a∘b for the four operations as [num, den, symbol] (den may be negative; null-free). */
function combine(a: Item, b: Item, both: boolean): [number, number, string][] {
  const out: [number, number, string][] = [];
  if (both) out.push([a.num * b.den + b.num * a.den, a.den * b.den, '+'], [a.num * b.num, a.den * b.den, '*']);
  out.push([a.num * b.den - b.num * a.den, a.den * b.den, '-']);
  if (b.num !== 0) out.push([a.num * b.den, a.den * b.num, '/']);
  return out;
}

/** One fully parenthesised expression using every number once that equals `target`, or null. */
export function solveTarget(numbers: readonly number[], target: number): string | null {
  const failed = new Set<string>();
  const search = (items: Item[]): string | null => {
    if (items.length === 1) return items[0].den === 1 && items[0].num === target ? items[0].text : null;
    if (items.length === 2) {
      // Last step: test values before building any text.
      for (const [x, y] of [[items[0], items[1]], [items[1], items[0]]]) {
        for (const [n0, d0, op] of combine(x, y, x === items[0])) {
          if (d0 !== 0 && n0 === target * d0) return `(${x.text}${op}${y.text})`;
        }
      }
      return null;
    }
    const key = items.map((it) => `${it.num}/${it.den}`).sort().join(',');
    if (failed.has(key)) return null;
    for (let i = 0; i < items.length; i++) {
      for (let j = 0; j < items.length; j++) {
        if (i === j) continue;
        const a = items[i], b = items[j];
        const rest = items.filter((_, k) => k !== i && k !== j);
        for (const [n0, d0, op] of combine(a, b, i < j)) {
          const sign = d0 < 0 ? -1 : 1;
          const g = gcd(n0, d0); // ≥ 1: no denominator is ever 0
          const found = search([...rest, { num: (sign * n0) / g, den: (sign * d0) / g, text: `(${a.text}${op}${b.text})` }]);
          if (found) return found;
        }
      }
    }
    failed.add(key);
    return null;
  };
  const found = search(numbers.map((n) => ({ num: n, den: 1, text: String(n) })));
  // The outermost pair always wraps the whole expression: drop it.
  return found !== null && found.startsWith('(') ? found.slice(1, -1) : found;
}
