// rg.algorithmic.word_sorting: sort words by ASCII/Unicode code point order, ascending or
// descending. Words come from `word-list` (words.ts), with the configured case transformation.
import { defineTask, answerInstruction } from '../../define-task.js';
import { CORRECT, wrong, unparseable } from '../../answer.js';
import type { Rng } from '../../../core/index.js';
import { wordsInLengthRange } from '../../kit/index.js';

const pools = new Map<string, string[]>();

function pool(min: number, max: number): string[] {
  const key = `${min}-${max}`;
  let words = pools.get(key);
  if (!words) { words = wordsInLengthRange(min, max); pools.set(key, words); }
  return words;
}

function transform(rng: Rng, word: string, mode: string): string {
  switch (mode) {
    case 'uppercase': return word.toUpperCase();
    case 'randomcase': return [...word].map((c) => (rng.bool() ? c.toUpperCase() : c)).join('');
    case 'original': return rng.bool(0.25) ? word[0].toUpperCase() + word.slice(1) : word;
    default: return word;
  }
}

/** Code-unit order, the same as Python's default string order for ASCII words. */
const byCodePoint = (a: string, b: string): number => (a < b ? -1 : a > b ? 1 : 0);

export const wordSorting = defineTask({
  id: 'rg.algorithmic.word_sorting',
  source: 'rg',
  category: 'algorithmic',
  description: 'Sort words in ASCII/Unicode order, ascending or descending.',
  answerFormat: 'the sorted words separated by ", "',
  options: {
    min_words: { kind: 'int', default: 3, min: 1, max: 200, description: 'fewest words' },
    max_words: { kind: 'int', default: 10, min: 1, max: 200, description: 'most words' },
    min_word_length: { kind: 'int', default: 3, min: 2, max: 20, description: 'shortest word' },
    max_word_length: { kind: 'int', default: 12, min: 2, max: 20, description: 'longest word' },
    transformation: { kind: 'enum', default: 'original', values: ['original', 'lowercase', 'uppercase', 'randomcase'], description: ('case of the words: original (about one in four capitalised, as in running text), lowercase, uppercase ' + 'or random per letter') },
  },
  ranges: [['min_words', 'max_words'], ['min_word_length', 'max_word_length']],
  generate(options, rng) {
    const source = pool(options.min_word_length, options.max_word_length);
    const count = rng.int(options.min_words, options.max_words);
    const words = [...new Set(Array.from({ length: count }, () => transform(rng, rng.pick(source), options.transformation)))];
    const ascending = rng.bool();
    const sorted = words.slice().sort(byCodePoint);
    if (!ascending) sorted.reverse();
    const direction = ascending ? 'ascending' : 'descending';
    const prompt = [
      'Your task is to sort words in ascending or descending order using ASCII/Unicode ordering.',
      '',
      'Your output should be a comma-separated list of words, e.g. word_1, word_2, word_3',
      '',
      (`Now, sort these words in ${direction} order (using ASCII/Unicode ordering) and return them as a ` + `comma-separated list: ${words.join(', ')}`),
      answerInstruction('the sorted words, separated by ", "'),
    ].join('\n');
    return { prompt, answer: sorted.join(', '), metadata: { words, direction } };
  },
  check(instance, answer) {
    const given = answer.split(',').map((w) => w.trim());
    if (given.every((w) => w.length === 0)) return unparseable('expected comma-separated words');
    return given.join(', ') === instance.answer ? CORRECT : wrong();
  },
  referenceSolution(instance) {
    return (`print(', '.join(sorted(${JSON.stringify(instance.metadata.words)}, ` + `reverse=${instance.metadata.direction === 'descending' ? 'True' : 'False'})))\n`);
  },
});
