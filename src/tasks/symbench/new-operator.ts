// symbench.new_operator: evaluate an expression built from newly defined binary operators such as
// a#b = 2*a+3*b (CodeSteer's new operator). Exact rational answer; operators apply left to right.
import { InvariantError } from '../../core/index.js';
import { defineTask } from '../define-task.js';
import { CORRECT, unparseable, wrong } from '../answer.js';
import { applyArithmetic, parseNumberOrFraction, Rational } from '../kit/index.js';

const SYMBOLS = ['#', '@', '$', '&', '%', '~'];
type Operator = { symbol: string; kind: 'linear' | 'product' | 'ratio'; c1: number; c2: number };

function formula(op: Operator): string {
  if (op.kind === 'linear') return `${op.c1}*a+${op.c2}*b`;
  if (op.kind === 'product') return `${op.c1}*a*b`;
  return '(a + b)/b';
}

function applyOperator(op: Operator, a: Rational, b: Rational): Rational | null {
  const times = (k: number, x: Rational | null) => applyArithmetic('*', Rational.of(k), x);
  if (op.kind === 'linear') return applyArithmetic('+', times(op.c1, a), times(op.c2, b));
  if (op.kind === 'product') return times(op.c1, applyArithmetic('*', a, b));
  return applyArithmetic('/', applyArithmetic('+', a, b), b);
}

/** Operators used in order, one per application: complexity 1–3 repeat one, 4 uses two, 5 three. */
function operatorSequence(complexity: number, ops: Operator[]): Operator[] {
  if (complexity === 1) return [ops[0]];
  if (complexity === 2) return [ops[0], ops[0]];
  if (complexity === 3) return [ops[0], ops[0], ops[0]];
  if (complexity === 4) return [ops[0], ops[1], ops[0]];
  return [ops[0], ops[1], ops[2]];
}

export const newOperator = defineTask({
  id: 'symbench.new_operator',
  source: 'symbench',
  description: 'Evaluate an expression that uses newly defined binary operators.',
  answerFormat: 'a number (integer, fraction p/q, or decimal to 4 places)',
  options: {
    complexity: {
      kind: 'enum',
      default: 'mixed',
      values: ['mixed', '1', '2', '3', '4', '5'],
      description:
        '1: a∘b; 2–3: one operator applied 2–3 times; 4–5: two or three operators (mixed: 2 or 5, as in CodeSteer)',
    },
    max_operand: { kind: 'int', default: 10, min: 1, max: 100, description: 'largest operand' },
  },
  generate(options, rng) {
    const complexity = options.complexity === 'mixed' ? rng.pick([2, 5]) : Number(options.complexity);
    const symbols = rng.sample(SYMBOLS, 3);
    const ops: Operator[] = symbols.map((symbol) => ({
      symbol,
      kind: rng.pick(['linear', 'product', 'ratio'] as const),
      c1: rng.int(1, 5),
      c2: rng.int(1, 5),
    }));
    const sequence = operatorSequence(complexity, ops);
    const numbers = Array.from({ length: sequence.length + 1 }, () => rng.int(1, options.max_operand));
    let value: Rational | null = Rational.of(numbers[0]);
    let expression = String(numbers[0]);
    sequence.forEach((op, i) => {
      value = value === null ? null : applyOperator(op, value, Rational.of(numbers[i + 1]));
      expression =
        i < sequence.length - 1
          ? `(${expression}${op.symbol}${numbers[i + 1]})`
          : `${expression}${op.symbol}${numbers[i + 1]}`;
    });
    const used = ops.filter((op) => sequence.includes(op));
    const definitions = used
      .map((op) => `Let a and b be numbers. Define a${op.symbol}b to be ${formula(op)}.`)
      .join('\n');
    const intro =
      used.length > 1
        ? `Let a and b represent two numbers. The new operations ${used.map((op) => op.symbol).join(', ')} are ` +
          `defined as follows:\n`
        : '';
    const prompt =
      `${intro}${definitions}\nCalculate ${expression}.\n` +
      'Operations are carried out from left to right unless parentheses say otherwise. ' +
      ('Return your answer with the format <<<number>>>: an integer, an exact fraction p/q, or a decimal rounded ' +
        'to at least 4 decimal places.');
    // Operands are ≥ 1 and coefficients positive, so no denominator is ever 0.
    const result = value as Rational | null;
    if (result === null) throw new InvariantError('new_operator divided by zero with positive operands');
    const metadata = {
      operators: used.map((op) => ({ ...op })),
      numbers,
      symbols: sequence.map((op) => op.symbol),
      numerator: String(result.num),
      denominator: String(result.den),
    };
    return { prompt, answer: result.toString(), metadata };
  },
  check(instance, answer) {
    const text = answer.trim().replace(/^\$+|\$+$/g, '');
    const value = parseNumberOrFraction(text);
    if (value === null) return unparseable('expected a number or a fraction p/q');
    const exact = Number(instance.metadata.numerator) / Number(instance.metadata.denominator);
    return Math.abs(value - exact) <= 1e-4 + 1e-12 * Math.abs(exact) ? CORRECT : wrong();
  },
  referenceSolution(instance) {
    const ops = instance.metadata.operators as Operator[];
    const table = ops
      .map((op) => `    ${JSON.stringify(op.symbol)}: (${JSON.stringify(op.kind)}, ${op.c1}, ${op.c2}),`)
      .join('\n');
    return `from fractions import Fraction
ops = {
${table}
}
def apply(symbol, a, b):
    kind, c1, c2 = ops[symbol]
    if kind == "linear":
        return c1 * a + c2 * b
    if kind == "product":
        return c1 * a * b
    return (a + b) / b
numbers = ${JSON.stringify(instance.metadata.numbers)}
value = Fraction(numbers[0])
for symbol, n in zip(${JSON.stringify(instance.metadata.symbols)}, numbers[1:]):
    value = apply(symbol, value, Fraction(n))
print(value)
`;
  },
});
