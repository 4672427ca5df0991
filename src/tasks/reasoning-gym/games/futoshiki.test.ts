// Independent checks for futoshiki: small puzzles have exactly one completion (plain backtracking),
// and large golds satisfy every sign and given.
import { describe, expect, it } from 'vitest';
import type { Task, TaskInstance } from '../../types.js';
import { futoshiki } from './futoshiki.js';

const sample = (task: unknown, count: number, options: Record<string, unknown> = {}): [Task, TaskInstance[]] => {
  const t = task as Task;
  return [t, Array.from({ length: count }, (_, i) => t.generate(t.resolveOptions(options), 13, i))];
};

describe('rg.games.futoshiki', () => {
  it('small puzzles have exactly one completion (plain backtracking), which the gold shows', () => {
    const [task, instances] = sample(futoshiki, 25, { max_board_size: 5 });
    for (const instance of instances) {
      const n = instance.metadata.board_size as number,
        puzzle = (instance.metadata.puzzle as number[][]).map((r) => r.slice());
      const constraints = instance.metadata.constraints as [number, number, number, number, string][];
      const found: string[] = [];
      const fits = (): boolean =>
        constraints.every(
          ([a, b, c, d, s]) => !puzzle[a][b] || !puzzle[c][d] || (s === '<') === puzzle[a][b] < puzzle[c][d],
        );
      const go = (k: number): void => {
        if (found.length > 1) return;
        if (k === n * n) {
          found.push(puzzle.map((r) => r.join(' ')).join('\n'));
          return;
        }
        const r = Math.floor(k / n),
          c = k % n;
        if (puzzle[r][c]) {
          go(k + 1);
          return;
        }
        for (let v = 1; v <= n; v++) {
          if (puzzle[r].includes(v) || puzzle.some((row) => row[c] === v)) continue;
          puzzle[r][c] = v;
          if (fits()) go(k + 1);
          puzzle[r][c] = 0;
        }
      };
      go(0);
      expect(found.length).toBe(1);
      expect(task.verifyAnswer(instance, found[0]).correct).toBe(true);
      expect(
        instance.answer
          .split('\n')
          .map((l) => (l.match(/\d/g) ?? []).join(' '))
          .filter(Boolean)
          .join('\n'),
      ).toBe(found[0]);
      const rows = found[0].split('\n').map((l) => l.split(' '));
      [rows[0][0], rows[0][1]] = [rows[0][1], rows[0][0]];
      expect(task.verifyAnswer(instance, rows.map((r) => r.join(' ')).join('\n')).correct).toBe(false);
    }
  });
  it('9x9 gold satisfies every sign and given', () => {
    const [task, instances] = sample(futoshiki, 5, { min_board_size: 9 });
    for (const instance of instances) expect(task.verifyAnswer(instance, instance.answer).correct).toBe(true);
  });
});
