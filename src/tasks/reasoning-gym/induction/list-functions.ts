// rg.induction.list_functions: infer a hidden list → list rule from four examples and apply it to
// a fifth input. Seventeen rule families; exact list answer. Examples that another family explains
// with a different test output are drawn again.
import { defineTask } from '../../define-task.js';
import { CORRECT, parseNumberList, unparseable, wrong } from '../../answer.js';
import { InvariantError, type Rng } from '../../../core/index.js';

const randomList = (rng: Rng): number[] => Array.from({ length: rng.int(3, 10) }, () => rng.int(1, 100));

/**
 * A rule family: how its inputs look and what it computes. `k` numbers the examples (−1 for the
 * test input); binary rules alternate their two cases over the examples so both are shown.
 */
type Rule = { name: string; input(rng: Rng, k: number): number[]; apply(xs: number[]): number[] };

const alternate = (rng: Rng, k: number): boolean => (k < 0 ? rng.bool() : k % 2 === 0);

const RULES: Rule[] = [
  { name: 'identity', input: randomList, apply: (xs) => xs.slice() },
  { name: 'third element', input: randomList, apply: (xs) => [xs[2]] },
  { name: 'reverse', input: randomList, apply: (xs) => xs.slice().reverse() },
  {
    name: 'sum of distinct values below 30',
    input: randomList,
    apply: (xs) => [[...new Set(xs)].filter((x) => x < 30).reduce((a, b) => a + b, 0)],
  },
  {
    name: 'count of fives',
    input: (rng, k) => {
      const xs = randomList(rng);
      if (alternate(rng, k)) for (let i = rng.int(1, 4); i > 0; i--) xs.splice(rng.int(0, xs.length), 0, 5);
      return xs;
    },
    apply: (xs) => [xs.filter((x) => x === 5).length],
  },
  {
    name: 'elements followed by an even number',
    input: randomList,
    apply: (xs) => xs.slice(0, -1).filter((_, i) => xs[i + 1] % 2 === 0),
  },
  { name: 'add the index', input: randomList, apply: (xs) => xs.map((x, i) => x + i) },
  {
    name: 'element at the index named by the last element',
    input: (rng) => {
      const xs = randomList(rng);
      xs[xs.length - 1] = rng.int(0, xs.length - 1);
      return xs;
    },
    apply: (xs) => [xs[xs[xs.length - 1]]],
  },
  { name: 'length', input: randomList, apply: (xs) => [xs.length] },
  { name: 'sum', input: randomList, apply: (xs) => [xs.reduce((a, b) => a + b, 0)] },
  { name: 'sort ascending', input: randomList, apply: (xs) => xs.slice().sort((a, b) => a - b) },
  { name: 'sort descending', input: randomList, apply: (xs) => xs.slice().sort((a, b) => b - a) },
  {
    name: 'first and last plus one',
    input: randomList,
    apply: (xs) => xs.map((x, i) => (i === 0 || i === xs.length - 1 ? x + 1 : x)),
  },
  {
    name: 'ascending → 1, descending → 0',
    input: (rng, k) => {
      const up = alternate(rng, k),
        xs = [...new Set(randomList(rng))].sort((a, b) => (up ? a - b : b - a));
      return xs.length > 1 ? xs : up ? [1, 2] : [2, 1];
    },
    apply: (xs) => [xs[0] < xs[xs.length - 1] ? 1 : 0],
  },
  {
    name: 'multiple of ten → 1, otherwise of five → 0',
    input: (rng, k) => [alternate(rng, k) ? 10 * rng.int(1, 20) : 10 * rng.int(0, 19) + 5],
    apply: (xs) => [xs[0] % 10 === 0 ? 1 : 0],
  },
  { name: 'twice the last element', input: randomList, apply: (xs) => [2 * xs[xs.length - 1]] },
  { name: '2x − 4 for each element', input: randomList, apply: (xs) => xs.map((x) => 2 * x - 4) },
];

const show = (xs: number[]): string => `[${xs.join(', ')}]`;

/** Draws of examples per puzzle before giving up; with one example about one draw in ten is ambiguous. */
const MAX_DRAWS = 200;

