// Generated variants of logical_deduction (three, five, seven objects): a hidden order, true clues
// added until exactly one order fits, and a question about one position, in the official wording.
import type { Rng } from '../../../core/rng.js';
import { InvariantError } from '../../../core/index.js';
import type { Task } from '../../types.js';
import { defineGeneratedBbhTask, joinSerial, LETTERS, ORDINALS, renderOptions } from './define-variant.js';

type Scene = {
  intro: (count: string, listing: string) => string;
  objects: readonly string[];
  listed: (object: string) => string;
  subject: (object: string) => string;
  mention: (object: string) => string;
  verb: string;
  /** Predicates for position p of n (0 = left / first / oldest / cheapest); one is picked. */
  ranks: (p: number, n: number) => string[];
  before: string;
  after: string;
};

const article = (word: string) => (/^[aeiou]/.test(word) ? `an ${word}` : `a ${word}`);
const the = (object: string) => `The ${object}`;
const theLower = (object: string) => `the ${object}`;

function endsAndOrdinals(
  p: number,
  n: number,
  low: string,
  high: string,
  fromLow: (k: string) => string,
  fromHigh: (k: string) => string,
): string[] {
  if (p === 0) return [low];
  if (p === n - 1) return [high];
  return [fromLow(ORDINALS[p]), fromHigh(ORDINALS[n - 1 - p])];
}

const SCENES: Scene[] = [
  {
    intro: (count, listing) => `On a branch, there are ${count} birds: ${listing}.`,
    objects: ['blue jay', 'quail', 'falcon', 'owl', 'raven', 'robin', 'crow', 'cardinal', 'hawk', 'hummingbird'],
    listed: article,
    subject: the,
    mention: theLower,
    verb: 'is',
    ranks: (p, n) =>
      endsAndOrdinals(
        p,
        n,
        'the leftmost',
        'the rightmost',
        (k) => `the ${k} from the left`,
        (k) => `the ${k} from the right`,
      ),
    before: 'to the left of',
    after: 'to the right of',
  },
  {
    intro: (count, listing) => `On a shelf, there are ${count} books: ${listing}.`,
    objects: ['red', 'orange', 'yellow', 'green', 'blue', 'purple', 'brown', 'gray', 'black', 'white'].map(
      (colour) => `${colour} book`,
    ),
    listed: article,
    subject: the,
    mention: theLower,
    verb: 'is',
    ranks: (p, n) =>
      endsAndOrdinals(
        p,
        n,
        'the leftmost',
        'the rightmost',
        (k) => `the ${k} from the left`,
        (k) => `the ${k} from the right`,
      ),
    before: 'to the left of',
    after: 'to the right of',
  },
  {
    intro: (count, listing) => `In a golf tournament, there were ${count} golfers: ${listing}.`,
    objects: ['Ana', 'Eve', 'Ada', 'Dan', 'Rob', 'Amy', 'Joe', 'Mel', 'Eli', 'Mya'],
    listed: (o) => o,
    subject: (o) => o,
    mention: (o) => o,
    verb: 'finished',
    ranks: (p, n) =>
      endsAndOrdinals(
        p,
        n,
        'first',
        'last',
        (k) => k,
        (k) => `${k}-to-last`,
      ),
    before: 'above',
    after: 'below',
  },
  {
    intro: (count, listing) => `In an antique car show, there are ${count} vehicles: ${listing}.`,
    objects: [
      'bus',
      'convertible',
      'hatchback',
      'limousine',
      'minivan',
      'motorcycle',
      'sedan',
      'station wagon',
      'tractor',
      'truck',
    ],
    listed: article,
    subject: the,
    mention: theLower,
    verb: 'is',
    ranks: (p, n) =>
      endsAndOrdinals(
        p,
        n,
        'the oldest',
        'the newest',
        (k) => `the ${k}-oldest`,
        (k) => `the ${k}-newest`,
      ),
    before: 'older than',
    after: 'newer than',
  },
  {
    intro: (count, listing) => `A fruit stand sells ${count} fruits: ${listing}.`,
    objects: [
      'apples',
      'bananas',
      'cantaloupes',
      'kiwis',
      'loquats',
      'mangoes',
      'oranges',
      'peaches',
      'pears',
      'plums',
      'watermelons',
    ],
    listed: (o) => o,
    subject: the,
    mention: theLower,
    verb: 'are',
    ranks: (p, n) =>
      endsAndOrdinals(
        p,
        n,
        'the cheapest',
        'the most expensive',
        (k) => `the ${k}-cheapest`,
        (k) => `the ${k}-most expensive`,
      ),
    before: 'less expensive than',
    after: 'more expensive than',
  },
];

