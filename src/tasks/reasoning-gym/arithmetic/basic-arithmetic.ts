// rg.arithmetic.basic_arithmetic: an integer expression with + - * /, parentheses and negation
// (Reasoning-Gym `basic_arithmetic`). Every division is exact, so `/` and floor division agree,
// and the answer follows ordinary operator precedence.
import { defineTask } from '../../define-task.js';
import type { Rng } from '../../../core/index.js';
import { bigGcd, PY_EXACT_EVAL, Rational, verifyExactNumber } from '../../kit/index.js';

type Settings = {
  digits: number;
  parens: boolean;
  negation: boolean;
  divide: boolean;
  multiply: boolean;
  subtract: boolean;
  add: boolean;
};
type Built = { text: string; value: bigint };

function leaf(rng: Rng, s: Settings): Built {
  const max = 10 ** s.digits - 1;
  const value = s.negation ? rng.int(-max, max) : rng.int(0, max);
  return { text: String(value), value: BigInt(value) };
}

/** A divisor of `value` that fits in `digits` digits (gcd with random draws), or 1n when none shows up. */
function pickDivisor(rng: Rng, value: bigint, digits: number): bigint {
  const max = 10 ** digits - 1;
  if (value === 0n) return BigInt(rng.int(1, max));
  let best = 1n;
  for (let i = 0; i < 6; i++) {
    const g = bigGcd(value, BigInt(rng.int(2, Math.max(2, max))));
    if (g > best) best = g;
  }
  return best;
}

/** A product/quotient chain of `terms` leaves (or parenthesised groups), evaluated left to right. */
function chain(rng: Rng, s: Settings, terms: number): Built {
  let first = factor(rng, s, terms === 1 ? 1 : rng.int(1, Math.max(1, Math.ceil(terms / 2))), true);
  let left = terms - first.size;
  let text = first.built.text,
    value = first.built.value;
  while (left > 0) {
    const wantDivide = s.divide && (!s.multiply || rng.bool(0.4));
    const divisor = wantDivide ? pickDivisor(rng, value, s.digits) : 1n;
    if (wantDivide && divisor > 1n) {
      text += ` / ${divisor}`;
      value /= divisor;
      left--;
      continue;
    }
    if (!s.multiply) {
      text += ` / ${divisor}`;
      left--;
      continue;
    }
    first = factor(rng, s, rng.int(1, left), false);
    text += ` * ${first.built.text}`;
    value *= first.built.value;
    left -= first.size;
  }
  return { text, value };
}

function factor(rng: Rng, s: Settings, size: number, leading: boolean): { built: Built; size: number } {
  if (size < 2 || !s.parens || rng.bool(0.5)) return { built: leaf(rng, s), size: 1 };
  const inner = sum(rng, s, size);
  const negate = s.negation && rng.bool(0.3);
  const built = { text: `${negate ? '-' : ''}(${inner.text})`, value: negate ? -inner.value : inner.value };
  return {
    built: leading || !built.text.startsWith('-') ? built : { text: `(${built.text})`, value: built.value },
    size,
  };
}

/** A sum/difference of chains using `terms` leaves in all. */
function sum(rng: Rng, s: Settings, terms: number): Built {
  const ops = [s.add && '+', s.subtract && '-'].filter(Boolean) as string[];
  const share = !ops.length ? terms : rng.bool() ? 1 : rng.int(1, terms);
  const head = chain(rng, s, share);
  let text = head.text,
    value = head.value,
    left = terms - share;
  while (left > 0) {
    const size = rng.bool() ? 1 : rng.int(1, left);
    const next = chain(rng, s, size);
    const op = rng.pick(ops);
    text += ` ${op} ${next.text}`;
    value = op === '+' ? value + next.value : value - next.value;
    left -= size;
  }
  return { text, value };
}

function spacing(rng: Rng, text: string, whitespace: string): string {
  if (whitespace === 'single') return text;
  if (whitespace === 'no_space') return text.replace(/ /g, '');
  return text
    .split(' ')
    .reduce((out, part) => out + (rng.bool(0.3) ? ' ' : '') + part, '')
    .trim();
}

const NATURAL = ['What is {0}?', 'Solve {0}.', 'Compute {0}.', 'Evaluate: {0}.'];

export const basicArithmetic = defineTask({
  id: 'rg.arithmetic.basic_arithmetic',
  source: 'rg',
  category: 'arithmetic',
  description: 'Evaluate an integer arithmetic expression with + - * / and parentheses (divisions are exact).',
  answerFormat: 'an integer',
  options: {
    min_terms: { kind: 'int', default: 2, min: 1, max: 20, description: 'fewest numbers in the expression' },
    max_terms: { kind: 'int', default: 6, min: 1, max: 20, description: 'most numbers in the expression' },
    min_digits: { kind: 'int', default: 1, min: 1, max: 10, description: 'fewest digits per number' },
    max_digits: { kind: 'int', default: 4, min: 1, max: 10, description: 'most digits per number' },
    operators: {
      kind: 'enum',
      default: '+-*/',
      values: ['+-*/', '+-*', '+-', '+', '-', '*', '*/', '+*'],
      description: 'the operators used',
    },
    allow_parentheses: { kind: 'bool', default: true, description: 'allow parenthesised groups' },
    allow_negation: { kind: 'bool', default: true, description: 'allow negative numbers and negated groups' },
    format_style: {
      kind: 'enum',
      default: 'simple',
      values: ['simple', 'natural'],
      description: 'simple: "Calculate …"; natural: varied phrasings',
    },
    whitespace: {
      kind: 'enum',
      default: 'single',
      values: ['single', 'no_space', 'random'],
      description: 'spacing between tokens',
    },
  },
  ranges: [
    ['min_terms', 'max_terms'],
    ['min_digits', 'max_digits'],
  ],
  generate(options, rng) {
    const ops = options.operators;
    const settings: Settings = {
      digits: rng.int(options.min_digits, options.max_digits),
      parens: options.allow_parentheses,
      negation: options.allow_negation,
      add: ops.includes('+'),
      subtract: ops.includes('-'),
      multiply: ops.includes('*'),
      divide: ops.includes('/'),
    };
    const built = sum(rng, settings, rng.int(options.min_terms, options.max_terms));
    const expression = spacing(rng, built.text, options.whitespace);
    const question =
      options.format_style === 'simple' ? `Calculate ${expression}.` : rng.pick(NATURAL).replace('{0}', expression);
    const prompt =
      `${question}\n` + 'Return your final answer as a single integer within triple angle brackets, e.g. <<<result>>>.';
    return { prompt, answer: built.value.toString(), metadata: { expression } };
  },
  check: (instance, answer) => verifyExactNumber(answer, Rational.of(BigInt(instance.answer))),
  referenceSolution: (instance) =>
    `${PY_EXACT_EVAL}v = ev(${JSON.stringify(instance.metadata.expression)})\nassert v.denominator == ` +
    `1\nprint(v.numerator)\n`,
});
