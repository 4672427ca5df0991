// rg.arithmetic.number_format: pick the largest or smallest of numbers written in mixed formats
// (plain, comma-grouped, scientific) (Reasoning-Gym `number_format`). Values are exact thousandths.
import { defineTask } from '../../define-task.js';
import { CORRECT, unparseable, wrong } from '../../answer.js';
import { parseDecimal, Rational, stripNumberWrappers } from '../../kit/index.js';

/** Thousandths as a plain decimal with `places` decimals (`1234.500000`). */
function plain(thousandths: number, places: number): string {
  const whole = Math.floor(thousandths / 1000),
    frac = String(thousandths % 1000).padStart(3, '0');
  return places === 0 ? String(whole) : `${whole}.${frac.padEnd(places, '0').slice(0, places)}`;
}

function grouped(thousandths: number): string {
  const whole = Math.floor(thousandths / 1000);
  const frac =
    String(thousandths % 1000)
      .padStart(3, '0')
      .replace(/0+$/, '') || '0';
  return `${String(whole).replace(/\B(?=(\d{3})+(?!\d))/g, ',')}.${frac}`;
}

function scientific(thousandths: number): string {
  const digits = String(thousandths);
  const exponent = digits.length - 1 - 3;
  const mantissa = (digits + '0'.repeat(16)).slice(0, 16);
  const exponentDigits = String(Math.abs(exponent)).padStart(2, '0');
  return `${mantissa[0]}.${mantissa.slice(1)}e${exponent < 0 ? '-' : '+'}${exponentDigits}`;
}

export const numberFormat = defineTask({
  id: 'rg.arithmetic.number_format',
  source: 'rg',
  category: 'arithmetic',
  description: 'Pick the largest or smallest of several numbers written in different formats.',
  answerFormat: 'a number',
  options: {
    min_num_candidates: { kind: 'int', default: 2, min: 2, max: 20, description: 'fewest candidates' },
    max_num_candidates: { kind: 'int', default: 5, min: 2, max: 20, description: 'most candidates' },
    min_n: { kind: 'float', default: 1000, min: 1, max: 1e12, description: 'smallest base value' },
    max_n: { kind: 'float', default: 1e9, min: 1, max: 1e12, description: 'largest base value' },
    max_delta: {
      kind: 'float',
      default: 10,
      min: 0.01,
      max: 1e6,
      description: 'largest distance of a candidate from the base value',
    },
  },
  ranges: [
    ['min_n', 'max_n'],
    ['min_num_candidates', 'max_num_candidates'],
  ],
  generate(options, rng) {
    const count = rng.int(options.min_num_candidates, options.max_num_candidates);
    const base = rng.int(Math.ceil(options.min_n * 1000), Math.floor(options.max_n * 1000));
    const spread = Math.round(options.max_delta * 1000);
    const values = new Set<number>([base]);
    // Distinct candidates, so "the largest" is one number; stop early if the range is too narrow.
    for (let tries = 0; values.size < count && tries < count * 20; tries++) {
      const value = base + rng.int(-spread, spread);
      if (value > 0) values.add(value);
    }
    const candidates = [...values];
    const shown = candidates.map((v) => {
      const style = rng.int(0, 2);
      return style === 0 ? plain(v, 6) : style === 1 ? grouped(v) : scientific(v);
    });
    const size = rng.bool() ? 'largest' : 'smallest';
    const chosen = size === 'largest' ? Math.max(...candidates) : Math.min(...candidates);
    const prompt =
      'Your task is to pick the largest/smallest number out of several options.\n' +
      'Your output should be only the number of interest.\n' +
      `Now, pick the ${size} number of the following candidates: ${shown.join(' ')}\n` +
      'Return your final answer within triple angle brackets, e.g. <<<number>>>.';
    return { prompt, answer: new Rational(BigInt(chosen), 1000n).toDecimal(3), metadata: { candidates: shown, size } };
  },
  check(instance, answer) {
    const given = parseDecimal(stripNumberWrappers(answer));
    if (!given) return unparseable('expected a number');
    return given.equals(parseDecimal(instance.answer)!) ? CORRECT : wrong();
  },
  referenceSolution: (instance) =>
    `from decimal import Decimal\nvals = [Decimal(s.replace(",", "")) for s ` +
    `in ${JSON.stringify(instance.metadata.candidates)}]\nv ` +
    `= ${instance.metadata.size === 'largest' ? 'max' : 'min'}(vals)\nprint(format(v.normalize(), "f"))\n`,
});
