// symbench.logic_puzzle: select k cells with different numbers from a grid, starting from the
// top-right cell, so every row and column of the selection meets a sum or product rule (CodeSteer's
// logic puzzle). Any valid selection is accepted.
import { defineTask } from '../define-task.js';
import { CORRECT, unparseable, wrong } from '../answer.js';
import type { Rng } from '../../core/index.js';

type Rule = 'sum_le_4' | 'product_gt_0';
type Config = { size: number; select: number; low: number; high: number; rule: Rule };
const CONFIGS: Record<number, Config> = {
  1: { size: 2, select: 3, low: 1, high: 3, rule: 'sum_le_4' },
  2: { size: 3, select: 4, low: 1, high: 4, rule: 'sum_le_4' },
  3: { size: 4, select: 6, low: -5, high: 8, rule: 'product_gt_0' },
  4: { size: 5, select: 9, low: -8, high: 8, rule: 'product_gt_0' },
  5: { size: 5, select: 10, low: -10, high: 10, rule: 'product_gt_0' },
};
const SEARCH_BUDGET = 3_000;

/** Why the selection breaks the rules, or null when it is valid. */
export function selectionProblem(grid: number[][], rule: Rule, select: number, cells: [number, number][]): string | null {
  const n = grid.length;
  if (cells.length !== select) return `select exactly ${select} cells, not ${cells.length}`;
  const seen = new Set<string>(), values = new Set<number>();
  for (const [r, c] of cells) {
    if (r < 0 || c < 0 || r >= n || c >= n) return `(${r},${c}) is outside the grid`;
    if (seen.has(`${r},${c}`)) return `(${r},${c}) is selected twice`;
    if (values.has(grid[r][c])) return `the number ${grid[r][c]} is selected twice`;
    seen.add(`${r},${c}`);
    values.add(grid[r][c]);
  }
  if (!seen.has(`0,${n - 1}`)) return `the top-right cell (0,${n - 1}) must be selected`;
  for (let k = 0; k < n; k++) {
    const row = cells.filter(([r]) => r === k).map(([r, c]) => grid[r][c]);
    const col = cells.filter(([, c]) => c === k).map(([r, c]) => grid[r][c]);
    for (const [what, line] of [['row', row], ['column', col]] as const) {
      if (line.length === 0) continue;
      if (rule === 'sum_le_4' && line.reduce((s, v) => s + v, 0) > 4) return `the ${what} ${k} sum exceeds 4`;
      if (rule === 'product_gt_0' && line.filter((v) => v < 0).length % 2 === 1) return `the ${what} ${k} product is negative`;
    }
  }
  return null;
}

/** For the product rule: each further negative cell can fix one odd row and one odd column at most. */
function fixableParity(grid: number[][], config: Config, chosen: [number, number][]): boolean {
  if (config.rule !== 'product_gt_0') return true;
  const rows = new Map<number, number>(), cols = new Map<number, number>();
  for (const [r, c] of chosen) {
    if (grid[r][c] >= 0) continue;
    rows.set(r, (rows.get(r) ?? 0) ^ 1);
    cols.set(c, (cols.get(c) ?? 0) ^ 1);
  }
  const odd = (m: Map<number, number>) => [...m.values()].filter((v) => v === 1).length;
  return Math.max(odd(rows), odd(cols)) <= config.select - chosen.length;
}

/**
 * Depth-first search over cells (start first, then shuffled with positive numbers first); null when the budget runs
 * out.
 */
function findSelection(grid: number[][], config: Config, rng: Rng): [number, number][] | null {
  const n = grid.length;
  const others = rng.shuffle(Array.from({ length: n * n }, (_, i) => [Math.floor(i / n), i % n] as [number, number]).filter(([r, c]) => !(r === 0 && c === n - 1)))
    .sort((a, b) => Number(grid[a[0]][a[1]] < 0) - Number(grid[b[0]][b[1]] < 0));
  const chosen: [number, number][] = [[0, n - 1]];
  let nodes = 0;
  const walk = (from: number): boolean => {
    if (++nodes > SEARCH_BUDGET) return false;
    if (chosen.length === config.select) return selectionProblem(grid, config.rule, config.select, chosen) === null;
    for (let i = from; i <= others.length - (config.select - chosen.length); i++) {
      const [r, c] = others[i];
      if (chosen.some(([cr, cc]) => grid[cr][cc] === grid[r][c])) continue;
      chosen.push([r, c]);
      const sumOk = config.rule !== 'sum_le_4' || (chosen.filter(([cr]) => cr === r).reduce((s, [cr, cc]) => s + grid[cr][cc], 0) <= 4 && chosen.filter(([, cc]) => cc === c).reduce((s, [cr, cc]) => s + grid[cr][cc], 0) <= 4);
      if (sumOk && fixableParity(grid, config, chosen) && walk(i + 1)) return true;
      chosen.pop();
    }
    return false;
  };
  return walk(0) ? chosen.map(([r, c]) => [r, c] as [number, number]).sort((a, b) => a[0] - b[0] || a[1] - b[1]) : null;
}

