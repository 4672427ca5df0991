// rg.algebra.simple_equations: solve a linear equation with an integer solution (Reasoning-Gym
// `simple_equations`); the left side is printed combined, as sympy would.
import { defineTask } from '../../define-task.js';
import { CORRECT, unparseable, wrong } from '../../answer.js';
import { parseDecimal, stripNumberWrappers } from '../../kit/index.js';

/** `a*x + b` in sympy's order and signs: `3*x + 5`, `5 - 3*x`, `x - 7`, `-x`. */
export function formatLinear(a: number, b: number, v: string): string {
  const xTerm = (magnitude: number): string => (magnitude === 1 ? v : `${magnitude}*${v}`);
  if (b === 0) return `${a < 0 ? '-' : ''}${xTerm(Math.abs(a))}`;
  if (a > 0) return `${xTerm(a)} ${b < 0 ? '-' : '+'} ${Math.abs(b)}`;
  return b > 0 ? `${b} - ${xTerm(-a)}` : `-${xTerm(-a)} - ${-b}`;
}

const TEMPLATES = [
  'Find the value of {v} in the equation: {e}',
  'Solve for {v}: {e}',
  'Determine the value of {v} that satisfies: {e}',
];

export const simpleEquations = defineTask({
  id: 'rg.algebra.simple_equations',
  source: 'rg',
  category: 'algebra',
  description: 'Solve a linear equation in one variable (integer solution).',
  answerFormat: 'an integer',
  options: {
    min_terms: { kind: 'int', default: 2, min: 1, max: 10, description: 'fewest terms combined on the left side' },
    max_terms: { kind: 'int', default: 4, min: 1, max: 10, description: 'most terms combined on the left side' },
    min_value: { kind: 'int', default: 1, min: 1, max: 10_000, description: 'smallest constant (and solution)' },
    max_value: { kind: 'int', default: 100, min: 1, max: 10_000, description: 'largest constant (and solution)' },
    operators_weights: {
      kind: 'enum',
      default: '0.4,0.4,0.2',
      values: ['0.4,0.4,0.2', '0.5,0.5,0', '0.34,0.33,0.33', '1,0,0'],
      description: 'weights of + - * (a preset)',
    },
  },
  ranges: [
    ['min_terms', 'max_terms'],
    ['min_value', 'max_value'],
  ],
  generate(options, rng) {
    const variable = rng.pick([...'abcdefghijklmnopqrstuvwxyz']);
    const weights = options.operators_weights.split(',').map(Number);
    const count = rng.int(options.min_terms, options.max_terms);
    const position = rng.int(0, count - 1);
    const multiply = weights[2] > 0;
    // The left side as a·x + b, built term by term like Reasoning-Gym's sympy expression.
    let a = 0,
      b = 0;
    for (let i = 0; i < count; i++) {
      const value = rng.int(options.min_value, options.max_value);
      const [ta, tb] = i === position ? [multiply ? rng.int(options.min_value, options.max_value) : 1, 0] : [0, value];
      if (i === 0) {
        [a, b] = [ta, tb];
        continue;
      }
      let pick = rng.next() * weights.reduce((s, w) => s + w, 0),
        op = 0;
      while (op < 2 && pick >= weights[op]) pick -= weights[op++];
      if (op === 0) {
        a += ta;
        b += tb;
      } else if (op === 1) {
        a -= ta;
        b -= tb;
      } else if (i === position) {
        [a, b] = [b * ta, 0];
      } else {
        a *= tb;
        b *= tb;
      }
    }
    if (a === 0) a = 1; // (5 - 5) * 3x would lose the variable
    const solution = rng.int(options.min_value, options.max_value);
    const equation = `${formatLinear(a, b, variable)} = ${a * solution + b}`;
    const prompt =
      `${rng.pick(TEMPLATES).replace('{v}', variable).replace('{e}', equation)}\n` +
      `Return your final answer as a single integer within triple angle brackets, e.g. <<<value of ${variable}>>>.`;
    return { prompt, answer: String(solution), metadata: { equation, variable } };
  },
  check(instance, answer) {
    const text = stripNumberWrappers(
      answer.trim().replace(new RegExp(`^${instance.metadata.variable as string}\\s*=\\s*`), ''),
    );
    const value = parseDecimal(text);
    if (!value) return unparseable('expected an integer');
    return value.equals(parseDecimal(instance.answer)!) ? CORRECT : wrong();
  },
  referenceSolution: (instance) =>
    `import sympy\nv = sympy.Symbol(${JSON.stringify(instance.metadata.variable)})\nleft, right ` +
    `= ${JSON.stringify(instance.metadata.equation)}.split("=")\nprint(sympy.solve(sympy.Eq(sympy.sympify(left, ` +
    `locals={${JSON.stringify(instance.metadata.variable)}: v}), sympy.sympify(right)), v)[0])\n`,
});
