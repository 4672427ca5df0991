// Independent checks for sudoku, mini_sudoku, n_queens and countdown: brute-force recomputation,
// a second valid answer where one exists, and one-step mutations that must fail.
import { describe, expect, it } from 'vitest';
import type { Task, TaskInstance } from '../../types.js';
import { countdown } from './countdown.js';
import { miniSudoku } from './mini-sudoku.js';
import { nQueens } from './n-queens.js';
import { sudoku } from './sudoku.js';

const sample = (task: Task, count: number, options: Record<string, unknown> = {}): TaskInstance[] =>
  Array.from({ length: count }, (_, i) => task.generate(task.resolveOptions(options), 11, i));
const grid = (text: string): number[][] => text.split('\n').map((row) => row.split(' ').map(Number));
const text = (rows: (number | string)[][]): string => rows.map((row) => row.join(' ')).join('\n');

/** Every 4×4 sudoku, by plain enumeration of row permutations. */
function allMiniSudokus(): number[][][] {
  const perms: number[][] = [];
  const permute = (prefix: number[]): void => {
    if (prefix.length === 4) { perms.push(prefix); return; }
    for (let v = 1; v <= 4; v++) if (!prefix.includes(v)) permute([...prefix, v]);
  };
  permute([]);
  const out: number[][][] = [];
  const ok = (rows: number[][]): boolean => {
    for (let c = 0; c < 4; c++) if (new Set(rows.map((r) => r[c])).size !== rows.length) return false;
    for (let b = 0; b < 4; b++) {
      const cells = rows.flatMap((row, r) => row.filter((_, c) => Math.floor(r / 2) * 2 + Math.floor(c / 2) === b));
      if (new Set(cells).size !== cells.length) return false;
    }
    return true;
  };
  for (const a of perms) for (const b of perms) if (ok([a, b])) for (const c of perms) if (ok([a, b, c])) for (const d of perms) if (ok([a, b, c, d])) out.push([a, b, c, d]);
  return out;
}

describe('rg.games.mini_sudoku', () => {
  const all = allMiniSudokus();
  it('there are 288 grids, and each puzzle has exactly one completion: the gold', () => {
    expect(all.length).toBe(288);
    for (const instance of sample(miniSudoku as unknown as Task, 60)) {
      const puzzle = instance.metadata.puzzle as number[][];
      const fits = all.filter((g) => g.every((row, r) => row.every((v, c) => puzzle[r][c] === 0 || puzzle[r][c] === v)));
      expect(fits.map(text)).toEqual([instance.answer]);
    }
  });
  it('a swapped pair of cells and a changed given are wrong; loose spellings are read', () => {
    const task = miniSudoku as unknown as Task;
    const instance = sample(task, 1)[0];
    const g = grid(instance.answer);
    [g[0][0], g[0][1]] = [g[0][1], g[0][0]];
    expect(task.verifyAnswer(instance, text(g)).correct).toBe(false);
    expect(task.verifyAnswer(instance, JSON.stringify(grid(instance.answer))).correct).toBe(true);
    expect(task.verifyAnswer(instance, `\n${instance.answer.replace(/ /g, ', ')}\n`).correct).toBe(true);
    expect(task.verifyAnswer(instance, instance.answer.replace(/\n/g, ' ')).outcome).toBe('unparseable');
  });
});

describe('rg.games.sudoku', () => {
  it('gold is a full valid grid that keeps the givens, and the empty count is in range', () => {
    for (const instance of sample(sudoku as unknown as Task, 20)) {
      const g = grid(instance.answer), puzzle = instance.metadata.puzzle as number[][];
      for (let i = 0; i < 9; i++) {
        expect(new Set(g[i]).size).toBe(9);
        expect(new Set(g.map((row) => row[i])).size).toBe(9);
        expect(new Set(g.flatMap((row, r) => row.filter((_, c) => Math.floor(r / 3) * 3 + Math.floor(c / 3) === i))).size).toBe(9);
      }
      puzzle.forEach((row, r) => row.forEach((v, c) => { if (v) expect(g[r][c]).toBe(v); }));
      const empty = puzzle.flat().filter((v) => v === 0).length;
      expect(empty).toBeGreaterThanOrEqual(20);
      expect(empty).toBeLessThanOrEqual(50);
    }
  });
  it('swapping two cells of a row is wrong; the puzzle itself is unparseable', () => {
    const task = sudoku as unknown as Task;
    const instance = sample(task, 1)[0];
    const g = grid(instance.answer);
    [g[4][2], g[4][7]] = [g[4][7], g[4][2]];
    expect(task.verifyAnswer(instance, text(g)).correct).toBe(false);
    expect(task.verifyAnswer(instance, text(instance.metadata.puzzle as number[][]).replace(/0/g, '_')).outcome).toBe('unparseable');
  });
});

