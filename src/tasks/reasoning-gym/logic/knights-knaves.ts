// rg.logic.knights_knaves: truth-tellers and liars make nested statements about each other; the
// puzzle is sampled until exactly one role assignment is consistent. Answer: every person's role.
import { defineTask } from '../../define-task.js';
import { CORRECT, unparseable, wrong } from '../../answer.js';
import type { Rng } from '../../../core/index.js';

const NAMES = [
  'Emma',
  'Liam',
  'Olivia',
  'Noah',
  'Ava',
  'Ethan',
  'Sophia',
  'Mason',
  'Isabella',
  'Lucas',
  'Mia',
  'Jack',
  'Amelia',
  'Henry',
  'Harper',
  'Owen',
  'Evelyn',
  'Leo',
  'Ella',
  'Samuel',
  'Grace',
  'Daniel',
  'Chloe',
  'Aiden',
  'Zoey',
  'James',
  'Lily',
  'Luke',
  'Aurora',
  'David',
  'Nora',
  'Oliver',
  'Penelope',
  'Ruby',
  'Felix',
  'Hazel',
];
const ROLE_PAIRS: [string, string][] = [
  ['knight', 'knave'],
  ['pioneer', 'laggard'],
  ['saint', 'sinner'],
  ['hero', 'villain'],
  ['angel', 'devil'],
  ['altruist', 'egoist'],
  ['sage', 'fool'],
];
const article = (word: string): string => (/^[aeiou]/.test(word) ? `an ${word}` : `a ${word}`);
const TEMPLATES = [
  (n: string, c: string) => `${n} said that ${c}.`,
  (n: string, c: string) => `${n} told you that ${c}.`,
  (n: string, c: string) => `${n} said, "${c}."`,
  (n: string, c: string) => `According to ${n}, "${c}".`,
  (n: string, c: string) => `${n} remarked, "${c}".`,
  (n: string, c: string) => `"${c}," ${n} declared.`,
  (n: string, c: string) => `${n} asserted: "${c}".`,
  (n: string, c: string) => `In ${n}'s words: "${c}".`,
  (n: string, c: string) => `${n} noted, "${c}".`,
];

/** A statement: ['truth'|'lie', person] or a connective over sub-statements. */
type Claim = ['truth' | 'lie', number] | ['not', Claim] | ['and' | 'or', ...Claim[]] | ['->' | '<=>', Claim, Claim];

function sample(rng: Rng, speaker: number, n: number, depth: number, width: number): Claim {
  const dice = rng.int(0, 5);
  if (depth <= 1 || dice === 0) {
    for (;;) {
      const kind = rng.pick(['truth', 'lie'] as const),
        who = rng.int(0, n - 1);
      if (!(kind === 'lie' && who === speaker)) return [kind, who];
    }
  }
  if (dice === 1) return ['not', sample(rng, speaker, n, depth - 1, width)];
  const count = dice <= 3 ? rng.int(2, Math.max(2, width)) : 2;
  const parts: Claim[] = [];
  const seen = new Set<string>();
  for (let tries = 0; parts.length < count && tries < 50; tries++) {
    const part = sample(rng, speaker, n, depth - 1, width),
      key = JSON.stringify(part);
    if (!seen.has(key)) {
      seen.add(key);
      parts.push(part);
    }
  }
  if (parts.length < 2) return parts[0];
  if (dice <= 3) return [dice === 2 ? 'and' : 'or', ...parts];
  return [dice === 4 ? '->' : '<=>', parts[0], parts[1]];
}

function evaluate(claim: Claim, knights: boolean[]): boolean {
  switch (claim[0]) {
    case 'truth':
      return knights[claim[1]];
    case 'lie':
      return !knights[claim[1]];
    case 'not':
      return !evaluate(claim[1], knights);
    case 'and':
      return claim.slice(1).every((c) => evaluate(c as Claim, knights));
    case 'or':
      return claim.slice(1).some((c) => evaluate(c as Claim, knights));
    case '->':
      return !evaluate(claim[1], knights) || evaluate(claim[2], knights);
    default:
      return evaluate(claim[1], knights) === evaluate(claim[2], knights);
  }
}

function render(claim: Claim, names: string[], roles: [string, string]): string {
  const atomic = (c: Claim): boolean => c[0] === 'truth' || c[0] === 'lie';
  const inner = (c: Claim): string => (atomic(c) ? render(c, names, roles) : `(${render(c, names, roles)})`);
  switch (claim[0]) {
    case 'truth':
      return `${names[claim[1]]} is ${article(roles[0])}`;
    case 'lie':
      return `${names[claim[1]]} is ${article(roles[1])}`;
    case 'not':
      return atomic(claim[1])
        ? render([claim[1][0] === 'truth' ? 'lie' : 'truth', claim[1][1] as number], names, roles)
        : `it is not the case that ${inner(claim[1])}`;
    case 'and':
    case 'or':
      return claim
        .slice(1)
        .map((c) => inner(c as Claim))
        .join(` ${claim[0]} `);
    case '->':
      return `if ${inner(claim[1])} then ${inner(claim[2])}`;
    default:
      return `${inner(claim[1])} if and only if ${inner(claim[2])}`;
  }
}

function solutions(claims: Claim[]): boolean[][] {
  const out: boolean[][] = [];
  for (let mask = 0; mask < 1 << claims.length; mask++) {
    const knights = claims.map((_, i) => ((mask >> i) & 1) === 1);
    if (claims.every((c, i) => evaluate(c, knights) === knights[i])) out.push(knights);
  }
  return out;
}

