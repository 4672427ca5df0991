// rg.arithmetic.prime_factorization: the prime factors of an integer, written with ×
// (Reasoning-Gym `prime_factorization`). Any order, `p^k` powers and `*` separators are accepted.
import { defineTask } from '../../define-task.js';
import { CORRECT, unparseable, wrong } from '../../answer.js';

function primeFactors(n: number): number[] {
  const out: number[] = [];
  for (let d = 2; d * d <= n; d++) while (n % d === 0) { out.push(d); n /= d; }
  if (n > 1) out.push(n);
  return out;
}

/** The factors an answer lists (`2 × 2 × 3`, `2^2 * 3`), sorted; null when it is not such a list. */
export function parseFactorList(text: string): number[] | null {
  const t = text.trim().replace(/^\$|\$$/g, '').replace(/\\times|\\cdot/g, '×');
  if (t.length === 0 || t.length > 2000) return null;
  const out: number[] = [];
  for (const part of t.split(/[×*·xX]/)) {
    const match = /^\s*(\d{1,15})\s*(?:(?:\^|\*\*)\s*(\d{1,3}))?\s*$/.exec(part);
    if (!match) return null;
    const power = match[2] === undefined ? 1 : Number(match[2]);
    if (out.length + power > 200) return null;
    for (let i = 0; i < power; i++) out.push(Number(match[1]));
  }
  return out.sort((a, b) => a - b);
}

export const primeFactorization = defineTask({
  id: 'rg.arithmetic.prime_factorization',
  source: 'rg',
  category: 'arithmetic',
  description: 'Write the prime factorization of an integer.',
  answerFormat: 'primes separated by × (e.g. 2 × 2 × 3)',
  options: {
    min_value: { kind: 'int', default: 2, min: 2, max: 1e12, description: 'smallest number to factor' },
    max_value: { kind: 'int', default: 1000, min: 2, max: 1e12, description: 'largest number to factor' },
  },
  ranges: [['min_value', 'max_value']],
  generate(options, rng) {
    const number = rng.int(options.min_value, options.max_value);
    const factors = primeFactors(number);
    const prompt = (`Find the prime factorization of ${number}. Write the factors separated by × (Example: for 12 the answer ` + `would be: 2 × 2 × 3)\n`)
      + 'Return your final answer within triple angle brackets, as <<<p1 × p2 × ...>>>.';
    return { prompt, answer: factors.join(' × '), metadata: { number, factors } };
  },
  check(instance, answer) {
    const given = parseFactorList(answer);
    if (!given) return unparseable('expected primes separated by ×');
    const gold = instance.metadata.factors as number[];
    return given.length === gold.length && given.every((f, i) => f === gold[i]) ? CORRECT : wrong();
  },
  referenceSolution: (instance) => (`n = ${instance.metadata.number as number}\nout = []\nd = 2\nwhile d * d <= n:\n    while n % d == ` + `0:\n        out.append(d)\n        n //= d\n    d += 1\nif n > 1:\n    out.append(n)\nprint(" × ` + `".join(map(str, out)))\n`),
});
