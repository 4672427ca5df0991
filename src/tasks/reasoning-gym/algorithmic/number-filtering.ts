// rg.algorithmic.number_filtering: keep or remove the numbers of a list that are larger or smaller
// than a threshold. The answer is the filtered list in the question's format; values compare exactly.
import { defineTask, answerInstruction } from '../../define-task.js';
import { CORRECT, wrong, unparseable } from '../../answer.js';
import { parseStringList, pythonStringList } from '../../kit/index.js';

/** `value` with exactly `decimals` places, never "-0". */
export function fixedDecimal(value: number, decimals: number): string {
  const text = value.toFixed(decimals);
  return /^-0(\.0*)?$/.test(text) ? text.slice(1) : text;
}

const DECIMAL = /^[+-]?(\d+(\.\d*)?|\.\d+)$/;

export const numberFiltering = defineTask({
  id: 'rg.algorithmic.number_filtering',
  source: 'rg',
  category: 'algorithmic',
  description: 'Filter a list of decimal numbers by a threshold.',
  answerFormat: "a list in the question's format, e.g. ['1.5', '-3']",
  options: {
    min_numbers: { kind: 'int', default: 3, min: 1, max: 100, description: 'fewest numbers' },
    max_numbers: { kind: 'int', default: 10, min: 1, max: 100, description: 'most numbers' },
    min_decimals: { kind: 'int', default: 0, min: 0, max: 10, description: 'fewest decimal places' },
    max_decimals: { kind: 'int', default: 4, min: 0, max: 10, description: 'most decimal places' },
    min_value: { kind: 'float', default: -100, min: -1e9, max: 1e9, description: 'smallest value' },
    max_value: { kind: 'float', default: 100, min: -1e9, max: 1e9, description: 'largest value' },
  },
  ranges: [
    ['min_numbers', 'max_numbers'],
    ['min_decimals', 'max_decimals'],
    ['min_value', 'max_value'],
  ],
  generate(options, rng) {
    const count = rng.int(options.min_numbers, options.max_numbers);
    const texts = Array.from({ length: count }, () =>
      fixedDecimal(
        rng.float(options.min_value, options.max_value),
        rng.int(options.min_decimals, options.max_decimals),
      ),
    );
    const values = texts.map(Number);
    const threshold = fixedDecimal(
      rng.float(Math.min(...values), Math.max(...values)),
      rng.int(options.min_decimals, options.max_decimals),
    );
    const limit = Number(threshold);
    const larger = rng.bool(),
      keep = rng.bool();
    const result = texts.filter((_, i) => {
      const v = values[i];
      if (keep) return larger ? v > limit : v < limit;
      return larger ? v <= limit : v >= limit;
    });
    const prompt = [
      `${keep ? 'Keep' : 'Remove'} all numbers ${larger ? 'larger' : 'smaller'} than ${threshold} in this ` +
        `list: ${pythonStringList(texts)}`,
      'Return the new list in the same format.',
      answerInstruction('the new list'),
    ].join('\n');
    return {
      prompt,
      answer: pythonStringList(result),
      metadata: {
        numbers: texts,
        filter_value: threshold,
        operation: `${keep ? 'keep' : 'remove'}_${larger ? 'larger' : 'smaller'}`,
        result,
      },
    };
  },
  check(instance, answer) {
    const given = parseStringList(answer);
    if (given === null) return unparseable("expected a list such as ['1.5', '-3']");
    const expected = instance.metadata.result as string[];
    if (given.length !== expected.length) return wrong(`expected ${expected.length} numbers, got ${given.length}`);
    for (let i = 0; i < given.length; i++) {
      const text = given[i].trim();
      if (!DECIMAL.test(text) || Number(text) !== Number(expected[i])) return wrong(`item ${i + 1} is wrong`);
    }
    return CORRECT;
  },
  referenceSolution(instance) {
    const m = instance.metadata;
    const [mode, side] = (m.operation as string).split('_');
    return `from decimal import Decimal
numbers = ${JSON.stringify(m.numbers)}
t = Decimal(${JSON.stringify(m.filter_value)})
keep, larger = ${mode === 'keep' ? 'True' : 'False'}, ${side === 'larger' ? 'True' : 'False'}
def stays(x):
    x = Decimal(x)
    hit = x > t if larger else x < t
    return hit if keep else not hit
print(str([x for x in numbers if stays(x)]))
`;
  },
});
