// Independent recomputation for symbench.mahjong (a replay with set-based pattern tests) and spellings.
import { describe, expect, it } from 'vitest';
import type { Task, TaskInstance } from '../types.js';
import { mahjong } from './mahjong.js';

function sample(task: Task, count: number, seed = 12): TaskInstance[] {
  const options = task.resolveOptions();
  return Array.from({ length: count }, (_, i) => task.generate(options, seed, i));
}

function outcomes(task: Task, instance: TaskInstance, table: [string, string][]): void {
  for (const [text, outcome] of table)
    expect([text, task.verifyAnswer(instance, text).outcome]).toEqual([text, outcome]);
}

describe('symbench.mahjong', () => {
  it('matches a replay with set-based pattern tests, and all three results occur', () => {
    const seen = new Set<string>();
    for (const instance of sample(mahjong as unknown as Task, 200)) {
      const hand = (instance.metadata.initial as string).split('');
      let result = 0;
      for (const { add, remove } of instance.metadata.rounds as { add: string; remove: string }[]) {
        const count = hand.filter((c) => c === add).length;
        const code = add.charCodeAt(0);
        const present = new Set(hand.map((c) => c.charCodeAt(0)));
        const chi = [
          [-2, -1],
          [-1, 1],
          [1, 2],
        ].some(([a, b]) => present.has(code + a) && present.has(code + b));
        result = count >= 2 ? 1 : instance.metadata.allow_chi && chi ? 2 : 0;
        hand.push(add);
        hand.splice(hand.indexOf(remove), 1);
      }
      expect(instance.answer).toBe(String(result));
      seen.add(instance.answer);
      expect(mahjong.verifyAnswer(instance, String((result + 1) % 3)).correct).toBe(false);
    }
    expect([...seen].sort()).toEqual(['0', '1', '2']);
  });
  it('spellings', () => {
    const instance = { ...sample(mahjong as unknown as Task, 1)[0], answer: '2' };
    outcomes(mahjong as unknown as Task, instance, [
      ['2', 'correct'],
      [' 2 ', 'correct'],
      ['1', 'wrong'],
      ['Chi', 'unparseable'],
      ['3', 'unparseable'],
    ]);
  });
});
