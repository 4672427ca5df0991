// rg.logic.self_reference: seven statements about how many of them are true; count the truth
// assignments under which every statement's truth matches its claim. Integer answer.
import { defineTask } from '../../define-task.js';
import { CORRECT, parseInteger, unparseable, wrong } from '../../answer.js';

const isPrime = (n: number): boolean => n === 2 || n === 3 || n === 5 || n === 7;
const isComposite = (n: number): boolean => n === 4 || n === 6;

/** Self-consistent assignments of the 7 statements with parameters a, b, c, d (all 128 checked). */
function countSolutions(a: number, b: number, c: number, d: number): number {
  let count = 0;
  for (let mask = 0; mask < 128; mask++) {
    const s = (i: number): boolean => ((mask >> i) & 1) === 1;
    let t = 0;
    for (let i = 0; i < 7; i++) if (s(i)) t++;
    const f = 7 - t;
    const claims = [t >= a, f <= b, t === c, f === d, s(2) !== s(3), isPrime(t), isComposite(f)];
    if (claims.every((claim, i) => claim === s(i))) count++;
  }
  return count;
}

export const selfReference = defineTask({
  id: 'rg.logic.self_reference',
  source: 'rg',
  category: 'logic',
  description: 'Count the consistent truth assignments of seven self-referential statements.',
  answerFormat: 'an integer',
  options: {
    difficulty: {
      kind: 'int',
      default: 5,
      min: 1,
      max: 10,
      description: 'kept for config compatibility (parameters are drawn around a planted solution)',
    },
  },
  generate(_options, rng) {
    const t = rng.int(1, 6);
    const intended = [rng.bool(), rng.bool(), rng.bool(), rng.bool()];
    const a = intended[0] ? rng.int(1, t) : t + 1 > 7 ? 7 : rng.int(t + 1, 7);
    const b = intended[1] ? rng.int(7 - t, 7) : rng.int(0, Math.max(6 - t, 0));
    const c = intended[2] ? t : rng.pick([0, 1, 2, 3, 4, 5, 6, 7].filter((x) => x !== t));
    const d = intended[3] ? 7 - t : rng.pick([0, 1, 2, 3, 4, 5, 6, 7].filter((x) => x !== 7 - t));
    const statements = [
      `Statement 1: 'At least ${a} of these 7 statements are true.'`,
      `Statement 2: 'At most ${b} of these 7 statements are false.'`,
      `Statement 3: 'Exactly ${c} of these 7 statements are true.'`,
      `Statement 4: 'Exactly ${d} of these 7 statements are false.'`,
      "Statement 5: 'Either Statement 3 or Statement 4 is true, but not both.'",
      "Statement 6: 'The number of true statements is a prime number.'",
      "Statement 7: 'The number of false statements is a composite number.'",
    ];
    const prompt =
      'Given the truthfulness of these statements, please tell me the number of possible solutions: \n' +
      statements.map((s) => ` - ${s}\n`).join('') +
      ('\nA solution is an assignment of true/false to the seven statements under which each statement is true ' +
        'exactly when what it says holds.\n') +
      'Give the number of solutions within triple angle brackets, as <<<number>>>.';
    return { prompt, answer: String(countSolutions(a, b, c, d)), metadata: { a, b, c, d } };
  },
  check(instance, answer) {
    const value = parseInteger(answer);
    if (value === null) return unparseable('expected an integer');
    return value === BigInt(instance.answer) ? CORRECT : wrong();
  },
  referenceSolution(instance) {
    const { a, b, c, d } = instance.metadata as Record<string, number>;
    return `from itertools import product
a, b, c, d = ${a}, ${b}, ${c}, ${d}
def prime(n):
    return n > 1 and all(n % k for k in range(2, n))
count = 0
for s in product([False, True], repeat=7):
    t = sum(s)
    f = 7 - t
    claims = [t >= a, f <= b, t == c, f == d, s[2] != s[3], prime(t), f > 1 and not prime(f)]
    count += all(x == y for x, y in zip(claims, s))
print(count)
`;
  },
});
