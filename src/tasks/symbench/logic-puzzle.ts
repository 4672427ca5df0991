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
  6: { size: 6, select: 12, low: -12, high: 12, rule: 'product_gt_0' },
  7: { size: 7, select: 16, low: -14, high: 14, rule: 'product_gt_0' },
  8: { size: 8, select: 18, low: -16, high: 16, rule: 'product_gt_0' },
  9: { size: 9, select: 20, low: -18, high: 18, rule: 'product_gt_0' },
  10: { size: 10, select: 25, low: -20, high: 20, rule: 'product_gt_0' },
};
const SEARCH_BUDGET = 3_000;

/**
 * A complexity in [low, high], as often as in CodeSteer's dataset (create_dataset/create_dataset_logic_puzzle.py
 * makes 16 puzzles of each complexity 1–6 and 26 of each 7–10).
 */
function drawComplexity(rng: Rng, low: number, high: number): number {
  const weight = (k: number): number => (k <= 6 ? 16 : 26);
  let ticket = rng.int(
    1,
    Array.from({ length: high - low + 1 }, (_, i) => weight(low + i)).reduce((s, w) => s + w),
  );
  for (let k = low; ; k++) {
    ticket -= weight(k);
    if (ticket <= 0) return k;
  }
}

/** Why the selection breaks the rules, or null when it is valid. */
export function selectionProblem(
  grid: number[][],
  rule: Rule,
  select: number,
  cells: [number, number][],
): string | null {
  const n = grid.length;
  if (cells.length !== select) return `select exactly ${select} cells, not ${cells.length}`;
  const seen = new Set<string>(),
    values = new Set<number>();
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
    for (const [what, line] of [
      ['row', row],
      ['column', col],
    ] as const) {
      if (line.length === 0) continue;
      if (rule === 'sum_le_4' && line.reduce((s, v) => s + v, 0) > 4) return `the ${what} ${k} sum exceeds 4`;
      if (rule === 'product_gt_0' && line.filter((v) => v < 0).length % 2 === 1)
        return `the ${what} ${k} product is negative`;
    }
  }
  return null;
}

