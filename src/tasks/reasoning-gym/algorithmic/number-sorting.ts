// rg.algorithmic.number_sorting: sort a list of decimal numbers ascending or descending. The answer
// is a list of the numbers as strings; every value must match exactly, in order.
import { defineTask, answerInstruction } from '../../define-task.js';
import { CORRECT, wrong, unparseable } from '../../answer.js';
import { parseStringList, pythonStringList } from '../../kit/index.js';

const DECIMAL = /^[+-]?(\d+(\.\d*)?|\.\d+)$/;

/** `value` rounded to `decimals` places and written without trailing zeros (never "-0"). */
function roundedText(value: number, decimals: number): string {
  const rounded = Number(value.toFixed(decimals));
  return String(rounded === 0 ? 0 : rounded);
}

export const numberSorting = defineTask({
  id: 'rg.algorithmic.number_sorting',
  source: 'rg',
  category: 'algorithmic',
  description: 'Sort a list of decimal numbers in the requested order.',
  answerFormat: "a list of the numbers as strings, e.g. ['-1.5', '2', '7.25']",
  options: {
    min_numbers: { kind: 'int', default: 3, min: 1, max: 100, description: 'fewest numbers' },
    max_numbers: { kind: 'int', default: 10, min: 1, max: 100, description: 'most numbers' },
    min_decimals: { kind: 'int', default: 0, min: 0, max: 10, description: 'fewest decimal places' },
    max_decimals: { kind: 'int', default: 2, min: 0, max: 10, description: 'most decimal places' },
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
      roundedText(rng.float(options.min_value, options.max_value), rng.int(options.min_decimals, options.max_decimals)),
    );
    const ascending = rng.bool();
    const sorted = texts.slice().sort((a, b) => (ascending ? Number(a) - Number(b) : Number(b) - Number(a)));
    const prompt = [
      `Sort these numbers in ${ascending ? 'ascending' : 'descending'} order: ${texts.join(', ')}`,
      '',
      'Please follow the instructions below:',
      '## 1. Give your answer as a list of numbers, written in square brackets.',
      "## 2. Write every number in the list as a string, for example ['-2', '0.5', '3'] rather than -2, 0.5, 3.",
      answerInstruction('the sorted list'),
    ].join('\n');
    return {
      prompt,
      answer: pythonStringList(sorted),
      metadata: { numbers: texts, direction: ascending ? 'ascending' : 'descending' },
    };
  },
  check(instance, answer) {
    const given = parseStringList(answer);
    if (given === null) return unparseable("expected a list such as ['-1.5', '2']");
    const expected = parseStringList(instance.answer)!;
    if (given.length !== expected.length) return wrong(`expected ${expected.length} numbers, got ${given.length}`);
    for (let i = 0; i < given.length; i++) {
      const text = given[i].trim();
      if (!DECIMAL.test(text) || Number(text) !== Number(expected[i])) return wrong(`item ${i + 1} is wrong`);
    }
    return CORRECT;
  },
  referenceSolution(instance) {
    return `from decimal import Decimal
numbers = ${JSON.stringify(instance.metadata.numbers)}
print(str(sorted(numbers, key=Decimal, reverse=${instance.metadata.direction === 'descending' ? 'True' : 'False'})))
`;
  },
});
