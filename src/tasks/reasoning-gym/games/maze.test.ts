// Independent checks for maze: distances recomputed by repeated relaxation.
import { describe, expect, it } from 'vitest';
import type { Task, TaskInstance } from '../../types.js';
import { maze } from './maze.js';

const sample = (task: unknown, count: number, options: Record<string, unknown> = {}): [Task, TaskInstance[]] => {
  const t = task as Task;
  return [t, Array.from({ length: count }, (_, i) => t.generate(t.resolveOptions(options), 13, i))];
};

describe('rg.games.maze', () => {
  it('matches distances from repeated relaxation', () => {
    const [task, instances] = sample(maze, 60);
    for (const instance of instances) {
      const { grid, wall, start, goal } = instance.metadata as unknown as {
        grid: string[];
        wall: string;
        start: string;
        goal: string;
      };
      const n = grid.length,
        dist = grid.map((row) => Array.from(row, (ch) => (ch === start ? 0 : Infinity)));
      for (let changed = true; changed;) {
        changed = false;
        for (let r = 0; r < n; r++)
          for (let c = 0; c < n; c++) {
            if (grid[r][c] === wall) continue;
            const best =
              Math.min(
                dist[r - 1]?.[c] ?? Infinity,
                dist[r + 1]?.[c] ?? Infinity,
                dist[r][c - 1] ?? Infinity,
                dist[r][c + 1] ?? Infinity,
              ) + 1;
            if (best < dist[r][c]) {
              dist[r][c] = best;
              changed = true;
            }
          }
      }
      const g = grid.findIndex((row) => row.includes(goal));
      const steps = dist[g][grid[g].indexOf(goal)];
      expect(instance.answer).toBe(String(steps));
      expect(steps).toBeGreaterThanOrEqual(5);
      expect(steps).toBeLessThanOrEqual(10);
      expect(task.verifyAnswer(instance, String(steps + 1)).correct).toBe(false);
    }
  });
});
