// Independent checks for symbench.reversi: every move replayed from the shown board, a hand-worked
// opening, answer spellings and option checks.
import { describe, expect, it } from 'vitest';
import { ConfigError } from '../../core/index.js';
import type { Task, TaskInstance } from '../types.js';
import { reversi, startBoard } from './reversi.js';

const T = <X>(t: X): Task => t as unknown as Task;

function instances(task: Task, n: number, options: Record<string, unknown> = {}, seed = 31): TaskInstance[] {
  const resolved = task.resolveOptions(options);
  return Array.from({ length: n }, (_, i) => task.generate(resolved, seed, i));
}

const outcomes = (task: Task, inst: TaskInstance, answers: string[]): string[] =>
  answers.map((a) => task.verifyAnswer(inst, a).outcome);

describe('symbench.reversi', () => {
  /** The board and moves read back from the prompt. */
  function readPrompt(prompt: string): { size: number; rows: string[][]; moves: [number, number][] } {
    const size = Number(/n=(\d+)/.exec(prompt)![1]);
    const lines = prompt.split('\n');
    const at = lines.indexOf('The board before this round is:');
    const rows = lines.slice(at + 1, at + 1 + size).map((l) => l.split(''));
    const moves = [...prompt.matchAll(/Round \d+: .*? at \((\d+),(\d+)\)/g)].map(
      (m) => [Number(m[1]) - 1, Number(m[2]) - 1] as [number, number],
    );
    return { size, rows, moves };
  }
  /** Plays one move on a 2-D board by walking the eight rays; returns how many pieces flipped. */
  function play(rows: string[][], size: number, [r, c]: [number, number], me: string): number {
    if (rows[r][c] !== '*') return 0;
    let flipped = 0;
    for (let dr = -1; dr <= 1; dr++) {
      for (let dc = -1; dc <= 1; dc++) {
        if (!dr && !dc) continue;
        let k = 1;
        while (
          rows[r + k * dr]?.[c + k * dc] !== undefined &&
          rows[r + k * dr][c + k * dc] !== '*' &&
          rows[r + k * dr][c + k * dc] !== me
        )
          k++;
        if (k > 1 && rows[r + k * dr]?.[c + k * dc] === me) {
          for (let j = 1; j < k; j++) rows[r + j * dr][c + j * dc] = me;
          flipped += k - 1;
        }
      }
    }
    if (flipped) rows[r][c] = me;
    return flipped;
  }

  it('the shown board is the position before the moves: every move is legal there; replaying gives the gold', () => {
    for (const options of [
      {},
      { min_board_size: 8, max_board_size: 8, min_moves: 4, max_moves: 6 },
      { max_opening_moves: 0 },
    ]) {
      for (const inst of instances(T(reversi), 60, options)) {
        const { size, rows, moves } = readPrompt(inst.prompt);
        const pieces = rows.flat().filter((x) => x !== '*').length;
        expect((pieces - 4) % 2, 'an even number of moves came before, so black moves first').toBe(0);
        moves.forEach((move, k) =>
          expect(play(rows, size, move, k % 2 === 0 ? '0' : '1'), `${inst.prompt}\nmove ${k + 1}`).toBeGreaterThan(0),
        );
        expect(rows.flat().join(','), inst.prompt).toBe(inst.answer);
      }
    }
    for (const inst of instances(T(reversi), 20, { max_opening_moves: 0 })) {
      expect(readPrompt(inst.prompt).rows.flat()).toEqual(startBoard(inst.metadata.size as number));
    }
  });

  it('hand-worked opening: black at (1,2) flips the white piece below it', () => {
    const rows = [...Array(4)].map((_, r) => startBoard(4).slice(r * 4, r * 4 + 4));
    expect(rows.map((r) => r.join(''))).toEqual(['****', '*10*', '*01*', '****']);
    expect(play(rows, 4, [0, 1], '0')).toBe(1);
    expect(rows.map((r) => r.join(''))).toEqual(['*0**', '*00*', '*01*', '****']);
  });

  it('answer spellings and near-misses', () => {
    const inst = instances(T(reversi), 1, { min_board_size: 4, max_board_size: 4 })[0];
    const cells = inst.answer.split(',');
    const rows = [0, 1, 2, 3].map((r) => cells.slice(r * 4, r * 4 + 4));
    const flippedCell = cells.findIndex((c) => c !== '*');
    const mutated = cells.map((c, i) => (i === flippedCell ? (c === '0' ? '1' : '0') : c));
    const before = (inst.metadata.before as string).split('');
    expect(
      outcomes(T(reversi), inst, [
        inst.answer,
        cells.join(', '),
        rows.map((r) => r.join(',')).join('\n'),
        rows.map((r) => r.join('')).join('\n'),
        JSON.stringify(rows),
        cells.join(' '),
        mutated.join(','),
        before.join(','),
        cells.slice(1).join(','),
        cells.map((c) => (c === '0' ? 'B' : c)).join(','),
        '',
      ]),
    ).toEqual([
      'correct',
      'correct',
      'correct',
      'correct',
      'correct',
      'correct',
      'wrong',
      'wrong',
      'unparseable',
      'unparseable',
      'unparseable',
    ]);
  });

  it('rejects odd board sizes and inverted ranges', () => {
    expect(() => reversi.resolveOptions({ min_board_size: 5 })).toThrow(/even/);
    expect(() => reversi.resolveOptions({ min_moves: 3, max_moves: 2 })).toThrow(ConfigError);
  });
});
