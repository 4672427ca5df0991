// rg.arithmetic.power_function: a decimal base to an integer power, to 3 significant figures
// (Reasoning-Gym `power_function`). The value is exact (a rational), so the rounding is too.
import { defineTask } from '../../define-task.js';
import { CORRECT, unparseable, wrong } from '../../answer.js';
import { parseDecimal, Rational, stripNumberWrappers, toSignificant } from '../../kit/index.js';

function power(base: Rational, exponent: number): Rational {
  let out = Rational.of(1);
  for (let i = 0; i < Math.abs(exponent); i++) out = out.mul(base);
  return exponent < 0 ? Rational.of(1).div(out) : out;
}

export const powerFunction = defineTask({
  id: 'rg.arithmetic.power_function',
  source: 'rg',
  category: 'arithmetic',
  description: 'Compute a decimal number raised to an integer power, to 3 significant figures.',
  answerFormat: 'a number in e notation with 3 significant figures (e.g. 1.23e+4)',
  options: {
    min_base: { kind: 'float', default: -1e3, min: -1e6, max: 1e6, description: 'smallest base (4 decimals)' },
    max_base: { kind: 'float', default: 1e3, min: -1e6, max: 1e6, description: 'largest base (4 decimals)' },
    min_exponent: { kind: 'int', default: 0, min: 0, max: 30, description: 'smallest magnitude of the exponent' },
    max_exponent: {
      kind: 'int',
      default: 8,
      min: 0,
      max: 30,
      description: 'largest magnitude of the exponent (its sign is random)',
    },
  },
  ranges: [
    ['min_base', 'max_base'],
    ['min_exponent', 'max_exponent'],
  ],
  generate(options, rng) {
    const low = Math.ceil(options.min_base * 1e4),
      high = Math.floor(options.max_base * 1e4);
    let units = 0;
    // A zero base with a negative exponent has no value; draw again (the range always holds a non-zero).
    for (let attempt = 0; attempt < 100 && units === 0; attempt++) units = rng.int(low, high);
    if (units === 0) units = high !== 0 ? high : low;
    const base = new Rational(BigInt(units), 10000n);
    let exponent = rng.int(options.min_exponent, options.max_exponent);
    if (rng.bool()) exponent = -exponent;
    const value = power(base, exponent);
    const baseText = base.toDecimal(4);
    const prompt =
      'Your task is to compute an exponentiation of a number.\n' +
      (`Compute ${units < 0 ? `(${baseText})` : baseText}^${exponent}. Return your final answer correct to 3 ` +
        `significant figures.\n`) +
      "Provide your answer in scientific notation using 'e' notation.\n" +
      'Return your final answer within triple angle brackets, e.g. <<<d.dde+X>>>.';
    return { prompt, answer: toSignificant(value, 3), metadata: { base: baseText, exponent, value: value.toString() } };
  },
  check(instance, answer) {
    const given = parseDecimal(stripNumberWrappers(answer).replace(/\s*[×x*]\s*10\s*\^\s*\{?([+-]?\d+)\}?$/, 'e$1'));
    if (!given) return unparseable('expected a number such as 1.23e+4');
    const [num, den = '1'] = (instance.metadata.value as string).split('/');
    const exact = new Rational(BigInt(num), BigInt(den));
    const mine = toSignificant(given, 3);
    // An exact tie may be rounded either way (Python's Decimal rounds half to even).
    return mine === toSignificant(exact, 3) || mine === toSignificant(exact, 3, true) ? CORRECT : wrong();
  },
  referenceSolution: (instance) =>
    `from fractions import Fraction\nfrom decimal import Decimal, getcontext, ROUND_HALF_UP\ngetcontext().prec ` +
    `= 200\nv = Fraction("${instance.metadata.base as string}") ** ${instance.metadata.exponent as number}\nd = ` +
    `Decimal(v.numerator) / Decimal(v.denominator)\nprint(format(d.quantize(Decimal(1).scaleb(d.adjusted() - ` +
    `2), rounding=ROUND_HALF_UP), ".2e"))\n`,
});
