// rg.arithmetic.bitwise_arithmetic: nested +, -, *, <<, >> over hexadecimal numbers with signed,
// arbitrary-width integers (Reasoning-Gym `bitwise_arithmetic`). The answer is a signed hex value.
import { defineTask } from '../../define-task.js';
import type { Rng } from '../../../core/index.js';
import { CORRECT, unparseable, wrong } from '../../answer.js';

const hex = (value: bigint): string => (value < 0n ? `-0x${(-value).toString(16)}` : `0x${value.toString(16)}`);

function build(rng: Rng, depth: number): { text: string; value: bigint } {
  if (depth <= 0 || rng.bool(0.01)) {
    const value = BigInt(rng.int(0x100, 0xffff));
    return { text: hex(value), value };
  }
  const op = rng.pick(['+', '-', '*', '<<', '>>']);
  const left = build(rng, depth - 1);
  if (op === '<<' || op === '>>') {
    const shift = BigInt(rng.int(0, 3));
    return {
      text: `(${left.text} ${op} ${hex(shift)})`,
      value: op === '<<' ? left.value << shift : left.value >> shift,
    };
  }
  const right = build(rng, depth - 1);
  const value =
    op === '+' ? left.value + right.value : op === '-' ? left.value - right.value : left.value * right.value;
  return { text: `(${left.text} ${op} ${right.text})`, value };
}

/** A signed integer written in hex (`-0x1f`), binary, octal or decimal; null otherwise. */
export function parseSignedInteger(text: string): bigint | null {
  const t = text.trim().replace(/^`|`$/g, '');
  const match = /^([+-]?)\s*(0[xX][0-9a-fA-F]{1,2000}|0[bB][01]{1,8000}|0[oO][0-7]{1,3000}|\d{1,3000})$/.exec(t);
  if (!match) return null;
  const magnitude = BigInt(match[2].toLowerCase().replace(/^0o/, '0o'));
  return match[1] === '-' ? -magnitude : magnitude;
}

export const bitwiseArithmetic = defineTask({
  id: 'rg.arithmetic.bitwise_arithmetic',
  source: 'rg',
  category: 'arithmetic',
  description: 'Evaluate nested arithmetic and shift operations on hexadecimal integers.',
  answerFormat: 'a signed hexadecimal integer (e.g. -0x3)',
  options: {
    difficulty: { kind: 'int', default: 2, min: 1, max: 10, description: 'nesting depth of the expression' },
  },
  generate(options, rng) {
    const { text, value } = build(rng, Math.max(1, options.difficulty));
    const prompt =
      'Please solve this problem. Assume there is arbitrary bit depth and that there are signed integers. ' +
      ("If the answer is negative, reply as a negative value (ex., -0x3), not the two's-compliment form. Reply " +
        'only with the final hexidecimal value.\n') +
      `${text}\n` +
      'Return your final answer within triple angle brackets, e.g. <<<0x…>>>.';
    return { prompt, answer: hex(value), metadata: { problem: text } };
  },
  check(instance, answer) {
    const given = parseSignedInteger(answer);
    if (given === null) return unparseable('expected an integer such as -0x3');
    return given === parseSignedInteger(instance.answer) ? CORRECT : wrong();
  },
  referenceSolution: (instance) =>
    `v = ${instance.metadata.problem as string}\nprint(("-" if v < 0 else "") + hex(abs(v)))\n`,
});
