// Generated variants of four BBH tasks in the official wording: navigate, web_of_lies,
// object_counting and word_sorting (words from the `word-list` package, MIT).
import type { Rng } from '../../../core/rng.js';
import { dictionaryWords } from '../../kit/index.js';
import { OBJECT_COUNTING_CATEGORIES } from '../solvers.js';
import { defineGeneratedBbhTask, FIRST_NAMES, joinSerial, NUMBER_WORDS } from './define-variant.js';

type Heading = [number, number];
const MOVES: Record<string, Heading> = { forward: [0, 1], backward: [0, -1], right: [1, 0], left: [-1, 0] };

const steps = (n: number) => `Take ${n} step${n === 1 ? '' : 's'}`;

/** Splits a distance into chunks of at most `max`. */
function chunks(distance: number, max: number): number[] {
  const out: number[] = [];
  for (let left = distance; left > 0; left -= max) out.push(Math.min(left, max));
  return out;
}

function faceForwardWalk(rng: Rng, count: number, maxSteps: number, goHome: boolean): string[] {
  const moves: string[] = [];
  let x = 0,
    y = 0;
  for (let i = 0; i < count; i++) {
    const direction = rng.pick(Object.keys(MOVES)),
      n = rng.int(1, maxSteps);
    x += MOVES[direction][0] * n;
    y += MOVES[direction][1] * n;
    moves.push(`${steps(n)} ${direction}.`);
  }
  if (goHome) {
    for (const n of chunks(Math.abs(x), maxSteps)) moves.push(`${steps(n)} ${x > 0 ? 'left' : 'right'}.`);
    for (const n of chunks(Math.abs(y), maxSteps)) moves.push(`${steps(n)} ${y > 0 ? 'backward' : 'forward'}.`);
  }
  return ['Always face forward.', ...rng.shuffle(moves)];
}

function turnTo(from: Heading, to: Heading): string | null {
  if (from[0] === to[0] && from[1] === to[1]) return null;
  if (from[0] === -to[0] && from[1] === -to[1]) return 'Turn around.';
  return -from[1] === to[0] && from[0] === to[1] ? 'Turn left.' : 'Turn right.';
}

function turningWalk(rng: Rng, count: number, maxSteps: number, goHome: boolean): string[] {
  const out: string[] = [];
  let x = 0,
    y = 0,
    heading: Heading = [0, 1];
  for (let i = 0; i < count; i++) {
    if (i > 0 && rng.bool(0.35)) {
      const turn = rng.pick(['left', 'right', 'around']);
      heading =
        turn === 'left'
          ? [-heading[1], heading[0]]
          : turn === 'right'
            ? [heading[1], -heading[0]]
            : [-heading[0], -heading[1]];
      out.push(`Turn ${turn}.`);
    } else {
      const n = rng.int(1, maxSteps);
      x += heading[0] * n;
      y += heading[1] * n;
      out.push(`${steps(n)}.`);
    }
  }
  if (goHome) {
    for (const [distance, target] of [
      [x, [-Math.sign(x), 0]],
      [y, [0, -Math.sign(y)]],
    ] as [number, Heading][]) {
      if (distance === 0) continue;
      const turn = turnTo(heading, target);
      if (turn) out.push(turn);
      heading = target;
      for (const n of chunks(Math.abs(distance), maxSteps)) out.push(`${steps(n)}.`);
    }
  }
  return out;
}

/** Follows navigate instructions; true when they end where they started. */
export function returnsToStart(instructions: readonly string[]): boolean {
  let x = 0,
    y = 0,
    heading: Heading = [0, 1];
  for (const line of instructions) {
    const turn = /^Turn (left|right|around)\.$/.exec(line)?.[1];
    if (turn) {
      heading =
        turn === 'left'
          ? [-heading[1], heading[0]]
          : turn === 'right'
            ? [heading[1], -heading[0]]
            : [-heading[0], -heading[1]];
      continue;
    }
    const move = /^Take (\d+) steps?(?: (\w+))?\.$/.exec(line);
    if (!move) continue;
    const n = Number(move[1]),
      direction = move[2] ?? 'forward';
    const [rx, ry] = MOVES[direction];
    // Relative to the heading: forward = heading, right = heading turned right.
    x += n * (ry * heading[0] + rx * heading[1]);
    y += n * (ry * heading[1] - rx * heading[0]);
  }
  return x === 0 && y === 0;
}

export const navigateGen = defineGeneratedBbhTask({
  name: 'navigate',
  description: 'Decide whether a random sequence of steps (and turns) returns to the starting point.',
  answerFormat: 'Yes or No',
  kind: 'labels',
  labels: ['Yes', 'No'],
  options: {
    min_instructions: {
      kind: 'int',
      default: 3,
      min: 1,
      max: 20,
      description: 'fewest random instructions (a returning walk adds the ones that lead back)',
    },
    max_instructions: { kind: 'int', default: 8, min: 1, max: 20, description: 'most random instructions' },
    max_steps: { kind: 'int', default: 10, min: 1, max: 10, description: 'most steps in one instruction' },
  },
  ranges: [['min_instructions', 'max_instructions']],
  generate(options, rng) {
    const count = rng.int(options.min_instructions, options.max_instructions);
    const goHome = rng.bool();
    const walk = rng.bool()
      ? faceForwardWalk(rng, count, options.max_steps, goHome)
      : turningWalk(rng, count, options.max_steps, goHome);
    const question =
      `If you follow these instructions, do you return to the starting ` +
      `point? ${walk.join(' ')}\nOptions:\n- Yes\n- No`;
    return { question, answer: returnsToStart(walk) ? 'Yes' : 'No' };
  },
});

