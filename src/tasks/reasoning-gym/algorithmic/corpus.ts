// A small text source written for this project: a clause grammar over a hand-made vocabulary
// that makes grammatical English sentences of an exact word count, and running text from them.
import type { Rng } from '../../../core/index.js';

const NAMES = [
  'Mara',
  'Tobias',
  'Lena',
  'Oscar',
  'Ines',
  'Victor',
  'Clara',
  'Hugo',
  'Nadia',
  'Felix',
  'Rosa',
  'Arthur',
  'Elena',
  'Simon',
  'Greta',
  'Pablo',
];
const DETERMINERS = ['the', 'this', 'that', 'every', 'our', 'my', 'her', 'his', 'their', 'one'];
const NOUNS = [
  'sailor',
  'engineer',
  'farmer',
  'teacher',
  'doctor',
  'captain',
  'painter',
  'student',
  'baker',
  'pilot',
  'gardener',
  'merchant',
  'child',
  'neighbor',
  'traveler',
  'scientist',
  'musician',
  'soldier',
  'writer',
  'clerk',
];
const THINGS = [
  'engine',
  'letter',
  'garden',
  'window',
  'bridge',
  'machine',
  'lamp',
  'boat',
  'map',
  'basket',
  'violin',
  'telescope',
  'wagon',
  'clock',
  'kettle',
  'fence',
  'ladder',
  'drawing',
  'report',
  'bottle',
  'house',
  'carriage',
  'signal',
  'message',
];
const PLACES = [
  'harbor',
  'station',
  'market',
  'village',
  'forest',
  'river',
  'valley',
  'library',
  'tower',
  'square',
  'museum',
  'orchard',
  'factory',
  'island',
  'kitchen',
  'hallway',
  'meadow',
  'city',
];
const ADJECTIVES = [
  'old',
  'young',
  'quiet',
  'bright',
  'heavy',
  'broken',
  'small',
  'large',
  'careful',
  'strange',
  'golden',
  'distant',
  'ancient',
  'busy',
  'gentle',
  'narrow',
  'wooden',
  'silver',
  'famous',
  'tired',
  'clever',
  'empty',
];
const TRANSITIVE = [
  'repaired',
  'painted',
  'carried',
  'found',
  'watched',
  'opened',
  'built',
  'cleaned',
  'sold',
  'bought',
  'moved',
  'visited',
  'described',
  'noticed',
  'followed',
  'admired',
  'measured',
  'studied',
  'delivered',
  'borrowed',
];
const INTRANSITIVE = [
  'waited',
  'slept',
  'worked',
  'walked',
  'laughed',
  'listened',
  'traveled',
  'rested',
  'arrived',
  'sang',
  'smiled',
  'wandered',
  'paused',
  'returned',
];
const ADVERBS = [
  'quietly',
  'slowly',
  'carefully',
  'quickly',
  'happily',
  'patiently',
  'suddenly',
  'gladly',
  'calmly',
  'eagerly',
  'silently',
  'boldly',
];
const PREPOSITIONS = ['near', 'beside', 'behind', 'inside', 'across', 'beyond', 'below', 'above', 'toward', 'around'];
const CONJUNCTIONS = ['and', 'but', 'while', 'because', 'so', 'although', 'until', 'after'];

/** Every word the grammar can produce (names capitalised); for dictionaries in reference solutions. */
export const CORPUS_VOCABULARY: readonly string[] = [
  ...new Set([
    ...NAMES,
    ...DETERMINERS,
    ...NOUNS,
    ...THINGS,
    ...PLACES,
    ...ADJECTIVES,
    ...TRANSITIVE,
    ...INTRANSITIVE,
    ...ADVERBS,
    ...PREPOSITIONS,
    ...CONJUNCTIONS,
  ]),
];

/** A clause shape: the word counts of its optional parts. */
type Shape = {
  transitive: boolean;
  subject: 1 | 2 | 3;
  adverb: 0 | 1;
  object: 0 | 2 | 3;
  phrase: 0 | 3 | 4;
  length: number;
};

const SHAPES_BY_LENGTH: Map<number, Shape[]> = (() => {
  const out = new Map<number, Shape[]>();
  for (const transitive of [true, false]) {
    for (const subject of [1, 2, 3] as const)
      for (const adverb of [0, 1] as const) {
        for (const object of (transitive ? [2, 3] : [0]) as (0 | 2 | 3)[])
          for (const phrase of [0, 3, 4] as const) {
            const length = subject + adverb + 1 + object + phrase;
            const list = out.get(length) ?? [];
            list.push({ transitive, subject, adverb, object, phrase, length });
            out.set(length, list);
          }
      }
  }
  return out;
})();

const MAX_CLAUSE = Math.max(...SHAPES_BY_LENGTH.keys());

function nounPhrase(rng: Rng, size: number, nouns: readonly string[]): string[] {
  if (size === 1) return [rng.pick(NAMES)];
  if (size === 2) return [rng.pick(DETERMINERS), rng.pick(nouns)];
  return [rng.pick(DETERMINERS), rng.pick(ADJECTIVES), rng.pick(nouns)];
}

function clause(rng: Rng, length: number): string[] {
  const shape = rng.pick(SHAPES_BY_LENGTH.get(length)!);
  const words = nounPhrase(rng, shape.subject, NOUNS);
  if (shape.adverb) words.push(rng.pick(ADVERBS));
  words.push(rng.pick(shape.transitive ? TRANSITIVE : INTRANSITIVE));
  if (shape.object) words.push(...nounPhrase(rng, shape.object, THINGS));
  if (shape.phrase) words.push(rng.pick(PREPOSITIONS), ...nounPhrase(rng, shape.phrase - 1, PLACES));
  return words;
}

/** The words of one sentence of exactly `length` (≥ 2) words, without capitals or punctuation. */
export function sentenceWords(rng: Rng, length: number): string[] {
  if (length < 2) throw new RangeError(`sentenceWords: length ${length} < 2`);
  if (length <= MAX_CLAUSE && SHAPES_BY_LENGTH.has(length) && (length < 6 || rng.bool(0.6))) return clause(rng, length);
  // First clause of 2..min(9, length-3) words, a conjunction, then the rest (≥ 2 words).
  const first = rng.int(2, Math.min(9, length - 3));
  return [...clause(rng, first), rng.pick(CONJUNCTIONS), ...sentenceWords(rng, length - first - 1)];
}

/** A written sentence of exactly `length` words: first letter capitalised, a final period. */
export function sentence(rng: Rng, length: number): string {
  const words = sentenceWords(rng, length);
  words[0] = words[0][0].toUpperCase() + words[0].slice(1);
  words[words.length - 1] += '.';
  return words.join(' ');
}

/** `count` consecutive words of running text (sentences of 4–14 words), punctuation removed. */
export function textSpan(rng: Rng, count: number): string[] {
  const out: string[] = [];
  while (out.length < count) {
    const words = sentenceWords(rng, rng.int(4, 14));
    words[0] = words[0][0].toUpperCase() + words[0].slice(1);
    out.push(...words);
  }
  return out.slice(0, count);
}

/** `count` words drawn independently from the vocabulary (repeats possible). */
export function randomVocabularyWords(rng: Rng, count: number): string[] {
  return Array.from({ length: count }, () => rng.pick(CORPUS_VOCABULARY));
}
