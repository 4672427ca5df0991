// symbench.game24: combine the given numbers with + - * / and parentheses to reach a target
// (CodeSteer's Game24). The checker parses the submitted expression and evaluates it exactly.
import { ConfigError, type Rng } from '../../core/index.js';
import { defineTask } from '../define-task.js';
import { CORRECT, parseNumber, unparseable, wrong } from '../answer.js';
import { parseIntegerExpression, type ParsedExpression } from '../kit/index.js';
import { solveTarget } from './game24-solver.js';

const solvedCache = new Map<string, string | null>();

/** The LaTeX CodeSteer's validate_equation rewrites before evaluating (\times, \div, \frac{a}{b}), and \cdot. */
function readLatex(text: string): string {
  return text
    .replace(/\\times/g, '*')
    .replace(/\\div/g, '/')
    .replace(/\\cdot/g, '*')
    .replace(/\\frac\{([^{}]*)\}\{([^{}]*)\}/g, '($1)/($2)');
}

function cachedSolve(numbers: readonly number[], target: number): string | null {
  const key = `${target}:${[...numbers].sort((a, b) => a - b).join(',')}`;
  let hit = solvedCache.get(key);
  if (hit === undefined) {
    hit = solveTarget(numbers, target);
    if (solvedCache.size > 50_000) solvedCache.clear();
    solvedCache.set(key, hit);
  }
  return hit;
}

/**
 * A uniformly random multiset of k numbers from min..: k distinct positions out of n + k - 1, sorted, each
 * less its rank (stars and bars), so every multiset has exactly one draw.
 */
function multiset(rng: Rng, positions: readonly number[], k: number, min: number): number[] {
  return rng
    .sample(positions, k)
    .sort((a, b) => a - b)
    .map((position, rank) => min + position - rank);
}

export const game24 = defineTask({
  id: 'symbench.game24',
  source: 'symbench',
  description: 'Use every given number exactly once with + - * / and parentheses to reach the target.',
  answerFormat: 'an arithmetic expression using each number once, optionally followed by `= target`',
  differsFromSource:
    'Evaluated exactly with fractions: 8/(3-8/3) reaches 24 (CodeSteer evaluates in floating point, gets ' +
    '23.999…, and rejects it). CodeSteer asks GPT-4o to extract the equation; r1ci reads the <<<…>>> text.',
  options: {
    num_numbers: { kind: 'int', default: 4, min: 2, max: 6, description: 'how many numbers are given' },
    min_value: { kind: 'int', default: 1, min: 1, max: 100, description: 'smallest number' },
    max_value: { kind: 'int', default: 13, min: 1, max: 100, description: 'largest number' },
    target: { kind: 'int', default: 24, min: 1, max: 100_000, description: 'the value to reach' },
  },
  ranges: [['min_value', 'max_value']],
  generate(options, rng) {
    // CodeSteer asks every solvable set of four numbers from 1..13 once (dataset_gather/game24_dataset/24/24.csv,
    // 1362 sets): each multiset is equally likely here too, so sets with repeated numbers are not under-drawn.
    const positions = Array.from({ length: options.max_value - options.min_value + options.num_numbers }, (_, k) => k);
    for (let attempt = 0; ; attempt++) {
      const numbers = multiset(rng, positions, options.num_numbers, options.min_value);
      const solution = cachedSolve(numbers, options.target);
      if (solution !== null) {
        const prompt =
          `Use numbers and basic arithmetic operations (+ - * /) to obtain ${options.target}. ` +
          ('Each number should be used only once but each number has to be used in the equation. Parentheses may ' +
            'be used freely.\n') +
          `Input: ${numbers.join(' ')}\n` +
          'Output final answer with the format <<<expression>>>: the arithmetic expression only (you may append ' +
          `"= ${options.target}"), with each input number appearing exactly once.`;
        return { prompt, answer: solution, metadata: { numbers, target: options.target } };
      }
      if (attempt > 2000) {
        throw new ConfigError(
          `no solvable ${options.num_numbers}-number puzzle for target ${options.target} ` +
            `in ${options.min_value}..${options.max_value}; change the options`,
        );
      }
    }
  },
  check(instance, answer) {
    const numbers = instance.metadata.numbers as number[];
    const target = instance.metadata.target as number;
    let text = readLatex(answer.trim());
    const eq = text.indexOf('=');
    if (eq >= 0) {
      // CodeSteer's validate_equation checks the first side and the last: `(3+3)*4 = 6*4 = 24` is fine.
      const right = text
        .slice(text.lastIndexOf('=') + 1)
        .trim()
        .replace(/\.$/, '');
      if (parseNumber(right) !== target)
        return wrong(`the expression is said to equal ${right.slice(0, 20)}, not ${target}`);
      text = text.slice(0, eq);
    }
    let result: ParsedExpression;
    try {
      result = parseIntegerExpression(text);
    } catch (error) {
      return unparseable((error as SyntaxError).message);
    }
    const used = [...result.literals].sort((a, b) => a - b);
    if (used.length !== numbers.length || used.some((n, i) => n !== numbers[i]))
      return wrong(`uses ${used.join(' ')}; must use exactly ${numbers.join(' ')}`);
    if (result.value === null) return wrong('division by zero');
    const { num, den } = result.value;
    return num === BigInt(target) * den ? CORRECT : wrong(`the expression equals ${num}/${den}`);
  },
  referenceSolution(instance) {
    const numbers = instance.metadata.numbers as number[];
    const target = instance.metadata.target as number;
    return `from fractions import Fraction
from functools import lru_cache
numbers = ${JSON.stringify(numbers)}
target = Fraction(${target})

def search(items):
    if len(items) == 1:
        return items[0][1] if items[0][0] == target else None
    for i in range(len(items)):
        for j in range(len(items)):
            if i == j:
                continue
            (a, ea), (b, eb) = items[i], items[j]
            rest = [items[k] for k in range(len(items)) if k != i and k != j]
            options = [(a + b, f"({ea}+{eb})"), (a - b, f"({ea}-{eb})"), (a * b, f"({ea}*{eb})")]
            if b != 0:
                options.append((a / b, f"({ea}/{eb})"))
            for value, text in options:
                found = search(rest + [(value, text)])
                if found:
                    return found
    return None

print(search([(Fraction(n), str(n)) for n in numbers]))
`;
  },
});
