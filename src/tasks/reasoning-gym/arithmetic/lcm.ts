// rg.arithmetic.lcm: the least common multiple of a few random integers (Reasoning-Gym `lcm`).
import { defineTask } from '../../define-task.js';
import { bigGcd, Rational, verifyExactNumber } from '../../kit/index.js';

export const lcmTask = defineTask({
  id: 'rg.arithmetic.lcm',
  source: 'rg',
  category: 'arithmetic',
  description: 'Least common multiple of a few random positive integers.',
  answerFormat: 'an integer',
  options: {
    min_numbers: { kind: 'int', default: 2, min: 2, max: 20, description: 'fewest numbers' },
    max_numbers: { kind: 'int', default: 2, min: 2, max: 20, description: 'most numbers' },
    min_value: { kind: 'int', default: 1, min: 1, max: 1e9, description: 'smallest value of a number' },
    max_value: { kind: 'int', default: 100, min: 2, max: 1e9, description: 'largest value of a number' },
  },
  ranges: [
    ['min_numbers', 'max_numbers'],
    ['min_value', 'max_value'],
  ],
  generate(options, rng) {
    let numbers: number[] = [];
    let result = 1n;
    // Like Reasoning-Gym: up to three draws to find numbers whose LCM is below their product.
    for (let attempt = 0; attempt < 3; attempt++) {
      const count = rng.int(options.min_numbers, options.max_numbers);
      numbers = Array.from({ length: count }, () => rng.int(options.min_value, options.max_value));
      result = numbers.reduce((acc, n) => (acc * BigInt(n)) / bigGcd(acc, BigInt(n)), 1n);
      const product = numbers.reduce((acc, n) => acc * BigInt(n), 1n);
      if (result < product) break;
    }
    const prompt =
      `Find the Least Common Multiple (LCM) of these numbers: ${numbers.join(', ')}\n` +
      'Return your final answer as a single integer within triple angle brackets, e.g. <<<LCM>>>.';
    return { prompt, answer: result.toString(), metadata: { numbers } };
  },
  check: (instance, answer) => verifyExactNumber(answer, Rational.of(BigInt(instance.answer))),
  referenceSolution: (instance) => `import math\nprint(math.lcm(*${JSON.stringify(instance.metadata.numbers)}))\n`,
});
