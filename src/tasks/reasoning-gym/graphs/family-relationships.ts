// rg.graphs.family_relationships: a short story of marriages and children, then "what is A to B?".
// Relations: parent, child, spouse, sibling, grandparent, aunt/uncle, niece/nephew, parent-in-law.
import { defineTask } from '../../define-task.js';
import { CORRECT, unparseable, wrong } from '../../answer.js';
import type { Rng } from '../../../core/index.js';

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
  'Peter',
  'Daniel',
  'Matthew',
  'Andrew',
  'George',
  'Edward',
  'Henry',
  'Samuel',
  'Oliver',
  'Jack',
  'Harry',
  'Noah',
  'Ethan',
  'Lucas',
  'Mason',
  'Owen',
  'Liam',
  'Finn',
  'Leo',
  'Hugo',
  'Felix',
  'Arthur',
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
  'Karen',
  'Emma',
  'Lisa',
  'Anna',
  'Margaret',
  'Victoria',
  'Charlotte',
  'Sophia',
  'Olivia',
  'Ava',
  'Mia',
  'Emily',
  'Grace',
  'Alice',
  'Lucy',
  'Chloe',
  'Lily',
  'Hannah',
  'Zoe',
  'Ruby',
  'Ella',
  'Ivy',
  'Nora',
];

type Person = { name: string; male: boolean; spouse: number; parents: number[]; children: number[] };

const RELATIONS = [
  'mother',
  'father',
  'sister',
  'brother',
  'daughter',
  'son',
  'wife',
  'husband',
  'grandmother',
  'grandfather',
  'aunt',
  'uncle',
  'niece',
  'nephew',
  'mother-in-law',
  'father-in-law',
];

function buildFamily(rng: Rng, size: number): Person[] {
  const people: Person[] = [];
  const used = new Set<string>();
  const add = (male: boolean): number => {
    const name = rng.pick((male ? MALE : FEMALE).filter((n) => !used.has(n)));
    used.add(name);
    people.push({ name, male, spouse: -1, parents: [], children: [] });
    return people.length - 1;
  };
  const marry = (a: number, b: number): void => {
    people[a].spouse = b;
    people[b].spouse = a;
  };
  const child = (parents: number[], c: number): void => {
    for (const p of parents) {
      people[p].children.push(c);
      people[c].parents.push(p);
    }
  };
  const gf = add(true),
    gm = add(false);
  marry(gf, gm);
  let mgf = -1,
    mgm = -1;
  if (size > 6) {
    mgf = add(true);
    mgm = add(false);
    marry(mgf, mgm);
  }
  const father = add(true);
  child([gf, gm], father);
  const couples: [number, number][] = [];
  if (size > 3) {
    const mother = add(false);
    marry(father, mother);
    couples.push([father, mother]);
    if (size > 6) child([mgf, mgm], mother);
  }
  if (size > 8) {
    const u = add(true),
      a = add(false);
    marry(u, a);
    child([gf, gm], u);
    couples.push([u, a]);
  }
  if (size > 10) {
    const a = add(false),
      u = add(true);
    marry(a, u);
    child([gf, gm], a);
    couples.push([a, u]);
  }
  while (people.length < size) child(rng.pick(couples), add(rng.bool()));
  return people;
}

/** What person a is to person b, or null when none of the named relations holds. */
function relation(people: Person[], a: number, b: number): string | null {
  const pa = people[a],
    pb = people[b];
  const grandparents = (x: Person): number[] => x.parents.flatMap((p) => people[p].parents);
  const pick = (female: string, male: string, who: Person): string => (who.male ? male : female);
  if (pb.parents.includes(a)) return pick('mother', 'father', pa);
  if (pa.parents.includes(b)) return pick('daughter', 'son', pa);
  if (pa.spouse === b) return pick('wife', 'husband', pa);
  if (pa.parents.length && pa.parents.length === pb.parents.length && pa.parents.every((p) => pb.parents.includes(p)))
    return pick('sister', 'brother', pa);
  if (grandparents(pb).includes(a)) return pick('grandmother', 'grandfather', pa);
  if (pa.parents.some((p) => grandparents(pb).includes(p))) return pick('aunt', 'uncle', pa);
  if (pb.parents.some((p) => grandparents(pa).includes(p))) return pick('niece', 'nephew', pa);
  if (pb.spouse >= 0 && people[pb.spouse].parents.includes(a)) return pick('mother-in-law', 'father-in-law', pa);
  return null;
}

