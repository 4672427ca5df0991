// rg.algorithmic.palindrome_partitioning: list every way to cut a string into palindromes. The
// answer is checked as a set: each listed partition valid, none repeated, and the count complete.
import { defineTask, answerInstruction } from '../../define-task.js';
import { CORRECT, wrong, unparseable, parseLooseJson } from '../../answer.js';
import type { Rng } from '../../../core/index.js';

const ALPHABET = 'abcdefghijklmnopqrstuvwxyz'.split('');
/** Gold answers longer than this are redrawn, so an answer fits in the 20,000 characters read. */
const MAX_ANSWER_CHARS = 8000;

const isPalindrome = (s: string): boolean => {
  for (let i = 0, j = s.length - 1; i < j; i++, j--) if (s[i] !== s[j]) return false;
  return true;
};

/** Every palindrome partition, by depth-first search. */
export function palindromePartitions(s: string): string[][] {
  const out: string[][] = [];
  const current: string[] = [];
  const walk = (start: number): void => {
    if (start === s.length) {
      out.push(current.slice());
      return;
    }
    for (let end = start + 1; end <= s.length; end++) {
      const piece = s.slice(start, end);
      if (isPalindrome(piece)) {
        current.push(piece);
        walk(end);
        current.pop();
      }
    }
  };
  walk(0);
  return out;
}

/** The number of palindrome partitions, by dynamic programming over prefixes. */
export function countPalindromePartitions(s: string): number {
  const ways = new Array<number>(s.length + 1).fill(0);
  ways[0] = 1;
  for (let end = 1; end <= s.length; end++)
    for (let start = 0; start < end; start++) if (isPalindrome(s.slice(start, end))) ways[end] += ways[start];
  return ways[s.length];
}

function drawString(rng: Rng, length: number, minPiece: number, maxPiece: number): string {
  let out = '';
  while (out.length < length) {
    const size = Math.min(length - out.length, rng.int(minPiece, maxPiece));
    const half = Array.from({ length: Math.floor(size / 2) }, () => rng.pick(ALPHABET));
    out += [...half, ...(size % 2 ? [rng.pick(ALPHABET)] : []), ...half.reverse()].join('');
  }
  return out;
}

export const palindromePartitioning = defineTask({
  id: 'rg.algorithmic.palindrome_partitioning',
  source: 'rg',
  category: 'algorithmic',
  description: 'List all partitions of a string into palindromes.',
  answerFormat: 'a JSON list of partitions, each a list of strings (any order)',
  options: {
    min_string_len: { kind: 'int', default: 5, min: 1, max: 40, description: 'shortest string' },
    max_string_len: { kind: 'int', default: 15, min: 1, max: 40, description: 'longest string' },
    min_substring_palindrome_len: {
      kind: 'int',
      default: 1,
      min: 1,
      max: 40,
      description: 'shortest palindrome block the string is built from',
    },
    max_substring_palindrome_len: {
      kind: 'int',
      default: 5,
      min: 1,
      max: 40,
      description: 'longest palindrome block the string is built from',
    },
  },
  ranges: [
    ['min_string_len', 'max_string_len'],
    ['min_substring_palindrome_len', 'max_substring_palindrome_len'],
  ],
  generate(options, rng) {
    for (;;) {
      const text = drawString(
        rng,
        rng.int(options.min_string_len, options.max_string_len),
        options.min_substring_palindrome_len,
        options.max_substring_palindrome_len,
      );
      if (countPalindromePartitions(text) * (text.length * 6 + 4) > MAX_ANSWER_CHARS * 2) continue;
      const partitions = palindromePartitions(text);
      const answer = JSON.stringify(partitions);
      if (answer.length > MAX_ANSWER_CHARS) continue;
      const prompt = [
        'Given a string, partition it such that every substring is a palindrome.',
        '',
        'A palindrome is a word that reads the same backward as forward.',
        '',
        'You may return all possible palindrome partitioning in any order.',
        '',
        'Your output should be a list of lists, where each list represents a palindrome partition, e.g. ' +
          '[["a","a","b"],["aa","b"]].',
        '',
        `Partition the following string into palindromes: ${text}`,
        answerInstruction('the list of all palindrome partitions'),
      ].join('\n');
      return { prompt, answer, metadata: { string: text } };
    }
  },
  check(instance, answer) {
    const value = parseLooseJson(answer);
    if (!Array.isArray(value) || !value.every((p) => Array.isArray(p) && p.every((x) => typeof x === 'string')))
      return unparseable('expected a list of lists of strings');
    const text = instance.metadata.string as string;
    const seen = new Set<string>();
    for (const partition of value as string[][]) {
      if (partition.join('') !== text)
        return wrong(`${JSON.stringify(partition).slice(0, 60)} does not spell the string`);
      if (!partition.every((piece) => piece.length > 0 && isPalindrome(piece)))
        return wrong(`${JSON.stringify(partition).slice(0, 60)} has a piece that is not a palindrome`);
      const key = partition.join('|');
      if (seen.has(key)) return wrong('a partition is listed twice');
      seen.add(key);
    }
    const total = countPalindromePartitions(text);
    return seen.size === total ? CORRECT : wrong(`${seen.size} of ${total} partitions listed`);
  },
  referenceSolution(instance) {
    return `import json
s = ${JSON.stringify(instance.metadata.string)}
def parts(i):
    if i == len(s):
        return [[]]
    out = []
    for j in range(i + 1, len(s) + 1):
        p = s[i:j]
        if p == p[::-1]:
            out += [[p] + rest for rest in parts(j)]
    return out
print(json.dumps(parts(0)))
`;
  },
});
