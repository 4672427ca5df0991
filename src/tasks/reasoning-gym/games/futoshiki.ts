// rg.games.futoshiki: an n×n Latin square with some given digits and inequality signs between
// neighbours, carved to a unique solution by a bitmask solver. Any valid completion is accepted.
import { defineTask } from '../../define-task.js';
import { CORRECT, unparseable, wrong } from '../../answer.js';
import type { VerifyResult } from '../../types.js';
import { readDigitRows } from './sudoku-answer.js';
import type { Rng } from '../../../core/index.js';
import { popcount } from '../../kit/index.js';

/** [r1, c1, r2, c2, sign]: sign '<' means cell 1 is smaller than cell 2 (cell 2 is right of or below cell 1). */
type Constraint = [number, number, number, number, '<' | '>'];

/** Solutions of a Futoshiki grid (0 = empty), up to `limit`; count -1 when the search budget runs out. */
function countSolutions(
  cells: number[],
  n: number,
  less: number[][],
  limit: number,
  rng: Rng | null,
  budget = 100_000,
): { count: number; solution: number[] | null } {
  const rows = new Int32Array(n),
    cols = new Int32Array(n),
    full = (1 << (n + 1)) - 2;
  const grid = cells.slice();
  for (let i = 0; i < n * n; i++)
    if (grid[i]) {
      rows[Math.floor(i / n)] |= 1 << grid[i];
      cols[i % n] |= 1 << grid[i];
    }
  let count = 0,
    steps = 0,
    solution: number[] | null = null;
  const allowed = (i: number): number => {
    let mask = full & ~(rows[Math.floor(i / n)] | cols[i % n]);
    for (const j of less[i]) {
      // grid[i] < grid[j]
      const v = grid[j];
      mask &= v ? (1 << v) - 1 : ~(1 << n);
    }
    for (const j of less[n * n + i]) {
      // grid[j] < grid[i]
      const v = grid[j];
      mask &= v ? ~((1 << (v + 1)) - 1) : ~2;
    }
    return mask & full;
  };
  const search = (): boolean => {
    if (++steps > budget) {
      count = -1;
      return true;
    }
    let best = -1,
      bestMask = 0,
      bestCount = 99;
    for (let i = 0; i < n * n; i++) {
      if (grid[i]) continue;
      const mask = allowed(i),
        k = popcount(mask);
      if (k === 0) return false;
      if (k < bestCount) {
        best = i;
        bestMask = mask;
        bestCount = k;
      }
    }
    if (best < 0) {
      count++;
      if (!solution) solution = grid.slice();
      return count >= limit;
    }
    const values: number[] = [];
    for (let v = 1; v <= n; v++) if (bestMask & (1 << v)) values.push(v);
    const r = Math.floor(best / n),
      c = best % n;
    for (const v of rng ? rng.shuffle(values) : values) {
      grid[best] = v;
      rows[r] |= 1 << v;
      cols[c] |= 1 << v;
      const stop = search();
      grid[best] = 0;
      rows[r] &= ~(1 << v);
      cols[c] &= ~(1 << v);
      if (stop) return true;
    }
    return false;
  };
  search();
  return { count, solution };
}

/**
 * True when forced deductions alone fill the grid: naked singles, hidden singles in rows and
 * columns, and inequality bounds. Every deduction is forced, so such a puzzle has one solution.
 */
