// rg.cognition.needle_haystack: many "<name> <verb> <thing>." statements; say who did one of them
// (Reasoning-Gym `needle_haystack`). Every verb–thing pair occurs once, so the answer is unique.
// Names are made by the project from syllables; verbs and things are our own short lists.
import { defineTask } from '../../define-task.js';
import type { Rng } from '../../../core/index.js';
import { CORRECT, unparseable, wrong } from '../../answer.js';

const ONSETS = [
  'B',
  'C',
  'D',
  'F',
  'G',
  'H',
  'J',
  'K',
  'L',
  'M',
  'N',
  'P',
  'R',
  'S',
  'T',
  'V',
  'W',
  'Z',
  'Br',
  'Ch',
  'Kr',
  'Sh',
  'Th',
  'El',
  'Ar',
  'Is',
  'Or',
];
const VOWELS = ['a', 'e', 'i', 'o', 'u', 'ai', 'ia', 'ea', 'y'];
const CODAS = ['', 'n', 'r', 'l', 's', 'm', 'th', 'x', 'nd', 'ck'];
const MIDDLES = ['l', 'r', 'n', 'm', 'v', 's', 'd', 't'];
export const VERBS = [
  'adores',
  'dislikes',
  'is fond of',
  'cannot stand',
  'admires',
  'is passionate about',
  'scorns',
  'enjoys',
  'loathes',
  'cherishes',
  'is indifferent to',
  'craves',
  'detests',
  'relishes',
  'is obsessed with',
  'ignores',
  'celebrates',
  'resents',
  'prefers',
  'tolerates',
];
export const THINGS = [
  'sailing',
  'origami',
  'jazz',
  'chess',
  'gardening',
  'astronomy',
  'pottery',
  'karaoke',
  'hiking',
  'baking',
  'knitting',
  'surfing',
  'poetry',
  'cycling',
  'photography',
  'yoga',
  'fishing',
  'painting',
  'rowing',
  'archery',
  'juggling',
  'opera',
  'sushi',
  'curry',
  'tea',
  'coffee',
  'cheese',
  'mangoes',
  'olives',
  'chocolate',
  'thunderstorms',
  'snow',
  'sunsets',
  'deserts',
  'mountains',
  'rivers',
  'trains',
  'bicycles',
  'sports cars',
  'motorcycles',
  'cats',
  'dogs',
  'parrots',
  'horses',
  'owls',
  'dolphins',
  'spiders',
  'bees',
  'history',
  'geometry',
  'philosophy',
  'robots',
  'puzzles',
  'board games',
  'podcasts',
  'museums',
  'libraries',
  'comedy',
  'ballet',
  'graffiti',
];

/** A pronounceable made-up name such as "Taren" or "Shailo". */
export function makeName(rng: Rng): string {
  let name = rng.pick(ONSETS) + rng.pick(VOWELS);
  if (rng.bool(0.6)) name += rng.pick(MIDDLES) + rng.pick(VOWELS);
  return name + rng.pick(CODAS);
}

export const needleHaystack = defineTask({
  id: 'rg.cognition.needle_haystack',
  source: 'rg',
  category: 'cognition',
  description: 'Find who did a thing among many similar statements.',
  answerFormat: 'a name',
  options: {
    min_num_statements: {
      kind: 'int',
      default: 10,
      min: 1,
      max: VERBS.length * THINGS.length,
      description: 'fewest statements',
    },
    max_num_statements: {
      kind: 'int',
      default: 100,
      min: 1,
      max: VERBS.length * THINGS.length,
      description: 'most statements',
    },
  },
  ranges: [['min_num_statements', 'max_num_statements']],
  generate(options, rng) {
    const count = rng.int(options.min_num_statements, options.max_num_statements);
    const pairs = rng.sample(
      Array.from({ length: VERBS.length * THINGS.length }, (_, i) => i),
      count,
    );
    const statements = pairs.map((pair) => ({
      name: makeName(rng),
      verb: VERBS[Math.floor(pair / THINGS.length)],
      thing: THINGS[pair % THINGS.length],
    }));
    const needle = rng.pick(statements);
    const question = `Who ${needle.verb} ${needle.thing}? Reply only with a name.`;
    const prompt =
      `${statements.map((s) => `${s.name} ${s.verb} ${s.thing}.`).join(' ')}\n${question}\n` +
      "Return your final answer within triple angle brackets, as <<<the person's name>>>.";
    return {
      prompt,
      answer: needle.name,
      metadata: { question, statements: statements.map((s) => `${s.name} ${s.verb} ${s.thing}`) },
    };
  },
  check(instance, answer) {
    const text = answer.trim().replace(/\.$/, '').trim();
    if (text.length === 0 || text.length > 60 || !/^[\p{L}' -]+$/u.test(text)) return unparseable('expected a name');
    return text.toLowerCase() === instance.answer.toLowerCase() ? CORRECT : wrong();
  },
  referenceSolution(instance) {
    const question = instance.metadata.question as string;
    const asked = question.slice(4, question.indexOf('?'));
    return (
      `statements = ${JSON.stringify(instance.metadata.statements)}\n` +
      `asked = ${JSON.stringify(asked)}\n` +
      'print([s.split(" ", 1)[0] for s in statements if s.split(" ", 1)[1] == asked][0])\n'
    );
  },
});
