// symbench.constrained_linear_arrangement: results recomputed with modular-distance rules; every
// consistent opponent sequence (brute force) verifies correct; a changed card that breaks a round does not.
import { describe, expect, it } from 'vitest';
import { constrainedLinearArrangement as task } from './constrained-linear-arrangement.js';

const options = task.resolveOptions();
const instances = Array.from({ length: 120 }, (_, i) => task.generate(options, 3, i));

function result(game: string, m: string, t: string): string {
  const a = m.charCodeAt(0) - 65,
    b = t.charCodeAt(0) - 65;
  if (a === b) return 'draw';
  if (game === 'elements') return [2, 4].includes((b - a + 5) % 5) ? 'win' : 'loss';
  if (game === 'stick_game') return ({ 1: 'win', 3: 'loss' } as Record<number, string>)[(b - a + 4) % 4] ?? 'draw';
  if (a === 7 && b === 0) return 'win';
  if (a === 0 && b === 7) return 'loss';
  return a < b ? 'win' : 'loss';
}

function consistent(game: string, mine: string[], results: string[]): string[][] {
  const pieces = { elements: 'ABCDE', stick_game: 'ABCD', animal: 'ABCDEFGH' }[game]!.split('');
  const out: string[][] = [];
  const walk = (chosen: string[]) => {
    if (chosen.length === mine.length) {
      out.push([...chosen]);
      return;
    }
    for (const p of pieces)
      if (!chosen.includes(p) && result(game, mine[chosen.length], p) === results[chosen.length]) walk([...chosen, p]);
  };
  walk([]);
  return out;
}

describe('symbench.constrained_linear_arrangement', () => {
  it('stated results follow the rules; every consistent sequence is accepted, others are not', () => {
    let multiple = 0;
    for (const instance of instances) {
      const {
        game_type: game,
        player_moves: mine,
        results,
      } = instance.metadata as unknown as { game_type: string; player_moves: string[]; results: string[] };
      const gold = instance.answer.split(',');
      expect(mine.map((m, i) => result(game, m, gold[i]))).toEqual(results);
      const all = consistent(game, mine, results);
      if (all.length > 1) multiple++;
      for (const option of all) expect(task.verifyAnswer(instance, option.join(', ')).correct).toBe(true);
      const pieces = { elements: 'ABCDE', stick_game: 'ABCD', animal: 'ABCDEFGH' }[game]!;
      for (const p of pieces) {
        const changed = [p, ...gold.slice(1)];
        const valid = all.some((option) => option.join() === changed.join());
        expect(task.verifyAnswer(instance, changed.join(',')).correct).toBe(valid);
      }
    }
    expect(multiple).toBeGreaterThan(20);
  });

  it('reads spellings', () => {
    const base = instances[0];
    const instance = {
      ...base,
      metadata: { ...base.metadata, game_type: 'stick_game', player_moves: ['A', 'B'], results: ['win', 'draw'] },
    };
    const table: [string, string][] = [
      ['B,D', 'correct'],
      ['[B, D]', 'correct'],
      ["['B', 'D']", 'correct'],
      ['b, d', 'correct'],
      ['B,B', 'wrong'],
      ['C,D', 'wrong'],
      ['B', 'wrong'],
      ['B,E', 'wrong'],
      ['Tiger, Worm', 'unparseable'],
    ];
    for (const [text, outcome] of table)
      expect([text, task.verifyAnswer(instance, text).outcome]).toEqual([text, outcome]);
  });
});
