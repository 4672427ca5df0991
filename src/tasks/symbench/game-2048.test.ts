// Independent recomputation for symbench.2048 (a recursive replay of the moves) and answer spellings.
import { describe, expect, it } from 'vitest';
import type { Task, TaskInstance } from '../types.js';
import { game2048 } from './game-2048.js';

function sample(task: Task, count: number, seed = 12): TaskInstance[] {
  const options = task.resolveOptions();
  return Array.from({ length: count }, (_, i) => task.generate(options, seed, i));
}

function outcomes(task: Task, instance: TaskInstance, table: [string, string][]): void {
  for (const [text, outcome] of table)
    expect([text, task.verifyAnswer(instance, text).outcome]).toEqual([text, outcome]);
}

describe('symbench.2048', () => {
  it('matches a recursive replay of the moves read from the prompt', () => {
    for (const instance of sample(game2048 as unknown as Task, 100)) {
      const moves = /using the sequence '([udlr]+)'/.exec(instance.prompt)![1];
      const [sr, sc] = /position \((\d+), (\d+)\)/
        .exec(instance.prompt)!
        .slice(1)
        .map((x) => Number(x) - 1);
      const grid = (instance.metadata.grid as number[][]).map((row) => [...row]);
      const delta: Record<string, number[]> = { u: [-1, 0], d: [1, 0], l: [0, -1], r: [0, 1] };
      const walk = (r: number, c: number, rest: string): void => {
        if (!rest) return;
        const [nr, nc] = [r + delta[rest[0]][0], c + delta[rest[0]][1]];
        const target = grid[nr]?.[nc];
        if (target === undefined || (target !== 0 && target !== grid[r][c])) return walk(r, c, rest.slice(1));
        grid[nr][nc] = target + grid[r][c];
        grid[r][c] = 0;
        walk(nr, nc, rest.slice(1));
      };
      walk(sr, sc, moves);
      expect(game2048.verifyAnswer(instance, grid.map((row) => row.join(',')).join(',')).correct).toBe(true);
      expect(game2048.verifyAnswer(instance, JSON.stringify(grid)).correct).toBe(true);
      const flipped = grid
        .flat()
        .map((v, i) => (i === 0 ? (v === 0 ? 2 : 0) : v))
        .join(',');
      expect(game2048.verifyAnswer(instance, flipped).correct).toBe(false);
    }
  });
  it('spellings', () => {
    const instance = { ...sample(game2048 as unknown as Task, 1)[0], answer: '0, 4\n2, 0' };
    outcomes(game2048 as unknown as Task, instance, [
      ['0, 4\n2, 0', 'correct'],
      ['0,4,2,0', 'correct'],
      ['[[0, 4], [2, 0]]', 'correct'],
      ['0,4,0,2', 'wrong'],
      ['0,4,2', 'wrong'],
      ['0,4,2,x', 'unparseable'],
    ]);
  });
});
