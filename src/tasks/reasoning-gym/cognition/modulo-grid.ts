// rg.cognition.modulo_grid: a ✅/❌ grid marks cells where f(x, y) mod d equals a target; fill in
// the ❔ cells and return the whole grid (Reasoning-Gym `modulo_grid`). Compared row by row.
import { defineTask } from '../../define-task.js';
import { CORRECT, unparseable, wrong } from '../../answer.js';

const OPERATIONS = ['sum', 'diff', 'prod', 'pow'] as const;

function powMod(base: number, exponent: number, modulus: number): number {
  let result = 1 % modulus, b = base % modulus;
  for (let e = exponent; e > 0; e >>= 1) { if (e & 1) result = (result * b) % modulus; b = (b * b) % modulus; }
  return result;
}

function cellValue(op: string, x: number, y: number, divisor: number): number {
  switch (op) {
    case 'sum': return (x + y) % divisor;
    case 'diff': return Math.abs(x - y) % divisor;
    case 'prod': return (x * y) % divisor;
    default: return powMod(x, y, divisor);
  }
}

/** Rows of ✅/❌/❔ from an answer: blank lines, code fences, spaces and emoji variation selectors dropped. */
export function readGrid(text: string): string[] {
  return text.replace(/\uFE0F/g, '').split('\n').map((row) => row.replace(/[ \t,|]/g, '')).filter((row) => row.length > 0 && !row.startsWith('```'));
}

export const moduloGrid = defineTask({
  id: 'rg.cognition.modulo_grid',
  source: 'rg',
  category: 'cognition',
  description: 'Infer the modular-arithmetic rule behind a ✅/❌ grid and fill in the missing cells.',
  answerFormat: 'the completed grid, one row per line',
  options: {
    size_x: { kind: 'int', default: 20, min: 6, max: 60, description: 'columns' },
    size_y: { kind: 'int', default: 20, min: 6, max: 60, description: 'rows' },
    max_divisor: { kind: 'int', default: 20, min: 2, max: 100, description: 'largest divisor' },
    max_target: { kind: 'int', default: 20, min: 1, max: 100, description: 'largest target remainder' },
    max_holes: { kind: 'int', default: 1, min: 1, max: 50, description: 'number of cells hidden' },
  },
  generate(options, rng) {
    for (;;) {
      const divisor = rng.int(2, options.max_divisor), target = rng.int(1, Math.min(options.max_target, divisor - 1));
      const op = rng.pick(OPERATIONS);
      const grid: string[][] = [];
      let marked = 0;
      for (let y = 0; y < options.size_y; y++) {
        const row: string[] = [];
        for (let x = 0; x < options.size_x; x++) { const hit = cellValue(op, x, y, divisor) === target; marked += hit ? 1 : 0; row.push(hit ? '✅' : '❌'); }
        grid.push(row);
      }
      if (marked === 0) continue;
      const shown = grid.map((row) => row.slice());
      const cells = rng.sample(Array.from({ length: options.size_x * options.size_y }, (_, i) => i), Math.min(options.max_holes, options.size_x * options.size_y));
      for (const cell of cells) shown[Math.floor(cell / options.size_x)][cell % options.size_x] = '❔';
      const prompt = ('Identify the mathematical pattern which defines this grid, then use that pattern to fill in the ' + 'question marks. Return the entire completed grid as your answer.\n\n')
        + `${shown.map((row) => row.join('')).join('\n')}\n\nReturn your final answer within triple angle brackets: <<<`
        + '\nthe completed grid, one row per line\n>>>.';
      return { prompt, answer: grid.map((row) => row.join('')).join('\n'), metadata: { divisor, target, operation: op, holes: cells } };
    }
  },
  check(instance, answer) {
    const rows = readGrid(answer), gold = instance.answer.split('\n');
    if (rows.length === 0 || rows.some((row) => /[^✅❌❔]/u.test(row))) return unparseable('expected rows of ✅ and ❌');
    if (rows.length !== gold.length) return wrong(`expected ${gold.length} rows, got ${rows.length}`);
    return rows.every((row, i) => row === gold[i]) ? CORRECT : wrong();
  },
  referenceSolution(instance) {
    const m = instance.metadata as unknown as { divisor: number; target: number; operation: string; difficulty: { size_x: number; size_y: number } };
    const f = { sum: 'x + y', diff: 'abs(x - y)', prod: 'x * y', pow: 'pow(x, y, d)' }[m.operation];
    return (`d, t = ${m.divisor}, ${m.target}\nrows = []\nfor y in range(${m.difficulty.size_y}):\n    ` + `rows.append("".join("✅" if (${f}) % d == t else "❌" for x in ` + `range(${m.difficulty.size_x})))\nprint("\\n".join(rows))\n`);
  },
});
