// rg.algorithmic.caesar_cipher: decrypt an uppercase sentence shifted by an unknown Caesar rotation.
// Sentences come from the project's own grammar (corpus.ts).
import { defineTask, answerInstruction } from '../../define-task.js';
import { CORRECT, wrong, unparseable, normalizeText } from '../../answer.js';
import { CORPUS_VOCABULARY, sentenceWords } from './corpus.js';

/** Shifts each letter A–Z forward by `rotation` (mod 26); other characters stay. */
export function caesarShift(text: string, rotation: number): string {
  let out = '';
  for (const ch of text) {
    const code = ch.charCodeAt(0);
    out += code >= 65 && code <= 90 ? String.fromCharCode(65 + ((code - 65 + rotation + 26 * 100) % 26)) : ch;
  }
  return out;
}

export const caesarCipher = defineTask({
  id: 'rg.algorithmic.caesar_cipher',
  source: 'rg',
  category: 'algorithmic',
  description: 'Decrypt a sentence encrypted with a Caesar cipher of unknown rotation.',
  answerFormat: 'the decrypted text (uppercase words separated by spaces)',
  differsFromSource:
    "Sentences come from r1ci's own grammar and vocabulary (corpus.ts), not Reasoning-Gym's bundled book " +
    'text (in_the_year_2889.txt).',
  options: {
    min_words: { kind: 'int', default: 3, min: 2, max: 100, description: 'fewest words in the sentence' },
    max_words: { kind: 'int', default: 20, min: 2, max: 100, description: 'most words in the sentence' },
    min_rotation: { kind: 'int', default: 1, min: 1, max: 25, description: 'smallest rotation' },
    max_rotation: { kind: 'int', default: 25, min: 1, max: 25, description: 'largest rotation' },
  },
  ranges: [
    ['min_words', 'max_words'],
    ['min_rotation', 'max_rotation'],
  ],
  generate(options, rng) {
    const clear = sentenceWords(rng, rng.int(options.min_words, options.max_words)).join(' ').toUpperCase();
    const rotation = rng.int(options.min_rotation, options.max_rotation);
    const cipher = caesarShift(clear, rotation);
    const prompt = [
      `Decrypt this Caesar cipher text: ${cipher}. Provide only the decrypted text as your final answer.`,
      answerInstruction('the decrypted text'),
    ].join('\n');
    return { prompt, answer: clear, metadata: { cipher_text: cipher, rotation } };
  },
  check(instance, answer) {
    const text = normalizeText(answer).replace(/\.$/, '').toUpperCase();
    if (text.length === 0) return unparseable('expected the decrypted text');
    return text === instance.answer ? CORRECT : wrong();
  },
  referenceSolution(instance) {
    // Tries every rotation and keeps the one whose words are all known English words.
    return `vocabulary = set(${JSON.stringify(CORPUS_VOCABULARY.map((w) => w.toUpperCase()))})
cipher = ${JSON.stringify(instance.metadata.cipher_text)}
def shift(text, k):
    return ''.join(chr(65 + (ord(c) - 65 + k) % 26) if 'A' <= c <= 'Z' else c for c in text)
best = max(range(26), key=lambda k: sum(w in vocabulary for w in shift(cipher, k).split()))
print(shift(cipher, best))
`;
  },
});
