// rg.algebra.simple_integration: the antiderivative of a polynomial with rational coefficients
// (Reasoning-Gym `simple_integration`). Correct when the answer's derivative equals the integrand
// exactly (any constant, with or without + C).
import { defineTask } from '../../define-task.js';
import { CORRECT, wrong } from '../../answer.js';
import { addPoly, derivative, equalPoly, parsePoly, type Poly, printPoly, Rational, term } from '../../kit/index.js';

export const simpleIntegration = defineTask({
  id: 'rg.algebra.simple_integration',
  source: 'rg',
  category: 'algebra',
  description: 'Find the indefinite integral of a polynomial.',
  answerFormat: 'an antiderivative (e.g. 2*x**3/3 - x + C)',
  options: {
    min_terms: { kind: 'int', default: 2, min: 1, max: 10, description: 'fewest terms in the antiderivative' },
    max_terms: { kind: 'int', default: 5, min: 1, max: 10, description: 'most terms in the antiderivative' },
    min_degree: {
      kind: 'int',
      default: 1,
      min: -10,
      max: 20,
      description: 'smallest exponent of a term of the antiderivative',
    },
    max_degree: {
      kind: 'int',
      default: 10,
      min: -10,
      max: 20,
      description: 'largest exponent of a term of the antiderivative',
    },
    min_bounds: { kind: 'int', default: 1, min: 1, max: 1000, description: 'smallest numerator of a coefficient' },
    max_bounds: { kind: 'int', default: 10, min: 1, max: 1000, description: 'largest numerator of a coefficient' },
    symbols: {
      kind: 'enum',
      default: 'xX',
      values: ['xX', 'x', 'X'],
      description: 'the variable name(s) to draw from',
    },
  },
  ranges: [
    ['min_terms', 'max_terms'],
    ['min_degree', 'max_degree'],
    ['min_bounds', 'max_bounds'],
  ],
  generate(options, rng) {
    const variable = rng.pick([...options.symbols]);
    for (;;) {
      let antiderivative: Poly = new Map();
      const count = rng.int(options.min_terms, options.max_terms);
      for (let i = 0; i < count; i++) {
        const coefficient = new Rational(
          BigInt(rng.int(options.min_bounds, options.max_bounds)),
          rng.bool() ? 1n : BigInt(rng.int(2, 10)),
        );
        antiderivative = addPoly(
          antiderivative,
          term(rng.bool() ? coefficient : coefficient.neg(), {
            [variable]: rng.int(options.min_degree, options.max_degree),
          }),
        );
      }
      const integrand = derivative(antiderivative, variable);
      if (integrand.size === 0) continue;
      const verb = rng.pick([
        'Find the indefinite integral',
        'Calculate the antiderivative',
        'Evaluate the indefinite integral',
      ]);
      const prompt =
        `${verb}: ∫ ${printPoly(integrand)} d${variable}\n` +
        'Use ** for exponents and * for every multiplication, e.g. 7*X**2, and add the constant of integration C.\n' +
        'Return your final answer within triple angle brackets, as <<<antiderivative + C>>>.';
      return {
        prompt,
        answer: `${printPoly(antiderivative)} + C`,
        metadata: { integrand: printPoly(integrand), variable },
      };
    }
  },
  check(instance, answer) {
    const variable = instance.metadata.variable as string;
    const text = answer
      .trim()
      .replace(/^∫.*?=/, '')
      .trim();
    if (/\b(log|ln)\b/.test(text)) return wrong('logarithms are not needed for these integrands');
    const given = parsePoly(text, [variable, 'C']);
    return equalPoly(derivative(given, variable), parsePoly(instance.metadata.integrand as string, [variable]))
      ? CORRECT
      : wrong();
  },
  referenceSolution: (instance) =>
    `import sympy\nv = sympy.Symbol(${JSON.stringify(instance.metadata.variable)})\nf = ` +
    `sympy.sympify(${JSON.stringify(instance.metadata.integrand)}, ` +
    `locals={${JSON.stringify(instance.metadata.variable)}: v})\nprint(str(sympy.integrate(f, v)) + " + C")\n`,
});
