// rg.algorithmic.spell_backward: spell a dictionary word (from `word-list`, see words.ts) backward.
import { defineTask, answerInstruction } from '../../define-task.js';
import { CORRECT, wrong, unparseable, normalizeText } from '../../answer.js';
import { wordsOfLength } from '../../kit/index.js';

export const spellBackward = defineTask({
  id: 'rg.algorithmic.spell_backward',
  source: 'rg',
  category: 'algorithmic',
  description: 'Spell a word backward.',
  answerFormat: 'the reversed word',
  options: {
    min_word_len: { kind: 'int', default: 3, min: 2, max: 20, description: 'shortest word' },
    max_word_len: { kind: 'int', default: 10, min: 2, max: 20, description: 'longest word' },
  },
  ranges: [['min_word_len', 'max_word_len']],
  generate(options, rng) {
    let words = wordsOfLength(rng.int(options.min_word_len, options.max_word_len));
    while (words.length === 0) words = wordsOfLength(rng.int(options.min_word_len, options.max_word_len));
    const word = rng.pick(words);
    const answer = [...word].reverse().join('');
    const prompt =
      `Spell this word backward (example: sun -> nus): ${word}\n` + answerInstruction('the word spelled backward');
    return { prompt, answer, metadata: { word } };
  },
  check(instance, answer) {
    const text = normalizeText(answer).toLowerCase();
    if (!/^[a-z]+$/.test(text)) return unparseable('expected a single word');
    return text === instance.answer ? CORRECT : wrong();
  },
  referenceSolution(instance) {
    return `print(${JSON.stringify(instance.metadata.word)}[::-1])\n`;
  },
});
