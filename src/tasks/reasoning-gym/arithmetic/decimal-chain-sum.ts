// rg.arithmetic.decimal_chain_sum: a chain of additions and subtractions of decimals (Reasoning-Gym
// `decimal_chain_sum`). Compared exactly as decimals: 1.50 and 1.5 are the same answer.
import { defineTask } from '../../define-task.js';
import { parseDecimal, PY_EXACT_EVAL, Rational, verifyExactNumber } from '../../kit/index.js';

export const decimalChainSum = defineTask({
  id: 'rg.arithmetic.decimal_chain_sum',
  source: 'rg',
  category: 'arithmetic',
  description: 'Evaluate a chain of decimal additions and subtractions exactly.',
  answerFormat: 'a decimal number',
  options: {
    min_terms: { kind: 'int', default: 2, min: 1, max: 30, description: 'fewest terms' },
    max_terms: { kind: 'int', default: 6, min: 1, max: 30, description: 'most terms' },
    min_digits: { kind: 'int', default: 1, min: 1, max: 12, description: 'fewest digits of the integer part' },
    max_digits: { kind: 'int', default: 4, min: 1, max: 12, description: 'most digits of the integer part' },
    min_decimal_places: { kind: 'int', default: 1, min: 0, max: 10, description: 'fewest decimal places of a term' },
    max_decimal_places: { kind: 'int', default: 4, min: 0, max: 10, description: 'most decimal places of a term' },
    allow_negation: { kind: 'bool', default: false, description: 'allow negative terms' },
  },
  ranges: [
    ['min_terms', 'max_terms'],
    ['min_digits', 'max_digits'],
    ['min_decimal_places', 'max_decimal_places'],
  ],
  generate(options, rng) {
    const terms = rng.int(options.min_terms, options.max_terms);
    const digits = rng.int(options.min_digits, options.max_digits);
    const max = 10 ** digits - 1,
      min = digits === 1 ? 0 : 10 ** (digits - 1);
    let expression = '';
    let total = Rational.of(0);
    let widest = 0;
    for (let i = 0; i < terms; i++) {
      const whole = options.allow_negation ? rng.int(-max, max) : rng.int(min, max);
      const places = rng.int(options.min_decimal_places, options.max_decimal_places);
      widest = Math.max(widest, places);
      const fraction = places === 0 ? 0 : rng.int(10 ** (places - 1), 10 ** places - 1);
      // Like Reasoning-Gym, the decimal part is added to the integer part (so -3 and .25 make -2.75).
      const value = Rational.of(whole).add(new Rational(BigInt(fraction), 10n ** BigInt(places)));
      const op = i === 0 ? '+' : rng.bool() ? '+' : '-';
      expression += i === 0 ? value.toFixed(places) : ` ${op} ${value.toFixed(places)}`;
      total = op === '+' ? total.add(value) : total.sub(value);
    }
    const prompt =
      `State the final answer to the following arithmetic problem: ${expression} =\n` +
      'Return your final answer within triple angle brackets, e.g. <<<value>>>.';
    return { prompt, answer: total.toFixed(widest), metadata: { expression } };
  },
  check: (instance, answer) => verifyExactNumber(answer, parseDecimal(instance.answer)!),
  referenceSolution: (instance) =>
    `${PY_EXACT_EVAL}from decimal import Decimal\nv = ` +
    `ev(${JSON.stringify(instance.metadata.expression)})\nprint(format(Decimal(v.numerator) / ` +
    `Decimal(v.denominator), "f"))\n`,
});
