// rg.algorithmic.word_sequence_reversal: reverse a comma-separated list of words drawn from the
// project's vocabulary (corpus.ts). The answer must list the same words in reverse order.
import { defineTask, answerInstruction } from '../../define-task.js';
import { CORRECT, wrong, unparseable } from '../../answer.js';
import { randomVocabularyWords } from './corpus.js';

export const wordSequenceReversal = defineTask({
  id: 'rg.algorithmic.word_sequence_reversal',
  source: 'rg',
  category: 'algorithmic',
  description: 'Reverse the order of a list of words.',
  answerFormat: 'the words in reverse order, separated by ", "',
  differsFromSource:
    "Sentences come from r1ci's own grammar and vocabulary (corpus.ts), not Reasoning-Gym's bundled book " +
    'text (in_the_year_2889.txt).',
  options: {
    min_words: { kind: 'int', default: 3, min: 1, max: 200, description: 'fewest words' },
    max_words: { kind: 'int', default: 8, min: 1, max: 200, description: 'most words' },
  },
  ranges: [['min_words', 'max_words']],
  generate(options, rng) {
    const words = randomVocabularyWords(rng, rng.int(options.min_words, options.max_words));
    const prompt = [
      'Solve the following problem.',
      '',
      'Provide your answer as a comma-separated list of words with a space after the comma.',
      '',
      `Reverse this list of words: ${words.join(', ')}`,
      answerInstruction('the reversed list'),
    ].join('\n');
    return { prompt, answer: words.slice().reverse().join(', '), metadata: { words } };
  },
  check(instance, answer) {
    const given = answer.split(',').map((w) => w.trim());
    if (given.every((w) => w.length === 0)) return unparseable('expected comma-separated words');
    return given.join(', ') === instance.answer ? CORRECT : wrong();
  },
  referenceSolution(instance) {
    return `print(', '.join(reversed(${JSON.stringify(instance.metadata.words)})))\n`;
  },
});
