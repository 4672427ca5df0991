// symbench.combinatorial_calculation: insert + − × ÷ and parentheses between digits kept in order to hit
// a target. The submitted expression is parsed by our own grammar and evaluated in exact fractions.
import { defineTask } from '../define-task.js';
import { CORRECT, unparseable, wrong } from '../answer.js';

type Fraction = [number, number];

function gcd(a: number, b: number): number {
  a = Math.abs(a); b = Math.abs(b);
  while (b) [a, b] = [b, a % b];
  return a || 1;
}
function make(n: number, d: number): Fraction {
  const g = gcd(n, d) * (d < 0 ? -1 : 1);
  return [n / g, d / g];
}
function apply(op: string, a: Fraction, b: Fraction): Fraction | null {
  switch (op) {
    case '+': return make(a[0] * b[1] + b[0] * a[1], a[1] * b[1]);
    case '-': return make(a[0] * b[1] - b[0] * a[1], a[1] * b[1]);
    case '*': return make(a[0] * b[0], a[1] * b[1]);
    default: return b[0] === 0 ? null : make(a[0] * b[1], a[1] * b[0]);
  }
}

/** Every value reachable from numbers[i..j] in order, each with one expression (interval DP). */
export function reachable(numbers: readonly number[]): Map<string, string> {
  const memo = new Map<string, Map<string, [Fraction, string]>>();
  const go = (i: number, j: number): Map<string, [Fraction, string]> => {
    const key = `${i},${j}`;
    const hit = memo.get(key);
    if (hit) return hit;
    const out = new Map<string, [Fraction, string]>();
    if (i === j) out.set(`${numbers[i]}/1`, [[numbers[i], 1], String(numbers[i])]);
    for (let k = i; k < j; k++) {
      for (const [a, ea] of go(i, k).values()) for (const [b, eb] of go(k + 1, j).values()) {
        for (const op of ['+', '-', '*', '/']) {
          const v = apply(op, a, b);
          const id = v && `${v[0]}/${v[1]}`;
          if (v && id && !out.has(id)) out.set(id, [v, `${i === k ? ea : `(${ea})`}${op}${k + 1 === j ? eb : `(${eb})`}`]);
        }
      }
    }
    memo.set(key, out);
    return out;
  };
  return new Map([...go(0, numbers.length - 1)].map(([id, [, expression]]) => [id, expression]));
}

/** CodeSteer's count → target pairs. */
const TARGETS: Record<number, number> = { 3: 10, 4: 24, 5: 78, 6: 100 };

type Token = { kind: 'num'; value: number } | { kind: 'op'; value: string };

