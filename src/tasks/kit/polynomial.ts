// Sparse multivariate polynomials with exact rational coefficients: a bounded parser for answers
// (`3*x**2 - x/2 + C`, `3x^2`, parentheses), arithmetic, and sympy-style printing. Two answers are
// equivalent exactly when their coefficient maps are equal.
import { Rational } from './rational.js';

/** Monomial key (`x^2*y`, `` for the constant) → non-zero coefficient. */
export type Poly = Map<string, Rational>;

const MAX_TERMS = 4000;
const MAX_EXPONENT = 200;
const MAX_DEPTH = 60;
const MAX_TOKENS = 1200;
const MAX_COEFFICIENT = 1n << 256n;

/** Work left for the parse in progress (coefficient operations); answers that need more are refused. */
let workLeft = Number.POSITIVE_INFINITY;

function spend(units: number): void {
  workLeft -= units;
  if (workLeft < 0) throw new RangeError('answer too complex to check');
}

type Powers = Record<string, number>;

export function monomialKey(powers: Powers): string {
  return Object.keys(powers)
    .filter((v) => powers[v] !== 0)
    .sort()
    .map((v) => (powers[v] === 1 ? v : `${v}^${powers[v]}`))
    .join('*');
}

export function monomialPowers(key: string): Powers {
  const out: Powers = {};
  if (key === '') return out;
  for (const part of key.split('*')) {
    const [v, e] = part.split('^');
    out[v] = e === undefined ? 1 : Number(e);
  }
  return out;
}

export function constant(value: Rational): Poly {
  return value.isZero() ? new Map() : new Map([['', value]]);
}

export function term(coefficient: Rational, powers: Powers): Poly {
  return coefficient.isZero() ? new Map() : new Map([[monomialKey(powers), coefficient]]);
}

/** Adds `value` to the coefficient of `key` in place, dropping it when it becomes zero. */
function accumulate(target: Poly, key: string, value: Rational): void {
  spend(1);
  const previous = target.get(key);
  const sum = previous ? previous.add(value) : value;
  if (sum.num > MAX_COEFFICIENT || -sum.num > MAX_COEFFICIENT || sum.den > MAX_COEFFICIENT)
    throw new RangeError('coefficient too large');
  if (sum.isZero()) target.delete(key);
  else target.set(key, sum);
  if (target.size > MAX_TERMS) throw new RangeError('polynomial too large');
}

export function addPoly(a: Poly, b: Poly, sign = 1): Poly {
  const out = new Map(a);
  for (const [key, value] of b) accumulate(out, key, sign < 0 ? value.neg() : value);
  return out;
}

const productKeys = new Map<string, string>();

/** The key of the product of two monomials (memoised: the same few keys recur constantly). */
function multiplyKeys(a: string, b: string): string {
  if (a === '') return b;
  if (b === '') return a;
  const memo = `${a}|${b}`;
  let key = productKeys.get(memo);
  if (key === undefined) {
    const powers = monomialPowers(a);
    for (const [v, e] of Object.entries(monomialPowers(b))) powers[v] = (powers[v] ?? 0) + e;
    if (Object.values(powers).some((e) => Math.abs(e) > MAX_EXPONENT)) throw new RangeError('exponent too large');
    key = monomialKey(powers);
    if (productKeys.size > 20_000) productKeys.clear();
    productKeys.set(memo, key);
  }
  return key;
}

export function mulPoly(a: Poly, b: Poly): Poly {
  if (a.size * b.size > MAX_TERMS * 4) throw new RangeError('polynomial too large');
  const out: Poly = new Map();
  for (const [ka, va] of a) for (const [kb, vb] of b) accumulate(out, multiplyKeys(ka, kb), va.mul(vb));
  return out;
}

export function equalPoly(a: Poly, b: Poly): boolean {
  if (a.size !== b.size) return false;
  for (const [key, value] of a) if (!b.get(key)?.equals(value)) return false;
  return true;
}

/** d/d`variable`, term by term. */
export function derivative(p: Poly, variable: string): Poly {
  let out: Poly = new Map();
  for (const [key, value] of p) {
    const powers = monomialPowers(key);
    const e = powers[variable] ?? 0;
    if (e === 0) continue;
    out = addPoly(out, term(value.mul(Rational.of(e)), { ...powers, [variable]: e - 1 }));
  }
  return out;
}

/** sympy-like text: `5*x**3/3 - 2*x*y + 7/2`, terms by descending total degree. */
export function printPoly(p: Poly): string {
  if (p.size === 0) return '0';
  const entries = [...p.entries()].map(([key, value]) => ({
    key,
    value,
    degree: Object.values(monomialPowers(key)).reduce((a, b) => a + b, 0),
  }));
  entries.sort((a, b) => b.degree - a.degree || (a.key < b.key ? -1 : a.key > b.key ? 1 : 0));
  let out = '';
  entries.forEach(({ key, value }, i) => {
    const negative = value.num < 0n;
    const body = printTerm(key, value.abs());
    out += i === 0 ? (negative ? `-${body}` : body) : negative ? ` - ${body}` : ` + ${body}`;
  });
  return out;
}

function printTerm(key: string, magnitude: Rational): string {
  const factors =
    key === ''
      ? ''
      : Object.entries(monomialPowers(key))
          .map(([v, e]) => (e === 1 ? v : `${v}**${e}`))
          .join('*');
  if (factors === '') return magnitude.toString();
  const head = magnitude.num === 1n ? factors : `${magnitude.num}*${factors}`;
  return magnitude.den === 1n ? head : `${head}/${magnitude.den}`;
}

type Token = { kind: 'num' | 'id' | 'op'; text: string };