export function solvesByDeduction(cells: readonly number[], n: number, constraints: readonly Constraint[]): boolean {
  const full = (1 << (n + 1)) - 2;
  const cand = cells.map((v) => (v ? 1 << v : full));
  const lowest = (m: number): number => 31 - Math.clz32(m & -m),
    highest = (m: number): number => 31 - Math.clz32(m);
  for (let changed = true; changed;) {
    changed = false;
    const set = (i: number, mask: number): boolean => {
      if (mask === cand[i]) return true;
      cand[i] = mask;
      changed = true;
      return mask !== 0;
    };
    for (let i = 0; i < n * n; i++) {
      if (popcount(cand[i]) !== 1) continue;
      const r = Math.floor(i / n),
        c = i % n;
      for (let k = 0; k < n; k++) {
        if (k !== c && !set(r * n + k, cand[r * n + k] & ~cand[i])) return false;
        if (k !== r && !set(k * n + c, cand[k * n + c] & ~cand[i])) return false;
      }
    }
    for (let line = 0; line < 2 * n; line++) {
      const at = (k: number): number => (line < n ? line * n + k : k * n + (line - n));
      for (let v = 1; v <= n; v++) {
        let only = -1,
          count = 0;
        for (let k = 0; k < n; k++)
          if (cand[at(k)] & (1 << v)) {
            only = at(k);
            count++;
          }
        if (count === 0) return false;
        if (count === 1 && !set(only, 1 << v)) return false;
      }
    }
    for (const [r1, c1, r2, c2, sign] of constraints) {
      const [a, b] = sign === '<' ? [r1 * n + c1, r2 * n + c2] : [r2 * n + c2, r1 * n + c1];
      if (!set(a, cand[a] & ((1 << highest(cand[b])) - 1))) return false;
      if (!set(b, cand[b] & ~((1 << (lowest(cand[a]) + 1)) - 1))) return false;
    }
  }
  return cand.every((m) => popcount(m) === 1);
}

/** less[i] lists cells j with cell i < cell j; less[n² + i] lists cells j with cell j < cell i. */
function relations(n: number, constraints: Constraint[]): number[][] {
  const less: number[][] = Array.from({ length: 2 * n * n }, () => []);
  for (const [r1, c1, r2, c2, sign] of constraints) {
    const a = r1 * n + c1,
      b = r2 * n + c2;
    const [small, big] = sign === '<' ? [a, b] : [b, a];
    less[small].push(big);
    less[n * n + big].push(small);
  }
  return less;
}

function render(grid: number[], n: number, constraints: Constraint[]): string {
  const sign = new Map(constraints.map(([r1, c1, r2, c2, s]) => [`${r1},${c1},${r2},${c2}`, s]));
  const lines: string[] = [];
  for (let r = 0; r < n; r++) {
    const cells: string[] = [];
    for (let c = 0; c < n; c++) {
      cells.push(grid[r * n + c] ? String(grid[r * n + c]) : '_');
      if (c < n - 1) cells.push(sign.get(`${r},${c},${r},${c + 1}`) ?? ' ');
    }
    lines.push(cells.join(' ').trimEnd());
    if (r < n - 1) {
      const vertical = Array.from({ length: n }, (_, c) => {
        const s = sign.get(`${r},${c},${r + 1},${c}`);
        return s === '<' ? '∧' : s === '>' ? '∨' : ' ';
      });
      lines.push(vertical.join('   ').trimEnd());
    }
  }
  return lines.join('\n');
}

/**
 * Reasoning-Gym's credit for a wrong grid: each answer line with exactly n digits 1–9 is the next row;
 * 0.9 × the share of cells equal to the solution, times gold length / answer length when the answer is longer.
 */
export function partialCredit(answer: string, gold: string, n: number): number {
  const solution = readDigitRows(gold, n);
  if (!solution) return 0;
  let row = 0,
    matching = 0;
  for (const line of answer.split('\n')) {
    if (row >= n) break;
    const digits = Array.from(line.replace(/[^1-9]/g, ''), Number);
    if (digits.length !== n) continue;
    matching += digits.filter((d, c) => d === solution[row][c]).length;
    row++;
  }
  return ((0.9 * matching) / (n * n)) * Math.min(1, gold.length / answer.length);
}