const ROLE_WORDS = new Set(ROLE_PAIRS.flat());

/**
 * The (name, role) pairs of an answer, read as Reasoning-Gym's _normalize_answer reads them: case
 * folded, periods, commas and parentheses dropped, 'is', 'a', 'an' and 'and' skipped, and each role
 * word given to the word before it. "Emma is a knight, and Liam is a knave", "EMMA IS A KNIGHT" and
 * "Emma knight, Liam knave" all read the same.
 */
function readAssignments(answer: string): Set<string> {
  const pairs = new Set<string>();
  let name: string | null = null;
  for (const word of answer
    .toLowerCase()
    .replace(/[.,()]/g, ' ')
    .split(/\s+/)) {
    if (word === '' || word === 'is' || word === 'a' || word === 'an' || word === 'and') continue;
    if (ROLE_WORDS.has(word)) {
      if (name !== null) pairs.add(`${name} ${word}`);
      name = null;
    } else name = word;
  }
  return pairs;
}

export const knightsKnaves = defineTask({
  id: 'rg.logic.knights_knaves',
  source: 'rg',
  category: 'logic',
  description: 'Work out who always tells the truth and who always lies from their statements.',
  answerFormat: 'Name is a knight, and Name is a knave (every person, with the puzzle’s role words)',
  options: {
    n_people: { kind: 'int', default: 2, min: 2, max: 8, description: 'number of inhabitants' },
    depth_constraint: { kind: 'int', default: 2, min: 1, max: 5, description: 'deepest nesting of a statement' },
    width_constraint: { kind: 'int', default: 2, min: 1, max: 5, description: 'most parts of an and/or statement' },
  },
  generate(options, rng) {
    const n = options.n_people;
    let claims: Claim[], found: boolean[][];
    do {
      claims = Array.from({ length: n }, (_, i) =>
        sample(rng, i, n, options.depth_constraint, options.width_constraint),
      );
      found = solutions(claims);
    } while (found.length !== 1);
    const names = rng.sample(NAMES, n),
      roles = rng.pick(ROLE_PAIRS);
    const cap = (s: string): string => s[0].toUpperCase() + s.slice(1);
    const said = claims.map((c, i) => rng.pick(TEMPLATES)(names[i], render(c, names, roles))).join(' ');
    const format = names
      .map((name) => `${name} is a ${roles[0]}/${roles[1]}`)
      .join(', ')
      .replace(/, ([^,]*)$/, n > 1 ? ', and $1' : '$1');
    const prompt =
      `A very special island is inhabited only by ${roles[0]}s and ${roles[1]}s. ${cap(roles[0])}s always tell ` +
      `the truth, and ${roles[1]}s always lie. ` +
      (`You meet ${n} ` +
        `inhabitants: ${n > 1 ? `${names.slice(0, -1).join(', ')}, and ${names[n - 1]}` : names[0]}. ${said} `) +
      `So who is ${article(roles[0])} and who is ${article(roles[1])}? (Format your answer like: "${format}")\n` +
      'Give your answer within triple angle brackets, as <<<answer>>>.';
    const parts = names.map((name, i) => `${name} is ${article(roles[found[0][i] ? 0 : 1])}`);
    const answer = n > 1 ? `${parts.slice(0, -1).join(', ')}, and ${parts[n - 1]}.` : `${parts[0]}.`;
    return { prompt, answer, metadata: { names, roles, solution: found[0], statements: claims } };
  },
  check(instance, answer) {
    const names = instance.metadata.names as string[],
      roles = instance.metadata.roles as string[],
      solution = instance.metadata.solution as boolean[];
    const given = readAssignments(answer.slice(0, 5000));
    if (given.size === 0)
      return unparseable(`expected "<name> is a ${roles[0]}/${roles[1]}" for each of ${names.join(', ')}`);
    const gold = new Set(names.map((name, i) => `${name.toLowerCase()} ${roles[solution[i] ? 0 : 1]}`));
    const matching = [...given].filter((pair) => gold.has(pair)).length;
    if (matching === gold.size && given.size === gold.size) return CORRECT;
    // Reasoning-Gym's partial credit: as many assignments as people, some of them right.
    return wrong(
      'not every inhabitant has the right role',
      given.size === gold.size && matching > 0 ? 0.3 + (0.7 * matching) / gold.size : 0,
    );
  },
  referenceSolution(instance) {
    return `from itertools import product
names = ${JSON.stringify(instance.metadata.names)}
roles = ${JSON.stringify(instance.metadata.roles)}
claims = ${JSON.stringify(instance.metadata.statements)}
def ev(c, k):
    op = c[0]
    if op == 'truth': return k[c[1]]
    if op == 'lie': return not k[c[1]]
    if op == 'not': return not ev(c[1], k)
    if op == 'and': return all(ev(x, k) for x in c[1:])
    if op == 'or': return any(ev(x, k) for x in c[1:])
    if op == '->': return (not ev(c[1], k)) or ev(c[2], k)
    return ev(c[1], k) == ev(c[2], k)
for k in product([True, False], repeat=len(names)):
    if all(ev(c, k) == k[i] for i, c in enumerate(claims)):
        art = lambda w: ('an ' if w[0] in 'aeiou' else 'a ') + w
        print(', '.join(f"{n} is {art(roles[0] if k[i] else roles[1])}" for i, n in enumerate(names)))
        break
`;
  },
});
