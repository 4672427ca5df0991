// rg.arithmetic.count_bits: how many 1 bits a number has in binary (Reasoning-Gym `count_bits`).
import { defineTask } from '../../define-task.js';
import { Rational, verifyExactNumber } from '../../kit/index.js';

export const countBits = defineTask({
  id: 'rg.arithmetic.count_bits',
  source: 'rg',
  category: 'arithmetic',
  description: 'Count the 1 bits in the binary representation of a number.',
  answerFormat: 'an integer',
  options: {
    min_n: { kind: 'int', default: 1, min: 1, max: Number.MAX_SAFE_INTEGER, description: 'smallest number' },
    max_n: { kind: 'int', default: 2 ** 31 - 1, min: 1, max: Number.MAX_SAFE_INTEGER, description: 'largest number' },
  },
  ranges: [['min_n', 'max_n']],
  generate(options, rng) {
    const number = rng.int(options.min_n, options.max_n);
    let ones = 0;
    for (const digit of number.toString(2)) if (digit === '1') ones++;
    const prompt =
      `How many 1 bits are there in the binary representation of the number ${number}?\n` +
      'Return your final answer as a single integer within triple angle brackets, e.g. <<<count>>>.';
    return { prompt, answer: String(ones), metadata: { number } };
  },
  check: (instance, answer) => verifyExactNumber(answer, Rational.of(BigInt(instance.answer))),
  referenceSolution: (instance) => `print(bin(${instance.metadata.number as number}).count("1"))\n`,
});
