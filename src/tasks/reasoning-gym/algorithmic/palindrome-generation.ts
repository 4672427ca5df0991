// rg.algorithmic.palindrome_generation: arrange a multiset of letters into a palindrome. Any
// palindrome that uses exactly the given letters is accepted.
import { defineTask, answerInstruction } from '../../define-task.js';
import { CORRECT, wrong, unparseable, normalizeText } from '../../answer.js';

const ALPHABET = 'abcdefghijklmnopqrstuvwxyz'.split('');

export const palindromeGeneration = defineTask({
  id: 'rg.algorithmic.palindrome_generation',
  source: 'rg',
  category: 'algorithmic',
  description: 'Form a palindrome from a given set of letters.',
  answerFormat: 'a single lowercase string (any palindrome using all the letters)',
  options: {
    min_length: { kind: 'int', default: 3, min: 1, max: 200, description: 'fewest letters' },
    max_length: { kind: 'int', default: 10, min: 1, max: 200, description: 'most letters' },
  },
  ranges: [['min_length', 'max_length']],
  generate(options, rng) {
    const length = rng.int(options.min_length, options.max_length);
    const half = Array.from({ length: Math.floor(length / 2) }, () => rng.pick(ALPHABET));
    const palindrome = [...half, ...(length % 2 ? [rng.pick(ALPHABET)] : []), ...half.slice().reverse()];
    const letters = rng.shuffle(palindrome);
    const prompt = [
      'Your task is, given a list of letters, to form a valid palindrome.',
      '',
      'A palindrome is a phrase that reads the same forwards and backwards.',
      '',
      'If there are multiple possible answers, only respond with one of them. You must use all the letters provided.',
      '',
      'Your output should be a single string, with no spaces or punctuation.',
      '',
      `Now, form a valid palindrome using the following letters: ${letters.join(', ')}`,
      answerInstruction('the palindrome'),
    ].join('\n');
    return { prompt, answer: palindrome.join(''), metadata: { letters } };
  },
  check(instance, answer) {
    const text = normalizeText(answer).toLowerCase();
    if (!/^[a-z]+$/.test(text)) return unparseable('expected a single string of letters');
    if (text !== [...text].reverse().join('')) return wrong('not a palindrome');
    const letters = instance.metadata.letters as string[];
    return [...text].sort().join('') === letters.slice().sort().join('')
      ? CORRECT
      : wrong('does not use exactly the given letters');
  },
  referenceSolution(instance) {
    return `from collections import Counter
counts = Counter(${JSON.stringify(instance.metadata.letters)})
half = ''.join(c * (n // 2) for c, n in sorted(counts.items()))
middle = ''.join(c for c, n in counts.items() if n % 2)
print(half + middle + half[::-1])
`;
  },
});
