// rg.logic.propositional_logic: premises over P, Q, R, …; give a conclusion. Any formula over the
// puzzle's variables that the premises entail (truth table) is accepted, except tautologies and
// restatements equivalent to a single premise. Premises are always satisfiable.
import { defineTask } from '../../define-task.js';
import { CORRECT, wrong } from '../../answer.js';
import type { Rng } from '../../../core/index.js';

/** A formula: a variable index, or an operator node. */
type Formula = number | ['¬', Formula] | ['∧' | '∨' | '→' | '↔', Formula, Formula];
const BINARY = ['∧', '∨', '→', '↔'] as const;

function evaluate(f: Formula, bits: number): boolean {
  if (typeof f === 'number') return ((bits >> f) & 1) === 1;
  if (f[0] === '¬') return !evaluate(f[1], bits);
  const a = evaluate(f[1], bits), b = evaluate(f[2], bits);
  return f[0] === '∧' ? a && b : f[0] === '∨' ? a || b : f[0] === '→' ? !a || b : a === b;
}

/** The formula's truth table over n variables as a bitset of satisfying rows. */
function table(f: Formula, n: number): number {
  let out = 0;
  for (let bits = 0; bits < 1 << n; bits++) if (evaluate(f, bits)) out |= 1 << bits;
  return out;
}

const show = (f: Formula, names: string[]): string => (typeof f === 'number' ? names[f] : f[0] === '¬' ? `¬${show(f[1], names)}` : `(${show(f[1], names)} ${f[0]} ${show(f[2], names)})`);

function randomFormula(rng: Rng, n: number, depth: number): Formula {
  if (depth <= 1) return rng.int(0, n - 1);
  const op = rng.pick(['¬', ...BINARY] as const);
  if (op === '¬') return ['¬', randomFormula(rng, n, depth - 1)];
  return [op, randomFormula(rng, n, depth - 1), randomFormula(rng, n, depth - 1)];
}

/** Reads a formula: ¬ ∧ ∨ → ↔ (or ~ ! & | -> <->), parentheses, and the given variable names. */
export function parseFormula(text: string, names: string[]): Formula {
  const source = text.replace(/<->|<=>|⇔/g, '↔').replace(/->|=>|⇒/g, '→').replace(/[~!]/g, '¬').replace(/&/g, '∧').replace(/\|/g, '∨');
  const tokens = source.match(/[A-Z]|[¬∧∨→↔()]|\S/g) ?? [];
  if (tokens.length > 500) throw new Error('formula too long');
  let pos = 0;
  const level = (rank: number, depth: number): Formula => {
    if (depth > 100) throw new Error('too deeply nested');
    if (rank === 4) return unary(depth);
    const op = ['↔', '→', '∨', '∧'][rank];
    const left = level(rank + 1, depth + 1);
    if (tokens[pos] !== op) return left;
    pos++;
    const right = op === '→' ? level(rank, depth + 1) : level(rank, depth + 1);
    return [op as '∧', left, right];
  };
  const unary = (depth: number): Formula => {
    const token = tokens[pos++];
    if (token === '¬') return ['¬', unary(depth + 1)];
    if (token === '(') { const inner = level(0, depth + 1); if (tokens[pos++] !== ')') throw new Error('unbalanced parentheses'); return inner; }
    const index = token === undefined ? -1 : names.indexOf(token);
    if (index < 0) throw new Error(`unexpected '${token ?? 'end'}'; variables are ${names.join(', ')}`);
    return index;
  };
  const f = level(0, 0);
  if (pos !== tokens.length) throw new Error(`unexpected '${tokens[pos]}'`);
  return f;
}