describe('rg.games.n_queens', () => {
  it('accepts a second completion found by brute force and rejects a moved queen', () => {
    const task = nQueens as unknown as Task;
    let seconds = 0;
    for (const instance of sample(task, 40, { min_remove: 4, max_remove: 7 })) {
      const puzzle = instance.metadata.puzzle as string[][];
      const n = puzzle.length;
      const completions: string[] = [];
      const cols: number[] = [];
      const go = (r: number): void => {
        if (r === n) { completions.push(text(cols.map((c) => Array.from({ length: n }, (_, j) => (j === c ? 'Q' : '_'))))); return; }
        for (let c = 0; c < n; c++) {
          if (puzzle[r].includes('Q') && puzzle[r][c] !== 'Q') continue;
          if (cols.every((pc, pr) => pc !== c && Math.abs(pc - c) !== r - pr)) { cols.push(c); go(r + 1); cols.pop(); }
        }
      };
      go(0);
      expect(completions).toContain(instance.answer);
      for (const other of completions) expect(task.verifyAnswer(instance, other).correct).toBe(true);
      if (completions.length > 1) seconds++;
      const moved = instance.answer.split('\n').map((row) => row.split(' '));
      const r = moved.findIndex((row, i) => !puzzle[i].includes('Q'));
      const c = moved[r].indexOf('Q');
      moved[r][c] = '_'; moved[r][(c + 1) % n] = 'Q';
      expect(task.verifyAnswer(instance, text(moved)).correct).toBe(false);
    }
    expect(seconds).toBeGreaterThan(5);
  });
});

describe('rg.games.countdown', () => {
  const task = countdown as unknown as Task;
  /** A brute-force search over pairwise combinations that prints a fully parenthesised expression. */
  function solve(numbers: number[], target: number): string | null {
    const go = (items: [number, string][]): string | null => {
      if (items.length === 1) return Math.abs(items[0][0] - target) < 1e-9 ? items[0][1] : null;
      for (let i = 0; i < items.length; i++) for (let j = 0; j < items.length; j++) {
        if (i === j) continue;
        const [a, ea] = items[i], [b, eb] = items[j];
        const rest = items.filter((_, k) => k !== i && k !== j);
        const options: [number, string][] = [[a + b, `(${ea} + ${eb})`], [a * b, `(${ea} * ${eb})`], [a - b, `(${ea} - ${eb})`]];
        if (b !== 0 && Number.isInteger(a / b)) options.push([a / b, `(${ea} / ${eb})`]);
        for (const option of options) { const found = go([...rest, option]); if (found) return found; }
      }
      return null;
    };
    return go(numbers.map((n) => [n, String(n)]));
  }
  it('gold evaluates to the target; a brute-force expression verifies; mutations fail', () => {
    for (const instance of sample(task, 30, { max_numbers: 5 })) {
      const numbers = instance.metadata.numbers as number[], target = instance.metadata.target as number;
      expect(target).toBeGreaterThanOrEqual(100);
      const other = solve(numbers, target)!;
      expect(task.verifyAnswer(instance, other).correct).toBe(true);
      expect(task.verifyAnswer(instance, `${other} + 0`).correct).toBe(false);
      expect(task.verifyAnswer(instance, `${other} * 1`).correct).toBe(false);
      expect(task.verifyAnswer(instance, `${other} = ${target}`).outcome).toBe('unparseable');
    }
  });
  it('answer spellings', () => {
    const instance = { ...sample(task, 1)[0], metadata: { numbers: [4, 25, 6, 3], target: 118, difficulty: {} } };
    const table: [string, string][] = [
      ['25 * 4 + 6 * 3', 'correct'], ['(25 + 3) * 4 + 6', 'correct'], ['  4*25+3*6 ', 'correct'], ['4 × 25 + 6 × 3', 'correct'],
      ['((25)) * 4 + (6 * 3)', 'correct'], ['25 * 4 + 6 * 3 = 118', 'unparseable'], ['25 * 4 + 18', 'wrong'],
      ['25 * 4 + 6 * 3 + 0', 'wrong'], ['25 * 4 + 6 * 3 * 1', 'wrong'], ['25 * 4 + 6 + 3', 'wrong'],
      ['25 * 4 + 6 * 3 * 3 / 3', 'wrong'], ['-25 * 4 + 6 * 3', 'unparseable'], ['25 * 4 + 6 ** 3', 'unparseable'],
      ['25 * 4 + 6 * 3.0', 'unparseable'], ['sum(25, 4, 6, 3)', 'unparseable'], ['(25 * 4 + 6 * 3', 'unparseable'],
      ['25 / (4 - 4) + 6 * 3', 'wrong'], ['118', 'wrong'],
    ];
    for (const [answer, outcome] of table) expect(task.verifyAnswer(instance, answer).outcome, answer).toBe(outcome);
  });
});
