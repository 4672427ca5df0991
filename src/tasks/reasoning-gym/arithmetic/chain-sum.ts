// rg.arithmetic.chain_sum: a chain of additions and subtractions of integers (Reasoning-Gym `chain_sum`).
import { defineTask } from '../../define-task.js';
import { Rational, verifyExactNumber } from '../../kit/index.js';

export const chainSum = defineTask({
  id: 'rg.arithmetic.chain_sum',
  source: 'rg',
  category: 'arithmetic',
  description: 'Evaluate a chain of integer additions and subtractions.',
  answerFormat: 'an integer',
  options: {
    min_terms: { kind: 'int', default: 2, min: 1, max: 30, description: 'fewest terms' },
    max_terms: { kind: 'int', default: 6, min: 1, max: 30, description: 'most terms' },
    min_digits: { kind: 'int', default: 1, min: 1, max: 15, description: 'fewest digits per term' },
    max_digits: { kind: 'int', default: 4, min: 1, max: 15, description: 'most digits per term' },
    allow_negation: { kind: 'bool', default: false, description: 'allow negative terms' },
  },
  ranges: [
    ['min_terms', 'max_terms'],
    ['min_digits', 'max_digits'],
  ],
  generate(options, rng) {
    const terms = rng.int(options.min_terms, options.max_terms);
    const digits = rng.int(options.min_digits, options.max_digits);
    const max = 10 ** digits - 1;
    const min = digits === 1 ? 0 : 10 ** (digits - 1);
    const values = Array.from({ length: terms }, () =>
      options.allow_negation ? rng.int(-max, max) : rng.int(min, max),
    );
    let result = values[0];
    let expression = String(values[0]);
    for (let i = 1; i < terms; i++) {
      const op = rng.bool() ? '+' : '-';
      result += op === '+' ? values[i] : -values[i];
      expression += ` ${op} ${values[i]}`;
    }
    const prompt =
      `State the final answer to the following arithmetic problem: ${expression} =\n` +
      'Return your final answer as a single integer within triple angle brackets, e.g. <<<result>>>.';
    return { prompt, answer: String(result), metadata: { expression } };
  },
  check: (instance, answer) => verifyExactNumber(answer, Rational.of(BigInt(instance.answer))),
  referenceSolution: (instance) => `print(${instance.metadata.expression as string})\n`,
});
