// rg.games.countdown: reach a target with all given numbers once each, + - * / and parentheses.
// Any expression is accepted whose numbers are exactly the given multiset and whose exact value is the target.
import { defineTask } from '../../define-task.js';
import { CORRECT, unparseable, wrong } from '../../answer.js';
import type { Rng } from '../../../core/index.js';
import { parseIntegerExpression, sameMultiset } from '../../kit/index.js';

const TEMPLATES = [
  (numbers: string, target: number) =>
    `Using all the numbers ${numbers}, create an expression that equals ${target}.\nYou can only use each number once.`,
  (numbers: string, target: number) =>
    `Find a way to make ${target} using all of these numbers: ${numbers}.\nEach number can only be used once.`,
  (numbers: string, target: number) =>
    `Calculate ${target} using all of these numbers: ${numbers}.\nEach number must be used exactly once.`,
];

type Options = {
  min_numbers: number;
  max_numbers: number;
  min_value: number;
  max_value: number;
  min_target: number;
  max_target: number;
};

/** Folds numbers left to right with random operators; division only where it is exact. */
function foldExpression(rng: Rng, numbers: number[]): { text: string; value: number } {
  let text = String(numbers[0]),
    value = numbers[0],
    sum = false;
  for (let i = 1; i < numbers.length; i++) {
    let op = rng.pick(['+', '-', '*', '/']);
    if (op === '/') {
      const divisors = rng.shuffle(numbers.slice(i)).filter((d) => value % d === 0);
      if (divisors.length === 0) op = '-';
      else {
        const j = numbers.indexOf(divisors[0], i);
        [numbers[i], numbers[j]] = [numbers[j], numbers[i]];
      }
    }
    const n = numbers[i];
    if (op === '+' || op === '-') {
      text = `${text} ${op} ${n}`;
      value = op === '+' ? value + n : value - n;
      sum = true;
    } else {
      text = `${sum ? `(${text})` : text} ${op} ${n}`;
      value = op === '*' ? value * n : value / n;
      sum = false;
    }
  }
  return { text, value };
}

function generateExpression(options: Options, rng: Rng): { text: string; numbers: number[]; target: number } {
  const count = rng.int(options.min_numbers, options.max_numbers);
  for (let attempt = 0; attempt < 10_000; attempt++) {
    const numbers = Array.from({ length: count }, () => rng.int(options.min_value, options.max_value));
    const { text, value } = foldExpression(rng, numbers);
    if (value >= options.min_target && value <= options.max_target) return { text, numbers, target: value };
  }
  const numbers = Array.from({ length: count }, () => rng.int(options.min_value, options.max_value));
  const value = numbers.reduce((a, b) => a + b, 0);
  return { text: numbers.join(' + '), numbers, target: value };
}

export const countdown = defineTask({
  id: 'rg.games.countdown',
  source: 'rg',
  category: 'games',
  description: 'Combine all given numbers with + - * / to reach a target number.',
  answerFormat: 'an arithmetic expression using every given number once',
  options: {
    min_numbers: { kind: 'int', default: 4, min: 2, max: 12, description: 'fewest source numbers' },
    max_numbers: { kind: 'int', default: 6, min: 2, max: 12, description: 'most source numbers' },
    min_value: { kind: 'int', default: 1, min: 1, max: 1000, description: 'smallest source number' },
    max_value: { kind: 'int', default: 100, min: 1, max: 1000, description: 'largest source number' },
    min_target: { kind: 'int', default: 100, min: 1, max: 1_000_000, description: 'smallest target' },
    max_target: { kind: 'int', default: 999, min: 1, max: 1_000_000, description: 'largest target' },
  },
  ranges: [
    ['min_numbers', 'max_numbers'],
    ['min_value', 'max_value'],
    ['min_target', 'max_target'],
  ],
  generate(options, rng) {
    const { text, numbers, target } = generateExpression(options, rng);
    const shown = rng.shuffle(numbers);
    const question = rng.pick(TEMPLATES)(shown.join(', '), target);
    const prompt =
      `${question}\n\nFinal answer format instructions:\n1. Provide your solution as a arithmetic expression ` +
      `(no '=' sign).\n` +
      ("2. Do not include the target number in the expression.\n3. Use '*' for multiplication.\n4. Use '/' for " +
        'division.\n') +
      ('5. Do not include any other text or formatting.\nReturn the expression within triple angle brackets, as ' +
        '<<<expression>>>.');
    return { prompt, answer: text, metadata: { numbers: shown, target } };
  },
  check(instance, answer) {
    const t = answer.trim();
    if (t.length === 0) return unparseable('empty expression');
    const parsed = parseIntegerExpression(t);
    const numbers = instance.metadata.numbers as number[];
    if (!sameMultiset(parsed.literals, numbers))
      return wrong(`uses ${parsed.literals.join(', ')}; must use each of ${numbers.join(', ')} exactly once`);
    if (!parsed.value) return wrong('divides by zero');
    const target = BigInt(instance.metadata.target as number);
    return parsed.value.den === 1n && parsed.value.num === target
      ? CORRECT
      : wrong(
          `evaluates to ${parsed.value.num}${parsed.value.den === 1n ? '' : `/${parsed.value.den}`}, not ${target}`,
        );
  },
  referenceSolution(instance) {
    return `from fractions import Fraction
numbers = ${JSON.stringify(instance.metadata.numbers)}
target = ${instance.metadata.target}
failed = set()
def search(items):
    if len(items) == 1:
        return items[0][1] if items[0][0] == target else None
    key = tuple(sorted(v for v, _ in items))
    if key in failed:
        return None
    for i in range(len(items)):
        for j in range(i + 1, len(items)):
            (a, ea), (b, eb) = items[i], items[j]
            rest = [items[k] for k in range(len(items)) if k != i and k != j]
            cands = [(a * b, f"({ea} * {eb})"), (a + b, f"({ea} + {eb})"), (a - b, f"({ea} - {eb})"), (b - a, f"({eb} \
- {ea})")]
            if b != 0:
                cands.append((a / b, f"({ea} / {eb})"))
            if a != 0:
                cands.append((b / a, f"({eb} / {ea})"))
            for value, text in cands:
                found = search(rest + [(value, text)])
                if found:
                    return found
    failed.add(key)
    return None
print(search([(Fraction(n), str(n)) for n in numbers]))
`;
  },
});
