// rg.arithmetic.decimal_arithmetic: + - * / over decimals with random grouping, answered to a
// number of significant digits (Reasoning-Gym `decimal_arithmetic`). The value is an exact rational;
// an answer is correct within one unit of the last significant digit asked for.
import { defineTask } from '../../define-task.js';
import type { Rng } from '../../../core/index.js';
import { CORRECT, unparseable, wrong } from '../../answer.js';
import { decimalExponent, parseDecimal, PY_EXACT_EVAL, Rational, stripNumberWrappers } from '../../kit/index.js';

/** Joins operands with their operators under a random binary grouping, parenthesising half the groups. */
function group(rng: Rng, operands: readonly string[], operators: readonly string[]): string {
  if (operands.length === 1) return operands[0];
  const split = rng.int(1, operands.length - 1);
  const left = group(rng, operands.slice(0, split), operators.slice(0, split - 1));
  const right = group(rng, operands.slice(split), operators.slice(split));
  const text = `${left}${operators[split - 1]}${right}`;
  return rng.bool() ? `(${text})` : text;
}

/** Evaluates + - * / and parentheses over decimals exactly, with the usual precedence. */
export function evaluateExact(text: string): Rational {
  let pos = 0;
  const expr = (): Rational => {
    let value = term();
    while (text[pos] === '+' || text[pos] === '-') {
      const op = text[pos++];
      const rhs = term();
      value = op === '+' ? value.add(rhs) : value.sub(rhs);
    }
    return value;
  };
  const term = (): Rational => {
    let value = atom();
    while (text[pos] === '*' || text[pos] === '/') {
      const op = text[pos++];
      const rhs = atom();
      value = op === '*' ? value.mul(rhs) : value.div(rhs);
    }
    return value;
  };
  const atom = (): Rational => {
    if (text[pos] === '(') {
      pos++;
      const value = expr();
      pos++;
      return value;
    }
    if (text[pos] === '-') {
      pos++;
      return atom().neg();
    }
    const start = pos;
    while (pos < text.length && /[\d.]/.test(text[pos])) pos++;
    return parseDecimal(text.slice(start, pos))!;
  };
  return expr();
}

/** `value` rounded to `sig` significant digits (halves away from zero), as a plain decimal. */
export function toSignificantPlain(value: Rational, sig: number): string {
  if (value.isZero()) return '0';
  const places = sig - 1 - decimalExponent(value);
  if (places >= 0) return value.toDecimal(places);
  const unit = new Rational(10n ** BigInt(-places));
  return new Rational(BigInt(value.div(unit).toFixed(0))).mul(unit).toString();
}

export const decimalArithmetic = defineTask({
  id: 'rg.arithmetic.decimal_arithmetic',
  source: 'rg',
  category: 'arithmetic',
  description:
    'Evaluate an expression of decimals with + - * / and parentheses to a given number of significant digits.',
  answerFormat: 'a decimal number',
  options: {
    min_num_decimal_places: {
      kind: 'int',
      default: 3,
      min: 1,
      max: 10,
      description: 'fewest decimal places of an operand',
    },
    max_num_decimal_places: {
      kind: 'int',
      default: 3,
      min: 1,
      max: 10,
      description: 'most decimal places of an operand',
    },
    min_terms: { kind: 'int', default: 2, min: 2, max: 12, description: 'fewest operands' },
    max_terms: { kind: 'int', default: 6, min: 2, max: 12, description: 'most operands' },
    precision: { kind: 'int', default: 12, min: 3, max: 30, description: 'significant digits asked for' },
  },
  ranges: [
    ['min_num_decimal_places', 'max_num_decimal_places'],
    ['min_terms', 'max_terms'],
  ],
  generate(options, rng) {
    for (;;) {
      const terms = rng.int(options.min_terms, options.max_terms);
      const operands: string[] = [];
      for (let i = 0; i < terms; i++) {
        const places = rng.int(options.min_num_decimal_places, options.max_num_decimal_places);
        const value = new Rational(BigInt(rng.int(1, 10 * 10 ** places)), 10n ** BigInt(places));
        operands.push(value.toFixed(places));
      }
      const operators = Array.from({ length: terms - 1 }, () => rng.pick(['+', '-', '*', '/']));
      const expression = group(rng, operands, operators);
      let value: Rational;
      try {
        value = evaluateExact(expression);
      } catch {
        continue;
      } // a zero divisor: draw again
      const prompt =
        `Please solve this problem to a maximum of ${options.precision} significant digits, rounding up from ` +
        `the half. Only reply with the final value.\n` +
        `${expression} = ?\nReturn your final answer within triple angle brackets, e.g. <<<value>>>.`;
      return {
        prompt,
        answer: toSignificantPlain(value, options.precision),
        metadata: { expression, exact: value.toString() },
      };
    }
  },
  check(instance, answer) {
    const given = parseDecimal(stripNumberWrappers(answer));
    if (!given) return unparseable('expected a decimal number');
    const [num, den = '1'] = (instance.metadata.exact as string).split('/');
    const exact = new Rational(BigInt(num), BigInt(den));
    if (exact.isZero()) return given.isZero() ? CORRECT : wrong();
    const precision = (instance.metadata.difficulty as { precision: number }).precision;
    const shift = decimalExponent(exact) - precision + 1;
    const unit = shift >= 0 ? new Rational(10n ** BigInt(shift)) : new Rational(1n, 10n ** BigInt(-shift));
    return given.sub(exact).abs().compare(unit) <= 0 ? CORRECT : wrong();
  },
  referenceSolution: (instance) =>
    `${PY_EXACT_EVAL}from decimal import Decimal, getcontext, ROUND_HALF_UP\ngetcontext().prec = 60\nv = ` +
    `ev(${JSON.stringify(instance.metadata.expression)})\nd = Decimal(v.numerator) / Decimal(v.denominator)\nif ` +
    `d == 0:\n    print(0)\nelse:\n    q = d.quantize(Decimal(1).scaleb(d.adjusted() ` +
    `- ${(instance.metadata.difficulty as { precision: number }).precision - 1}), rounding=ROUND_HALF_UP)\n    ` +
    `print(format(q, "f"))\n`,
});
