// rg.arithmetic.products: multiply a few integers of a chosen digit length (Reasoning-Gym `products`).
import { defineTask } from '../../define-task.js';
import { Rational, verifyExactNumber } from '../../kit/index.js';

export const products = defineTask({
  id: 'rg.arithmetic.products',
  source: 'rg',
  category: 'arithmetic',
  description: 'Multiply a few integers of a given number of digits.',
  answerFormat: 'an integer',
  options: {
    min_terms: { kind: 'int', default: 2, min: 1, max: 20, description: 'fewest factors' },
    max_terms: { kind: 'int', default: 2, min: 1, max: 20, description: 'most factors' },
    min_digits: { kind: 'int', default: 1, min: 1, max: 15, description: 'fewest digits per factor' },
    max_digits: { kind: 'int', default: 5, min: 1, max: 15, description: 'most digits per factor' },
    allow_negation: { kind: 'bool', default: false, description: 'allow negative factors' },
  },
  ranges: [
    ['min_terms', 'max_terms'],
    ['min_digits', 'max_digits'],
  ],
  generate(options, rng) {
    const terms = rng.int(options.min_terms, options.max_terms);
    const digits = rng.int(options.min_digits, options.max_digits);
    const max = 10 ** digits - 1;
    const min = options.allow_negation ? -max : digits === 1 ? 0 : 10 ** (digits - 1);
    const factors = Array.from({ length: terms }, () => rng.int(min, max));
    const product = factors.reduce((acc, n) => acc * BigInt(n), 1n);
    const expression = factors.join(' * ');
    const prompt =
      `Solve the following multiplication: ${expression}. Give only the result as your final answer.\n` +
      'Return your final answer as a single integer within triple angle brackets, e.g. <<<result>>>.';
    return { prompt, answer: product.toString(), metadata: { factors, expression } };
  },
  check: (instance, answer) => verifyExactNumber(answer, Rational.of(BigInt(instance.answer))),
  referenceSolution: (instance) => `import math\nprint(math.prod(${JSON.stringify(instance.metadata.factors)}))\n`,
});
