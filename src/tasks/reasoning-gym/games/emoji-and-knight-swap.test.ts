// Independent checks for emoji_mystery and knight_swap: decoding by hand and exhaustive search for
// shortest swaps (rush_hour and sokoban have files of their own).
import { describe, expect, it } from 'vitest';
import type { Task, TaskInstance } from '../../types.js';
import { emojiMystery } from './emoji-mystery.js';
import { knightSwap } from './knight-swap.js';

const sample = (task: unknown, count: number, options: Record<string, unknown> = {}): [Task, TaskInstance[]] => {
  const t = task as Task;
  return [t, Array.from({ length: count }, (_, i) => t.generate(t.resolveOptions(options), 17, i))];
};

describe('rg.games.emoji_mystery', () => {
  it('decoding the selectors with TextDecoder gives the gold; a changed letter is wrong', () => {
    const [task, instances] = sample(emojiMystery, 50);
    for (const instance of instances) {
      const encoded = instance.prompt.split('Decode the following sentence from the emoji: ')[1].split('\n')[0];
      const bytes = Array.from(encoded)
        .slice(1)
        .map((ch) => ch.codePointAt(0)!)
        .map((c) => (c >= 0xe0100 ? c - 0xe0100 + 16 : c - 0xfe00));
      const decoded = new TextDecoder().decode(new Uint8Array(bytes));
      expect(decoded).toBe(instance.answer);
      expect(task.verifyAnswer(instance, `  ${decoded}\n`).correct).toBe(true);
      expect(task.verifyAnswer(instance, decoded.replace(/.$/, '!')).correct).toBe(false);
      expect(task.verifyAnswer(instance, decoded.toUpperCase()).correct).toBe(false);
    }
  });
});

describe('rg.games.knight_swap', () => {
  it('iterative deepening finds no shorter swap; every optimal swap it finds verifies; impossible ones say No', () => {
    const [task, instances] = sample(knightSwap, 30, { max_steps: 9 });
    let possible = 0,
      impossible = 0,
      alternatives = 0;
    for (const instance of instances) {
      const squares = instance.metadata.squares as string[];
      const start = instance.metadata.pieces as Record<string, string>;
      const jump = (a: string, b: string): boolean => {
        const x = Math.abs(a.charCodeAt(0) - b.charCodeAt(0)),
          y = Math.abs(Number(a[1]) - Number(b[1]));
        return x * y === 2;
      };
      const found: string[][] = [];
      const dfs = (pieces: Record<string, string>, turn: string, depth: number, path: string[]): void => {
        if (found.length > 20) return;
        if (path.length === depth) {
          if (Object.entries(start).every(([s, c]) => pieces[s] === (c === 'w' ? 'B' : 'w'))) found.push(path.slice());
          return;
        }
        for (const [from, color] of Object.entries(pieces)) {
          if (color !== turn) continue;
          for (const to of squares) {
            if (pieces[to] || !jump(from, to)) continue;
            const next = { ...pieces, [to]: color };
            delete next[from];
            dfs(next, turn === 'w' ? 'B' : 'w', depth, [...path, `${color},${from},${to}`]);
          }
        }
      };
      let shortest = -1;
      for (let depth = 1; depth <= 10 && shortest < 0; depth++) {
        dfs(start, instance.metadata.start_turn as string, depth, []);
        if (found.length) shortest = depth;
      }
      if (instance.answer === 'No') {
        impossible++;
        expect(shortest).toBe(-1);
        expect(task.verifyAnswer(instance, 'no').correct).toBe(true);
        continue;
      }
      possible++;
      expect(JSON.parse(instance.answer).length).toBe(shortest);
      for (const moves of found) expect(task.verifyAnswer(instance, JSON.stringify(moves)).correct).toBe(true);
      if (found.some((m) => JSON.stringify(m) !== instance.answer)) alternatives++;
      expect(task.verifyAnswer(instance, 'No').correct).toBe(false);
      const moves = JSON.parse(instance.answer) as string[];
      expect(task.verifyAnswer(instance, JSON.stringify(moves.slice(0, -1))).correct).toBe(false);
      expect(task.verifyAnswer(instance, JSON.stringify([...moves.slice(1), moves[0]])).correct).toBe(false);
    }
    expect(possible).toBeGreaterThan(10);
    expect(impossible).toBeGreaterThan(0);
    expect(alternatives).toBeGreaterThan(0);
  });
});
