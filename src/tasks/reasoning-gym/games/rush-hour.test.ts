// rg.games.rush_hour against its source: the difficulty of the committed bank against Reasoning-Gym's
// bank, an independent search over sampled puzzles, and recorded answers with Reasoning-Gym's verdicts.
import { describe, expect, it } from 'vitest';
import type { Task, TaskInstance } from '../../types.js';
import { RUSH_HOUR_BANK } from './rush-hour-bank.js';
import { rushHour } from './rush-hour.js';

const task = rushHour as unknown as Task;
const options = task.resolveOptions();
const withBoard = (rows: string[]): TaskInstance => {
  const base = task.generate(options, 1, 0);
  return { ...base, metadata: { ...base.metadata, board: rows.join('\n') } };
};
const median = (values: number[]): number => [...values].sort((a, b) => a - b)[(values.length - 1) >> 1];

/** Fewest slides that free AA, by a plain breadth-first search over boards as strings (not the task's solver). */
function fewestMoves(board: string): number {
  const start = board.replace(/\n/g, ''),
    seen = new Set([start]);
  let frontier = [start];
  for (let depth = 0; frontier.length > 0; depth++) {
    const next: string[] = [];
    for (const cells of frontier) {
      if (cells[16] === 'A' && cells[17] === 'A') return depth;
      for (const letter of new Set(cells.replace(/[.x]/g, ''))) {
        const at = [...cells].flatMap((ch, i) => (ch === letter ? [i] : []));
        const stride = at[1] - at[0];
        for (const dir of [-1, 1]) {
          let grid = [...cells],
            span = at.slice();
          for (;;) {
            const lead = dir > 0 ? span[span.length - 1] + stride : span[0] - stride;
            const sameLine = stride === 1 ? Math.floor(lead / 6) === Math.floor(span[0] / 6) : lead >= 0 && lead < 36;
            if (!sameLine || grid[lead] !== '.') break;
            grid = grid.slice();
            grid[dir > 0 ? span[0] : span[span.length - 1]] = '.';
            grid[lead] = letter;
            span = dir > 0 ? [...span.slice(1), lead] : [lead, ...span.slice(0, -1)];
            const key = grid.join('');
            if (!seen.has(key)) {
              seen.add(key);
              next.push(key);
            }
          }
        }
      }
    }
    frontier = next;
  }
  return -1;
}

describe('rg.games.rush_hour difficulty', () => {
  // Reasoning-Gym samples its bank reasoning_gym/data/rush_18k.txt (open-thought/reasoning-gym
  // 49b0713) uniformly within min_moves 1..max_moves 50: 18,068 puzzles, median 21 moves, 10th
  // percentile 7, 90th 36; 185 of them (1.0%) need 3 moves or fewer (counted from its first column).
  const bankMoves = RUSH_HOUR_BANK.trim()
    .split('\n')
    .map((line) => Number(line.split(' ')[0]));
  const sampled = Array.from({ length: 300 }, (_, i) => task.generate(options, 7, i).metadata.min_moves as number);

  it('puzzles are drawn from the bank; few are easy (old generator: median 3, 40 of 200 needed one move)', () => {
    expect(sampled.every((m) => bankMoves.includes(m))).toBe(true);
    expect(bankMoves.filter((m) => m <= 3).length / bankMoves.length).toBeLessThan(0.03);
    expect(sampled.filter((m) => m <= 3).length).toBeLessThan(10);
    expect(median(sampled)).toBeGreaterThanOrEqual(3 * 3);
  });

  it("the bank's median fewest moves is within 20% of Reasoning-Gym's 21 (the bank before: 13)", () => {
    expect(Math.abs(median(bankMoves) - 21) / 21).toBeLessThanOrEqual(0.2);
    expect(Math.abs(median(sampled) - 21) / 21).toBeLessThanOrEqual(0.2);
  });

  it('an independent search agrees with the recorded fewest moves, and the gold plan has that length', () => {
    for (let i = 0; i < 8; i++) {
      const instance = task.generate(task.resolveOptions({ max_moves: 14 }), 3, i);
      expect(fewestMoves(instance.metadata.board as string)).toBe(instance.metadata.min_moves);
      expect(instance.answer.split(' ').length).toBe(instance.metadata.min_moves);
      expect(task.verifyAnswer(instance, instance.answer)).toEqual({ correct: true, score: 1, outcome: 'correct' });
    }
  });
});

describe("rg.games.rush_hour answers, with the verdicts of Reasoning-Gym's score_answer", () => {
  // Recorded from r1ci 78878e3 (`tasks sample rg.games.rush_hour --seed 7`, index 0). Reasoning-Gym's
  // Board.move slides one cell at a time and skips the cells it cannot enter; perform_moves reads
  // every `([A-Z])([+-])(\d+)` in the text; an unsolved board scores 0.01.
  const seven = withBoard(['x.G.J.', '.CG.JE', '.CGAAE', '.CFFK.', 'DBLIK.', 'DBLIHH']);
  const cases: [string, number][] = [
    ['E-1 A+1', 1],
    ['E-1 A+3', 1], // AA overshoots: the extra cells are no-ops
    ['E-1 AA+1', 1], // the car as the board shows it: findall reads `A+1`
    ["['E-1', 'A+1']", 1], // a list
    ['E-1, A+1', 1],
    ['E-2 A+1', 1], // E stops at the top edge
    ['A+1', 0.01],
    ['E+1 A+1', 0.01], // E moves down and still blocks the exit
    ['Z+1 E-1 A+1', 1], // a car the board does not have is a no-op
  ];
  it.each(cases)('%s scores %s', (answer, score) => {
    const verdict = task.verifyAnswer(seven, answer);
    expect(verdict.score).toBe(score);
    expect(verdict.correct).toBe(score === 1);
  });

  it('a hand-made board: AA blocked by a vertical car', () => {
    const board = withBoard(['......', '...B..', 'AA.B..', '......', '......', '......']);
    expect(task.verifyAnswer(board, 'B+2 A+4').correct).toBe(true);
    expect(task.verifyAnswer(board, 'B-1 A+4').correct).toBe(true);
    expect(task.verifyAnswer(board, 'B-2 A+9').correct).toBe(true); // both clamp at the edges
    expect(task.verifyAnswer(board, 'A+4').correct).toBe(false);
    expect(task.verifyAnswer(board, 'B+1 A+4').correct).toBe(false);
  });

  it('text around the moves other than list punctuation is unparseable (Reasoning-Gym skips it; documented)', () => {
    expect(task.verifyAnswer(seven, 'Move E-1 then A+1').outcome).toBe('unparseable');
    expect(task.verifyAnswer(seven, 'e-1 a+1').outcome).toBe('unparseable');
  });

  it('splitting the gold slides into unit steps verifies; dropping the last one does not', () => {
    for (let i = 0; i < 30; i++) {
      const instance = task.generate(options, 17, i),
        moves = instance.answer.split(' ');
      const unit = moves.flatMap((m) => Array.from({ length: Number(m.slice(2)) }, () => `${m.slice(0, 2)}1`));
      expect(task.verifyAnswer(instance, unit.join(' ')).correct).toBe(true);
      expect(task.verifyAnswer(instance, moves.slice(0, -1).join(' '))).toMatchObject({ correct: false, score: 0.01 });
    }
  });
});