export const futoshiki = defineTask({
  id: 'rg.games.futoshiki',
  source: 'rg',
  category: 'games',
  description: 'Solve a Futoshiki puzzle: a Latin square with inequality constraints between neighbours.',
  answerFormat: 'the completed grid in the puzzle’s format (numbers, with or without the signs)',
  differsFromSource:
    'Any valid grid is correct (Reasoning-Gym gives 1.0 to the exact gold text only, 0.9 to the grid without its ' +
    'signs). Fewer than n rows is unparseable and scores 0 where Reasoning-Gym credits the rows it finds. Clues ' +
    "are removed down to the share Reasoning-Gym's puzzles keep (24–40% by size), not to its 10% aim, which its " +
    'solver misses.',
  options: {
    min_board_size: { kind: 'int', default: 4, min: 4, max: 9, description: 'smallest side of the board' },
    max_board_size: { kind: 'int', default: 9, min: 4, max: 9, description: 'largest side of the board' },
    min_difficulty: {
      kind: 'int',
      default: 0,
      min: 0,
      max: 3,
      description: 'lowest difficulty (more inequality signs as it rises)',
    },
    max_difficulty: { kind: 'int', default: 3, min: 0, max: 3, description: 'highest difficulty' },
  },
  ranges: [
    ['min_board_size', 'max_board_size'],
    ['min_difficulty', 'max_difficulty'],
  ],
  generate(options, rng) {
    const n = rng.int(options.min_board_size, options.max_board_size),
      level = rng.int(options.min_difficulty, options.max_difficulty);
    const solution = countSolutions(new Array(n * n).fill(0), n, relations(n, []), 1, rng).solution!;
    const p = 0.03 + 0.07 * level;
    const constraints: Constraint[] = [];
    for (let r = 0; r < n; r++)
      for (let c = 0; c < n; c++) {
        if (c < n - 1 && rng.next() < p)
          constraints.push([r, c, r, c + 1, solution[r * n + c] < solution[r * n + c + 1] ? '<' : '>']);
        if (r < n - 1 && rng.next() < p)
          constraints.push([r, c, r + 1, c, solution[r * n + c] < solution[(r + 1) * n + c] ? '<' : '>']);
      }
    const puzzle = solution.slice();
    // Reasoning-Gym aims at 10% of the cells, but its solver (_solve) fails on many grids that have a solution, so
    // it keeps clues it could drop: its puzzles end with 24% of the cells given at side 4 up to 40% at side 9
    // (600 of its puzzles, 49b0713). Clues are removed down to that share, and only while deduction still solves.
    const keep = Math.round((0.24 + 0.033 * (n - 4)) * n * n);
    let filled = n * n;
    for (const i of rng.shuffle(puzzle.map((_, k) => k))) {
      if (filled <= keep) break;
      const saved = puzzle[i];
      puzzle[i] = 0;
      if (!solvesByDeduction(puzzle, n, constraints)) puzzle[i] = saved;
      else filled--;
    }
    const prompt =
      `Solve the following ${n}x${n} Futoshiki puzzle:\n\n${render(puzzle, n, constraints)}\n\n` +
      ('Ensure your answer follows the same format as the puzzle above, just replace blanks (_) with the correct ' +
        'value for the cell.\n') +
      ('Use < and > for horizontal constraints. Use ∧ and ∨ for vertical constraints (∧: the cell above is ' +
        'smaller; ∨: the cell above is larger).\n') +
      `Remember, in Futoshiki each row and column must contain each number from 1 to ${n} exactly once.\n` +
      'Give the completed grid within triple angle brackets, as <<<grid>>>.';
    const rows = (g: number[]): number[][] => Array.from({ length: n }, (_, r) => g.slice(r * n, r * n + n));
    return {
      prompt,
      answer: render(solution, n, constraints),
      metadata: { board_size: n, puzzle: rows(puzzle), constraints, difficulty_rating: level },
    };
  },
  check(instance, answer) {
    const n = instance.metadata.board_size as number,
      puzzle = instance.metadata.puzzle as number[][],
      constraints = instance.metadata.constraints as Constraint[];
    const rows = answer
      .split('\n')
      .map((line) => line.match(/\d+/g) ?? [])
      .filter((nums) => nums.length > 0);
    if (rows.length !== n || rows.some((r) => r.length !== n)) return unparseable(`expected ${n} rows of ${n} numbers`);
    const grid = rows.map((r) => r.map(Number));
    const fail = (why: string): VerifyResult => wrong(why, partialCredit(answer, instance.answer, n));
    for (let i = 0; i < n; i++) {
      if (new Set(grid[i]).size !== n || grid[i].some((v) => v < 1 || v > n))
        return fail(`row ${i + 1} is not 1..${n} once each`);
      if (new Set(grid.map((row) => row[i])).size !== n) return fail(`column ${i + 1} repeats a number`);
    }
    for (let r = 0; r < n; r++)
      for (let c = 0; c < n; c++)
        if (puzzle[r][c] && puzzle[r][c] !== grid[r][c]) return fail(`cell (${r + 1}, ${c + 1}) changes a given`);
    for (const [r1, c1, r2, c2, sign] of constraints) {
      if ((sign === '<') !== grid[r1][c1] < grid[r2][c2])
        return fail(`the ${sign} sign between (${r1 + 1}, ${c1 + 1}) and (${r2 + 1}, ${c2 + 1}) is broken`);
    }
    return CORRECT;
  },
  referenceSolution(instance) {
    return `grid = ${JSON.stringify(instance.metadata.puzzle)}
cons = ${JSON.stringify(instance.metadata.constraints)}
n = len(grid)
less = [((r1, c1), (r2, c2)) if s == '<' else ((r2, c2), (r1, c1)) for r1, c1, r2, c2, s in cons]
def propagate(cand):
    changed = True
    while changed:
        changed = False
        for r in range(n):
            for c in range(n):
                if len(cand[r][c]) == 1:
                    v = next(iter(cand[r][c]))
                    for k in range(n):
                        for (y, x) in ((r, k), (k, c)):
                            if (y, x) != (r, c) and v in cand[y][x]:
                                cand[y][x] = cand[y][x] - {v}
                                changed = True
        for line in range(2 * n):
            cells = [(line, k) for k in range(n)] if line < n else [(k, line - n) for k in range(n)]
            for v in range(1, n + 1):
                spots = [(y, x) for y, x in cells if v in cand[y][x]]
                if not spots:
                    return False
                if len(spots) == 1 and len(cand[spots[0][0]][spots[0][1]]) > 1:
                    cand[spots[0][0]][spots[0][1]] = {v}
                    changed = True
        for (a, b) in less:
            lo = {v for v in cand[a[0]][a[1]] if v < max(cand[b[0]][b[1]])}
            hi = {v for v in cand[b[0]][b[1]] if v > min(cand[a[0]][a[1]])}
            if not lo or not hi:
                return False
            if lo != cand[a[0]][a[1]] or hi != cand[b[0]][b[1]]:
                cand[a[0]][a[1]], cand[b[0]][b[1]] = lo, hi
                changed = True
        if any(not cand[r][c] for r in range(n) for c in range(n)):
            return False
    return True
def solve(cand):
    if not propagate(cand):
        return None
    open_cells = [(len(cand[r][c]), r, c) for r in range(n) for c in range(n) if len(cand[r][c]) > 1]
    if not open_cells:
        return cand
    _, r, c = min(open_cells)
    for v in sorted(cand[r][c]):
        trial = [[set(s) for s in row] for row in cand]
        trial[r][c] = {v}
        done = solve(trial)
        if done:
            return done
    return None
start = [[{v} if v else set(range(1, n + 1)) for v in row] for row in grid]
result = solve(start)
print("\\n".join(" ".join(str(next(iter(s))) for s in row) for row in result))
`;
  },
});
