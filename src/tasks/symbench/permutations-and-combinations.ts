// symbench.permutations_and_combinations: shelve lettered books under position/order/adjacency
// constraints; any arrangement that satisfies every constraint is accepted.
import { defineTask } from '../define-task.js';
import { CORRECT, parseLooseJson, unparseable, wrong } from '../answer.js';
import type { Rng } from '../../core/index.js';

type Constraint =
  | { kind: 'fixed' | 'not_at'; item: string; position: number }
  | { kind: 'left_of' | 'right_of' | 'adjacent'; item: string; other: string };

function holds(c: Constraint, pos: Map<string, number>): boolean | null {
  const a = pos.get(c.item);
  if (c.kind === 'fixed' || c.kind === 'not_at')
    return a === undefined ? null : c.kind === 'fixed' ? a === c.position : a !== c.position;
  if (!('other' in c)) return null;
  const b = pos.get(c.other);
  if (a === undefined || b === undefined) return null;
  return c.kind === 'left_of' ? a < b : c.kind === 'right_of' ? a > b : Math.abs(a - b) === 1;
}

/** Whether a shelf filled at positions 1..filled (in `pos`) can still meet c once the rest is placed. */
function stillPossible(c: Constraint, pos: Map<string, number>, filled: number): boolean {
  const a = pos.get(c.item);
  if (!('other' in c)) {
    if (c.kind === 'not_at') return a !== c.position;
    return a === undefined ? c.position > filled : a === c.position;
  }
  const b = pos.get(c.other);
  if (c.kind === 'left_of') return b === undefined || (a !== undefined && a < b); // a unplaced would land after b
  if (c.kind === 'right_of') return a === undefined || (b !== undefined && a > b);
  if (a !== undefined && b !== undefined) return Math.abs(a - b) === 1;
  const placed = a ?? b;
  return placed === undefined || placed >= filled; // the other one still fits at placed + 1
}

/** First arrangement (backtracking over positions 1..n, pruning shelves no completion can save) satisfying
 * every constraint, or null. */
export function arrange(items: readonly string[], constraints: readonly Constraint[]): string[] | null {
  const pos = new Map<string, number>(),
    out: string[] = [];
  const place = (slot: number): boolean => {
    if (slot > items.length) return true;
    for (const item of items) {
      if (pos.has(item)) continue;
      pos.set(item, slot);
      out.push(item);
      if (constraints.every((c) => stillPossible(c, pos, slot)) && place(slot + 1)) return true;
      pos.delete(item);
      out.pop();
    }
    return false;
  };
  return place(1) ? out : null;
}

function describe(c: Constraint, index: number): string {
  switch (c.kind) {
    case 'fixed':
      return `${index}. Book ${c.item} must be placed in position ${c.position}.`;
    case 'not_at':
      return `${index}. Book ${c.item} cannot be placed in position ${c.position}.`;
    case 'left_of':
      return `${index}. Book ${c.item} must be to the left of book ${c.other}.`;
    case 'right_of':
      return `${index}. Book ${c.item} must be to the right of book ${c.other}.`;
    case 'adjacent':
      return `${index}. Book ${c.item} must be adjacent to book ${c.other}.`;
  }
}

function drawConstraint(rng: Rng, items: readonly string[]): Constraint {
  const kind = rng.pick(['fixed', 'left_of', 'not_at', 'right_of', 'adjacent'] as const);
  if (kind === 'fixed' || kind === 'not_at') return { kind, item: rng.pick(items), position: rng.int(1, items.length) };
  const [item, other] = rng.sample(items, 2);
  return { kind, item, other };
}

export const permutationsAndCombinations = defineTask({
  id: 'symbench.permutations_and_combinations',
  source: 'symbench',
  description: 'Arrange lettered books on a shelf so that every listed constraint holds.',
  answerFormat: 'a list of the book letters from position 1 to n, e.g. ["A", "B", ...]',
  maxAnswerLength: 400,
  // CodeSteer's configurations (create_dataset/create_dataset_permutations_and_combinations.py): 6, 7, 8 and 9
  // books, 50 puzzles each, with complexity books + 1, i.e. books + 1 or books + 2 constraints.
  options: {
    min_items: { kind: 'int', default: 6, min: 3, max: 10, description: 'fewest books' },
    max_items: { kind: 'int', default: 9, min: 3, max: 10, description: 'most books' },
    extra_constraints: {
      kind: 'int',
      default: 1,
      min: -2,
      max: 5,
      description: 'constraints drawn: books + this, or one more',
    },
  },
  ranges: [['min_items', 'max_items']],
  generate(options, rng) {
    const items = Array.from({ length: rng.int(options.min_items, options.max_items) }, (_, i) =>
      String.fromCharCode(65 + i),
    );
    const fewest = Math.max(1, items.length + options.extra_constraints);
    for (;;) {
      const constraints = Array.from({ length: rng.int(fewest, fewest + 1) }, () => drawConstraint(rng, items));
      const solution = arrange(items, constraints);
      if (!solution) continue;
      const prompt = [
        `Xiao Wang is a librarian responsible for shelving ${items.length} books labeled ${items.join(', ')} ` +
          `on a shelf with positions 1 to ${items.length}.`,
        '',
        'The constraints are:',
        ...constraints.map((c, i) => describe(c, i + 1)),
        '',
        'Question:',
        `Based on the above conditions, please arrange the ${items.length} books from left to right on the ` +
          `bookshelf, i.e. positions 1 through ${items.length}. ` +
          'Return your answer with the format <<< a list of strings >>>, one solution is enough, ' +
          'written like <<<["X", "Y", ...]>>> with the book letters in shelf order.',
      ].join('\n');
      return {
        prompt,
        answer: JSON.stringify(solution),
        metadata: { items, constraints: constraints as unknown as Record<string, string | number>[] },
      };
    }
  },
  check(instance, answer) {
    const value = parseLooseJson(answer);
    const items = instance.metadata.items as string[];
    if (!Array.isArray(value) || !value.every((v) => typeof v === 'string'))
      return unparseable('expected a list of book letters like ["A", "B", ...]');
    const order = (value as string[]).map((v) => v.trim().toUpperCase());
    if (order.length !== items.length || new Set(order).size !== items.length || !order.every((v) => items.includes(v)))
      return wrong(`expected each of ${items.join(', ')} exactly once`);
    const pos = new Map(order.map((item, i) => [item, i + 1]));
    const constraints = instance.metadata.constraints as unknown as Constraint[];
    const broken = constraints.findIndex((c) => holds(c, pos) !== true);
    return broken < 0 ? CORRECT : wrong(`constraint ${broken + 1} is not met`);
  },
  referenceSolution(instance) {
    return [
      'import itertools',
      `items = ${JSON.stringify(instance.metadata.items)}`,
      `cons = ${JSON.stringify(instance.metadata.constraints)}`,
      'def ok(p):',
      '    at = {x: i + 1 for i, x in enumerate(p)}',
      '    for c in cons:',
      '        k = c["kind"]; a = at[c["item"]]',
      '        if k == "fixed" and a != c["position"]: return False',
      '        if k == "not_at" and a == c["position"]: return False',
      '        if k in ("left_of", "right_of", "adjacent"):',
      '            b = at[c["other"]]',
      '            if (k == "left_of" and a >= b) or (k == "right_of" and a <= b) or (k == "adjacent" and abs(a ' +
        '- b) != 1): return False',
      '    return True',
      'for p in itertools.permutations(reversed(items)):',
      '    if ok(p):',
      '        print(list(p)); break',
    ].join('\n');
  },
});