function tokenize(text: string): Token[] | null {
  let t = text.trim();
  if (t.startsWith('[') && t.endsWith(']')) t = t.slice(1, -1);
  t = t.replace(/["']/g, ' ').replace(/×/g, '*').replace(/÷/g, '/');
  const tokens: Token[] = [];
  for (const part of t.split(/[\s,]+/).filter((p) => p.length > 0)) {
    for (const piece of part.match(/\d+|[-+*/()]|./g) ?? []) {
      if (/^\d+$/.test(piece)) tokens.push({ kind: 'num', value: Number(piece) });
      else if ('+-*/()'.includes(piece)) tokens.push({ kind: 'op', value: piece });
      else return null;
    }
  }
  return tokens;
}

/** Parses and evaluates tokens (binary + − × ÷ and parentheses only); records the numbers used in order. */
function evaluate(tokens: Token[], used: number[]): Fraction | null {
  let at = 0;
  const peek = (): Token | undefined => tokens[at];
  const factor = (): Fraction | null => {
    const t = tokens[at++];
    if (!t) return null;
    if (t.kind === 'num') { used.push(t.value); return [t.value, 1]; }
    if (t.value !== '(') return null;
    const inner = expr();
    return inner && tokens[at++]?.value === ')' ? inner : null;
  };
  const chain = (next: () => Fraction | null, ops: string): Fraction | null => {
    let left = next();
    while (left && peek()?.kind === 'op' && ops.includes(String(peek()!.value))) {
      const op = tokens[at++].value as string;
      const right = next();
      left = right && apply(op, left, right);
    }
    return left;
  };
  const term = (): Fraction | null => chain(factor, '*/');
  const expr = (): Fraction | null => chain(term, '+-');
  const value = expr();
  return value && at === tokens.length ? value : null;
}

export const combinatorialCalculation = defineTask({
  id: 'symbench.combinatorial_calculation',
  source: 'symbench',
  description: 'Insert arithmetic operators and parentheses between digits, kept in order, to reach a target.',
  answerFormat: 'a list of numbers and symbols, e.g. [6, /, 2, +, 7], or the expression itself',
  maxAnswerLength: 400,
  options: {
    min_numbers: { kind: 'int', default: 3, min: 3, max: 6, description: 'fewest digits (targets: 3→10, 4→24, 5→78, 6→100)' },
    max_numbers: { kind: 'int', default: 6, min: 3, max: 6, description: 'most digits' },
  },
  validateOptions: (o) => (o.min_numbers > o.max_numbers ? [{ path: 'min_numbers', message: `min_numbers ${o.min_numbers} > max_numbers ${o.max_numbers}`, fix: 'make min_numbers ≤ max_numbers' }] : []),
  generate(options, rng) {
    const count = rng.int(options.min_numbers, options.max_numbers);
    const target = TARGETS[count];
    for (;;) {
      const numbers = Array.from({ length: count }, () => rng.int(1, 9));
      const expression = reachable(numbers).get(`${target}/1`);
      if (!expression) continue;
      const prompt = [
        `Given ${count} integers between 1 and 9, perform arithmetic operations (addition, subtraction, multiplication, division, and parentheses) between these integers. Each number must be used exactly once and only once, and the final result should be ${target}. Note: The order of the numbers is determined by the input, and you cannot change the order of the numbers. You can only insert arithmetic operations or parentheses between the numbers.`,
        'Return the answer with a list of values and calculation symbols. Return your answer with the format <<<list of values and symbols>>>, like <<<[1, +, 3]>>> means 1+3, and <<<[4, -, (, 6, *, 9, )]>>> means 4-(6*9).',
        `Now the input numbers are: ${numbers.join(', ')}, the target value is: ${target}`,
      ].join('\n');
      const answer = `[${(tokenize(expression) ?? []).map((t) => t.value).join(', ')}]`;
      return { prompt, answer, metadata: { numbers, target } };
    }
  },
  check(instance, answer) {
    const tokens = tokenize(answer);
    if (!tokens || tokens.length === 0) return unparseable('expected numbers and symbols such as [6, /, 2, +, 7]');
    const used: number[] = [];
    const value = evaluate(tokens, used);
    if (!value) return unparseable('not a well-formed expression of + - * / and parentheses (or it divides by zero)');
    const numbers = instance.metadata.numbers as number[];
    if (used.join(',') !== numbers.join(',')) return wrong(`must use ${numbers.join(', ')} once each, in that order`);
    return value[0] === (instance.metadata.target as number) && value[1] === 1 ? CORRECT : wrong(`evaluates to ${value[0]}/${value[1]}`);
  },
  referenceSolution(instance) {
    return [
      'from fractions import Fraction',
      'from functools import lru_cache',
      `nums = ${JSON.stringify(instance.metadata.numbers)}`,
      `target = ${instance.metadata.target as number}`,
      '@lru_cache(None)',
      'def vals(i, j):',
      '    if i == j: return {Fraction(nums[i]): [str(nums[i])]}',
      '    out = {}',
      '    for k in range(i, j):',
      '        for a, ea in vals(i, k).items():',
      '            for b, eb in vals(k + 1, j).items():',
      "                for op, v in (('+', a + b), ('-', a - b), ('*', a * b), ('/', a / b if b else None)):",
      '                    if v is not None and v not in out:',
      "                        out[v] = ['('] + ea + [')', op, '('] + eb + [')']",
      '    return out',
      "print('[' + ', '.join(vals(0, len(nums) - 1)[Fraction(target)]) + ']')",
    ].join('\n');
  },
});
