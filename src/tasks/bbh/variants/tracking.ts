// Generated variants of tracking_shuffled_objects (three, five, seven people): each person starts
// with one item, pairs swap, and the question asks who ends with what, in the official wording.
import type { Rng } from '../../../core/rng.js';
import type { Task } from '../../types.js';
import { defineGeneratedBbhTask, joinSerial, LETTERS, renderOptions } from './define-variant.js';

const PEOPLE = ['Alice', 'Bob', 'Claire', 'Dave', 'Eve', 'Fred', 'Gertrude'];

type Scenario = {
  setup: string;
  assign: (person: string, item: string) => string;
  swaps: string;
  swap: (a: string, b: string) => string;
  ending: (person: string) => string;
  items: readonly string[];
};

const SCENARIOS: Scenario[] = [
  {
    setup:
      'are friends and avid readers who occasionally trade books. At the start of the semester, they each buy ' +
      'one new book',
    assign: (p, item) => `${p} gets ${item}`,
    swaps: 'As the semester proceeds, they start trading around the new books.',
    swap: (a, b) => `${a} and ${b} swap books`,
    ending: (p) => `At the end of the semester, ${p} has`,
    items: [
      'Ulysses',
      'Frankenstein',
      'Lolita',
      'Catch-22',
      'The Pearl',
      'Moby Dick',
      'The Odyssey',
      'Hound of the Baskervilles',
      'The Great Gatsby',
      'The Fellowship of the Ring',
      'Animal Farm',
    ],
  },
  {
    setup: 'are dancers at a square dance. At the start of a song, they each have a partner',
    assign: (p, item) => `${p} is dancing with ${item}`,
    swaps: 'Throughout the song, the dancers often trade partners.',
    swap: (a, b) => `${a} and ${b} switch partners`,
    ending: (p) => `At the end of the dance, ${p} is dancing with`,
    items: ['Helga', 'Lola', 'Ophelia', 'Patrick', 'Sam', 'Jamie', 'Melissa', 'Rodrigo', 'Karl', 'Izzi'],
  },
  {
    setup: 'are playing a game. At the start of the game, they are each holding a ball',
    assign: (p, item) => `${p} has ${/^[aeiou]/.test(item) ? 'an' : 'a'} ${item}`,
    swaps: 'As the game progresses, pairs of players trade balls.',
    swap: (a, b) => `${a} and ${b} swap balls`,
    ending: (p) => `At the end of the game, ${p} has the`,
    items: [
      'brown ball',
      'red ball',
      'white ball',
      'black ball',
      'blue ball',
      'yellow ball',
      'green ball',
      'orange ball',
      'purple ball',
      'pink ball',
    ],
  },
  {
    setup:
      'are holding a white elephant gift exchange. At the start of the event, they are each holding a present of ' +
      'a different color',
    assign: (p, item) => `${p} has ${/^[aeiou]/.test(item) ? 'an' : 'a'} ${item}`,
    swaps: 'As the event progresses, pairs of people swap gifts.',
    swap: (a, b) => `${a} and ${b} swap their gifts`,
    ending: (p) => `At the end of the event, ${p} has the`,
    items: [
      'red present',
      'black ball',
      'white present',
      'green present',
      'purple present',
      'blue present',
      'yellow present',
      'orange ball',
      'pink ball',
      'brown present',
    ],
  },
  {
    setup: 'are on the same team in a soccer match. At the start of the match, they are each assigned to a position',
    assign: (p, item) => `${p} is playing ${item}`,
    swaps: 'As the game progresses, pairs of players occasionally swap positions.',
    swap: (a, b) => `${a} and ${b} trade positions`,
    ending: (p) => `At the end of the match, ${p} is playing`,
    items: [
      'goalkeeper',
      'left winger',
      'right winger',
      'center midfielder',
      'striker',
      'benchwarmer',
      'cheerleader',
      'left midfielder',
      'right midfielder',
      'fullback',
      'sweeper',
    ],
  },
];

function swapSentences(rng: Rng, people: readonly string[], count: number): [number, number][] {
  const out: [number, number][] = [];
  for (let i = 0; i < count; i++) {
    const [a, b] = rng.sample(
      people.map((_, index) => index),
      2,
    );
    out.push([a, b]);
  }
  return out;
}

function generateTracking(rng: Rng, size: number, swapCount: number) {
  const scenario = rng.pick(SCENARIOS);
  const people = PEOPLE.slice(0, size);
  const items = rng.sample([...new Set(scenario.items)], size);
  const swaps = swapSentences(rng, people, swapCount);
  const holding = items.map((_, index) => index);
  for (const [a, b] of swaps) [holding[a], holding[b]] = [holding[b], holding[a]];
  const asked = rng.int(0, size - 1);
  const steps = swaps.map(
    ([a, b], i) =>
      `${i === 0 ? 'First' : i === swaps.length - 1 ? 'Finally' : 'Then'}, ${scenario.swap(people[a], people[b])}.`,
  );
  const question = [
    `${joinSerial(people)} ${scenario.setup}: ${joinSerial(people.map((p, i) => scenario.assign(p, items[i])))}.`,
    `${scenario.swaps} ${steps.join(' ')} ${scenario.ending(people[asked])}`,
    renderOptions(items),
  ].join('\n');
  return { question, answer: `(${LETTERS[holding[asked]]})` };
}

const SIZE_WORDS: Record<number, string> = { 3: 'three', 5: 'five', 7: 'seven' };

function trackingVariant(size: 3 | 5 | 7): Task {
  return defineGeneratedBbhTask({
    name: `tracking_shuffled_objects_${SIZE_WORDS[size]}_objects`,
    description: `Track who holds what after pairwise swaps among ${SIZE_WORDS[size]} people.`,
    answerFormat: 'an option letter, e.g. (B)',
    kind: 'choice',
    options: {
      swaps: {
        kind: 'int',
        default: size,
        min: 1,
        max: 30,
        description: 'pairwise swaps (the official questions use one per person)',
      },
    },
    generate: (options, rng) => generateTracking(rng, size, options.swaps),
  });
}

export const trackingGenTasks: readonly Task[] = [trackingVariant(3), trackingVariant(5), trackingVariant(7)];
