// rg.games.sokoban against its source: box counts by Reasoning-Gym's rule, a solver's check of the
// puzzles, and recorded answers with the verdicts of Reasoning-Gym's score_answer.
import { describe, expect, it } from 'vitest';
import type { Task, TaskInstance } from '../../types.js';
import { sokoban } from './sokoban.js';

const task = sokoban as unknown as Task;
const options = task.resolveOptions();
const withBoard = (rows: string[]): TaskInstance => {
  const base = task.generate(options, 1, 0);
  return { ...base, metadata: { ...base.metadata, board: rows.join('\n') } };
};

describe('rg.games.sokoban difficulty', () => {
  it("defaults are Reasoning-Gym's SokobanConfig: rooms 6–10 × 6–10, 4–10 boxes", () => {
    // reasoning_gym/games/sokoban.py (open-thought/reasoning-gym 49b0713): min_w = min_h = 6,
    // max_w = max_h = 10, min_boxes = 4, max_boxes = 10, max_depth = 80.
    expect(options).toEqual({ min_w: 6, max_w: 10, min_h: 6, max_h: 10, min_boxes: 4, max_boxes: 10, max_depth: 80 });
  });

  it('each room holds the boxes its area gives under the source rule, half of them or more off their goals', () => {
    // contrib/sokoban/src/generator.py: boxes = int(4 + (w·h − 36) · 6/64) for the default ranges.
    const seen = new Set<number>();
    for (let i = 0; i < 80; i++) {
      const instance = task.generate(options, 5, i),
        rows = (instance.metadata.board as string).split('\n');
      const cells = rows.join(''),
        boxes = (cells.match(/[@$]/g) ?? []).length;
      expect(boxes).toBe(Math.trunc(4 + ((rows.length * rows[0].length - 36) * 6) / 64));
      expect((cells.match(/@/g) ?? []).length).toBeGreaterThanOrEqual(Math.floor(boxes / 2));
      expect(task.verifyAnswer(instance, instance.answer).correct).toBe(true);
      seen.add(boxes);
    }
    expect(Math.min(...seen)).toBe(4);
    expect(Math.max(...seen)).toBeGreaterThanOrEqual(9);
  });
});

describe("rg.games.sokoban answers, with the verdicts of Reasoning-Gym's score_answer", () => {
  // Recorded from r1ci 78878e3 (`tasks sample rg.games.sokoban --seed 11`, index 0). Reasoning-Gym's
  // Player.update leaves the player in place when the move walks into a wall or pushes a box that
  // cannot move, and ignores characters other than U, D, L, R; the score is 1.0 or 0.0.
  const eleven = withBoard(['++++++++', '++-+-+-+', '++-@XX++', '+*@---++', '+--+---+', '++++++++']);
  const cases: [string, number][] = [
    ['RRLURDRDRU', 1],
    ['LRRLURDRDRU', 1], // the first move walks into a wall: a no-op
    ['RRLURDRDRUU', 1], // trailing moves after the solve that change nothing
    ['RRLURDRDR', 0],
    ['R R L U R D R D R U', 1],
  ];
  it.each(cases)('%s scores %s', (answer, score) => {
    expect(task.verifyAnswer(eleven, answer)).toMatchObject({ correct: score === 1, score });
  });

  it('a hand-made room: pushes into a wall or another box are no-ops', () => {
    const room = withBoard(['+++++++', '+*-@-X+', '+-----+', '+++++++']);
    expect(task.verifyAnswer(room, 'RRR').correct).toBe(true);
    expect(task.verifyAnswer(room, 'DRURR').correct).toBe(true);
    expect(task.verifyAnswer(room, 'RRRR').correct).toBe(true); // the last push meets the wall
    expect(task.verifyAnswer(room, 'LRRR').correct).toBe(true);
    expect(task.verifyAnswer(room, 'RR').correct).toBe(false);
    expect(task.verifyAnswer(room, 'DRRURR').correct).toBe(false); // the push up meets the wall; the box stays
  });

  it('lower-case moves are read as moves (Reasoning-Gym ignores them; documented), other letters: unparseable', () => {
    const room = withBoard(['+++++++', '+*-@-X+', '+-----+', '+++++++']);
    expect(task.verifyAnswer(room, 'rrr').correct).toBe(true);
    expect(task.verifyAnswer(room, 'RRX').outcome).toBe('unparseable');
  });
});
