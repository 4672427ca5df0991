// Generated variants of three BBH expression tasks: boolean_expressions, multistep_arithmetic_two
// and dyck_languages, in the official wording; answers come from evaluating the rendered text.
import type { Rng } from '../../../core/rng.js';
import { InvariantError } from '../../../core/index.js';
import { defineGeneratedBbhTask } from './define-variant.js';

function booleanOperand(rng: Rng, maxNots: number, nested: boolean): string {
  const literal = () => (rng.bool() ? 'True' : 'False');
  const roll = rng.next();
  let core: string;
  if (nested && roll < 0.2) {
    const left = booleanOperand(rng, maxNots, false);
    core = `( ${left} ${rng.pick(['and', 'or'])} ${booleanOperand(rng, maxNots, false)} )`;
  } else if (roll < 0.45) core = `( ${literal()} )`;
  else core = literal();
  const nots = maxNots > 0 && rng.bool(0.45) ? rng.int(1, maxNots) : 0;
  return 'not '.repeat(nots) + core;
}

/** Evaluates a token list of True/False/not/and/or/parentheses with Python's precedence (not > and > or). */
export function evaluateBooleanTokens(tokens: readonly string[]): boolean {
  let at = 0;
  const orExpr = (): boolean => {
    let value = andExpr();
    while (tokens[at] === 'or') {
      at++;
      const right = andExpr();
      value = value || right;
    }
    return value;
  };
  const andExpr = (): boolean => {
    let value = notExpr();
    while (tokens[at] === 'and') {
      at++;
      const right = notExpr();
      value = value && right;
    }
    return value;
  };
  const notExpr = (): boolean => {
    if (tokens[at] === 'not') {
      at++;
      return !notExpr();
    }
    const token = tokens[at++];
    if (token === '(') {
      const value = orExpr();
      if (tokens[at++] !== ')') throw new InvariantError('unbalanced boolean expression');
      return value;
    }
    if (token === 'True' || token === 'False') return token === 'True';
    throw new InvariantError(`unexpected token ${token} in a boolean expression`);
  };
  const value = orExpr();
  if (at !== tokens.length) throw new InvariantError('trailing tokens in a boolean expression');
  return value;
}

export const booleanExpressionsGen = defineGeneratedBbhTask({
  name: 'boolean_expressions',
  description: 'Evaluate a random Boolean expression over True, False, not, and, or and parentheses.',
  answerFormat: 'True or False',
  kind: 'labels',
  labels: ['True', 'False'],
  options: {
    operands: { kind: 'int', default: 3, min: 2, max: 8, description: 'operands joined by and/or at the top level' },
    max_nots: { kind: 'int', default: 2, min: 0, max: 4, description: 'most `not`s in front of one operand' },
  },
  generate(options, rng) {
    const parts = [booleanOperand(rng, options.max_nots, true)];
    for (let i = 1; i < options.operands; i++)
      parts.push(rng.pick(['and', 'or']), booleanOperand(rng, options.max_nots, true));
    const expression = parts.join(' ');
    return { question: `${expression} is`, answer: evaluateBooleanTokens(expression.split(' ')) ? 'True' : 'False' };
  },
});

function arithmeticGroup(rng: Rng, terms: number, maxValue: number): string {
  const parts = [String(rng.int(-maxValue, maxValue))];
  for (let i = 1; i < terms; i++) parts.push(rng.pick(['+', '-', '*']), String(rng.int(-maxValue, maxValue)));
  return parts.join(' ');
}

/** Evaluates `a op b op …` with * before + and -, exactly (bigint). */
export function evaluateFlat(text: string): bigint {
  const tokens = text.trim().split(/\s+/);
  const sums: bigint[] = [BigInt(tokens[0])];
  const signs: number[] = [1];
  for (let i = 1; i < tokens.length; i += 2) {
    const value = BigInt(tokens[i + 1]);
    if (tokens[i] === '*') sums[sums.length - 1] *= value;
    else {
      sums.push(value);
      signs.push(tokens[i] === '-' ? -1 : 1);
    }
  }
  return sums.reduce((acc, value, i) => acc + (signs[i] === 1 ? value : -value), 0n);
}

export const multistepArithmeticGen = defineGeneratedBbhTask({
  name: 'multistep_arithmetic_two',
  description: 'Evaluate two bracketed groups of small signed integers joined by +, - or *.',
  answerFormat: 'an integer',
  kind: 'integer',
  options: {
    terms: { kind: 'int', default: 4, min: 2, max: 6, description: 'numbers in each bracketed group' },
    max_value: { kind: 'int', default: 9, min: 1, max: 99, description: 'largest absolute value of a number' },
  },
  generate(options, rng) {
    const left = arithmeticGroup(rng, options.terms, options.max_value);
    const right = arithmeticGroup(rng, options.terms, options.max_value);
    const op = rng.pick(['+', '-', '*']);
    const a = evaluateFlat(left),
      b = evaluateFlat(right);
    const value = op === '+' ? a + b : op === '-' ? a - b : a * b;
    return { question: `((${left}) ${op} (${right})) =`, answer: value.toString() };
  },
});

const OPENERS = ['(', '[', '{', '<'];
const CLOSER: Record<string, string> = { '(': ')', '[': ']', '{': '}', '<': '>' };

export const dyckLanguagesGen = defineGeneratedBbhTask({
  name: 'dyck_languages',
  description: 'Close the open brackets of a random prefix of a Dyck word over four bracket types.',
  answerFormat: 'closing brackets separated by spaces',
  kind: 'brackets',
  options: {
    min_length: { kind: 'int', default: 4, min: 2, max: 100, description: 'fewest tokens in the given prefix' },
    max_length: { kind: 'int', default: 30, min: 2, max: 100, description: 'most tokens in the given prefix' },
  },
  ranges: [['min_length', 'max_length']],
  generate(options, rng) {
    const length = rng.int(options.min_length, options.max_length);
    const tokens: string[] = [],
      stack: string[] = [];
    for (let i = 0; i < length; i++) {
      const remaining = length - i;
      const mustOpen = stack.length === 0 || (stack.length === 1 && remaining === 1);
      if (mustOpen || rng.bool(0.55)) {
        const open = rng.pick(OPENERS);
        stack.push(open);
        tokens.push(open);
      } else tokens.push(CLOSER[stack.pop()!]);
    }
    const answer = stack
      .reverse()
      .map((open) => CLOSER[open])
      .join(' ');
    return {
      question:
        `Complete the rest of the sequence, making sure that the parentheses are closed properly. ` +
        `Input: ${tokens.join(' ')}`,
      answer,
    };
  },
});
