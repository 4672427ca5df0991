// Independent recomputation and answer-spelling tables for 2048, light_puzzles, mahjong and
// pattern_recognition (SymBench group A).
import { describe, expect, it } from 'vitest';
import type { Task, TaskInstance } from '../types.js';
import { game2048 } from './game-2048.js';
import { lightPuzzles } from './light-puzzles.js';
import { mahjong } from './mahjong.js';
import { patternRecognition } from './pattern-recognition.js';

function sample(task: Task, count: number, seed = 12): TaskInstance[] {
  const options = task.resolveOptions();
  return Array.from({ length: count }, (_, i) => task.generate(options, seed, i));
}
function outcomes(task: Task, instance: TaskInstance, table: [string, string][]): void {
  for (const [text, outcome] of table) expect([text, task.verifyAnswer(instance, text).outcome]).toEqual([text, outcome]);
}

describe('symbench.2048', () => {
  it('matches a recursive replay of the moves read from the prompt', () => {
    for (const instance of sample(game2048 as unknown as Task, 100)) {
      const moves = /using the sequence '([udlr]+)'/.exec(instance.prompt)![1];
      const [sr, sc] = /position \((\d+), (\d+)\)/.exec(instance.prompt)!.slice(1).map((x) => Number(x) - 1);
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
      const flipped = grid.flat().map((v, i) => (i === 0 ? (v === 0 ? 2 : 0) : v)).join(',');
      expect(game2048.verifyAnswer(instance, flipped).correct).toBe(false);
    }
  });
  it('spellings', () => {
    const instance = { ...sample(game2048 as unknown as Task, 1)[0], answer: '0, 4\n2, 0' };
    outcomes(game2048 as unknown as Task, instance, [['0, 4\n2, 0', 'correct'], ['0,4,2,0', 'correct'], ['[[0, 4], [2, 0]]', 'correct'], ['0,4,0,2', 'wrong'], ['0,4,2', 'wrong'], ['0,4,2,x', 'unparseable']]);
  });
});

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
      expect(lightPuzzles.verifyAnswer(instance, final.map((v, i) => (i === final.length - 1 ? 1 - v : v)).join(',')).correct).toBe(false);
    }
  });
  it('spellings', () => {
    const instance = { ...sample(lightPuzzles as unknown as Task, 1)[0], answer: '1,0,0,1' };
    outcomes(lightPuzzles as unknown as Task, instance, [['1,0,0,1', 'correct'], ['1, 0, 0, 1', 'correct'], ['1 0\n0 1', 'correct'], ['1,0,0,0', 'wrong'], ['1,0,0', 'wrong'], ['1,0,0,2', 'unparseable']]);
  });
});

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
        const chi = [[-2, -1], [-1, 1], [1, 2]].some(([a, b]) => present.has(code + a) && present.has(code + b));
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
    outcomes(mahjong as unknown as Task, instance, [['2', 'correct'], [' 2 ', 'correct'], ['1', 'wrong'], ['Chi', 'unparseable'], ['3', 'unparseable']]);
  });
});

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
    outcomes(patternRecognition as unknown as Task, instance, [['[4, 7]', 'correct'], ['[4,7]', 'correct'], ['(4, 7)', 'correct'], ['4, 7', 'correct'], ['[7, 4]', 'wrong'], ['[4, 7, 1]', 'unparseable'], ['row 4', 'unparseable']]);
  });
});
