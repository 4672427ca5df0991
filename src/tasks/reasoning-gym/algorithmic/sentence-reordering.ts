// rg.algorithmic.sentence_reordering: restore a sentence whose words were shuffled. Sentences come
// from the project's own grammar (corpus.ts); `correct` needs the exact sentence, `score` counts
// words in their right place as Reasoning-Gym does.
import { defineTask, answerInstruction } from '../../define-task.js';
import { CORRECT, wrong, unparseable } from '../../answer.js';
import { sentence } from './corpus.js';

export const sentenceReordering = defineTask({
  id: 'rg.algorithmic.sentence_reordering',
  source: 'rg',
  category: 'algorithmic',
  description: 'Put the shuffled words of a sentence back in order.',
  answerFormat: 'the sentence, words separated by spaces',
  differsFromSource:
    "Sentences come from r1ci's own grammar and vocabulary (corpus.ts), not Reasoning-Gym's bundled book " +
    'text (in_the_year_2889.txt).',
  options: {
    min_words_in_sentence: { kind: 'int', default: 3, min: 2, max: 100, description: 'fewest words in the sentence' },
    max_words_in_sentence: { kind: 'int', default: 20, min: 2, max: 100, description: 'most words in the sentence' },
  },
  ranges: [['min_words_in_sentence', 'max_words_in_sentence']],
  generate(options, rng) {
    const text = sentence(rng, rng.int(options.min_words_in_sentence, options.max_words_in_sentence));
    const words = text.split(' ');
    let shuffled = rng.shuffle(words);
    for (let i = 0; i < 5 && shuffled.join(' ') === text; i++) shuffled = rng.shuffle(words);
    const prompt =
      `Restore the correct order of words in the following ` +
      `sentence: ${shuffled.join(' ')}\n${answerInstruction('the restored sentence')}`;
    return { prompt, answer: text, metadata: { shuffled } };
  },
  check(instance, answer) {
    const given = answer
      .trim()
      .split(/\s+/)
      .filter((w) => w.length > 0);
    if (given.length === 0) return unparseable('expected a sentence');
    const gold = instance.answer.split(' ');
    if (given.join(' ') === instance.answer) return CORRECT;
    if (given.length !== gold.length) return wrong(`expected ${gold.length} words, got ${given.length}`);
    const right = gold.filter((w, i) => given[i].toLowerCase() === w.toLowerCase()).length;
    return wrong(`${right} of ${gold.length} words in place`, right / gold.length);
  },
});
