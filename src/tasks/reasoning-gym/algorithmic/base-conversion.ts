// rg.algorithmic.base_conversion: write a number given in one base (2–36) in another base, digits
// above 9 as lowercase letters. The answer is checked by value in the target base.
import { defineTask, answerInstruction } from '../../define-task.js';
import { CORRECT, wrong, unparseable, normalizeText } from '../../answer.js';

const DIGITS = '0123456789abcdefghijklmnopqrstuvwxyz';

function baseName(base: number): string {
  return base === 2 ? 'binary' : base === 16 ? 'hexadecimal' : `base-${base}`;
}

/** The value of `text` read in `base`, or null when a character is not a digit of that base. */
export function readInBase(text: string, base: number): bigint | null {
  if (text.length === 0 || text.length > 200) return null;
  let value = 0n;
  for (const ch of text.toLowerCase()) {
    const digit = DIGITS.indexOf(ch);
    if (digit < 0 || digit >= base) return null;
    value = value * BigInt(base) + BigInt(digit);
  }
  return value;
}

export const baseConversion = defineTask({
  id: 'rg.algorithmic.base_conversion',
  source: 'rg',
  category: 'algorithmic',
  description: 'Convert a number from one base to another (bases 2–36).',
  answerFormat: 'the number in the target base (lowercase letters for digits above 9)',
  options: {
    min_base: { kind: 'int', default: 2, min: 2, max: 36, description: 'smallest base' },
    max_base: { kind: 'int', default: 16, min: 2, max: 36, description: 'largest base' },
    min_value: { kind: 'int', default: 0, min: 0, max: 1e15, description: 'smallest decimal value' },
    max_value: { kind: 'int', default: 1000, min: 1, max: 1e15, description: 'largest decimal value' },
  },
  ranges: [
    ['min_base', 'max_base'],
    ['min_value', 'max_value'],
  ],
  validateOptions: (o) =>
    o.min_base === o.max_base
      ? [{ path: 'max_base', message: 'the two bases must differ', fix: 'make max_base > min_base' }]
      : [],
  generate(options, rng) {
    const value = rng.int(options.min_value, options.max_value);
    const sourceBase = rng.int(options.min_base, options.max_base);
    let targetBase = rng.int(options.min_base, options.max_base);
    while (targetBase === sourceBase) targetBase = rng.int(options.min_base, options.max_base);
    const sourceText = value.toString(sourceBase);
    const answer = value.toString(targetBase);
    const prompt = [
      'Your task is to convert a number between two different bases.',
      '',
      'If the target base is > 10, use lowercase letters a-z for digits above 9.',
      '',
      `Now, convert the ${baseName(sourceBase)} number ${sourceText} to ${baseName(targetBase)}.`,
      answerInstruction(`the number written in ${baseName(targetBase)}, digits only`),
    ].join('\n');
    return {
      prompt,
      answer,
      metadata: { value, source_base: sourceBase, target_base: targetBase, source_repr: sourceText },
    };
  },
  check(instance, answer) {
    const text = normalizeText(answer);
    const base = instance.metadata.target_base as number;
    const value = readInBase(text, base);
    if (value === null) return unparseable(`expected digits of base ${base}`);
    return value === BigInt(instance.metadata.value as number) ? CORRECT : wrong();
  },
  referenceSolution(instance) {
    const m = instance.metadata;
    return `import string
digits = string.digits + string.ascii_lowercase
value = int(${JSON.stringify(m.source_repr)}, ${m.source_base as number})
base = ${m.target_base as number}
out = ''
while value:
    value, d = divmod(value, base)
    out = digits[d] + out
print(out or '0')
`;
  },
});
