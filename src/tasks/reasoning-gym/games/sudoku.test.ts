// Independent checks for sudoku and mini_sudoku: every mini grid enumerated by brute force, unique
// completions, and one-step mutations (a swapped pair, a changed given) that must fail.
import { describe, expect, it } from 'vitest';
import type { Task, TaskInstance } from '../../types.js';
import { miniSudoku } from './mini-sudoku.js';
import { sudoku } from './sudoku.js';

const sample = (task: Task, count: number, options: Record<string, unknown> = {}): TaskInstance[] =>
  Array.from({ length: count }, (_, i) => task.generate(task.resolveOptions(options), 11, i));

const grid = (text: string): number[][] => text.split('\n').map((row) => row.split(' ').map(Number));

const text = (rows: (number | string)[][]): string => rows.map((row) => row.join(' ')).join('\n');

/** Every 4×4 sudoku, by plain enumeration of row permutations. */
function allMiniSudokus(): number[][][] {
  const perms: number[][] = [];
  const permute = (prefix: number[]): void => {
    if (prefix.length === 4) {
      perms.push(prefix);
      return;
    }
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
  for (const a of perms)
    for (const b of perms)
      if (ok([a, b]))
        for (const c of perms) if (ok([a, b, c])) for (const d of perms) if (ok([a, b, c, d])) out.push([a, b, c, d]);
  return out;
}

describe('rg.games.mini_sudoku', () => {
  const all = allMiniSudokus();
  it('there are 288 grids, and each puzzle has exactly one completion: the gold', () => {
    expect(all.length).toBe(288);
    for (const instance of sample(miniSudoku as unknown as Task, 60)) {
      const puzzle = instance.metadata.puzzle as number[][];
      const fits = all.filter((g) =>
        g.every((row, r) => row.every((v, c) => puzzle[r][c] === 0 || puzzle[r][c] === v)),
      );
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
      const g = grid(instance.answer),
        puzzle = instance.metadata.puzzle as number[][];
      for (let i = 0; i < 9; i++) {
        expect(new Set(g[i]).size).toBe(9);
        expect(new Set(g.map((row) => row[i])).size).toBe(9);
        expect(
          new Set(g.flatMap((row, r) => row.filter((_, c) => Math.floor(r / 3) * 3 + Math.floor(c / 3) === i))).size,
        ).toBe(9);
      }
      puzzle.forEach((row, r) =>
        row.forEach((v, c) => {
          if (v) expect(g[r][c]).toBe(v);
        }),
      );
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
    expect(task.verifyAnswer(instance, text(instance.metadata.puzzle as number[][]).replace(/0/g, '_')).outcome).toBe(
      'unparseable',
    );
  });
});
