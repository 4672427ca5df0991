// rg.algorithmic.cryptarithm: a letter addition puzzle (2–3 addends) made by encoding real numbers;
// any letter→digit mapping that satisfies the sum and the rules is accepted, not only the stored one.
import { defineTask, answerInstruction } from '../../define-task.js';
import { CORRECT, wrong, unparseable } from '../../answer.js';
import type { Rng } from '../../../core/index.js';

const LETTERS = 'ABCDEFGHIJKLMNOPQRSTUVWXYZ'.split('');

/** Why `mapping` does not solve the puzzle, or null when it does. */
export function cryptarithmProblem(
  mapping: ReadonlyMap<string, number>,
  words: readonly string[],
  result: string,
  allowLeadingZero: boolean,
): string | null {
  const letters = new Set([...words.join(''), ...result]);
  for (const letter of letters) if (!mapping.has(letter)) return `no digit for ${letter}`;
  for (const letter of mapping.keys()) if (!letters.has(letter)) return `${letter} is not in the puzzle`;
  if (new Set(mapping.values()).size !== mapping.size) return 'two letters share a digit';
  if (!allowLeadingZero && [...words, result].some((w) => mapping.get(w[0]) === 0)) return 'a leading letter is 0';
  const value = (word: string): number => [...word].reduce((acc, ch) => acc * 10 + mapping.get(ch)!, 0);
  const sum = words.reduce((acc, w) => acc + value(w), 0);
  return sum === value(result) ? null : 'the sum does not hold';
}

function drawPuzzle(
  rng: Rng,
  wordCount: number,
  allowLeadingZero: boolean,
): { numbers: number[]; digitToLetter: Map<string, string> } | null {
  const numbers = Array.from({ length: wordCount }, () => {
    const length = rng.int(3, 5);
    return allowLeadingZero ? rng.int(0, 10 ** length - 1) : rng.int(10 ** (length - 1), 10 ** length - 1);
  });
  const total = numbers.reduce((a, b) => a + b, 0);
  const digits = [...new Set([...numbers, total].join(''))];
  const letters = rng.sample(LETTERS, digits.length);
  const digitToLetter = new Map(rng.shuffle(digits).map((d, i) => [d, letters[i]]));
  if (!allowLeadingZero && [...numbers, total].some((n) => String(n)[0] === '0')) return null;
  return { numbers, digitToLetter };
}

function layout(words: readonly string[], result: string): string {
  const width = Math.max(...words.map((w) => w.length), result.length);
  const lines = words.map((w, i) => (i < words.length - 1 ? w.padStart(width + 2) : `+ ${w.padStart(width)}`));
  return [...lines, '-'.repeat(width + 2), result.padStart(width + 2)].join('\n');
}

/** Reads `A=1, B=2` (spaces allowed); null when a pair is malformed or a letter repeats. */
export function parseMapping(text: string): Map<string, number> | null {
  const pairs = text.trim().split(',');
  if (pairs.length > 26) return null;
  const mapping = new Map<string, number>();
  for (const pair of pairs) {
    const match = /^\s*([A-Za-z])\s*=\s*(\d)\s*$/.exec(pair);
    if (!match) return null;
    const letter = match[1].toUpperCase();
    if (mapping.has(letter)) return null;
    mapping.set(letter, Number(match[2]));
  }
  return mapping;
}

export const cryptarithm = defineTask({
  id: 'rg.algorithmic.cryptarithm',
  source: 'rg',
  category: 'algorithmic',
  description: 'Solve a letter-for-digit addition puzzle.',
  answerFormat: 'a mapping such as A=1,B=2,C=3 (any valid solution)',
  options: {
    min_words: { kind: 'int', default: 2, min: 2, max: 10, description: 'fewest addends' },
    max_words: { kind: 'int', default: 3, min: 2, max: 10, description: 'most addends' },
    allow_leading_zero: { kind: 'bool', default: false, description: 'whether a leading letter may be 0' },
  },
  ranges: [['min_words', 'max_words']],
  generate(options, rng) {
    const wordCount = rng.int(options.min_words, options.max_words);
    let drawn = drawPuzzle(rng, wordCount, options.allow_leading_zero);
    while (drawn === null) drawn = drawPuzzle(rng, wordCount, options.allow_leading_zero);
    const { numbers, digitToLetter } = drawn;
    const encode = (n: number): string => [...String(n)].map((d) => digitToLetter.get(d)!).join('');
    const words = numbers.map(encode);
    const result = encode(numbers.reduce((a, b) => a + b, 0));
    const answer = [...digitToLetter.entries()]
      .sort((a, b) => (a[1] < b[1] ? -1 : 1))
      .map(([d, l]) => `${l}=${d}`)
      .join(',');
    const prompt = [
      'Solve this cryptarithm:',
      '',
      layout(words, result),
      '',
      'Each letter stands for a unique digit (0-9). ' +
        (options.allow_leading_zero ? 'Leading letters may be zero.' : 'No leading letter can be zero.'),
      'Provide a comma separated mapping from letters to digits that satisfies the equation in your final answer.',
      answerInstruction('the mapping, written like A=1,B=2,C=3'),
    ].join('\n');
    return {
      prompt,
      answer,
      metadata: { words_letters: words, result_letters: result, allow_leading_zero: options.allow_leading_zero },
    };
  },
  check(instance, answer) {
    const mapping = parseMapping(answer);
    if (mapping === null) return unparseable('expected letter=digit pairs separated by commas');
    const m = instance.metadata;
    const problem = cryptarithmProblem(
      mapping,
      m.words_letters as string[],
      m.result_letters as string,
      m.allow_leading_zero as boolean,
    );
    return problem === null ? CORRECT : wrong(problem);
  },
  referenceSolution(instance) {
    const m = instance.metadata;
    // Column-wise search from the rightmost column, carrying the partial sum.
    return `words = ${JSON.stringify(m.words_letters)}
result = ${JSON.stringify(m.result_letters)}
allow_zero = ${m.allow_leading_zero ? 'True' : 'False'}
leading = set() if allow_zero else {w[0] for w in words + [result]}
width = len(result)
columns = []
for i in range(width):
    columns.append(([w[-1 - i] for w in words if i < len(w)], result[-1 - i]))
def solve(col, carry, mapping, used):
    if col == width:
        return mapping if carry == 0 else None
    addends, target = columns[col]
    todo = [c for c in dict.fromkeys(addends + [target]) if c not in mapping]
    def assign(k):
        if k == len(todo):
            total = sum(mapping[c] for c in addends) + carry
            if total % 10 != mapping[target]:
                return None
            return solve(col + 1, total // 10, mapping, used)
        c = todo[k]
        for d in range(10):
            if d in used or (d == 0 and c in leading):
                continue
            mapping[c] = d; used.add(d)
            found = assign(k + 1)
            if found:
                return found
            del mapping[c]; used.discard(d)
        return None
    return assign(0)
if any(len(w) > width for w in words):
    raise SystemExit('bad puzzle')
sol = solve(0, 0, {}, set())
print(','.join(f'{c}={sol[c]}' for c in sorted(sol)))
`;
  },
});
