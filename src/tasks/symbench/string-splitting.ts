// symbench.string_splitting: machines A, B, C are dismantled into parts X, Y, Z by five methods taken in
// a cycle, one execution per turn, until none applies. Answer: the six final counts as quoted strings.
import { defineTask } from '../define-task.js';
import { CORRECT, parseLooseJson, unparseable, wrong } from '../answer.js';

const TEMPLATES: readonly (readonly string[])[] = [
  [
    'One unit of machine A can be dismantled into two units of part X and one unit of part Y per round.',
    'Dismantling a single machine A yields two part X and one part Y each cycle.',
    'Each round, one machine A breaks down into two part X and one part Y.',
  ],
  [
    'Two units of machine B can be dismantled into one unit of part X per round.',
    'Dismantling two machine B units produces one part X each cycle.',
    'Every round, dismantling two machines B results in one part X.',
  ],
  [
    'Two units of machine C can be dismantled into one unit of part Y per round.',
    'Dismantling two machine C units yields one part Y each cycle.',
    'Each round, two machines C break down into one part Y.',
  ],
  [
    'One unit of machine B and one unit of machine C can be combined into one unit of machine A per round.',
    'Combining one machine B and one machine C results in one machine A each cycle.',
    'Every round, merging one machine B with one machine C creates one machine A.',
  ],
  [
    'One unit of part X and one unit of part Y can be combined into one unit of part Z per round.',
    'Combining one part X with one part Y produces one part Z each cycle.',
    'Each round, one part X and one part Y merge to form one part Z.',
  ],
];

/** Starting-count ranges per complexity level (CodeSteer's five levels). */
const RANGES: readonly (readonly [number, number])[] = [
  [1, 3],
  [2, 4],
  [3, 6],
  [4, 7],
  [5, 10],
];

/** Counts in the order A, B, C, X, Y, Z after cycling methods 1..5 (one execution per turn). */
export function dismantle(a0: number, b0: number, c0: number): number[] {
  let [a, b, c, x, y, z] = [a0, b0, c0, 0, 0, 0];
  const can = [
    (): boolean => a >= 1,
    (): boolean => b >= 2,
    (): boolean => c >= 2,
    (): boolean => b >= 1 && c >= 1,
    (): boolean => x >= 1 && y >= 1,
  ];
  const run = [
    (): void => {
      a -= 1;
      x += 2;
      y += 1;
    },
    (): void => {
      b -= 2;
      x += 1;
    },
    (): void => {
      c -= 2;
      y += 1;
    },
    (): void => {
      b -= 1;
      c -= 1;
      a += 1;
    },
    (): void => {
      x -= 1;
      y -= 1;
      z += 1;
    },
  ];
  for (let turn = 0; can.some((f) => f()); turn = (turn + 1) % 5) if (can[turn]()) run[turn]();
  return [a, b, c, x, y, z];
}

export const stringSplitting = defineTask({
  id: 'symbench.string_splitting',
  source: 'symbench',
  description: 'Dismantle machines into parts with five methods executed in a cycle; report what remains.',
  answerFormat: 'a list of six quoted integers: machines A, B, C, parts X, Y, Z',
  maxAnswerLength: 300,
  options: {
    min_complexity: {
      kind: 'int',
      default: 1,
      min: 1,
      max: 5,
      description: 'lowest complexity: range of starting machine counts (1: 1–3 … 5: 5–10)',
    },
    max_complexity: { kind: 'int', default: 5, min: 1, max: 5, description: 'highest complexity' },
  },
  ranges: [['min_complexity', 'max_complexity']],
  generate(options, rng) {
    const [lo, hi] = RANGES[rng.int(options.min_complexity, options.max_complexity) - 1];
    const start = [rng.int(lo, hi), rng.int(lo, hi), rng.int(lo, hi)];
    const methods = TEMPLATES.map((variants, i) => `Method ${i + 1}: ${rng.pick(variants)}`);
    const prompt = [
      'There is a dismantling engineer who has old machines A, B, and C. He discovered that he can obtain a ' +
        'batch of new parts X, Y, and Z through the following methods:',
      ...methods,
      '',
      `Xiao Li continuously cycles through these methods in the given order, executing one method at a time (a ` +
        `method that cannot be executed is skipped). After Method 5, start again from Method 1. Continue this ` +
        `cycle until no method can be executed. Initially, there are ${start[0]} units of Machine A, ${start[1]} ` +
        `units of Machine B, and ${start[2]} units of Machine C. How many parts X, Y, and Z can Li ultimately ` +
        `obtain, and how many machines A, B, and C will remain?`,
      '',
      'Generate the answer in the format <<<a string representing the outcome in the order of machines A, B, C, ' +
        'parts X, Y, Z>>>, written as a list of six quoted numbers ["A", "B", "C", "X", "Y", "Z"] with each letter ' +
        'replaced by its final count.',
    ].join('\n');
    return { prompt, answer: JSON.stringify(dismantle(start[0], start[1], start[2]).map(String)), metadata: { start } };
  },
  check(instance, answer) {
    const value = parseLooseJson(answer);
    if (!Array.isArray(value) || value.length !== 6)
      return unparseable('expected a list of six counts like ["1", "0", "2", "3", "0", "1"]');
    const counts = value.map((v) => (typeof v === 'number' ? String(v) : typeof v === 'string' ? v.trim() : '?'));
    if (!counts.every((v) => /^\d+$/.test(v))) return unparseable('each count must be a non-negative integer');
    const expected = JSON.parse(instance.answer) as string[];
    return counts.every((v, i) => Number(v) === Number(expected[i])) ? CORRECT : wrong();
  },
  referenceSolution(instance) {
    const [a, b, c] = instance.metadata.start as number[];
    return [
      `s = {'A': ${a}, 'B': ${b}, 'C': ${c}, 'X': 0, 'Y': 0, 'Z': 0}`,
      "methods = [({'A': 1}, {'X': 2, 'Y': 1}), ({'B': 2}, {'X': 1}), ({'C': 2}, {'Y': 1}), ({'B': 1, 'C': 1}, " +
        "{'A': 1}), ({'X': 1, 'Y': 1}, {'Z': 1})]",
      'def ok(need):',
      '    return all(s[k] >= v for k, v in need.items())',
      'i = 0',
      'while any(ok(need) for need, _ in methods):',
      '    need, give = methods[i]',
      '    if ok(need):',
      '        for k, v in need.items(): s[k] -= v',
      '        for k, v in give.items(): s[k] += v',
      '    i = (i + 1) % 5',
      "print([str(s[k]) for k in 'ABCXYZ'])",
    ].join('\n');
  },
});
