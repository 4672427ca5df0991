// rg.algorithmic.binary_alternation: the fewest swaps (any two positions) that make a binary string
// alternate, or -1 when no swap sequence can.
import { defineTask, answerInstruction } from '../../define-task.js';
import { CORRECT, wrong, unparseable, parseInteger } from '../../answer.js';

/** Minimum swaps to reach an alternating string; -1 when the counts of 0s and 1s differ by > 1. */
export function minAlternationSwaps(bits: string): number {
  let ones = 0;
  for (const ch of bits) if (ch === '1') ones++;
  const zeros = bits.length - ones;
  if (Math.abs(ones - zeros) > 1) return -1;
  const mismatches = (first: string): number => {
    let count = 0;
    for (let i = 0; i < bits.length; i++) if (bits[i] !== ((i % 2 === 0) === (first === '1') ? '1' : '0')) count++;
    return count / 2;
  };
  if (ones > zeros) return mismatches('1');
  if (zeros > ones) return mismatches('0');
  return Math.min(mismatches('0'), mismatches('1'));
}

export const binaryAlternation = defineTask({
  id: 'rg.algorithmic.binary_alternation',
  source: 'rg',
  category: 'algorithmic',
  description: 'Minimum number of swaps to make a binary string alternating, or -1.',
  answerFormat: 'an integer (-1 when impossible)',
  options: {
    min_n: { kind: 'int', default: 10, min: 1, max: 1000, description: 'fewest bits' },
    max_n: { kind: 'int', default: 30, min: 1, max: 1000, description: 'most bits' },
    p_solvable: {
      kind: 'float',
      default: 0.8,
      min: 0,
      max: 1,
      description: 'probability that the string can be made alternating',
    },
  },
  ranges: [['min_n', 'max_n']],
  generate(options, rng) {
    const n = rng.int(options.min_n, options.max_n);
    const solvable = rng.next() < options.p_solvable;
    let ones = Math.floor(n / 2),
      zeros = Math.floor(n / 2);
    if (n % 2 === 1) {
      if (rng.bool()) ones++;
      else zeros++;
    }
    if (!solvable) {
      if (ones > zeros) ones++;
      else if (zeros > ones) zeros++;
      else if (rng.bool()) ones += 2;
      else zeros += 2;
    }
    const bits = rng.shuffle([...'1'.repeat(ones), ...'0'.repeat(zeros)]).join('');
    const answer = minAlternationSwaps(bits);
    const prompt = [
      'Given a binary string, return the minimum number of character swaps to make it alternating, or -1 if it ' +
        'is impossible.',
      '',
      'The string is called alternating if no two adjacent characters are equal. For example, the strings "010" ' +
        'and "1010" are alternating, while the string "0100" is not.',
      '',
      'Any two characters may be swapped, even if they are not adjacent.',
      '',
      `Now, determine the minimum number of swaps to make the following binary string alternating: ${bits}`,
      answerInstruction('the minimum number of swaps, or -1'),
    ].join('\n');
    return { prompt, answer: String(answer), metadata: { string: bits, solvable } };
  },
  check(instance, answer) {
    const value = parseInteger(answer);
    if (value === null) return unparseable('expected an integer');
    return value === BigInt(instance.answer) ? CORRECT : wrong();
  },
  referenceSolution(instance) {
    return `s = ${JSON.stringify(instance.metadata.string)}
def cost(first):
    want = [first if i % 2 == 0 else ('1' if first == '0' else '0') for i in range(len(s))]
    if sorted(want) != sorted(s):
        return None
    return sum(1 for a, b in zip(s, want) if a != b) // 2
costs = [c for c in (cost('0'), cost('1')) if c is not None]
print(min(costs) if costs else -1)
`;
  },
});
