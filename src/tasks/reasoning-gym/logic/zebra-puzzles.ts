// rg.logic.zebra_puzzles: a houses-in-a-row logic puzzle. Clues true of a random solution are
// removed one by one while a backtracking solver still finds exactly one solution; ask a name.
import { defineTask } from '../../define-task.js';
import { CORRECT, unparseable, wrong } from '../../answer.js';
import type { Rng } from '../../../core/index.js';

const NAMES = ['Alice', 'Bob', 'Carol', 'David', 'Emily', 'Frank', 'Grace'];
/** Non-name categories: a phrase template, a label and values. */
const CATEGORIES: [string, string, string[]][] = [
  ['the person who keeps a %', 'Pets', ['cat', 'dog', 'bird', 'fish', 'horse', 'rabbit', 'hamster']],
  ['the person who drinks %', 'Drinks', ['tea', 'coffee', 'milk', 'water', 'juice', 'soda', 'cocoa']],
  [
    'the person who lives in the % house',
    'House colours',
    ['red', 'green', 'blue', 'yellow', 'white', 'black', 'purple'],
  ],
  ['the person who enjoys %', 'Hobbies', ['chess', 'gardening', 'painting', 'cycling', 'reading', 'cooking', 'hiking']],
  ['the person who loves %', 'Favourite foods', ['pizza', 'sushi', 'tacos', 'pasta', 'curry', 'salad', 'soup']],
  ['the person who plays the %', 'Instruments', ['piano', 'guitar', 'violin', 'drums', 'flute', 'cello', 'harp']],
];

type Ref = [category: number, value: number];
type Clue = {
  kind: 'at' | 'not_at' | 'same' | 'left' | 'next_left' | 'beside' | 'one_between';
  a: Ref;
  b?: Ref;
  house?: number;
};

function holds(clue: Clue, house: (r: Ref) => number): boolean {
  const x = house(clue.a),
    y = clue.b ? house(clue.b) : 0;
  switch (clue.kind) {
    case 'at':
      return x === clue.house;
    case 'not_at':
      return x !== clue.house;
    case 'same':
      return x === y;
    case 'left':
      return x < y;
    case 'next_left':
      return y - x === 1;
    case 'beside':
      return Math.abs(x - y) === 1;
    default:
      return Math.abs(x - y) === 2;
  }
}

const permutationCache = new Map<number, number[][]>();

function permutations(k: number): number[][] {
  if (k === 0) return [[]];
  const cached = permutationCache.get(k);
  if (cached) return cached;
  const out = permutations(k - 1).flatMap((p) =>
    Array.from({ length: k }, (_, i) => [...p.slice(0, i), k - 1, ...p.slice(i)]),
  );
  permutationCache.set(k, out);
  return out;
}

/** Solutions (house of each value, per category) up to `limit`, by category-wise backtracking. */
function countSolutions(k: number, m: number, clues: Clue[], limit: number): number {
  const perms = permutations(k);
  const byCategory: Clue[][] = Array.from({ length: m }, () => []);
  for (const clue of clues) byCategory[Math.max(clue.a[0], clue.b ? clue.b[0] : 0)].push(clue);
  const assignment: number[][] = [];
  const house = (r: Ref): number => assignment[r[0]][r[1]];
  let count = 0;
  const go = (c: number): boolean => {
    if (c === m) return ++count >= limit;
    for (const p of perms) {
      assignment[c] = p;
      if (byCategory[c].every((clue) => holds(clue, house)) && go(c + 1)) return true;
    }
    return false;
  };
  go(0);
  return count;
}

function allTrueClues(rng: Rng, solution: number[][], k: number, m: number): Clue[] {
  const refs: Ref[] = [];
  for (let c = 0; c < m; c++) for (let v = 0; v < k; v++) refs.push([c, v]);
  const h = (r: Ref): number => solution[r[0]][r[1]];
  const clues: Clue[] = [];
  for (const a of refs) {
    clues.push({ kind: 'at', a, house: h(a) });
    clues.push({
      kind: 'not_at',
      a,
      house: rng.pick(Array.from({ length: k }, (_, i) => i).filter((x) => x !== h(a))),
    });
    for (const b of refs) {
      if (b[0] <= a[0] && !(b[0] === a[0] && b[1] > a[1])) continue;
      if (b[0] === a[0]) continue;
      if (h(a) === h(b)) clues.push({ kind: 'same', a, b });
      const [l, r] = h(a) < h(b) ? [a, b] : [b, a];
      if (h(l) < h(r)) clues.push({ kind: h(r) - h(l) === 1 ? 'next_left' : 'left', a: l, b: r });
      if (Math.abs(h(a) - h(b)) === 1) clues.push({ kind: 'beside', a, b });
      if (Math.abs(h(a) - h(b)) === 2) clues.push({ kind: 'one_between', a, b });
    }
  }
  return clues;
}