export const propositionalLogic = defineTask({
  id: 'rg.logic.propositional_logic',
  source: 'rg',
  category: 'logic',
  description: 'Infer a non-trivial conclusion that follows from a few propositional premises.',
  answerFormat: 'a formula using ∧ ∨ → ↔ ¬ and the given variables',
  options: {
    min_vars: { kind: 'int', default: 2, min: 1, max: 4, description: 'fewest variables' },
    max_vars: { kind: 'int', default: 4, min: 1, max: 4, description: 'most variables' },
    min_statements: { kind: 'int', default: 2, min: 1, max: 10, description: 'fewest premises' },
    max_statements: { kind: 'int', default: 4, min: 1, max: 10, description: 'most premises' },
    min_complexity: { kind: 'int', default: 1, min: 1, max: 6, description: 'shallowest premise (operator depth)' },
    max_complexity: { kind: 'int', default: 3, min: 1, max: 6, description: 'deepest premise (operator depth)' },
  },
  ranges: [['min_vars', 'max_vars'], ['min_statements', 'max_statements'], ['min_complexity', 'max_complexity']],
  generate(options, rng) {
    for (;;) {
      const n = rng.int(options.min_vars, options.max_vars);
      const names = Array.from({ length: n }, (_, i) => String.fromCharCode(80 + i));
      const premises = Array.from({ length: rng.int(options.min_statements, options.max_statements) }, () => randomFormula(rng, n, rng.int(options.min_complexity, options.max_complexity)));
      const full = (1 << (1 << n)) - 1;
      const models = premises.reduce<number>((acc, p) => acc & table(p, n), full);
      if (models === 0) continue;
      const premiseTables = premises.map((p) => table(p, n));
      const acceptable = (t: number): boolean => (models & ~t) === 0 && t !== full && !premiseTables.includes(t);
      let conclusion: Formula | null = null;
      for (let k = 0; k < 100 && conclusion === null; k++) { const c = randomFormula(rng, n, rng.int(2, 3)); if (acceptable(table(c, n))) conclusion = c; }
      if (conclusion === null) continue;
      const prompt = 'The following question is a propositional logic reasoning question.\n\n' +
        ('In the question we provide a list of premises. The task is to infer a correct conclusion from the ' + 'premise.\n\n') +
        ('FORMAT INSTRUCTIONS:\n- Return the conclusion logic statement, as your final answer.\n- Use the ' + 'following notation to denote symbols\n') +
        '    - OR = ∨\n    - AND = ∧\n    - IMPLIES = →\n    - IFF = ↔\n    - NOT = ¬\n\n' +
        ('The conclusion must follow from the premises, must not be a tautology, and must not merely restate a ' + 'single premise.\n\n') +
        `Here is the question:\nGiven:\n${premises.map((p, i) => `${i + 1}. ${show(p, names)}`).join('\n')}\n` +
        ('What can we conclude from the above statements?\nGive the conclusion within triple angle brackets, as ' + '<<<conclusion>>>.');
      return { prompt, answer: show(conclusion, names), metadata: { variables: names, premises: premises.map((p) => show(p, names)), premise_trees: premises } };
    }
  },
  check(instance, answer) {
    const names = instance.metadata.variables as string[];
    const premises = (instance.metadata.premises as string[]).map((p) => parseFormula(p, names));
    const n = names.length, full = (1 << (1 << n)) - 1;
    const t = table(parseFormula(answer.trim(), names), n);
    const models = premises.reduce<number>((acc, p) => acc & table(p, n), full);
    if ((models & ~t) !== 0) return wrong('does not follow from the premises');
    if (t === full) return wrong('a tautology');
    if (premises.some((p) => table(p, n) === t)) return wrong('restates a premise');
    return CORRECT;
  },
  referenceSolution(instance) {
    return `from itertools import combinations
names = ${JSON.stringify(instance.metadata.variables)}
premises = ${JSON.stringify(instance.metadata.premise_trees)}
n = len(names)
rows = range(2 ** n)
def ev(f, row):
    if isinstance(f, int): return (row >> f) & 1 == 1
    if f[0] == '¬': return not ev(f[1], row)
    a, b = ev(f[1], row), ev(f[2], row)
    return {'∧': a and b, '∨': a or b, '→': (not a) or b, '↔': a == b}[f[0]]
tables = [frozenset(r for r in rows if ev(p, r)) for p in premises]
models = frozenset(r for r in rows if all(ev(p, r) for p in premises))
outside = [r for r in rows if r not in models]
def maxterm(r):
    return '(' + ' ∨ '.join(('¬' if (r >> i) & 1 else '') + names[i] for i in range(n)) + ')'
done = False
for k in range(1, len(outside) + 1):
    for excluded in combinations(outside, k):
        table = frozenset(rows) - frozenset(excluded)
        if table not in tables:
            print(' ∧ '.join(maxterm(r) for r in excluded))
            done = True
            break
    if done:
        break
`;
  },
});