function tokenize(text: string, variables: readonly string[]): Token[] {
  const tokens: Token[] = [];
  let i = 0;
  while (i < text.length) {
    const ch = text[i];
    if (ch === ' ' || ch === '\t' || ch === '\n') {
      i++;
      continue;
    }
    const number = /^(\d{1,40}(\.\d{0,40})?|\.\d{1,40})/.exec(text.slice(i, i + 90));
    if (number) {
      tokens.push({ kind: 'num', text: number[0] });
      i += number[0].length;
      continue;
    }
    if (text.startsWith('**', i)) {
      tokens.push({ kind: 'op', text: '^' });
      i += 2;
      continue;
    }
    if ('+-*/^()'.includes(ch)) {
      tokens.push({ kind: 'op', text: ch });
      i++;
      continue;
    }
    if (ch === '·' || ch === '×') {
      tokens.push({ kind: 'op', text: '*' });
      i++;
      continue;
    }
    if (ch === '−') {
      tokens.push({ kind: 'op', text: '-' });
      i++;
      continue;
    }
    if (variables.includes(ch)) {
      tokens.push({ kind: 'id', text: ch });
      i++;
      continue;
    }
    throw new SyntaxError(`unexpected ${JSON.stringify(ch)} at position ${i}`);
  }
  return tokens;
}

/**
 * Parses a polynomial in `variables` (single letters). Supports + - * / ^ ** and parentheses,
 * implicit multiplication (`3x^2`), division by a single term, and integer powers. Throws on
 * anything else or when the text or result is too large.
 */
export function parsePoly(text: string, variables: readonly string[]): Poly {
  if (text.length > 5000) throw new RangeError('answer too long');
  workLeft = 5_000;
  try {
    return parseWithinBudget(text, variables);
  } finally {
    workLeft = Number.POSITIVE_INFINITY;
  }
}

function parseWithinBudget(text: string, variables: readonly string[]): Poly {
  const tokens = tokenize(text, variables);
  if (tokens.length > MAX_TOKENS) throw new RangeError('answer too long');
  let pos = 0;
  const peek = (): Token | undefined => tokens[pos];
  const isOp = (op: string): boolean => peek()?.kind === 'op' && peek()!.text === op;
  const expr = (depth: number): Poly => {
    if (depth > MAX_DEPTH) throw new RangeError('nested too deeply');
    const value = product(depth);
    while (isOp('+') || isOp('-')) {
      const sign = tokens[pos++].text === '-' ? -1 : 1;
      for (const [key, coefficient] of product(depth))
        accumulate(value, key, sign < 0 ? coefficient.neg() : coefficient);
    }
    return value;
  };
  const product = (depth: number): Poly => {
    let value = unary(depth);
    for (;;) {
      if (isOp('*')) {
        pos++;
        value = mulPoly(value, unary(depth));
        continue;
      }
      if (isOp('/')) {
        pos++;
        value = mulPoly(value, inverse(unary(depth)));
        continue;
      }
      const next = peek();
      if (next && (next.kind !== 'op' || next.text === '(')) {
        value = mulPoly(value, power(depth));
        continue;
      }
      return value;
    }
  };
  const unary = (depth: number): Poly => {
    if (isOp('-')) {
      pos++;
      return mulPoly(constant(Rational.of(-1)), unary(depth + 1));
    }
    if (isOp('+')) {
      pos++;
      return unary(depth + 1);
    }
    return power(depth);
  };
  const power = (depth: number): Poly => {
    const base = atom(depth);
    if (!isOp('^')) return base;
    pos++;
    let sign = 1,
      wrapped = false;
    if (isOp('(')) {
      pos++;
      wrapped = true;
    }
    if (isOp('-')) {
      pos++;
      sign = -1;
    }
    const token = tokens[pos++];
    if (token?.kind !== 'num' || !/^\d+$/.test(token.text) || Number(token.text) > MAX_EXPONENT)
      throw new SyntaxError('exponents must be small integers');
    if (wrapped && !isOp(')')) throw new SyntaxError('unclosed exponent');
    if (wrapped) pos++;
    return raise(base, sign * Number(token.text));
  };
  const atom = (depth: number): Poly => {
    const token = tokens[pos++];
    if (!token) throw new SyntaxError('unexpected end');
    if (token.kind === 'num') return constant(parseNumberToken(token.text));
    if (token.kind === 'id') return term(Rational.of(1), { [token.text]: 1 });
    if (token.text !== '(') throw new SyntaxError(`unexpected ${token.text}`);
    const inner = expr(depth + 1);
    if (!isOp(')')) throw new SyntaxError('unclosed parenthesis');
    pos++;
    return inner;
  };
  const value = expr(0);
  if (pos !== tokens.length) throw new SyntaxError(`unexpected ${tokens[pos].text}`);
  if (tokens.length === 0) throw new SyntaxError('empty expression');
  return value;
}

function parseNumberToken(text: string): Rational {
  const [whole, fraction = ''] = text.split('.');
  return new Rational(BigInt(`${whole}${fraction}` || '0'), 10n ** BigInt(fraction.length));
}

/** 1/p for a single non-zero term (negative powers allowed); throws otherwise. */
function inverse(p: Poly): Poly {
  if (p.size !== 1) throw new RangeError('division by a sum is not supported');
  const [[key, value]] = [...p.entries()];
  const powers = monomialPowers(key);
  for (const v of Object.keys(powers)) powers[v] = -powers[v];
  return term(Rational.of(1).div(value), powers);
}

function raise(base: Poly, exponent: number): Poly {
  if (exponent < 0) return raise(inverse(base), -exponent);
  let out = constant(Rational.of(1));
  for (let i = 0; i < exponent; i++) out = mulPoly(out, base);
  return out;
}
