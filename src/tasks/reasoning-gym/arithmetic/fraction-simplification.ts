// rg.arithmetic.fraction_simplification: reduce a fraction to lowest terms, in plain or LaTeX
// style (Reasoning-Gym `fraction_simplification`). Any of the four styles is accepted in the answer.
import { defineTask } from '../../define-task.js';
import { CORRECT, unparseable, wrong } from '../../answer.js';
import { gcd } from '../../kit/index.js';

const STYLES = ['plain', 'latex_inline', 'latex_frac', 'latex_dfrac'] as const;

function formatFraction(num: number, den: number, style: string): string {
  switch (style) {
    case 'latex_inline': return `$${num}/${den}$`;
    case 'latex_frac': return `$\\frac{${num}}{${den}}$`;
    case 'latex_dfrac': return `$\\dfrac{${num}}{${den}}$`;
    default: return `${num}/${den}`;
  }
}

/** [numerator, denominator] from `a/b`, `$a/b$`, `\frac{a}{b}` or `\dfrac{a}{b}`; null otherwise. */
export function parseFraction(text: string): [number, number] | null {
  const t = text.trim().replace(/^\$+|\$+$/g, '').trim();
  const latex = /^\\d?frac\s*\{\s*(\d{1,15})\s*\}\s*\{\s*(\d{1,15})\s*\}$/.exec(t);
  if (latex) return [Number(latex[1]), Number(latex[2])];
  const plain = /^(\d{1,15})\s*\/\s*(\d{1,15})$/.exec(t);
  return plain ? [Number(plain[1]), Number(plain[2])] : null;
}

export const fractionSimplification = defineTask({
  id: 'rg.arithmetic.fraction_simplification',
  source: 'rg',
  category: 'arithmetic',
  description: 'Simplify a fraction to lowest terms.',
  answerFormat: 'a fraction a/b (or \\frac{a}{b})',
  options: {
    min_value: { kind: 'int', default: 1, min: 1, max: 1e6, description: 'smallest numerator/denominator of the reduced fraction' },
    max_value: { kind: 'int', default: 1000, min: 2, max: 1e6, description: 'largest numerator/denominator of the reduced fraction' },
    min_factor: { kind: 'int', default: 1, min: 1, max: 1e6, description: 'smallest common factor multiplied in' },
    max_factor: { kind: 'int', default: 100, min: 1, max: 1e6, description: 'largest common factor multiplied in' },
    styles: { kind: 'enum', default: 'any', values: ['any', ...STYLES], description: 'how the fraction is written (any: one of the four at random)' },
  },
  ranges: [['min_value', 'max_value'], ['min_factor', 'max_factor']],
  generate(options, rng) {
    let num = 1, den = 1;
    for (let attempt = 0; attempt < 10; attempt++) {
      const a = rng.int(options.min_value, options.max_value), b = rng.int(options.min_value, options.max_value);
      const g = gcd(a, b);
      [num, den] = [a / g, b / g];
      if (num >= options.min_value && den >= options.min_value) break;
    }
    if (num > den) [num, den] = [den, num];
    const factor = rng.int(options.min_factor, options.max_factor);
    const style = options.styles === 'any' ? rng.pick(STYLES) : options.styles;
    const prompt = (`Simplify the fraction ${formatFraction(num * factor, den * factor, style)} to its lowest terms. Give ` + `only the simplified fraction as your final answer.\n`)
      + 'Return your final answer within triple angle brackets, as <<<numerator/denominator>>>.';
    return { prompt, answer: formatFraction(num, den, style), metadata: { numerator: num * factor, denominator: den * factor, simplified: [num, den] } };
  },
  check(instance, answer) {
    const given = parseFraction(answer);
    if (!given) return unparseable('expected a fraction such as 3/4');
    const [num, den] = instance.metadata.simplified as number[];
    return given[0] === num && given[1] === den ? CORRECT : wrong();
  },
  referenceSolution: (instance) =>
    `from fractions import Fraction\n` +
    `f = Fraction(${instance.metadata.numerator as number}, ${instance.metadata.denominator as number})\n` +
    'print(f"{f.numerator}/{f.denominator}")\n',
});
