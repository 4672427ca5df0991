// rg.algorithmic.isomorphic_strings: whether one string maps onto the other by a one-to-one
// character substitution. Answer True or False.
import { defineTask, answerInstruction } from '../../define-task.js';
import { CORRECT, wrong, unparseable } from '../../answer.js';
import { parseBoolean } from '../../kit/index.js';

const ALPHABET = 'abcdefghijklmnopqrstuvwxyz'.split('');

/** True when a bijection between the characters of s and t maps s to t. */
export function isIsomorphic(s: string, t: string): boolean {
  if (s.length !== t.length) return false;
  const forward = new Map<string, string>(),
    backward = new Map<string, string>();
  for (let i = 0; i < s.length; i++) {
    if ((forward.get(s[i]) ?? t[i]) !== t[i] || (backward.get(t[i]) ?? s[i]) !== s[i]) return false;
    forward.set(s[i], t[i]);
    backward.set(t[i], s[i]);
  }
  return true;
}

export const isomorphicStrings = defineTask({
  id: 'rg.algorithmic.isomorphic_strings',
  source: 'rg',
  category: 'algorithmic',
  description: 'Decide whether two strings are isomorphic.',
  answerFormat: 'True or False',
  options: {
    min_string_length: { kind: 'int', default: 2, min: 2, max: 1000, description: 'shortest string' },
    max_string_length: { kind: 'int', default: 10, min: 2, max: 1000, description: 'longest string' },
    p_solvable: {
      kind: 'float',
      default: 0.5,
      min: 0,
      max: 1,
      description: 'probability that the strings are built isomorphic',
    },
  },
  ranges: [['min_string_length', 'max_string_length']],
  generate(options, rng) {
    const length = rng.int(options.min_string_length, options.max_string_length);
    const solvable = rng.next() < options.p_solvable;
    const s: string[] = [],
      t: string[] = [];
    const mapping = new Map<string, string>();
    const usedTargets = new Set<string>();
    for (let i = 0; i < length - 1; i++) {
      const a = rng.pick(ALPHABET);
      if (!mapping.has(a)) {
        const b = rng.pick(ALPHABET.filter((c) => !usedTargets.has(c)));
        mapping.set(a, b);
        usedTargets.add(b);
      }
      s.push(a);
      t.push(mapping.get(a)!);
    }
    if (!solvable) {
      const letter = rng.pick([...mapping.keys()]);
      const conflict = rng.pick(ALPHABET.filter((c) => c !== mapping.get(letter)));
      const at = rng.int(0, s.length);
      s.splice(at, 0, letter);
      t.splice(at, 0, conflict);
    }
    const [a, b] = [s.join(''), t.join('')];
    const prompt = [
      'Two strings are isomorphic if the characters in one string can be replaced to get the second string.',
      '',
      'All occurrences of a character must be replaced with another character while preserving the order of ' +
        'characters.',
      '',
      'No two characters may map to the same character, but a character may map to itself.',
      '',
      'Return True if the following two strings are isomorphic, or False otherwise:',
      `${a} ${b}`,
      answerInstruction('True or False'),
    ].join('\n');
    return { prompt, answer: isIsomorphic(a, b) ? 'True' : 'False', metadata: { words: [a, b] } };
  },
  check(instance, answer) {
    const value = parseBoolean(answer, 'True/False');
    if (value === null) return unparseable('expected True or False');
    return (value ? 'True' : 'False') === instance.answer ? CORRECT : wrong();
  },
  referenceSolution(instance) {
    const [s, t] = instance.metadata.words as string[];
    return `s, t = ${JSON.stringify(s)}, ${JSON.stringify(t)}
ok = len(s) == len(t) and len(set(s)) == len(set(t)) == len(set(zip(s, t)))
print('True' if ok else 'False')
`;
  },
});
