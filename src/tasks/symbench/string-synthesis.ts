// symbench.string_synthesis: blocks [A],[B],[C] combine into {A},{B},{C} and then (A),(B),(C) by six
// methods applied in a cycle (each as often as it can before the next). Answer: nine block counts.
import { defineTask } from '../define-task.js';
import { CORRECT, unparseable, wrong } from '../answer.js';

/** Each method: what it consumes and produces, as indexes into the nine counts. */
const METHODS: readonly { take: readonly number[]; give: readonly number[] }[] = [
  { take: [0, 1, 2], give: [3] },
  { take: [0, 1], give: [5] },
  { take: [1, 2], give: [4] },
  { take: [2, 2], give: [5] },
  { take: [3, 5], give: [6, 7] },
  { take: [4, 4], give: [8] },
];

function canApply(counts: number[], take: readonly number[]): boolean {
  const need = new Map<number, number>();
  for (const i of take) need.set(i, (need.get(i) ?? 0) + 1);
  for (const [i, n] of need) if (counts[i] < n) return false;
  return true;
}

/** Runs the methods 1..6 in a cycle, each repeated while it applies, until a full cycle changes nothing. */
export function synthesize(a: number, b: number, c: number): number[] {
  const counts = [a, b, c, 0, 0, 0, 0, 0, 0];
  for (let changed = true; changed;) {
    changed = false;
    for (const { take, give } of METHODS) {
      while (canApply(counts, take)) {
        for (const i of take) counts[i]--;
        for (const i of give) counts[i]++;
        changed = true;
      }
    }
  }
  return counts;
}

export const stringSynthesis = defineTask({
  id: 'symbench.string_synthesis',
  source: 'symbench',
  description: 'Combine bracketed blocks by six methods applied in a cycle; report the nine final counts.',
  answerFormat: 'nine integers separated by spaces',
  options: {
    max_a: { kind: 'int', default: 8, min: 1, max: 50, description: 'most starting [A] blocks' },
    max_b: { kind: 'int', default: 8, min: 1, max: 50, description: 'most starting [B] blocks' },
    max_c: { kind: 'int', default: 8, min: 1, max: 50, description: 'most starting [C] blocks' },
  },
  generate(options, rng) {
    const a = rng.int(1, options.max_a), b = rng.int(1, options.max_b), c = rng.int(1, options.max_c);
    const prompt = [
      'There are nine different blocks [A], [B], [C], {A}, {B}, {C}, (A), (B), (C) that satisfy:',
      '1. One [A], one [B], and one [C] can be combined to form one {A}.',
      '2. One [A] and one [B] can be combined to form one {C}.',
      '3. One [B] and one [C] can be combined to form one {B}.',
      '4. Two [C] can be combined to form one {C}.',
      '5. One {A} and one {C} can be combined to form one (A) and one (B).',
      '6. Two {B} can be combined to form one (C).',
      '',
      ('Cycle through Methods 1..6 repeatedly until no more changes can be made: apply each method as many times ' + 'as it can be applied, then move on to the next one; after Method 6 start again from Method 1.'),
      '',
      `Question: If we now have ${a} [A], ${b} [B], and ${c} [C], what will the synthesized block be?`,
      '',
      'Return your final answer with the exact format:',
      '<<<a string of the number of certain block>>>',
      'giving the nine counts in the order [A], [B], [C], {A}, {B}, {C}, (A), (B), (C), separated by spaces.',
    ].join('\n');
    return { prompt, answer: synthesize(a, b, c).join(' '), metadata: { start: [a, b, c] } };
  },
  check(instance, answer) {
    const text = answer.trim().replace(/^\[|\]$/g, '');
    if (text.length > 400 || !/^[\s,\d]+$/.test(text)) return unparseable('expected nine non-negative integers separated by spaces');
    const values = text.split(/[\s,]+/).filter((t) => t.length > 0).map(Number);
    if (values.length !== 9) return unparseable(`expected nine counts, got ${values.length}`);
    return values.join(' ') === instance.answer ? CORRECT : wrong();
  },
  referenceSolution(instance) {
    const [a, b, c] = instance.metadata.start as number[];
    return [
      `n = [${a}, ${b}, ${c}, 0, 0, 0, 0, 0, 0]`,
      'methods = [([0, 1, 2], [3]), ([0, 1], [5]), ([1, 2], [4]), ([2, 2], [5]), ([3, 5], [6, 7]), ([4, 4], [8])]',
      'def ok(take):',
      '    return all(n[i] >= take.count(i) for i in set(take))',
      'changed = True',
      'while changed:',
      '    changed = False',
      '    for take, give in methods:',
      '        while ok(take):',
      '            for i in take: n[i] -= 1',
      '            for i in give: n[i] += 1',
      '            changed = True',
      "print(' '.join(map(str, n)))",
    ].join('\n');
  },
});