/** Distinct example inputs and a test input not among them. */
function drawExamples(rule: Rule, count: number, rng: Rng): { inputs: number[][]; test: number[] } {
  const inputs: number[][] = [];
  const seen = new Set<string>();
  for (let k = 0; inputs.length < count && k < 200; k++) {
    const xs = rule.input(rng, inputs.length);
    if (!seen.has(show(xs))) {
      seen.add(show(xs));
      inputs.push(xs);
    }
  }
  let test = rule.input(rng, -1);
  for (let k = 0; seen.has(show(test)) && k < 200; k++) test = rule.input(rng, -1);
  return { inputs, test };
}

/** Whether another rule maps every example input as this one does yet answers the test differently. */
function ambiguous(rule: Rule, inputs: readonly number[][], test: number[]): boolean {
  const gold = show(rule.apply(test));
  return RULES.some(
    (other) =>
      other !== rule &&
      show(other.apply(test)) !== gold &&
      inputs.every((xs) => show(other.apply(xs)) === show(rule.apply(xs))),
  );
}

export const listFunctions = defineTask({
  id: 'rg.induction.list_functions',
  source: 'rg',
  category: 'induction',
  description: 'Infer a list transformation from examples and apply it to a new input.',
  answerFormat: 'a list of integers, e.g. [3, 1, 2]',
  options: {
    num_examples: {
      kind: 'int',
      default: 4,
      min: 1,
      max: 10,
      description: 'solved examples shown before the test input',
    },
  },
  generate(options, rng) {
    const ruleIndex = rng.int(0, RULES.length - 1),
      rule = RULES[ruleIndex];
    let drawn = drawExamples(rule, options.num_examples, rng);
    for (let tries = 1; ambiguous(rule, drawn.inputs, drawn.test); tries++) {
      if (tries >= MAX_DRAWS) {
        throw new InvariantError(
          `list_functions: ${MAX_DRAWS} draws of rule '${rule.name}' all fit a second rule; raise num_examples`,
        );
      }
      drawn = drawExamples(rule, options.num_examples, rng);
    }
    const { inputs, test } = drawn;
    const examples = inputs
      .map((xs, i) => `Input ${i + 1}: ${show(xs)}\nOutput ${i + 1}: ${show(rule.apply(xs))}`)
      .join('\n');
    const prompt =
      'You are an expert at inductive reasoning. Generate an output corresponding to the given input.\n' +
      ('The output is generated by applying the same rule that maps input to output for the examples provided. ' +
        'Your answer should be a list of element/elements\n') +
      `Examples:\n${examples}\n\nInput: ${show(test)}\nOutput:\n` +
      'Give the output list within triple angle brackets, as <<<[...]>>>.';
    return {
      prompt,
      answer: show(rule.apply(test)),
      metadata: {
        rule: rule.name,
        rule_index: ruleIndex,
        examples: inputs.map((xs) => [xs, rule.apply(xs)]),
        test_input: test,
      },
    };
  },
  check(instance, answer) {
    const list = parseNumberList(answer);
    if (list === null || !answer.trim().startsWith('[')) return unparseable('expected a list like [1, 2, 3]');
    const gold = parseNumberList(instance.answer)!;
    return list.length === gold.length && list.every((x, i) => x === gold[i]) ? CORRECT : wrong();
  },
  referenceSolution(instance) {
    return `examples = ${JSON.stringify(instance.metadata.examples)}
test = ${JSON.stringify(instance.metadata.test_input)}
hypotheses = [
    lambda x: x, lambda x: [x[2]], lambda x: x[::-1], lambda x: [sum(v for v in set(x) if v < 30)],
    lambda x: [x.count(5)], lambda x: [x[i] for i in range(len(x) - 1) if x[i + 1] % 2 == 0],
    lambda x: [v + i for i, v in enumerate(x)], lambda x: [x[x[-1]]], lambda x: [len(x)], lambda x: [sum(x)],
    lambda x: sorted(x), lambda x: sorted(x, reverse=True), lambda x: [x[0] + 1] + x[1:-1] + [x[-1] + 1],
    lambda x: [1 if x[0] < x[-1] else 0], lambda x: [1 if x[0] % 10 == 0 else 0], lambda x: [2 * x[-1]],
    lambda x: [2 * v - 4 for v in x],
]
def fits(h):
    try:
        return all(h(list(i)) == o for i, o in examples)
    except Exception:
        return False
h = next(h for h in hypotheses if fits(h))
print(h(list(test)))
`;
  },
});
