// rg.algebra.polynomial_equations: the real solutions of a random integer polynomial equation
// (Reasoning-Gym `polynomial_equations`). Each distinct real root once, to 4 decimals.
import { defineTask } from '../../define-task.js';
import { CORRECT, unparseable, wrong } from '../../answer.js';
import { distinctRealRoots } from './real-roots.js';
import { addPoly, parseDecimal, type Poly, printPoly, Rational, term } from '../../kit/index.js';

const TEMPLATES = [
  'Find the real value(s) of {v} in the equation: {p} = 0',
  'Solve for real {v}: {p} = 0',
  'Determine the real value(s) of {v} that satisfies: {p} = 0',
  'Solve the polynomial equation for real {v}:\n{p} = 0',
];
const INSTRUCTIONS = `In solving equations, please follow these instructions:
1. Provide all answers as comma-separated decimal values, each distinct real solution once, in any order.
2. For solutions that can be expressed in exact form (like "2 + sqrt(4560)/172"), convert them to decimal form in \
your final answer.
3. Round all decimal values to 4 decimal places.`;

const formatRoot = (x: number): string => {
  const t = x.toFixed(4).replace(/0+$/, '').replace(/\.$/, '');
  return t === '-0' ? '0' : t;
};

/** Reasoning-Gym's finer score: mean exp(-10·distance) over greedy matches, minus 0.5 per missing or extra value. */
function closeness(given: number[], roots: number[]): number {
  const left = roots.slice();
  let total = 0,
    matched = 0,
    extra = 0;
  for (const value of given) {
    if (left.length === 0) {
      extra++;
      continue;
    }
    let best = 0;
    left.forEach((r, i) => {
      if (Math.abs(value - r) < Math.abs(value - left[best])) best = i;
    });
    total += Math.exp(-10 * Math.abs(value - left[best]));
    left.splice(best, 1);
    matched++;
  }
  return Math.max(0, (matched ? total / matched : 0) - 0.5 * (left.length + extra));
}

export const polynomialEquations = defineTask({
  id: 'rg.algebra.polynomial_equations',
  source: 'rg',
  category: 'algebra',
  description: 'Find the real solutions of a polynomial equation, to 4 decimals.',
  answerFormat: 'comma-separated decimals (each distinct real root once)',
  options: {
    min_terms: { kind: 'int', default: 2, min: 1, max: 10, description: 'fewest terms drawn' },
    max_terms: { kind: 'int', default: 4, min: 1, max: 10, description: 'most terms drawn' },
    min_value: { kind: 'int', default: 1, min: 1, max: 10_000, description: 'smallest coefficient magnitude' },
    max_value: { kind: 'int', default: 100, min: 1, max: 10_000, description: 'largest coefficient magnitude' },
    min_degree: { kind: 'int', default: 1, min: 1, max: 8, description: 'smallest degree' },
    max_degree: { kind: 'int', default: 3, min: 1, max: 8, description: 'largest degree' },
    operators: {
      kind: 'enum',
      default: '+-',
      values: ['+-', '+'],
      description: "'+-': coefficients of both signs; '+': positive only",
    },
  },
  ranges: [
    ['min_terms', 'max_terms'],
    ['min_value', 'max_value'],
    ['min_degree', 'max_degree'],
  ],
  generate(options, rng) {
    const variable = rng.pick([...'abcdefghklmnopqrstuvwxyz']);
    for (let attempt = 0; ; attempt++) {
      // Reasoning-Gym retries until some real solution exists; past 50 draws we force an odd degree.
      const degree =
        attempt < 50
          ? rng.int(options.min_degree, options.max_degree)
          : 2 * Math.floor((options.max_degree - 1) / 2) + 1;
      const exponents = [
        degree,
        ...Array.from({ length: rng.int(options.min_terms, options.max_terms) - 1 }, () => rng.int(0, degree)),
      ];
      const dense = new Array<number>(degree + 1).fill(0);
      for (const e of exponents) {
        const magnitude = rng.int(options.min_value, options.max_value);
        dense[e] += options.operators === '+-' && rng.bool() ? -magnitude : magnitude;
      }
      if (dense[degree] === 0) continue;
      const roots = distinctRealRoots(dense);
      if (roots.length === 0) continue;
      let poly: Poly = new Map();
      dense.forEach((c, e) => {
        poly = addPoly(poly, term(Rational.of(c), { [variable]: e }));
      });
      const question = rng.pick(TEMPLATES).replace('{v}', variable).replace('{p}', printPoly(poly));
      const prompt =
        `${question}\n${INSTRUCTIONS}\nReturn your final answer within triple angle brackets, as ` +
        `<<<solution1, solution2, ...>>>.`;
      return { prompt, answer: roots.map(formatRoot).join(', '), metadata: { coefficients: dense, roots, variable } };
    }
  },
  check(instance, answer) {
    const parts = answer
      .split(',')
      .map((p) => p.trim().replace(new RegExp(`^${instance.metadata.variable as string}\\s*=\\s*`), ''));
    if (parts.length > 50) return unparseable('too many values');
    const given: number[] = [];
    for (const part of parts) {
      const value = parseDecimal(part);
      if (!value) return unparseable('expected comma-separated decimal numbers');
      given.push(value.toNumber());
    }
    const roots = instance.metadata.roots as number[];
    given.sort((a, b) => a - b);
    // Rounded or truncated to 4 decimals is within 1e-4 of the root.
    const exact = given.length === roots.length && given.every((v, i) => Math.abs(v - roots[i]) <= 1e-4 + 1e-9);
    return exact ? CORRECT : wrong(undefined, closeness(given, roots));
  },
  referenceSolution: (instance) =>
    `import sympy\nx = sympy.Symbol("x")\np = ` +
    `sympy.Poly(list(reversed(${JSON.stringify(instance.metadata.coefficients)})), x)\nroots = ` +
    `sorted(set(sympy.real_roots(p)), key=lambda r: float(r))\nprint(", ".join(f"{float(r.evalf(30)):.4f}" for ` +
    `r in roots))\n`,
});
