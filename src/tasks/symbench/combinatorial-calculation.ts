// symbench.combinatorial_calculation: insert + − × ÷ and parentheses between digits kept in order to hit
// a target. The submitted expression is parsed by our own grammar and evaluated in exact fractions.
import { defineTask } from '../define-task.js';
import { CORRECT, unparseable, wrong } from '../answer.js';
import { applyArithmetic, Rational } from '../kit/index.js';

/** Every value reachable from numbers[i..j] in order, each with one expression (interval DP). */
export function reachable(numbers: readonly number[]): Map<string, string> {
  const memo = new Map<string, Map<string, [Rational, string]>>();
  const go = (i: number, j: number): Map<string, [Rational, string]> => {
    const key = `${i},${j}`;
    const hit = memo.get(key);
    if (hit) return hit;
    const out = new Map<string, [Rational, string]>();
    if (i === j) out.set(`${numbers[i]}/1`, [Rational.of(numbers[i]), String(numbers[i])]);
    for (let k = i; k < j; k++) {
      for (const [a, ea] of go(i, k).values())
        for (const [b, eb] of go(k + 1, j).values()) {
          for (const op of ['+', '-', '*', '/']) {
            const v = applyArithmetic(op, a, b);
            const id = v && `${v.num}/${v.den}`;
            if (v && id && !out.has(id))
              out.set(id, [v, `${i === k ? ea : `(${ea})`}${op}${k + 1 === j ? eb : `(${eb})`}`]);
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
function evaluate(tokens: Token[], used: number[]): Rational | null {
  let at = 0;
  const peek = (): Token | undefined => tokens[at];
  const factor = (): Rational | null => {
    const t = tokens[at++];
    if (!t) return null;
    if (t.kind === 'num') {
      used.push(t.value);
      return Rational.of(t.value);
    }
    if (t.value !== '(') return null;
    const inner = expr();
    return inner && tokens[at++]?.value === ')' ? inner : null;
  };
  const chain = (next: () => Rational | null, ops: string): Rational | null => {
    let left = next();
    while (left && peek()?.kind === 'op' && ops.includes(String(peek()!.value))) {
      const op = tokens[at++].value as string;
      const right = next();
      left = right && applyArithmetic(op, left, right);
    }
    return left;
  };
  const term = (): Rational | null => chain(factor, '*/');
  const expr = (): Rational | null => chain(term, '+-');
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
    min_numbers: {
      kind: 'int',
      default: 3,
      min: 3,
      max: 6,
      description: 'fewest digits (targets: 3→10, 4→24, 5→78, 6→100)',
    },
    max_numbers: { kind: 'int', default: 6, min: 3, max: 6, description: 'most digits' },
  },
  ranges: [['min_numbers', 'max_numbers']],
  generate(options, rng) {
    const count = rng.int(options.min_numbers, options.max_numbers);
    const target = TARGETS[count];
    for (;;) {
      const numbers = Array.from({ length: count }, () => rng.int(1, 9));
      const expression = reachable(numbers).get(`${target}/1`);
      if (!expression) continue;
      const prompt = [
        `Given ${count} integers between 1 and 9, perform arithmetic operations (addition, subtraction, ` +
          `multiplication, division, and parentheses) between these integers. Each number must be used exactly ` +
          `once and only once, and the final result should be ${target}. Note: The order of the numbers is ` +
          `determined by the input, and you cannot change the order of the numbers. You can only insert ` +
          `arithmetic operations or parentheses between the numbers.`,
        'Return the answer with a list of values and calculation symbols. Return your answer with the format ' +
          '<<<list of values and symbols>>>, like <<<[1, +, 3]>>> means 1+3, and <<<[4, -, (, 6, *, 9, )]>>> means ' +
          '4-(6*9).',
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
    const target = BigInt(instance.metadata.target as number);
    return value.num === target && value.den === 1n ? CORRECT : wrong(`evaluates to ${value.num}/${value.den}`);
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
