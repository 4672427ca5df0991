// Independent checks for n_queens: a second completion found by brute force verifies, a moved queen
// does not.
import { describe, expect, it } from 'vitest';
import type { Task, TaskInstance } from '../../types.js';
import { nQueens } from './n-queens.js';

const sample = (task: Task, count: number, options: Record<string, unknown> = {}): TaskInstance[] =>
  Array.from({ length: count }, (_, i) => task.generate(task.resolveOptions(options), 11, i));

const text = (rows: (number | string)[][]): string => rows.map((row) => row.join(' ')).join('\n');

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
        if (r === n) {
          completions.push(text(cols.map((c) => Array.from({ length: n }, (_, j) => (j === c ? 'Q' : '_')))));
          return;
        }
        for (let c = 0; c < n; c++) {
          if (puzzle[r].includes('Q') && puzzle[r][c] !== 'Q') continue;
          if (cols.every((pc, pr) => pc !== c && Math.abs(pc - c) !== r - pr)) {
            cols.push(c);
            go(r + 1);
            cols.pop();
          }
        }
      };
      go(0);
      expect(completions).toContain(instance.answer);
      for (const other of completions) expect(task.verifyAnswer(instance, other).correct).toBe(true);
      if (completions.length > 1) seconds++;
      const moved = instance.answer.split('\n').map((row) => row.split(' '));
      const r = moved.findIndex((row, i) => !puzzle[i].includes('Q'));
      const c = moved[r].indexOf('Q');
      moved[r][c] = '_';
      moved[r][(c + 1) % n] = 'Q';
      expect(task.verifyAnswer(instance, text(moved)).correct).toBe(false);
    }
    expect(seconds).toBeGreaterThan(5);
  });
});
