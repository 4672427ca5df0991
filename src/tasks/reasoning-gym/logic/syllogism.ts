// rg.logic.syllogism: two categorical premises and a candidate conclusion; does it follow? Decided
// by checking every model over the 8 Venn regions of the three terms, each term non-empty.
import { defineTask } from '../../define-task.js';
import { CORRECT, unparseable, wrong } from '../../answer.js';
import type { Rng } from '../../../core/index.js';
import { parseBoolean } from '../../kit/index.js';

const TERMS: [string, string][] = [
  ['mortal', 'mortals'],
  ['human', 'humans'],
  ['child', 'children'],
  ['adult', 'adults'],
  ['parent', 'parents'],
  ['student', 'students'],
  ['teacher', 'teachers'],
  ['doctor', 'doctors'],
  ['scientist', 'scientists'],
  ['artist', 'artists'],
  ['musician', 'musicians'],
  ['writer', 'writers'],
  ['programmer', 'programmers'],
  ['engineer', 'engineers'],
  ['lawyer', 'lawyers'],
  ['chef', 'chefs'],
  ['pilot', 'pilots'],
  ['farmer', 'farmers'],
  ['animal', 'animals'],
  ['mammal', 'mammals'],
  ['dog', 'dogs'],
  ['cat', 'cats'],
  ['bird', 'birds'],
  ['reptile', 'reptiles'],
  ['insect', 'insects'],
  ['butterfly', 'butterflies'],
  ['bee', 'bees'],
  ['spider', 'spiders'],
  ['horse', 'horses'],
  ['lion', 'lions'],
  ['whale', 'whales'],
  ['dolphin', 'dolphins'],
  ['poet', 'poets'],
  ['sailor', 'sailors'],
  ['painter', 'painters'],
  ['nurse', 'nurses'],
];

type Quantifier = 'all' | 'no' | 'some' | 'some_not';
/** A statement over term indices 0..2. */
type Statement = [Quantifier, number, number];

/** True in a model (bit r set = Venn region r non-empty; region r holds term i when bit i of r is set). */
function holds([q, s, p]: Statement, model: number): boolean {
  let sp = false,
    sNotP = false;
  for (let r = 0; r < 8; r++) {
    if (!((model >> r) & 1) || !((r >> s) & 1)) continue;
    if ((r >> p) & 1) sp = true;
    else sNotP = true;
  }
  return q === 'all' ? !sNotP : q === 'no' ? !sp : q === 'some' ? sp : sNotP;
}

/** The conclusion holds in every model of the premises where all three terms are non-empty. */
export function follows(premises: Statement[], conclusion: Statement): boolean {
  for (let model = 0; model < 256; model++) {
    let inhabited = true;
    for (let t = 0; t < 3 && inhabited; t++) {
      let any = false;
      for (let r = 0; r < 8; r++) if ((model >> r) & 1 && (r >> t) & 1) any = true;
      inhabited = any;
    }
    if (inhabited && premises.every((p) => holds(p, model)) && !holds(conclusion, model)) return false;
  }
  return true;
}

function phrase([q, s, p]: Statement, names: string[]): string {
  return q === 'some_not'
    ? `Some ${names[s]} are not ${names[p]}`
    : `${q === 'all' ? 'All' : q === 'no' ? 'No' : 'Some'} ${names[s]} are ${names[p]}`;
}

function draw(
  rng: Rng,
  quantifiers: Quantifier[],
  inversion: boolean,
): { premises: Statement[]; conclusion: Statement } {
  const q = (): Quantifier => rng.pick(quantifiers);
  const premises: Statement[] = [rng.bool() ? [q(), 0, 1] : [q(), 1, 0], rng.bool() ? [q(), 1, 2] : [q(), 2, 1]];
  if (inversion) {
    const [, s, p] = rng.pick(premises);
    return { premises, conclusion: [q(), p, s] };
  }
  return { premises, conclusion: rng.bool() ? [q(), 0, 2] : [q(), 2, 0] };
}

export const syllogism = defineTask({
  id: 'rg.logic.syllogism',
  source: 'rg',
  category: 'logic',
  description: 'Decide whether a categorical conclusion follows from two premises.',
  answerFormat: 'Yes or No',
  options: {
    allow_all: { kind: 'bool', default: true, description: "use 'All A are B'" },
    allow_no: { kind: 'bool', default: true, description: "use 'No A are B'" },
    allow_some: { kind: 'bool', default: true, description: "use 'Some A are B'" },
    allow_some_not: { kind: 'bool', default: true, description: "use 'Some A are not B'" },
    invalid_ratio: {
      kind: 'float',
      default: 0.3,
      min: 0,
      max: 1,
      description: 'share of questions whose conclusion does not follow',
    },
    inversion_probability: {
      kind: 'float',
      default: 0.3,
      min: 0,
      max: 1,
      description: 'share of questions whose conclusion restates one premise with terms swapped',
    },
  },
  validateOptions: (o) =>
    o.allow_all || o.allow_no || o.allow_some || o.allow_some_not
      ? []
      : [{ path: 'allow_all', message: 'every quantifier is disabled', fix: 'allow at least one quantifier' }],
  generate(options, rng) {
    const quantifiers = (['all', 'no', 'some', 'some_not'] as const).filter((q) => options[`allow_${q}`]);
    const names = rng.sample(TERMS, 3).map(([, plural]) => plural);
    const inversion = rng.next() < options.inversion_probability;
    const wantValid = rng.next() >= options.invalid_ratio;
    let drawn = draw(rng, quantifiers, inversion),
      valid = follows(drawn.premises, drawn.conclusion);
    for (let tries = 0; tries < 500 && valid !== wantValid; tries++) {
      drawn = draw(rng, quantifiers, inversion);
      valid = follows(drawn.premises, drawn.conclusion);
    }
    const prompt =
      `Consider these statements:\n1. ${phrase(drawn.premises[0], names)}\n2. ${phrase(drawn.premises[1], names)}\n\n` +
      `Does it logically follow that:\n${phrase(drawn.conclusion, names)}?\n(Answer Yes or No)\n` +
      'Assume that there is at least one of each kind of thing named; "some" means at least one.\n' +
      'Give Yes or No within triple angle brackets, as <<<answer>>>.';
    return {
      prompt,
      answer: valid ? 'Yes' : 'No',
      metadata: {
        terms: names,
        premises: drawn.premises,
        conclusion: drawn.conclusion,
        type: inversion ? 'inversion' : 'syllogism',
      },
    };
  },
  check(instance, answer) {
    const value = parseBoolean(answer, 'Yes/No');
    if (value === null) return unparseable('expected Yes or No');
    return (value ? 'Yes' : 'No') === instance.answer ? CORRECT : wrong();
  },
  referenceSolution(instance) {
    return `from itertools import product
premises = ${JSON.stringify(instance.metadata.premises)}
conclusion = ${JSON.stringify(instance.metadata.conclusion)}
def holds(st, regions):
    q, s, p = st
    members = [r for r in regions if s in r]
    if q == 'all': return all(p in r for r in members)
    if q == 'no': return not any(p in r for r in members)
    if q == 'some': return any(p in r for r in members)
    return any(p not in r for r in members)
kinds = [frozenset(t for t in range(3) if bits[t]) for bits in product([0, 1], repeat=3)]
ok = True
for choice in product([0, 1], repeat=8):
    regions = [k for k, c in zip(kinds, choice) if c]
    if all(any(t in r for r in regions) for t in range(3)) and all(holds(p, regions) for p in premises) and not \
holds(conclusion, regions):
        ok = False
print('Yes' if ok else 'No')
`;
  },
});
