// rg.arithmetic.gcd: the greatest common divisor of a few random integers (Reasoning-Gym `gcd`).
import { defineTask } from '../../define-task.js';
import { gcd, Rational, verifyExactNumber } from '../../kit/index.js';

export const gcdTask = defineTask({
  id: 'rg.arithmetic.gcd',
  source: 'rg',
  category: 'arithmetic',
  description: 'Greatest common divisor of a few random positive integers.',
  answerFormat: 'an integer',
  options: {
    min_numbers: { kind: 'int', default: 2, min: 2, max: 20, description: 'fewest numbers' },
    max_numbers: { kind: 'int', default: 2, min: 2, max: 20, description: 'most numbers' },
    min_value: { kind: 'int', default: 1, min: 1, max: 1e12, description: 'smallest value of a number' },
    max_value: { kind: 'int', default: 1000, min: 2, max: 1e12, description: 'largest value of a number' },
  },
  ranges: [
    ['min_numbers', 'max_numbers'],
    ['min_value', 'max_value'],
  ],
  generate(options, rng) {
    let numbers: number[] = [];
    let result = 1;
    // Like Reasoning-Gym: up to three draws to find numbers sharing a factor.
    for (let attempt = 0; attempt < 3; attempt++) {
      const count = rng.int(options.min_numbers, options.max_numbers);
      numbers = Array.from({ length: count }, () => rng.int(options.min_value, options.max_value));
      result = numbers.reduce(gcd);
      if (result > 1) break;
    }
    const prompt =
      `Find the Greatest Common Divisor (GCD) of these numbers: ${numbers.join(', ')}. Give only the GCD as ` +
      `your final answer.\n` +
      'Return your final answer as a single integer within triple angle brackets, e.g. <<<GCD>>>.';
    return { prompt, answer: String(result), metadata: { numbers } };
  },
  check: (instance, answer) => verifyExactNumber(answer, Rational.of(BigInt(instance.answer))),
  referenceSolution: (instance) =>
    `import math\nfrom functools import ` +
    `reduce\nprint(reduce(math.gcd, ${JSON.stringify(instance.metadata.numbers)}))\n`,
});
