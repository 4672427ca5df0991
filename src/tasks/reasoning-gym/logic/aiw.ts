// rg.logic.aiw: "Alice in Wonderland" common-sense counting questions (siblings, friends,
// colleagues) whose trap is counting the person asked about. Integer answer.
import { defineTask } from '../../define-task.js';
import { CORRECT, parseInteger, unparseable, wrong } from '../../answer.js';

const MALE = [
  'James',
  'John',
  'Robert',
  'Michael',
  'William',
  'David',
  'Richard',
  'Joseph',
  'Thomas',
  'Charles',
  'Bob',
];
const FEMALE = [
  'Mary',
  'Patricia',
  'Jennifer',
  'Linda',
  'Elizabeth',
  'Barbara',
  'Susan',
  'Jessica',
  'Sarah',
  'Margaret',
  'Alice',
];

export const aiw = defineTask({
  id: 'rg.logic.aiw',
  source: 'rg',
  category: 'logic',
  description: 'Count sisters, female friends or female colleagues in short Alice-in-Wonderland style questions.',
  answerFormat: 'an integer',
  options: {
    max_entities: {
      kind: 'int',
      default: 6,
      min: 1,
      max: 100,
      description: 'most siblings/friends/colleagues of one kind',
    },
    task_type: {
      kind: 'enum',
      default: 'mixed',
      values: ['mixed', 'siblings', 'friends', 'colleagues'],
      description: 'which question family (mixed: each equally likely)',
    },
  },
  generate(options, rng) {
    const type = options.task_type === 'mixed' ? rng.pick(['siblings', 'friends', 'colleagues']) : options.task_type;
    const she = rng.pick(FEMALE),
      he = rng.pick(MALE);
    const count = (): number => rng.int(1, options.max_entities);
    let question: string, answer: number, counts: Record<string, number>;
    if (type === 'siblings') {
      const brothers = count(),
        sisters = count();
      answer = sisters + 1;
      counts = { brothers, sisters };
      question = rng.bool()
        ? `${she} has ${brothers} brothers and she also has ${sisters} sisters. How many sisters does ${she}'s ` +
          `brother have?`
        : `${she} has ${sisters} sisters and she also has ${brothers} brothers. How many sisters does ${he}, one ` +
          `of ${she}'s brothers, have?`;
    } else if (type === 'friends') {
      const males = count(),
        females = count();
      answer = females + 1;
      counts = { male_friends: males, female_friends: females };
      question =
        `${she} has ${males} male friends and she also has ${females} female friends. They all are friends ` +
        `with each other and have no other friends aside. ` +
        `How many female friends does ${he}, a male friend of ${she}, have?`;
    } else {
      const [maleA, femaleA, maleB, femaleB] = [count(), count(), count(), count()];
      // Matilda is one of the femaleA women around her and one of the femaleB women around him, and is
      // the only person in both circles: her female colleagues are the woman herself, the other
      // femaleA − 1 women of that circle and the other femaleB − 1 women of his circle.
      answer = femaleA + femaleB - 1;
      counts = {
        her_male_colleagues: maleA,
        her_female_colleagues: femaleA,
        his_male_colleagues: maleB,
        his_female_colleagues: femaleB,
      };
      question =
        `${she} has ${maleA} male colleagues and she also has ${femaleA} female colleagues. These are all ` +
        `colleagues that ${she} has. ` +
        (`All these mentioned persons around ${she} are colleagues of each other. ${he} has ${maleB} male ` +
          `colleagues and ${femaleB} female colleagues in total. `) +
        (`All these mentioned persons around ${he} are colleagues of each other. The people in the circle ` +
          `around ${he} do not have other colleagues aside - with the only exception of Matilda. `) +
        (`She is colleague of ${he} and she is also colleague of ${she}, being part of ${she}'s circle. How ` +
          `many female colleagues does Matilda have?`);
    }
    const prompt = `${question}\nGive the number within triple angle brackets, as <<<number>>>.`;
    return { prompt, answer: String(answer), metadata: { task_type: type, counts } };
  },
  check(instance, answer) {
    const value = parseInteger(answer);
    if (value === null) return unparseable('expected an integer');
    return value === BigInt(instance.answer) ? CORRECT : wrong();
  },
  referenceSolution(instance) {
    return `kind = ${JSON.stringify(instance.metadata.task_type)}
counts = ${JSON.stringify(instance.metadata.counts)}
if kind == 'siblings':
    # the brother's sisters are all of her sisters plus her
    print(counts['sisters'] + 1)
elif kind == 'friends':
    # every female friend of hers, plus her, is his friend
    print(counts['female_friends'] + 1)
else:
    # Matilda knows her circle's women (the woman herself and the others besides Matilda) and his circle's other women
    print(counts['her_female_colleagues'] + counts['his_female_colleagues'] - 1)
`;
  },
});
