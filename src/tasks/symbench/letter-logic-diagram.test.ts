// Independent checks for symbench.letter_logic_diagram: every fill an independent search finds
// verifies, one-cell changes do not, CodeSteer's sample 0, spellings and option checks.
import { describe, expect, it } from 'vitest';
import type { Task, TaskInstance } from '../types.js';
import { completionProblem, letterLogicDiagram } from './letter-logic-diagram.js';

const T = <X>(t: X): Task => t as unknown as Task;

function instances(task: Task, n: number, options: Record<string, unknown> = {}, seed = 31): TaskInstance[] {
  const resolved = task.resolveOptions(options);
  return Array.from({ length: n }, (_, i) => task.generate(resolved, seed, i));
}

const outcomes = (task: Task, inst: TaskInstance, answers: string[]): string[] =>
  answers.map((a) => task.verifyAnswer(inst, a).outcome);

describe('symbench.letter_logic_diagram', () => {
  const N = 7;
  /** All fills (up to `limit`) by plain row-major search, checking the diagonal only at the end. */
  function fills(puzzle: readonly string[], limit: number): string[][] {
    const g = puzzle.slice(),
      out: string[][] = [];
    const dfs = (k: number): void => {
      if (out.length >= limit) return;
      if (k === N * N) {
        if ([...Array(N).keys()].every((r) => g[r * N + N - 1 - r] === g[N - 1])) out.push(g.slice());
        return;
      }
      if (g[k] !== '') return dfs(k + 1);
      const r = Math.floor(k / N),
        c = k % N;
      for (const x of 'abcdefg') {
        if ([...Array(N).keys()].some((j) => g[r * N + j] === x || g[j * N + c] === x)) continue;
        g[k] = x;
        dfs(k + 1);
        g[k] = '';
      }
    };
    dfs(0);
    return out;
  }
  const text = (grid: readonly string[]): string =>
    [...Array(N).keys()].map((r) => grid.slice(r * N, r * N + N).join(',')).join('\n');

  it('every fill found by an independent search verifies; a one-cell change of any of them does not', () => {
    let second = 0;
    for (const inst of instances(T(letterLogicDiagram), 30, { min_complexity: 5 })) {
      const puzzle = inst.metadata.puzzle as string[];
      expect(puzzle.filter((x) => x === '').length).toBe(30);
      const gold = inst.answer.split('\n').join(',').split(',');
      expect(fills(gold, 1), 'the gold is itself a complete valid grid').toEqual([gold]);
      expect(
        puzzle.every((x, i) => x === '' || x === gold[i]),
        'the gold keeps the givens',
      ).toBe(true);
      const found = fills(puzzle, 6);
      expect(found.length).toBeGreaterThan(0);
      for (const grid of found) {
        expect(letterLogicDiagram.verifyAnswer(inst, text(grid)).outcome).toBe('correct');
        if (text(grid) !== inst.answer) second++;
        const blank = puzzle.indexOf('');
        const mutated = grid.map((x, i) => (i === blank ? (x === 'a' ? 'b' : 'a') : x));
        expect(letterLogicDiagram.verifyAnswer(inst, text(mutated)).outcome).toBe('wrong');
      }
    }
    expect(second).toBeGreaterThan(10);
  });

  it('the hard-coded CodeSteer sample 0 grid and solution satisfy the rules; a swapped row pair breaks columns', () => {
    const solution = ['cgefbad', 'gefbadc', 'efbadcg', 'fbadcge', 'badcgef', 'adcgefb', 'dcgefba'].join('').split('');
    const puzzle = solution.map((x, i) => (i % 3 === 0 ? '' : x));
    expect(completionProblem(puzzle, solution, N)).toBe(null);
    const swapped = solution.slice();
    [swapped[0], swapped[1]] = [swapped[1], swapped[0]];
    expect(
      completionProblem(
        puzzle.map(() => ''),
        swapped,
        N,
      ),
    ).toBe('column 1 repeats a letter');
    expect(
      completionProblem(
        puzzle,
        solution.map((x, i) => (i === 1 ? 'c' : x)),
        N,
      ),
    ).toBe("cell (1,2) changes the pre-filled 'g'");
  });

  it('answer spellings', () => {
    const inst = instances(T(letterLogicDiagram), 1)[0];
    const rows = inst.answer.split('\n').map((r) => r.split(','));
    expect(
      outcomes(T(letterLogicDiagram), inst, [
        inst.answer,
        inst.answer.toUpperCase(),
        JSON.stringify(rows),
        rows.map((r) => r.join('')).join('\n'),
        rows.map((r) => r.join(' ')).join('\n'),
        `\n${inst.answer}\n`,
        rows
          .slice(0, 6)
          .map((r) => r.join(','))
          .join('\n'),
        rows.map((r) => r.map(() => 'a').join(',')).join('\n'),
        rows.map((r) => r.map(() => 'z').join(',')).join('\n'),
        '',
      ]),
    ).toEqual([
      'correct',
      'correct',
      'correct',
      'correct',
      'correct',
      'correct',
      'unparseable',
      'wrong',
      'wrong',
      'unparseable',
    ]);
  });

  it('other sizes keep the rules; bad options are named', () => {
    for (const size of [4, 5, 9]) {
      for (const inst of instances(T(letterLogicDiagram), 10, { size })) {
        const gold = inst.answer.split('\n').join(',').split(',');
        expect(completionProblem(inst.metadata.puzzle as string[], gold, size)).toBe(null);
        expect(new Set(gold).size).toBe(size);
      }
    }
    expect(() => letterLogicDiagram.resolveOptions({ size: 10 })).toThrow(/size/);
  });
});