export const webOfLiesGen = defineGeneratedBbhTask({
  name: 'web_of_lies',
  description: 'Follow a chain of people who say the previous one lies or tells the truth.',
  answerFormat: 'Yes or No',
  kind: 'labels',
  labels: ['Yes', 'No'],
  options: { people: { kind: 'int', default: 5, min: 2, max: 20, description: 'people in the chain' } },
  generate(options, rng) {
    const names = rng.sample(FIRST_NAMES, options.people);
    let truthful = rng.bool();
    const sentences = [`${names[0]} ${truthful ? 'tells the truth' : 'lies'}.`];
    for (let i = 1; i < names.length; i++) {
      const saysTruthful = rng.bool();
      sentences.push(`${names[i]} says ${names[i - 1]} ${saysTruthful ? 'tells the truth' : 'lies'}.`);
      truthful = saysTruthful === truthful;
    }
    return {
      question: `Question: ${sentences.join(' ')} Does ${names[names.length - 1]} tell the truth?`,
      answer: truthful ? 'Yes' : 'No',
    };
  },
});

const PLURALS: Record<string, string> = {
  mouse: 'mice',
  fish: 'fish',
  'head of broccoli': 'heads of broccoli',
  'stalk of celery': 'stalks of celery',
  peach: 'peaches',
  potato: 'potatoes',
  couch: 'couches',
  blackberry: 'blackberries',
  raspberry: 'raspberries',
  strawberry: 'strawberries',
};
const plural = (item: string) => PLURALS[item] ?? `${item}s`;

function countedItem(item: string, count: number): string {
  if (count > 1) return `${NUMBER_WORDS[count]} ${plural(item)}`;
  return `${/^[aeiou]/.test(item) ? 'an' : 'a'} ${item}`;
}

export const objectCountingGen = defineGeneratedBbhTask({
  name: 'object_counting',
  description: 'Count the items of one category in a random list of possessions.',
  answerFormat: 'an integer',
  kind: 'integer',
  options: {
    min_kinds: { kind: 'int', default: 3, min: 1, max: 12, description: 'fewest different items listed' },
    max_kinds: { kind: 'int', default: 10, min: 1, max: 12, description: 'most different items listed' },
    max_count: { kind: 'int', default: 4, min: 1, max: 10, description: 'most of one item' },
  },
  ranges: [['min_kinds', 'max_kinds']],
  generate(options, rng) {
    const category = rng.pick(Object.keys(OBJECT_COUNTING_CATEGORIES));
    // "objects" questions list only household objects, so that "how many objects" is unambiguous.
    const pool =
      category === 'objects'
        ? [...OBJECT_COUNTING_CATEGORIES.objects]
        : Object.values(OBJECT_COUNTING_CATEGORIES).flat();
    const kinds = Math.min(rng.int(options.min_kinds, options.max_kinds), pool.length);
    const first = rng.pick(OBJECT_COUNTING_CATEGORIES[category]);
    const items = rng.shuffle([
      first,
      ...rng.sample(
        pool.filter((item) => item !== first),
        kinds - 1,
      ),
    ]);
    let total = 0;
    const parts = items.map((item) => {
      const count = rng.bool(0.6) ? 1 : rng.int(1, options.max_count);
      if (OBJECT_COUNTING_CATEGORIES[category].includes(item)) total += count;
      return countedItem(item, count);
    });
    return { question: `I have ${joinSerial(parts)}. How many ${category} do I have?`, answer: String(total) };
  },
});

let words: readonly string[] | undefined;
function wordPool(): readonly string[] {
  words ??= dictionaryWords().filter((word) => word.length >= 3 && word.length <= 12);
  return words;
}

export const wordSortingGen = defineGeneratedBbhTask({
  name: 'word_sorting',
  description: 'Sort a random list of English words alphabetically.',
  answerFormat: 'the words in order, separated by spaces',
  kind: 'words',
  options: {
    min_words: { kind: 'int', default: 2, min: 1, max: 50, description: 'fewest words' },
    max_words: { kind: 'int', default: 20, min: 1, max: 50, description: 'most words' },
  },
  ranges: [['min_words', 'max_words']],
  generate(options, rng) {
    const pool = wordPool();
    const count = rng.int(options.min_words, options.max_words);
    const chosen = new Set<string>();
    while (chosen.size < count) chosen.add(pool[rng.int(0, pool.length - 1)]);
    const list = [...chosen];
    const sorted = [...list].sort((a, b) => (a < b ? -1 : a > b ? 1 : 0));
    return { question: `Sort the following words alphabetically: List: ${list.join(' ')}`, answer: sorted.join(' ') };
  },
});
