// symbench.number_multiply: the product of a few integers of mixed lengths (CodeSteer's
// number_multiply, digit patterns such as 1·2·4 and 1·2·2·4 digits). Exact integer answer.
import { defineTask } from '../define-task.js';
import { parseInteger, wrong, unparseable, CORRECT } from '../answer.js';

export const numberMultiply = defineTask({
  id: 'symbench.number_multiply',
  source: 'symbench',
  description: 'Multiply several integers of different lengths exactly.',
  answerFormat: 'an integer',
  options: {
    count: { kind: 'int', default: 3, min: 2, max: 8, description: 'how many numbers are multiplied' },
    min_digits: { kind: 'int', default: 1, min: 1, max: 12, description: 'fewest digits of a number' },
    max_digits: { kind: 'int', default: 4, min: 1, max: 12, description: 'most digits of a number' },
  },
  ranges: [['min_digits', 'max_digits']],
  generate(options, rng) {
    const numbers: number[] = [];
    for (let i = 0; i < options.count; i++) {
      const digits = rng.int(options.min_digits, options.max_digits);
      numbers.push(rng.int(digits === 1 ? 2 : 10 ** (digits - 1), 10 ** digits - 1));
    }
    const product = numbers.reduce((acc, n) => acc * BigInt(n), 1n);
    const prompt = (`What is the result of ${numbers.join('*')}?\nReturn your final answer as a single integer ` + `within triple angle brackets, e.g. <<<123>>>.`);
    return { prompt, answer: product.toString(), metadata: { numbers } };
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
