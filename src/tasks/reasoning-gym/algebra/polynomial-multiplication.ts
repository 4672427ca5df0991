// rg.algebra.polynomial_multiplication: expand a product of random polynomials (Reasoning-Gym
// `polynomial_multiplication`). Checked by exact coefficient equality of the expanded answer.
import { defineTask } from '../../define-task.js';
import type { Rng } from '../../../core/index.js';
import { CORRECT, unparseable, wrong } from '../../answer.js';
import { addPoly, equalPoly, mulPoly, parsePoly, type Poly, printPoly, Rational, term } from '../../kit/index.js';

/** Parsed gold answers, so a group of responses to one question parses it once. */
const goldCache = new WeakMap<object, Poly>();

const VARIABLE_SETS = { x: ['x'], xyz: ['x', 'y', 'z'], xy: ['x', 'y'] } as const;

type Settings = {
  minTerms: number;
  maxTerms: number;
  minValue: number;
  maxValue: number;
  minDegree: number;
  maxDegree: number;
  negative: boolean;
};

/** Monomials (as power maps) of total degree in [min, max] over `variables`. */
function monomials(variables: readonly string[], min: number, max: number): Record<string, number>[] {
  let out: Record<string, number>[] = [{}];
  for (const v of variables) out = out.flatMap((m) => Array.from({ length: max + 1 }, (_, e) => ({ ...m, [v]: e })));
  return out.filter((m) => {
    const d = Object.values(m).reduce((a, b) => a + b, 0);
    return d >= min && d <= max;
  });
}

function randomPolynomial(rng: Rng, s: Settings, pool: Record<string, number>[]): Poly {
  for (;;) {
    let p: Poly = new Map();
    const count = rng.int(s.minTerms, s.maxTerms);
    for (let i = 0; i < count; i++) {
      const magnitude = rng.int(s.minValue, s.maxValue);
      p = addPoly(p, term(Rational.of(s.negative && rng.bool() ? -magnitude : magnitude), rng.pick(pool)));
    }
    if (p.size > 0) return p;
  }
}

export const polynomialMultiplication = defineTask({
  id: 'rg.algebra.polynomial_multiplication',
  source: 'rg',
  category: 'algebra',
  description: 'Multiply out a product of polynomials into expanded form.',
  answerFormat: 'an expanded polynomial (e.g. 6*x**3 - 2*x + 5)',
  differsFromSource:
    'Also accepts ^ for powers, implied products (3x) and whole coefficients written as decimals (3.0*x), which ' +
    "Reasoning-Gym's sympy.parse_expr reads as Xor, cannot read, or keeps unequal to the gold (all score 0).",
  options: {
    min_terms: { kind: 'int', default: 2, min: 1, max: 8, description: 'fewest terms drawn per polynomial' },
    max_terms: { kind: 'int', default: 4, min: 1, max: 8, description: 'most terms drawn per polynomial' },
    min_value: { kind: 'int', default: 1, min: 1, max: 1000, description: 'smallest coefficient magnitude' },
    max_value: { kind: 'int', default: 100, min: 1, max: 1000, description: 'largest coefficient magnitude' },
    min_degree: { kind: 'int', default: 0, min: 0, max: 6, description: 'smallest degree of a term' },
    max_degree: { kind: 'int', default: 3, min: 0, max: 6, description: 'largest degree of a term' },
    min_polynomials: { kind: 'int', default: 2, min: 2, max: 5, description: 'fewest polynomials multiplied' },
    max_polynomials: { kind: 'int', default: 3, min: 2, max: 5, description: 'most polynomials multiplied' },
    variables: {
      kind: 'enum',
      default: 'xyz',
      values: Object.keys(VARIABLE_SETS),
      description: 'the variable names to draw from',
    },
    allow_cross_variable_product: {
      kind: 'bool',
      default: false,
      description: 'each polynomial may use a different variable',
    },
    allow_multivariate_polynomials: {
      kind: 'bool',
      default: false,
      description: 'terms may mix variables (needs allow_cross_variable_product)',
    },
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
    ['min_polynomials', 'max_polynomials'],
  ],
  validateOptions: (o) =>
    o.allow_multivariate_polynomials && !o.allow_cross_variable_product
      ? [
          {
            path: 'allow_multivariate_polynomials',
            message: 'multivariate polynomials need cross-variable products',
            fix: 'also set allow_cross_variable_product=true',
          },
        ]
      : [],
  generate(options, rng) {
    const names = VARIABLE_SETS[options.variables as keyof typeof VARIABLE_SETS];
    const settings: Settings = {
      minTerms: options.min_terms,
      maxTerms: options.max_terms,
      minValue: options.min_value,
      maxValue: options.max_value,
      minDegree: options.min_degree,
      maxDegree: options.max_degree,
      negative: options.operators === '+-',
    };
    const shared = options.allow_cross_variable_product
      ? null
      : monomials([rng.pick(names)], options.min_degree, options.max_degree);
    const count = rng.int(options.min_polynomials, options.max_polynomials);
    const factors: Poly[] = [];
    for (let i = 0; i < count; i++) {
      const pool =
        shared ??
        monomials(
          options.allow_multivariate_polynomials ? names : [rng.pick(names)],
          options.min_degree,
          options.max_degree,
        );
      factors.push(randomPolynomial(rng, settings, pool));
    }
    const product = factors.reduce((acc, f) => mulPoly(acc, f));
    const expression = factors.map((f) => (f.size > 1 ? `(${printPoly(f)})` : printPoly(f))).join('*');
    const prompt =
      `${rng.pick(['Simplify this expression', 'Calculate the following'])}: ${expression}\n` +
      ('Write the result as a fully expanded polynomial (a sum of terms, without parentheses). Use ** for ' +
        'exponents and * for every multiplication, e.g. 7*x**2.\n') +
      'Return your final answer within triple angle brackets, as <<<expanded polynomial>>>.';
    return { prompt, answer: printPoly(product), metadata: { expression, variables: [...names] } };
  },
  check(instance, answer) {
    const text = answer.trim();
    if (text.includes('(') || text.includes('='))
      return unparseable('expected the expanded polynomial, without parentheses or "="');
    const variables = instance.metadata.variables as string[];
    const given = parsePoly(text, variables);
    let gold = goldCache.get(instance);
    if (!gold) {
      gold = parsePoly(instance.answer, variables);
      goldCache.set(instance, gold);
    }
    return equalPoly(given, gold) ? CORRECT : wrong();
  },
  referenceSolution: (instance) =>
    `import sympy\nx, y, z = sympy.symbols("x y ` +
    `z")\nprint(str(sympy.expand(sympy.sympify(${JSON.stringify(instance.metadata.expression)}))))\n`,
});
