// Random and hostile responses never make a verifier throw or take more than 50 ms.
import { describe, expect, it } from 'vitest';
import { createRng } from '../../src/core/index.js';
import { ALL_TASKS } from '../../src/tasks/index.js';
import { dataMissing, hostileResponses } from '../helpers/task-checks.js';

function randomText(seed: number, length: number): string {
  const rng = createRng('fuzz', seed);
  const alphabet = '<>[](){}0123456789,.-+ eE\n\t"\'abcxyz=*/\\#|\u00e9\u4e2d\u{1F600}';
  const chars = Array.from(alphabet);
  let out = '';
  for (let i = 0; i < length; i++) out += rng.pick(chars);
  return out;
}

describe('verifier fuzz', () => {
  for (const task of ALL_TASKS) {
    it.skipIf(dataMissing(task))(`${task.id}: hostile and random responses`, () => {
      const instance = task.generate(task.resolveOptions(), 3, 1);
      const responses = [
        ...hostileResponses(instance),
        ...Array.from({ length: 30 }, (_, i) => randomText(i, 10 + i * 37)),
        ...Array.from({ length: 10 }, (_, i) => `<<<${randomText(100 + i, 50 + i * 11)}>>>`),
      ];
      for (const response of responses) {
        // The fastest of three runs: the verifier's own cost, without scheduler or GC noise of a busy machine.
        let elapsed = Infinity;
        let verdict = task.verify(instance, response);
        for (let attempt = 0; attempt < 3 && elapsed >= 50; attempt++) {
          const started = performance.now();
          verdict = task.verify(instance, response);
          elapsed = Math.min(elapsed, performance.now() - started);
        }
        expect(typeof verdict.correct).toBe('boolean');
        expect(['correct', 'wrong', 'no-answer', 'unparseable']).toContain(verdict.outcome);
        expect(elapsed, `${task.id}: ${response.length}-char response took ${elapsed.toFixed(1)} ms`).toBeLessThan(50);
      }
    });
  }
});
