// rg.games.tsumego: the accepted moves are exactly those that capture the most stones, recomputed
// here with a recursive flood fill; other moves are rejected.
import { describe, expect, it } from 'vitest';
import type { Task } from '../../types.js';
import { tsumego } from './tsumego.js';

describe('rg.games.tsumego', () => {
  it('best moves match a recursive recount; every other legal point is wrong', () => {
    const task = tsumego as unknown as Task;
    for (let i = 0; i < 30; i++) {
      const instance = task.generate(task.resolveOptions(), 4, i);
      const board = (instance.metadata.board as string[][]).map((row) => row.slice());
      const n = board.length;
      const captured = (r: number, c: number): number => {
        board[r][c] = 'X';
        const dead = new Set<string>();
        for (const [y, x] of [
          [r + 1, c],
          [r - 1, c],
          [r, c + 1],
          [r, c - 1],
        ]) {
          if (board[y]?.[x] !== 'O') continue;
          const seen = new Set<string>();
          let free = false;
          const fill = (a: number, b: number): void => {
            if (seen.has(`${a},${b}`) || board[a]?.[b] === undefined) return;
            if (board[a][b] === '.') {
              free = true;
              return;
            }
            if (board[a][b] !== 'O') return;
            seen.add(`${a},${b}`);
            fill(a + 1, b);
            fill(a - 1, b);
            fill(a, b + 1);
            fill(a, b - 1);
          };
          fill(y, x);
          if (!free) for (const s of seen) dead.add(s);
        }
        board[r][c] = '.';
        return dead.size;
      };
      const counts: [string, number][] = [];
      for (let r = 0; r < n; r++)
        for (let c = 0; c < n; c++)
          if (board[r][c] === '.') counts.push([`${String.fromCharCode(65 + c)}${n - r}`, captured(r, c)]);
      const best = Math.max(...counts.map(([, k]) => k));
      expect(best).toBeGreaterThan(0);
      const bestMoves = counts.filter(([, k]) => k === best).map(([m]) => m);
      expect([...(instance.metadata.best_moves as string[])].sort()).toEqual(bestMoves.sort());
      for (const [move, k] of counts) expect(task.verifyAnswer(instance, move.toLowerCase()).correct).toBe(k === best);
    }
  });
});