function story(people: Person[]): string {
  const parts: string[] = [];
  const told = new Set<number>();
  people.forEach((p, i) => {
    if (p.spouse < i) return;
    parts.push(`${p.name} is married to ${people[p.spouse].name}.`);
    const kids = p.children.filter((c) => !told.has(c));
    kids.forEach((c) => told.add(c));
    const names = kids.map((c) => people[c].name);
    if (names.length === 1) parts.push(`They have a child called ${names[0]}.`);
    else if (names.length > 1)
      parts.push(`They have children called ${names.slice(0, -1).join(', ')} and ${names[names.length - 1]}.`);
  });
  return parts.join(' ');
}

const TEMPLATES = [
  (a: string, b: string) => `What is ${a} to ${b}? Respond only with the word that describes their relationship.`,
  (a: string, b: string) => `How is ${a} related to ${b}? Provide the relationship in one word.`,
  (a: string, b: string) => `What relation is ${a} to ${b}? Answer with a single word.`,
];

export const familyRelationships = defineTask({
  id: 'rg.graphs.family_relationships',
  source: 'rg',
  category: 'graphs',
  description: 'Name the relationship between two people of a family described in a short story.',
  answerFormat: 'one relationship word (e.g. aunt, grandfather, mother-in-law)',
  options: {
    min_family_size: { kind: 'int', default: 4, min: 3, max: 30, description: 'fewest family members' },
    max_family_size: { kind: 'int', default: 8, min: 3, max: 30, description: 'most family members' },
  },
  ranges: [['min_family_size', 'max_family_size']],
  generate(options, rng) {
    const people = buildFamily(rng, rng.int(options.min_family_size, options.max_family_size));
    for (;;) {
      const [a, b] = rng.sample(
        people.map((_, i) => i),
        2,
      );
      const answer = relation(people, a, b);
      if (!answer) continue;
      const prompt =
        `${story(people)}\n\n${rng.pick(TEMPLATES)(people[a].name, people[b].name)}\n` +
        'Give the relationship word within triple angle brackets, as <<<relationship>>>.';
      const family = people.map((p) => ({
        name: p.name,
        male: p.male,
        spouse: p.spouse < 0 ? null : people[p.spouse].name,
        parents: p.parents.map((q) => people[q].name),
      }));
      return { prompt, answer, metadata: { person1: people[a].name, person2: people[b].name, family } };
    }
  },
  check(instance, answer) {
    const word = answer
      .trim()
      .toLowerCase()
      .replace(/^(the|a|an|his|her)\s+/, '')
      .replace(/[.!"']+$/g, '')
      .replace(/\s+/g, '-');
    if (!RELATIONS.includes(word)) return unparseable(`expected one of: ${RELATIONS.join(', ')}`);
    return word === instance.answer ? CORRECT : wrong();
  },
  referenceSolution(instance) {
    const family = JSON.stringify(instance.metadata.family)
      .replace(/null/g, 'None')
      .replace(/true/g, 'True')
      .replace(/false/g, 'False');
    return `family = ${family}
people = {p['name']: p for p in family}
a, b = people[${JSON.stringify(instance.metadata.person1)}], people[${JSON.stringify(instance.metadata.person2)}]
def gp(x):
    return {g for p in x['parents'] for g in people[p]['parents']}
def word(female, male):
    return male if a['male'] else female
if a['name'] in b['parents']:
    print(word('mother', 'father'))
elif b['name'] in a['parents']:
    print(word('daughter', 'son'))
elif a['spouse'] == b['name']:
    print(word('wife', 'husband'))
elif a['parents'] and set(a['parents']) == set(b['parents']):
    print(word('sister', 'brother'))
elif a['name'] in gp(b):
    print(word('grandmother', 'grandfather'))
elif set(a['parents']) & gp(b):
    print(word('aunt', 'uncle'))
elif set(b['parents']) & gp(a):
    print(word('niece', 'nephew'))
elif b['spouse'] and a['name'] in people[b['spouse']]['parents']:
    print(word('mother-in-law', 'father-in-law'))
`;
  },
});
