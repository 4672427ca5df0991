// rg.algebra.complex_arithmetic: add, subtract, multiply or divide two Gaussian integers; division
// is set up to come out whole (Reasoning-Gym `complex_arithmetic`). Checked exactly.
import { defineTask } from '../../define-task.js';
import { CORRECT, unparseable, wrong } from '../../answer.js';
import { parseDecimal, type Rational } from '../../kit/index.js';

type Complex = [number, number];

/** `3 + 2i`, `-4i`, `5`, `1 - i`. */
export function formatComplex([re, im]: Complex): string {
  if (im === 0) return String(re);
  const imaginary = Math.abs(im) === 1 ? 'i' : `${Math.abs(im)}i`;
  if (re === 0) return `${im < 0 ? '-' : ''}${imaginary}`;
  return `${re} ${im < 0 ? '-' : '+'} ${imaginary}`;
}

/** [re, im] as rationals from `a + bi`, `a - bi`, `bi`, `a`, `(a+bj)`, `-i`; null otherwise. */
export function parseComplex(text: string): [Rational, Rational] | null {
  let t = text.replace(/\s+/g, '').replace(/j/g, 'i').replace(/\*i/g, 'i');
  while (t.length > 1 && t.startsWith('(') && t.endsWith(')')) t = t.slice(1, -1);
  if (t.length === 0 || t.length > 200) return null;
  const number = '[+-]?(?:\\d+(?:\\.\\d*)?|\\.\\d+)';
  const full = new RegExp(`^(${number})([+-](?:\\d+(?:\\.\\d*)?|\\.\\d+)?)i$`).exec(t);
  const coefficient = (s: string): Rational | null => parseDecimal(s === '' || s === '+' ? '1' : s === '-' ? '-1' : s);
  if (full) {
    const re = parseDecimal(full[1]),
      im = coefficient(full[2]);
    return re && im ? [re, im] : null;
  }
  const imaginary = new RegExp(`^(${number}|[+-])?i$`).exec(t);
  if (imaginary) {
    const im = coefficient(imaginary[1] ?? '');
    const zero = parseDecimal('0')!;
    return im ? [zero, im] : null;
  }
  const real = parseDecimal(t);
  return real ? [real, parseDecimal('0')!] : null;
}

const OPS = ['+', '-', '*', '/'] as const;
const PHRASES = { '+': ['Add', '+'], '-': ['Subtract', '-'], '*': ['Multiply', '×'], '/': ['Divide', '÷'] } as const;

export const complexArithmetic = defineTask({
  id: 'rg.algebra.complex_arithmetic',
  source: 'rg',
  category: 'algebra',
  description: 'Add, subtract, multiply or divide two complex numbers with integer parts.',
  answerFormat: 'a complex number a + bi',
  options: {
    min_real: { kind: 'int', default: -10, min: -1000, max: 1000, description: 'smallest real part' },
    max_real: { kind: 'int', default: 10, min: -1000, max: 1000, description: 'largest real part' },
    min_imag: { kind: 'int', default: -10, min: -1000, max: 1000, description: 'smallest imaginary part' },
    max_imag: { kind: 'int', default: 10, min: -1000, max: 1000, description: 'largest imaginary part' },
    operations_weights: {
      kind: 'enum',
      default: '0.4,0.4,0.1,0.1',
      values: ['0.4,0.4,0.1,0.1', '0.25,0.25,0.25,0.25', '0,0,0.5,0.5', '1,0,0,0', '0,1,0,0', '0,0,1,0', '0,0,0,1'],
      description: 'weights of + - * / (a preset)',
    },
  },
  ranges: [
    ['min_real', 'max_real'],
    ['min_imag', 'max_imag'],
  ],
  generate(options, rng) {
    const weights = options.operations_weights.split(',').map(Number);
    let pick = rng.next() * weights.reduce((a, b) => a + b, 0),
      index = 0;
    while (index < 3 && pick >= weights[index]) pick -= weights[index++];
    const op = OPS[index];
    const draw = (): Complex => [
      rng.int(options.min_real, options.max_real),
      rng.int(options.min_imag, options.max_imag),
    ];
    let a = draw(),
      b = draw(),
      result: Complex;
    if (op === '/') {
      for (let i = 0; i < 100 && b[0] === 0 && b[1] === 0; i++) b = draw();
      if (b[0] === 0 && b[1] === 0) b = [1, 0];
      result = a;
      a = [result[0] * b[0] - result[1] * b[1], result[0] * b[1] + result[1] * b[0]];
    } else if (op === '*') result = [a[0] * b[0] - a[1] * b[1], a[0] * b[1] + a[1] * b[0]];
    else result = op === '+' ? [a[0] + b[0], a[1] + b[1]] : [a[0] - b[0], a[1] - b[1]];
    const [verb, symbol] = PHRASES[op];
    const prompt =
      `${verb} the complex numbers: (${formatComplex(a)}) ${symbol} (${formatComplex(b)})\n` +
      'Return your final answer within triple angle brackets, in the form a + bi, e.g. <<<a + bi>>>.';
    return { prompt, answer: formatComplex(result), metadata: { a, b, op, result } };
  },
  check(instance, answer) {
    const given = parseComplex(answer);
    if (!given) return unparseable('expected a complex number such as 3 - 2i');
    const [re, im] = instance.metadata.result as number[];
    const [gr, gi] = given.map((r) => r.toNumber());
    if (given[0].equals(parseDecimal(String(re))!) && given[1].equals(parseDecimal(String(im))!)) return CORRECT;
    // Reasoning-Gym's finer credit: exp(-distance); never `correct`.
    return wrong(undefined, Math.exp(-Math.hypot(gr - re, gi - im)));
  },
  referenceSolution(instance) {
    const [a, b] = [instance.metadata.a as number[], instance.metadata.b as number[]];
    return (
      `a = complex(${a[0]}, ${a[1]})\nb = complex(${b[0]}, ${b[1]})\nr = a ${instance.metadata.op as string} ` +
      `b\nre, im = round(r.real), round(r.imag)\nif im == 0:\n    print(re)\nelif re == 0:\n    ` +
      `print(f"{im}i")\nelse:\n    print(f"{re} {'-' if im < 0 else '+'} {abs(im)}i")\n`
    );
  },
});