function describe(clue: Clue, phrase: (r: Ref) => string): string {
  const a = phrase(clue.a),
    b = clue.b ? phrase(clue.b) : '';
  const text = {
    at: `${a} lives in House ${(clue.house ?? 0) + 1}`,
    not_at: `${a} does not live in House ${(clue.house ?? 0) + 1}`,
    same: `${a} is ${b}`,
    left: `${a} lives somewhere to the left of ${b}`,
    next_left: `${a} lives directly left of ${b}`,
    beside: `${a} and ${b} live next to each other`,
    one_between: `there is one house between ${a} and ${b}`,
  }[clue.kind];
  return `${text[0].toUpperCase()}${text.slice(1)}.`;
}

export const zebraPuzzles = defineTask({
  id: 'rg.logic.zebra_puzzles',
  source: 'rg',
  category: 'logic',
  description: 'Solve a zebra (Einstein) logic puzzle and name the person in a given house.',
  answerFormat: 'a name',
  options: {
    num_people: { kind: 'int', default: 4, min: 2, max: 6, description: 'number of houses and people' },
    num_characteristics: {
      kind: 'int',
      default: 4,
      min: 2,
      max: 7,
      description: 'attributes per person, the name included',
    },
  },
  generate(options, rng) {
    const k = options.num_people,
      m = options.num_characteristics;
    const categories = rng.sample(CATEGORIES, m - 1);
    const solution = Array.from({ length: m }, () => rng.shuffle(Array.from({ length: k }, (_, i) => i)));
    const values = [NAMES.slice(0, k), ...categories.map(([, , vals]) => rng.sample(vals, k))];
    const pool = rng.shuffle(allTrueClues(rng, solution, k, m));
    // Start from a short prefix of the shuffled pool that already pins the solution, then prune it.
    let size = Math.min(pool.length, 4 * k * m);
    while (size < pool.length && countSolutions(k, m, pool.slice(0, size), 2) !== 1)
      size = Math.min(pool.length, size + 2 * k);
    let clues = pool.slice(0, size);
    for (let i = clues.length - 1; i >= 0; i--) {
      const fewer = clues.filter((_, j) => j !== i);
      if (countSolutions(k, m, fewer, 2) === 1) clues = fewer;
    }
    const phrase = (r: Ref): string =>
      r[0] === 0 ? values[0][r[1]] : categories[r[0] - 1][0].replace('%', values[r[0]][r[1]]);
    const house = rng.int(0, k - 1),
      who = solution[0].indexOf(house);
    const attributes = values.map((vals, c) => `- ${c === 0 ? 'Names' : categories[c - 1][1]}: ${vals.join(', ')}`);
    const prompt =
      `This is a logic puzzle. There are ${k} houses (numbered 1 on the left, ${k} on the right), from the ` +
      `perspective of someone standing across the street from them. ` +
      (`Each has a different person in them. They have different characteristics, each value used by exactly ` +
        `one person:\n${attributes.join('\n')}\n\n`) +
      `${clues.map((clue, i) => `${i + 1}. ${describe(clue, phrase)}`).join('\n')}\n\n` +
      (`What is the name of the person who lives in House ${house + 1}? Provide only the name of the person as ` +
        `your final answer, within triple angle brackets, as <<<name>>>.`);
    return {
      prompt,
      answer: values[0][who],
      metadata: {
        names: values[0],
        house: house + 1,
        num_people: k,
        num_characteristics: m,
        clues: clues.map((c) => ({ kind: c.kind, a: c.a, b: c.b ?? null, house: c.house ?? null })),
      },
    };
  },
  check(instance, answer) {
    const name = answer
      .trim()
      .replace(/[.!"']/g, '')
      .trim()
      .toLowerCase();
    const names = instance.metadata.names as string[];
    if (!names.some((n) => n.toLowerCase() === name))
      return unparseable(`expected one of the names: ${names.join(', ')}`);
    return name === instance.answer.toLowerCase() ? CORRECT : wrong();
  },
  referenceSolution(instance) {
    return `from itertools import permutations
names = ${JSON.stringify(instance.metadata.names)}
k, m, ask = ${instance.metadata.num_people}, ${instance.metadata.num_characteristics}, ${instance.metadata.house}
clues = ${JSON.stringify(instance.metadata.clues).replace(/null/g, 'None')}
def ok(clue, H):
    x = H(clue['a']); y = H(clue['b']) if clue['b'] else 0
    return {'at': x == clue['house'], 'not_at': x != clue['house'], 'same': x == y, 'left': x < y,
            'next_left': y - x == 1, 'beside': abs(x - y) == 1, 'one_between': abs(x - y) == 2}[clue['kind']]
perms = list(permutations(range(k)))
by_cat = [[c for c in clues if max(c['a'][0], c['b'][0] if c['b'] else 0) == cat] for cat in range(m)]
assign = []
def search(cat):
    if cat == m:
        return True
    for p in perms:
        assign.append(p)
        if all(ok(c, lambda r: assign[r[0]][r[1]]) for c in by_cat[cat]) and search(cat + 1):
            return True
        assign.pop()
    return False
search(0)
print(names[assign[0].index(ask - 1)])
`;
  },
});
