// symbench.logical_equation: letters stand for distinct given numbers; equations and inequalities
// between them pin the assignment down (CodeSteer's logical equation). Any assignment that is a
// permutation of the numbers and satisfies every constraint is accepted.
import { defineTask } from '../define-task.js';
import { CORRECT, unparseable, wrong } from '../answer.js';
import type { Rng } from '../../core/index.js';
import { parseCells } from '../kit/index.js';

/**
 * A constraint over letter indices: a = k·b (k in tenths), a − b = v, a + b = v, a > b (numbers are distinct, so no a
 * = b).
 */
export type Constraint = { kind: 'mult' | 'diff' | 'sum' | 'gt'; a: number; b: number; value: number };

const VALUE_POOL = [
  1, 2, 3, 4, 5, 6, 7, 8, 9, 10, 12, 15, 16, 20, 24, 27, 28, 32, 34, 36, 39, 45, 48, 50, 56, 75, 78, 80, 90, 95, 96,
  100, 120, 121, 150, 225,
];

/**
 * CodeSteer's sizes, [letters, constraints], 15 puzzles each (create_dataset/create_dataset_logical_equation.py).
 * It gives each size one fixed list of numbers; here they are drawn from the pool of its numbers above.
 */
const SIZES: readonly [number, number][] = [
  [9, 7],
  [9, 8],
  [11, 10],
  [11, 11],
  [13, 10],
  [13, 11],
  [13, 12],
  [15, 12],
  [15, 13],
  [15, 14],
];

function letter(i: number): string {
  return String.fromCharCode(65 + i);
}

export function renderConstraint(c: Constraint): string {
  switch (c.kind) {
    case 'mult':
      return `${letter(c.a)} = ${(c.value / 10).toFixed(1)}${letter(c.b)}`;
    case 'diff':
      return `${letter(c.a)} - ${letter(c.b)} = ${c.value}`;
    case 'sum':
      return `${letter(c.a)} + ${letter(c.b)} = ${c.value}`;
    case 'gt':
      return `${letter(c.a)} > ${letter(c.b)}`;
  }
}

/** True when the assignment satisfies the constraint (multipliers are exact tenths). */
export function holds(c: Constraint, x: readonly number[]): boolean {
  const a = x[c.a],
    b = x[c.b];
  switch (c.kind) {
    case 'mult':
      return a * 10 === c.value * b;
    case 'diff':
      return a - b === c.value;
    case 'sum':
      return a + b === c.value;
    case 'gt':
      return a > b;
  }
}

function drawConstraint(rng: Rng, x: readonly number[]): Constraint | null {
  const n = x.length;
  const a = rng.int(0, n - 1);
  let b = rng.int(0, n - 2);
  if (b >= a) b++;
  const roll = rng.next();
  if (roll < 0.05) return x[a] > x[b] ? { kind: 'gt', a, b, value: 0 } : { kind: 'gt', a: b, b: a, value: 0 };
  if (roll < 0.4) {
    const tenths = (x[a] * 10) / x[b];
    return Number.isInteger(tenths) && tenths >= 11 && tenths <= 49 ? { kind: 'mult', a, b, value: tenths } : null;
  }
  if (roll < 0.7) return { kind: 'diff', a, b, value: x[a] - x[b] };
  return a < b ? { kind: 'sum', a, b, value: x[a] + x[b] } : { kind: 'sum', a: b, b: a, value: x[a] + x[b] };
}

