// rg.algorithmic.letter_counting: how often a letter occurs (case-insensitively) in a span of text
// from the project's own grammar (corpus.ts).
import { defineTask, answerInstruction } from '../../define-task.js';
import { CORRECT, wrong, unparseable, parseInteger } from '../../answer.js';
import { textSpan } from './corpus.js';

export const letterCounting = defineTask({
  id: 'rg.algorithmic.letter_counting',
  source: 'rg',
  category: 'algorithmic',
  description: 'Count the occurrences of a letter in a short text.',
  answerFormat: 'an integer',
  differsFromSource:
    "Sentences come from r1ci's own grammar and vocabulary (corpus.ts), not Reasoning-Gym's bundled book " +
    'text (in_the_year_2889.txt).',
  options: {
    min_words: { kind: 'int', default: 5, min: 1, max: 200, description: 'fewest words in the text' },
    max_words: { kind: 'int', default: 15, min: 1, max: 200, description: 'most words in the text' },
  },
  ranges: [['min_words', 'max_words']],
  generate(options, rng) {
    const span = textSpan(rng, rng.int(options.min_words, options.max_words));
    const text = span.join(' ');
    const lower = text.toLowerCase();
    const letters = [...new Set(lower.replace(/[^a-z]/g, ''))].sort();
    const letter = rng.pick(letters);
    let count = 0;
    for (const ch of lower) if (ch === letter) count++;
    const prompt =
      `How many times does the letter "${letter}" appear in the text: "${text}"?\n` + answerInstruction('the count');
    return { prompt, answer: String(count), metadata: { span, target_letter: letter } };
  },
  check(instance, answer) {
    const value = parseInteger(answer);
    if (value === null) return unparseable('expected an integer');
    return value === BigInt(instance.answer) ? CORRECT : wrong();
  },
  referenceSolution(instance) {
    return `text = ${JSON.stringify((instance.metadata.span as string[]).join(' '))}
print(text.lower().count(${JSON.stringify(instance.metadata.target_letter)}))
`;
  },
});
