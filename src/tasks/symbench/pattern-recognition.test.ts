// Independent recomputation for symbench.pattern_recognition (brute force over all squares) and spellings.
import { describe, expect, it } from 'vitest';
import type { Task, TaskInstance } from '../types.js';
import { patternRecognition } from './pattern-recognition.js';

function sample(task: Task, count: number, seed = 12): TaskInstance[] {
  const options = task.resolveOptions();
  return Array.from({ length: count }, (_, i) => task.generate(options, seed, i));
}

function outcomes(task: Task, instance: TaskInstance, table: [string, string][]): void {
  for (const [text, outcome] of table)
    expect([text, task.verifyAnswer(instance, text).outcome]).toEqual([text, outcome]);
}

describe('symbench.pattern_recognition', () => {
  it('the gold corner ends the largest uniform square (brute force over all squares)', () => {
    for (const instance of sample(patternRecognition as unknown as Task, 60)) {
      const m = instance.metadata.matrix as string[];
      let best: [number, number, number] = [0, 0, 0];
      for (let r = 0; r < m.length; r++) {
        for (let c = 0; c < m[0].length; c++) {
          for (let s = 3; r + s <= m.length && c + s <= m[0].length; s++) {
            let ok = true;
            for (let i = 0; i < s && ok; i++) ok = m[r + i].slice(c, c + s) === m[r][c].repeat(s);
            if (ok && s > best[0]) best = [s, r + s - 1, c + s - 1];
          }
        }
      }
      expect(instance.answer).toBe(`[${best[1]}, ${best[2]}]`);
      expect(patternRecognition.verifyAnswer(instance, `[${best[1]}, ${best[2] + 1}]`).correct).toBe(false);
    }
  });
  it('spellings', () => {
    const instance = { ...sample(patternRecognition as unknown as Task, 1)[0], answer: '[4, 7]' };
    outcomes(patternRecognition as unknown as Task, instance, [
      ['[4, 7]', 'correct'],
      ['[4,7]', 'correct'],
      ['(4, 7)', 'correct'],
      ['4, 7', 'correct'],
      ['[7, 4]', 'wrong'],
      ['[4, 7, 1]', 'unparseable'],
      ['row 4', 'unparseable'],
    ]);
  });
});