export const logicalEquation = defineTask({
  id: 'symbench.logical_equation',
  source: 'symbench',
  description: 'Find which of the given numbers each letter stands for from equations and inequalities.',
  answerFormat: 'a list of integers in letter order, e.g. [a, b, c]',
  options: {
    num_letters: {
      kind: 'int',
      default: 0,
      min: 0,
      max: 15,
      description: "how many letters (and distinct numbers); 0: one of CodeSteer's ten sizes, 9–15 letters",
    },
    num_constraints: {
      kind: 'int',
      default: 0,
      min: 0,
      max: 20,
      description: "how many equations/inequalities; 0: as CodeSteer's size has, or one fewer than the letters",
    },
  },
  validateOptions: (o) =>
    o.num_letters > 0 && o.num_letters < 3
      ? [{ path: 'num_letters', message: `${o.num_letters} letters is too few`, fix: 'use 0 or 3–15 letters' }]
      : [],
  generate(options, rng) {
    const [letterCount, constraintCount] =
      options.num_letters === 0 ? rng.pick(SIZES) : [options.num_letters, options.num_letters - 1];
    const size = { letters: letterCount, constraints: options.num_constraints || constraintCount };
    const values = rng.sample(VALUE_POOL, size.letters).sort((p, q) => p - q);
    const solution = rng.shuffle(values);
    const constraints: Constraint[] = [];
    const seen = new Set<string>();
    for (let attempt = 0; constraints.length < size.constraints && attempt < 5000; attempt++) {
      const c = drawConstraint(rng, solution);
      if (c === null) continue;
      const text = renderConstraint(c);
      if (!seen.has(text)) {
        seen.add(text);
        constraints.push(c);
      }
    }
    const letters = Array.from({ length: size.letters }, (_, i) => letter(i));
    const prompt =
      'Calculate the number for each letter based on the range and set of inequalities that the given letter ' +
      'represents. ' +
      (`There are ${size.letters} letters ${letters.join(', ')}, each representing a different one of ` +
        `the numbers ${values.join(', ')} (each number is used exactly once). `) +
      'The system of inequalities is satisfied as follows:\n' +
      constraints.map((c, i) => `${i + 1}. ${renderConstraint(c)}`).join('\n') +
      ('\n\nReturn the answers in alphabetical order starting with A, and each element in the list represents the ' +
        'value of the corresponding letter. ') +
      'Return your answer with the format <<<list of values>>>, a bracketed list of integers, ' +
      "where the first value is A's number, the second B's, and so on.";
    return { prompt, answer: `[${solution.join(', ')}]`, metadata: { values, constraints } };
  },
  check(instance, answer) {
    const cells = parseCells(answer);
    const values = instance.metadata.values as number[];
    if (cells === null || cells.length === 0 || cells.some((cell) => !/^-?\d{1,9}$/.test(cell)))
      return unparseable('expected a list of integers');
    const x = cells.map(Number);
    if (x.length !== values.length) return wrong(`expected ${values.length} values, got ${x.length}`);
    const sorted = [...x].sort((p, q) => p - q);
    if (sorted.some((v, i) => v !== values[i])) return wrong('the values must be the given numbers, each used once');
    const broken = (instance.metadata.constraints as Constraint[]).find((c) => !holds(c, x));
    return broken ? wrong(`violates ${renderConstraint(broken)}`) : CORRECT;
  },
  referenceSolution(instance) {
    const constraints = (instance.metadata.constraints as Constraint[]).map((c) => renderConstraint(c));
    return `values = ${JSON.stringify(instance.metadata.values)}
constraints = ${JSON.stringify(constraints)}
n = len(values)
index = lambda ch: ord(ch) - 65
checks = []
for text in constraints:
    t = text.split()
    if t[1] == ">":
        checks.append(((index(t[0]), index(t[2])), lambda a, b: a > b))
    elif len(t) == 3:
        k = round(float(t[2][:-1]) * 10)
        checks.append(((index(t[0]), index(t[2][-1])), lambda a, b, k=k: a * 10 == k * b))
    else:
        v = int(t[4])
        op = (lambda a, b, v=v: a + b == v) if t[1] == "+" else (lambda a, b, v=v: a - b == v)
        checks.append(((index(t[0]), index(t[2])), op))

# Assign letters in breadth-first order over the constraint graph so each new letter is checked at once.
order = []
for start in range(n):
    queue = [start]
    while queue:
        v = queue.pop(0)
        if v in order:
            continue
        order.append(v)
        queue += [j if i == v else i for (i, j), _ in checks if v in (i, j)]
assign = [None] * n
used = [False] * n
def ok():
    return all(f(assign[i], assign[j]) for (i, j), f in checks if assign[i] is not None and assign[j] is not None)
def solve(pos):
    if pos == n:
        return True
    for k in range(n):
        if not used[k]:
            used[k], assign[order[pos]] = True, values[k]
            if ok() and solve(pos + 1):
                return True
            used[k], assign[order[pos]] = False, None
    return False
solve(0)
print("[" + ", ".join(map(str, assign)) + "]")
`;
  },
});
