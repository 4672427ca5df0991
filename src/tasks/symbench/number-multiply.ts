// symbench.number_multiply: the product of a few integers of mixed lengths (CodeSteer's
// number_multiply: digit patterns 1·2·4, 1·3·4 and 1·2·2·4, random signs). Exact integer answer.
import { defineTask } from '../define-task.js';
import { parseInteger, wrong, unparseable, CORRECT } from '../answer.js';

/** The digit counts of CodeSteer's three number_multiply test sets (dataset_gather/number_multiply). */
const CODESTEER_PATTERNS: readonly (readonly number[])[] = [
  [1, 2, 4],
  [1, 3, 4],
  [1, 2, 2, 4],
];

export const numberMultiply = defineTask({
  id: 'symbench.number_multiply',
  source: 'symbench',
  description: 'Multiply several integers of different lengths exactly.',
  answerFormat: 'an integer',
  options: {
    count: { kind: 'int', default: 3, min: 2, max: 8, description: 'how many numbers are multiplied (digits range)' },
    min_digits: { kind: 'int', default: 1, min: 1, max: 12, description: 'fewest digits of a number (digits range)' },
    max_digits: { kind: 'int', default: 4, min: 1, max: 12, description: 'most digits of a number (digits range)' },
    digits: {
      kind: 'enum',
      default: 'codesteer',
      values: ['codesteer', 'range'],
      description:
        "codesteer: CodeSteer's test patterns 1·2·4, 1·3·4 or 1·2·2·4 digits with random signs; range: the three above",
    },
  },
  ranges: [['min_digits', 'max_digits']],
  generate(options, rng) {
    const digits: number[] = [];
    const numbers: number[] = [];
    const draw = (d: number): number => rng.int(d === 1 ? 2 : 10 ** (d - 1), 10 ** d - 1);
    if (options.digits === 'codesteer') {
      for (const d of rng.pick(CODESTEER_PATTERNS)) {
        const magnitude = draw(d);
        digits.push(d);
        numbers.push(rng.bool() ? -magnitude : magnitude);
      }
    } else {
      // Each number's length and then its value, in that order: the draws (and so the questions of a
      // seed) are the ones this option gave before the CodeSteer patterns became the default.
      for (let i = 0; i < options.count; i++) {
        digits.push(rng.int(options.min_digits, options.max_digits));
        numbers.push(draw(digits[i]));
      }
    }
    const product = numbers.reduce((acc, n) => acc * BigInt(n), 1n);
    const prompt =
      `What is the result of ${numbers.join('*')}?\nReturn your final answer as a single integer ` +
      `within triple angle brackets, e.g. <<<123>>>.`;
    return { prompt, answer: product.toString(), metadata: { numbers, digits } };
  },
  check(instance, answer) {
    const value = parseInteger(answer);
    if (value === null) return unparseable('expected an integer');
    return value === BigInt(instance.answer) ? CORRECT : wrong();
  },
  referenceSolution(instance) {
    const numbers = instance.metadata.numbers as number[];
    return `import math\nnumbers = ${JSON.stringify(numbers)}\nprint(math.prod(numbers))\n`;
  },
});
