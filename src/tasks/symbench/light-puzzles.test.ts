// Independent recomputation for symbench.light_puzzles (per-light parity of presses) and spellings.
import { describe, expect, it } from 'vitest';
import type { Task, TaskInstance } from '../types.js';
import { lightPuzzles } from './light-puzzles.js';

function sample(task: Task, count: number, seed = 12): TaskInstance[] {
  const options = task.resolveOptions();
  return Array.from({ length: count }, (_, i) => task.generate(options, seed, i));
}

function outcomes(task: Task, instance: TaskInstance, table: [string, string][]): void {
  for (const [text, outcome] of table)
    expect([text, task.verifyAnswer(instance, text).outcome]).toEqual([text, outcome]);
}

describe('symbench.light_puzzles', () => {
  it('matches a per-light parity count of presses', () => {
    for (const instance of sample(lightPuzzles as unknown as Task, 100)) {
      const initial = instance.metadata.initial as number[][];
      const buttons = instance.metadata.buttons as number[][][];
      const presses = instance.metadata.operations as number[];
      const n = initial.length;
      const final: number[] = [];
      for (let r = 1; r <= n; r++) {
        for (let c = 1; c <= n; c++) {
          const toggles = presses.filter((b) => buttons[b].some(([br, bc]) => br === r && bc === c)).length;
          final.push((initial[r - 1][c - 1] + toggles) % 2);
        }
      }
      expect(instance.answer).toBe(final.join(','));
      expect(lightPuzzles.verifyAnswer(instance, `[${final.join(', ')}]`).correct).toBe(true);
      expect(
        lightPuzzles.verifyAnswer(instance, final.map((v, i) => (i === final.length - 1 ? 1 - v : v)).join(','))
          .correct,
      ).toBe(false);
    }
  });
  it('spellings', () => {
    const instance = { ...sample(lightPuzzles as unknown as Task, 1)[0], answer: '1,0,0,1' };
    outcomes(lightPuzzles as unknown as Task, instance, [
      ['1,0,0,1', 'correct'],
      ['1, 0, 0, 1', 'correct'],
      ['1 0\n0 1', 'correct'],
      ['1,0,0,0', 'wrong'],
      ['1,0,0', 'wrong'],
      ['1,0,0,2', 'unparseable'],
    ]);
  });
});
