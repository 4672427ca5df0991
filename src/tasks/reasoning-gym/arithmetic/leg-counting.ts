// rg.arithmetic.leg_counting: total legs of a list of animals (Reasoning-Gym `leg_counting`), with
// correct plurals and our own animal table.
import { defineTask } from '../../define-task.js';
import { Rational, verifyExactNumber } from '../../kit/index.js';

/** [singular, plural, legs]. */
export const ANIMALS: readonly (readonly [string, string, number])[] = [
  ['snake', 'snakes', 0],
  ['sea slug', 'sea slugs', 0],
  ['jellyfish', 'jellyfish', 0],
  ['earthworm', 'earthworms', 0],
  ['leech', 'leeches', 0],
  ['chicken', 'chickens', 2],
  ['duck', 'ducks', 2],
  ['human', 'humans', 2],
  ['ostrich', 'ostriches', 2],
  ['penguin', 'penguins', 2],
  ['parrot', 'parrots', 2],
  ['kangaroo', 'kangaroos', 2],
  ['dog', 'dogs', 4],
  ['cat', 'cats', 4],
  ['cow', 'cows', 4],
  ['horse', 'horses', 4],
  ['lion', 'lions', 4],
  ['elephant', 'elephants', 4],
  ['giraffe', 'giraffes', 4],
  ['tiger', 'tigers', 4],
  ['deer', 'deer', 4],
  ['sheep', 'sheep', 4],
  ['frog', 'frogs', 4],
  ['crocodile', 'crocodiles', 4],
  ['mouse', 'mice', 4],
  ['starfish', 'starfish', 5],
  ['ant', 'ants', 6],
  ['butterfly', 'butterflies', 6],
  ['beetle', 'beetles', 6],
  ['bee', 'bees', 6],
  ['wasp', 'wasps', 6],
  ['grasshopper', 'grasshoppers', 6],
  ['cricket', 'crickets', 6],
  ['cockroach', 'cockroaches', 6],
  ['praying mantis', 'praying mantises', 6],
  ['firefly', 'fireflies', 6],
  ['spider', 'spiders', 8],
  ['scorpion', 'scorpions', 8],
  ['tick', 'ticks', 8],
  ['octopus', 'octopuses', 8],
  ['crab', 'crabs', 10],
  ['lobster', 'lobsters', 10],
  ['shrimp', 'shrimp', 10],
  ['woodlouse', 'woodlice', 14],
];

export const legCounting = defineTask({
  id: 'rg.arithmetic.leg_counting',
  source: 'rg',
  category: 'arithmetic',
  description: 'Count the total number of legs of a list of animals.',
  answerFormat: 'an integer',
  options: {
    min_animals: { kind: 'int', default: 3, min: 1, max: ANIMALS.length, description: 'fewest kinds of animal' },
    max_animals: { kind: 'int', default: 10, min: 1, max: ANIMALS.length, description: 'most kinds of animal' },
    min_instances: { kind: 'int', default: 1, min: 1, max: 1000, description: 'fewest animals of a kind' },
    max_instances: { kind: 'int', default: 15, min: 1, max: 1000, description: 'most animals of a kind' },
  },
  ranges: [
    ['min_animals', 'max_animals'],
    ['min_instances', 'max_instances'],
  ],
  generate(options, rng) {
    const kinds = rng.sample(ANIMALS, rng.int(options.min_animals, options.max_animals));
    const animals = kinds.map(([singular, plural, legs]) => {
      const count = rng.int(options.min_instances, options.max_instances);
      return { name: count === 1 ? singular : plural, count, legs };
    });
    const total = animals.reduce((sum, a) => sum + a.count * a.legs, 0);
    const list = animals.map((a) => `${a.count} ${a.name}`).join(', ');
    const prompt =
      'Your task is to count how many legs there are in total when given a list of animals.\n' +
      `Now, how many legs are there in total if you have ${list}?\n` +
      'Return your final answer as a single integer within triple angle brackets, e.g. <<<number of legs>>>.';
    return {
      prompt,
      answer: String(total),
      metadata: { animals: animals.map((a) => ({ name: a.name, count: a.count })) },
    };
  },
  check: (instance, answer) => verifyExactNumber(answer, Rational.of(BigInt(instance.answer))),
  referenceSolution(instance) {
    const table = Object.fromEntries(
      ANIMALS.flatMap(([singular, plural, legs]) => [
        [singular, legs],
        [plural, legs],
      ]),
    );
    return (
      `legs = ${JSON.stringify(table)}\nanimals ` +
      `= ${JSON.stringify(instance.metadata.animals)}\nprint(sum(a["count"] * legs[a["name"]] for a in animals))\n`
    );
  },
});
