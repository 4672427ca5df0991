// rg.algorithmic.count_primes: how many primes lie in [start, end]; counted from a cached sieve
// with prefix sums, so each question costs O(1) after the first.
import { defineTask, answerInstruction } from '../../define-task.js';
import { CORRECT, wrong, unparseable, parseInteger } from '../../answer.js';

let primeCounts: Int32Array = new Int32Array(0);

/** primeCounts[i] = number of primes ≤ i, for i ≤ limit (the sieve grows when asked for more). */
function primeCountTable(limit: number): Int32Array {
  if (primeCounts.length > limit) return primeCounts;
  const composite = new Uint8Array(limit + 1);
  const counts = new Int32Array(limit + 1);
  let count = 0;
  for (let i = 2; i <= limit; i++) {
    if (!composite[i]) {
      count++;
      for (let j = i * i; j <= limit; j += i) composite[j] = 1;
    }
    counts[i] = count;
  }
  primeCounts = counts;
  return counts;
}

export const countPrimes = defineTask({
  id: 'rg.algorithmic.count_primes',
  source: 'rg',
  category: 'algorithmic',
  description: 'Count the primes in an interval.',
  answerFormat: 'an integer',
  options: {
    min_n: { kind: 'int', default: 1, min: 1, max: 10_000_000, description: 'lower bound of the interval' },
    max_n: { kind: 'int', default: 10_000, min: 1, max: 10_000_000, description: 'upper bound of the interval' },
  },
  ranges: [['min_n', 'max_n']],
  generate(options, rng) {
    const start = rng.int(options.min_n, options.max_n);
    const end = rng.int(start, options.max_n);
    const table = primeCountTable(options.max_n);
    const answer = table[end] - table[start - 1];
    const prompt =
      `Count how many prime numbers there are between ${start} and ${end} (inclusive) ` +
      `?\n${answerInstruction('the number of primes')}`;
    return { prompt, answer: String(answer), metadata: { start, end } };
  },
  check(instance, answer) {
    const value = parseInteger(answer);
    if (value === null) return unparseable('expected an integer');
    return value === BigInt(instance.answer) ? CORRECT : wrong();
  },
  referenceSolution(instance) {
    return `from sympy import primepi
print(int(primepi(${instance.metadata.end as number}) - primepi(${(instance.metadata.start as number) - 1})))
`;
  },
});
