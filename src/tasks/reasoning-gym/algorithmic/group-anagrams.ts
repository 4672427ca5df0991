// rg.algorithmic.group_anagrams: group a shuffled list of words into anagram classes (groups and
// words in any order). Anagram groups come from the `word-list` dictionary (words.ts).
import { defineTask, answerInstruction } from '../../define-task.js';
import { CORRECT, wrong, unparseable, parseLooseJson } from '../../answer.js';
import { anagramGroups, anagramKey } from '../../kit/index.js';

/** Groups sorted inside and by their first word: one canonical form for comparison. */
export function canonicalGroups(groups: readonly (readonly string[])[]): string[][] {
  return groups.map((g) => [...g].sort()).sort((a, b) => (a[0] < b[0] ? -1 : a[0] > b[0] ? 1 : 0));
}

export const groupAnagrams = defineTask({
  id: 'rg.algorithmic.group_anagrams',
  source: 'rg',
  category: 'algorithmic',
  description: 'Group a list of words into anagram groups.',
  answerFormat: 'a JSON list of lists of words (any order)',
  options: {
    min_anagram_groups: { kind: 'int', default: 2, min: 2, max: 100, description: 'fewest anagram groups' },
    max_anagram_groups: { kind: 'int', default: 10, min: 2, max: 100, description: 'most anagram groups' },
    min_words_per_group: { kind: 'int', default: 2, min: 2, max: 10, description: 'fewest words drawn per group' },
    max_words_per_group: {
      kind: 'int',
      default: 5,
      min: 2,
      max: 10,
      description: 'most words drawn per group (capped by the group size)',
    },
  },
  ranges: [
    ['min_anagram_groups', 'max_anagram_groups'],
    ['min_words_per_group', 'max_words_per_group'],
  ],
  generate(options, rng) {
    const pool = anagramGroups(3, 7);
    const groupCount = rng.int(options.min_anagram_groups, options.max_anagram_groups);
    const groups: string[][] = [];
    const usedKeys = new Set<string>();
    while (groups.length < groupCount) {
      const group = rng.pick(pool);
      const key = anagramKey(group[0]);
      if (usedKeys.has(key)) continue;
      usedKeys.add(key);
      groups.push(
        rng.sample(group, Math.min(group.length, rng.int(options.min_words_per_group, options.max_words_per_group))),
      );
    }
    const words = rng.shuffle(groups.flat());
    const prompt = [
      'An anagram is a word formed by rearranging the letters of a different word, using all the original ' +
        'letters exactly once.',
      '',
      'Your job is to group the anagrams together. You can return the answer in any order.',
      '',
      'The output is a list of lists of strings, where each inner list contains a group of anagrams, for example ' +
        '[["eat", "tea"], ["tan", "nat"]].',
      '',
      'Group the following list of words into anagrams:',
      JSON.stringify(words),
      answerInstruction('the list of anagram groups'),
    ].join('\n');
    return { prompt, answer: JSON.stringify(canonicalGroups(groups)), metadata: { words } };
  },
  check(instance, answer) {
    const value = parseLooseJson(answer);
    if (!Array.isArray(value) || !value.every((g) => Array.isArray(g) && g.every((w) => typeof w === 'string')))
      return unparseable('expected a list of lists of strings');
    const given = (value as string[][]).map((g) => g.map((w) => w.trim().toLowerCase()));
    const gold = canonicalGroups(JSON.parse(instance.answer) as string[][]);
    return JSON.stringify(canonicalGroups(given)) === JSON.stringify(gold) ? CORRECT : wrong();
  },
  referenceSolution(instance) {
    return `import json
words = ${JSON.stringify(instance.metadata.words)}
groups = {}
for w in words:
    groups.setdefault(''.join(sorted(w)), []).append(w)
print(json.dumps(list(groups.values())))
`;
  },
});