export const logicPuzzle = defineTask({
  id: 'symbench.logic_puzzle',
  source: 'symbench',
  description: 'Select grid cells with different numbers so each row and column meets a sum or product rule.',
  answerFormat: '`row col` pairs separated by commas, 0-based',
  options: {
    complexity: { kind: 'int', default: 3, min: 1, max: 5, description: '1–2: small grids, row/column sums ≤ 4; 3–5: larger grids, row/column products > 0' },
  },
  generate(options, rng) {
    const config = CONFIGS[options.complexity];
    for (;;) {
      const grid = Array.from({ length: config.size }, () => Array.from({ length: config.size }, () => (config.low < 0 && rng.next() >= 0.7 ? rng.int(config.low, -1) : rng.int(Math.max(1, config.low), config.high))));
      const solution = findSelection(grid, config, rng);
      if (!solution) continue;
      const n = config.size;
      const flat = grid.flat();
      const ruleText = config.rule === 'sum_le_4'
        ? 'The sum of the selected numbers in each row and each column should be less than or equal to 4. '
        : ('The product of the selected numbers in each row and each column must be greater than 0 (rows and ' + 'columns with no selected number are unconstrained). ');
      const prompt =
        (`Given a ${n}*${n} grid where each cell contains a number (between ${Math.min(...flat)} ` + `to ${Math.max(...flat)}), you must select ${config.select} different numbers from these cells. `) +
        ruleText +
        'The numbers in the same row are separated by \',\', ' +
        'and positions are (row, column) with 0-based indices from the top-left cell.\n' +
        `Using the number ${grid[0][n - 1]} in the top-rightmost square (0,${n - 1}) as the first selected number:\n` +
        `${grid.map((row) => row.join(', ')).join('\n')}\n\n` +
        ('Return your answer with the format <<<list of selected number positions>>>, where each position is ' + 'given as "row column" and positions are separated by commas ') +
        '(for instance "0 3, 1 0" would mean the cells (0,3) and (1,0)); include the first selected number.';
      return { prompt, answer: solution.map(([r, c]) => `${r} ${c}`).join(', '), metadata: { grid, rule: config.rule, select: config.select } };
    }
  },
  check(instance, answer) {
    if (!/^[\s\d,;()[\]]*$/.test(answer)) return unparseable('expected "row column" pairs separated by commas');
    const numbers = (answer.match(/\d{1,3}/g) ?? []).map(Number);
    if (numbers.length === 0 || numbers.length % 2 === 1 || numbers.length > 400) return unparseable('expected "row column" pairs separated by commas');
    const cells = Array.from({ length: numbers.length / 2 }, (_, i) => [numbers[2 * i], numbers[2 * i + 1]] as [number, number]);
    const problem = selectionProblem(instance.metadata.grid as number[][], instance.metadata.rule as Rule, instance.metadata.select as number, cells);
    return problem === null ? CORRECT : wrong(problem);
  },
  referenceSolution(instance) {
    return `from itertools import combinations
grid = ${JSON.stringify(instance.metadata.grid)}
rule = ${JSON.stringify(instance.metadata.rule)}
k = ${instance.metadata.select as number}
n = len(grid)
start = (0, n - 1)
cells = [(r, c) for r in range(n) for c in range(n) if (r, c) != start]
cells.sort(key=lambda rc: grid[rc[0]][rc[1]] < 0)  # positives first
def valid(sel):
    if len({grid[r][c] for r, c in sel}) != len(sel):
        return False
    for i in range(n):
        for line in ([grid[r][c] for r, c in sel if r == i], [grid[r][c] for r, c in sel if c == i]):
            if not line:
                continue
            if rule == "sum_le_4" and sum(line) > 4:
                return False
            if rule == "product_gt_0" and sum(v < 0 for v in line) % 2:
                return False
    return True
for rest in combinations(cells, k - 1):
    sel = [start, *rest]
    if valid(sel):
        print(", ".join(f"{r} {c}" for r, c in sorted(sel)))
        break
`;
  },
});