/** For the product rule: each further negative cell can fix one odd row and one odd column at most. */
function fixableParity(grid: number[][], config: Config, chosen: [number, number][]): boolean {
  if (config.rule !== 'product_gt_0') return true;
  const rows = new Map<number, number>(),
    cols = new Map<number, number>();
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
  const others = rng
    .shuffle(
      Array.from({ length: n * n }, (_, i) => [Math.floor(i / n), i % n] as [number, number]).filter(
        ([r, c]) => !(r === 0 && c === n - 1),
      ),
    )
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
      const sumOk =
        config.rule !== 'sum_le_4' ||
        (chosen.filter(([cr]) => cr === r).reduce((s, [cr, cc]) => s + grid[cr][cc], 0) <= 4 &&
          chosen.filter(([, cc]) => cc === c).reduce((s, [cr, cc]) => s + grid[cr][cc], 0) <= 4);
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
    min_complexity: {
      kind: 'int',
      default: 1,
      min: 1,
      max: 10,
      description: 'lowest complexity (1–2: grids of side 2–3, row/column sums ≤ 4; 3–10: side 4–10, products > 0)',
    },
    max_complexity: { kind: 'int', default: 10, min: 1, max: 10, description: 'highest complexity' },
  },
  ranges: [['min_complexity', 'max_complexity']],
  generate(options, rng) {
    const config = CONFIGS[drawComplexity(rng, options.min_complexity, options.max_complexity)];
    for (;;) {
      const grid = Array.from({ length: config.size }, () =>
        Array.from({ length: config.size }, () =>
          config.low < 0 && rng.next() >= 0.7 ? rng.int(config.low, -1) : rng.int(Math.max(1, config.low), config.high),
        ),
      );
      const solution = findSelection(grid, config, rng);
      if (!solution) continue;
      const n = config.size;
      const flat = grid.flat();
      const ruleText =
        config.rule === 'sum_le_4'
          ? 'The sum of the selected numbers in each row and each column should be less than or equal to 4. '
          : 'The product of the selected numbers in each row and each column must be greater than 0 (rows and ' +
            'columns with no selected number are unconstrained). ';
      const prompt =
        `Given a ${n}*${n} grid where each cell contains a number (between ${Math.min(...flat)} ` +
        `to ${Math.max(...flat)}), you must select ${config.select} different numbers from these cells. ` +
        ruleText +
        "The numbers in the same row are separated by ',', " +
        'and positions are (row, column) with 0-based indices from the top-left cell.\n' +
        `Using the number ${grid[0][n - 1]} in the top-rightmost square (0,${n - 1}) as the first selected number:\n` +
        `${grid.map((row) => row.join(', ')).join('\n')}\n\n` +
        ('Return your answer with the format <<<list of selected number positions>>>, where each position is ' +
          'given as "row column" and positions are separated by commas ') +
        '(for instance "0 3, 1 0" would mean the cells (0,3) and (1,0)); include the first selected number.';
      return {
        prompt,
        answer: solution.map(([r, c]) => `${r} ${c}`).join(', '),
        metadata: { grid, rule: config.rule, select: config.select },
      };
    }
  },
  check(instance, answer) {
    if (!/^[\s\d,;()[\]]*$/.test(answer)) return unparseable('expected "row column" pairs separated by commas');
    const numbers = (answer.match(/\d{1,3}/g) ?? []).map(Number);
    if (numbers.length === 0 || numbers.length % 2 === 1 || numbers.length > 400)
      return unparseable('expected "row column" pairs separated by commas');
    const cells = Array.from(
      { length: numbers.length / 2 },
      (_, i) => [numbers[2 * i], numbers[2 * i + 1]] as [number, number],
    );
    const problem = selectionProblem(
      instance.metadata.grid as number[][],
      instance.metadata.rule as Rule,
      instance.metadata.select as number,
      cells,
    );
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
value = lambda rc: grid[rc[0]][rc[1]]

def sums_ok(sel):
    lines = [[value(rc) for rc in sel if rc[0] == i] for i in range(n)]
    lines += [[value(rc) for rc in sel if rc[1] == i] for i in range(n)]
    return all(sum(line) <= 4 for line in lines)

def by_sums():
    # small grids: try every selection
    for rest in combinations(cells, k - 1):
        sel = [start, *rest]
        if len({value(rc) for rc in sel}) == k and sums_ok(sel):
            return sel

def by_products():
    # Numbers are never 0, so a selection is valid when every row and column holds an even count of its
    # negative cells. Choose the negatives (start included when negative) with even lines, then fill up
    # with positive numbers of other values.
    positives = {}
    for rc in cells:
        if value(rc) > 0 and value(rc) != value(start):
            positives.setdefault(value(rc), rc)
    negatives = [rc for rc in cells if value(rc) < 0]
    first = value(start) < 0
    room = k - 1
    fewest = max(0, room - len(positives))

    def flip(odd, rc):
        return (odd[0] ^ {rc[0]}, odd[1] ^ {rc[1]})

    odd0 = ({start[0]}, {start[1]}) if first else (set(), set())

    # rows and columns that still have a negative cell from index i on: an odd line without one is lost
    rows_from = [set(r for r, _ in negatives[i:]) for i in range(len(negatives) + 1)]
    cols_from = [set(c for _, c in negatives[i:]) for i in range(len(negatives) + 1)]

    def search(i, chosen, odd, used):
        if not odd[0] and not odd[1] and len(chosen) >= fewest:
            return chosen
        if len(chosen) + max(len(odd[0]), len(odd[1])) > room or i == len(negatives):
            return None
        if not (odd[0] <= rows_from[i] and odd[1] <= cols_from[i]):
            return None
        rc = negatives[i]
        if value(rc) not in used:
            found = search(i + 1, chosen + [rc], flip(odd, rc), used | {value(rc)})
            if found is not None:
                return found
        return search(i + 1, chosen, odd, used)

    chosen = search(0, [], odd0, {value(start)} if first else set())
    if chosen is None:
        return None
    fill = list(positives.values())[: room - len(chosen)]
    return [start, *chosen, *fill]

sel = by_sums() if rule == "sum_le_4" else by_products()
print(", ".join(f"{r} {c}" for r, c in sorted(sel)))
`;
  },
});
