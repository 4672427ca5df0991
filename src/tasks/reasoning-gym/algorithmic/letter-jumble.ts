// rg.algorithmic.letter_jumble: unscramble each word of a text span whose letters were swapped at
// random. A word is right when it is the original or another dictionary word with the same letters.
import { defineTask, answerInstruction } from '../../define-task.js';
import { CORRECT, wrong, unparseable } from '../../answer.js';
import type { Rng } from '../../../core/index.js';
import { CORPUS_VOCABULARY, randomVocabularyWords, textSpan } from './corpus.js';
import { anagramKey, isDictionaryWord } from '../../kit/index.js';

/** Swaps `max(1, floor(len · level))` random pairs of distinct positions. */
export function scrambleWord(rng: Rng, word: string, level: number): string {
  if (word.length < 2) return word;
  const letters = word.split('');
  const swaps = Math.max(1, Math.floor(letters.length * level));
  for (let s = 0; s < swaps; s++) {
    const i = rng.int(0, letters.length - 1);
    let j = rng.int(0, letters.length - 2);
    if (j >= i) j++;
    [letters[i], letters[j]] = [letters[j], letters[i]];
  }
  return letters.join('');
}

function pickWords(rng: Rng, count: number, minLength: number, maxLength: number, consecutive: boolean): string[] {
  const fits = (w: string): boolean => w.length >= minLength && w.length <= maxLength;
  if (!consecutive)
    return randomVocabularyWords(rng, count * 4)
      .filter(fits)
      .slice(0, count);
  const out: string[] = [];
  while (out.length < count) out.push(...textSpan(rng, count).filter(fits));
  return out.slice(0, count);
}

export const letterJumble = defineTask({
  id: 'rg.algorithmic.letter_jumble',
  source: 'rg',
  category: 'algorithmic',
  description: 'Unscramble the letters of each word in a sentence.',
  answerFormat: 'the unscrambled words separated by spaces',
  differsFromSource:
    "Sentences come from r1ci's own grammar and vocabulary (corpus.ts), not Reasoning-Gym's bundled book " +
    'text (in_the_year_2889.txt).',
  options: {
    min_word_len: { kind: 'int', default: 1, min: 1, max: 64, description: 'shortest word used' },
    max_word_len: { kind: 'int', default: 64, min: 1, max: 64, description: 'longest word used' },
    min_words: { kind: 'int', default: 3, min: 1, max: 100, description: 'fewest words' },
    max_words: { kind: 'int', default: 20, min: 1, max: 100, description: 'most words' },
    min_corruption_level: {
      kind: 'float',
      default: 0.1,
      min: 0,
      max: 1,
      description: 'smallest fraction of letters swapped',
    },
    max_corruption_level: {
      kind: 'float',
      default: 0.9,
      min: 0,
      max: 1,
      description: 'largest fraction of letters swapped',
    },
    consecutive_words: { kind: 'bool', default: true, description: 'words form running text (else drawn at random)' },
  },
  ranges: [
    ['min_word_len', 'max_word_len'],
    ['min_words', 'max_words'],
    ['min_corruption_level', 'max_corruption_level'],
  ],
  validateOptions: (o) =>
    CORPUS_VOCABULARY.some((w) => w.length >= o.min_word_len && w.length <= o.max_word_len)
      ? []
      : [
          {
            path: 'min_word_len',
            message: 'no word of the vocabulary has a length in range',
            fix: 'allow lengths between 2 and 10',
          },
        ],
  generate(options, rng) {
    const count = rng.int(options.min_words, options.max_words);
    const level = rng.float(options.min_corruption_level, options.max_corruption_level);
    let words = pickWords(rng, count, options.min_word_len, options.max_word_len, options.consecutive_words);
    while (words.length < count)
      words = words.concat(pickWords(rng, count - words.length, options.min_word_len, options.max_word_len, false));
    const scrambled = words.map((w) => scrambleWord(rng, w, level));
    const prompt = [
      'Your task is to unscramble words in a sentence.',
      '',
      'For each word in a sentence, the letters may have been randomly shuffled. Your task is to unscramble the words.',
      '',
      'The order of the words in the sentence is preserved. Moreover, the style of the sentence is preserved ' +
        '(i.e. punctuation, capitalization, new lines, etc.).',
      '',
      'Your output should be a sentence with the words unscrambled.',
      '',
      `Now, unscramble these words: ${scrambled.join(' ')}`,
      answerInstruction('the unscrambled sentence'),
    ].join('\n');
    return { prompt, answer: words.join(' '), metadata: { scrambled_words: scrambled, original_words: words } };
  },
  check(instance, answer) {
    const given = answer
      .trim()
      .split(/\s+/)
      .filter((w) => w.length > 0);
    if (given.length === 0) return unparseable('expected words');
    const original = instance.metadata.original_words as string[];
    const scrambled = instance.metadata.scrambled_words as string[];
    let right = 0;
    original.forEach((word, i) => {
      const g = given[i]?.toLowerCase();
      if (g === undefined || g.length > 64) return;
      if (g === word.toLowerCase() || (anagramKey(g) === anagramKey(scrambled[i].toLowerCase()) && isDictionaryWord(g)))
        right++;
    });
    return right === original.length && given.length === original.length
      ? CORRECT
      : wrong(`${right} of ${original.length} words right`, right / Math.max(original.length, given.length));
  },
  referenceSolution(instance) {
    // Unscrambles each word by looking its sorted letters up in the vocabulary the text is written from.
    return `vocabulary = ${JSON.stringify(CORPUS_VOCABULARY)}
by_key = {}
for w in vocabulary:
    by_key.setdefault(''.join(sorted(w.lower())), w)
scrambled = ${JSON.stringify(instance.metadata.scrambled_words)}
print(' '.join(by_key.get(''.join(sorted(w.lower())), w) for w in scrambled))
`;
  },
});