type Clue = { at: number; object: number } | { first: number; second: number };

const permutationCache = new Map<number, Int8Array[]>();
/** Every order of n objects as position-of-object arrays. */
function allOrders(n: number): Int8Array[] {
  const hit = permutationCache.get(n);
  if (hit) return hit;
  const out: Int8Array[] = [];
  const build = (prefix: number[]) => {
    if (prefix.length === n) {
      out.push(Int8Array.from(prefix));
      return;
    }
    for (let p = 0; p < n; p++) if (!prefix.includes(p)) build([...prefix, p]);
  };
  build([]);
  permutationCache.set(n, out);
  return out;
}

const holds = (clue: Clue, position: Int8Array) =>
  'at' in clue ? position[clue.object] === clue.at : position[clue.first] < position[clue.second];

function randomTrueClue(rng: Rng, secret: Int8Array): Clue {
  const n = secret.length;
  if (rng.bool(0.3)) {
    const object = rng.int(0, n - 1);
    return { at: secret[object], object };
  }
  const [a, b] = rng.sample([...Array(n).keys()], 2);
  return secret[a] < secret[b] ? { first: a, second: b } : { first: b, second: a };
}

function renderClue(scene: Scene, names: readonly string[], clue: Clue, rng: Rng): string {
  if ('at' in clue)
    return `${scene.subject(names[clue.object])} ${scene.verb} ${rng.pick(scene.ranks(clue.at, names.length))}.`;
  const [x, y, relation] = rng.bool()
    ? [clue.first, clue.second, scene.before]
    : [clue.second, clue.first, scene.after];
  return `${scene.subject(names[x])} ${scene.verb} ${relation} ${scene.mention(names[y])}.`;
}

function generateDeduction(rng: Rng, n: number) {
  const scene = rng.pick(SCENES);
  const names = rng.sample(scene.objects, n);
  const secret = Int8Array.from(rng.shuffle([...Array(n).keys()]));
  let candidates = allOrders(n);
  const clues: Clue[] = [];
  for (let attempt = 0; candidates.length > 1; attempt++) {
    if (attempt > 500) throw new InvariantError('logical_deduction generation did not converge');
    const clue = randomTrueClue(rng, secret);
    const kept = candidates.filter((order) => holds(clue, order));
    if (kept.length < candidates.length) {
      candidates = kept;
      clues.push(clue);
    }
  }
  const asked = rng.int(0, n - 1);
  const predicate = rng.pick(scene.ranks(asked, n));
  const answerIndex = secret.indexOf(asked);
  const count = ['zero', 'one', 'two', 'three', 'four', 'five', 'six', 'seven'][n];
  const paragraph = [
    `The following paragraphs each describe a set of ${count} objects arranged in a fixed order. The ` +
      `statements are logically consistent within each paragraph.`,
    scene.intro(count, joinSerial(names.map(scene.listed))),
    ...clues.map((clue) => renderClue(scene, names, clue, rng)),
  ].join(' ');
  const options = names.map((name) => `${scene.subject(name)} ${scene.verb} ${predicate}`);
  return { question: `${paragraph}\n${renderOptions(options)}`, answer: `(${LETTERS[answerIndex]})` };
}

const SIZE_WORDS: Record<number, string> = { 3: 'three', 5: 'five', 7: 'seven' };

function deductionVariant(size: 3 | 5 | 7): Task {
  return defineGeneratedBbhTask({
    name: `logical_deduction_${SIZE_WORDS[size]}_objects`,
    description:
      `Order ${SIZE_WORDS[size]} objects from random true clues that fix the order,` + ' and pick the true statement.',
    answerFormat: 'an option letter, e.g. (B)',
    kind: 'choice',
    options: {},
    generate: (_options, rng) => generateDeduction(rng, size),
  });
}

export const logicalDeductionGenTasks: readonly Task[] = [
  deductionVariant(3),
  deductionVariant(5),
  deductionVariant(7),
];
