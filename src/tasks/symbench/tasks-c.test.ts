// SymBench group C (synthesis_decomposition, reversi, letter_logic_diagram): answers recomputed
// from the prompt text by other algorithms, hand-computed cases, answer spellings, second valid fills.
import { describe, expect, it } from 'vitest';
import { ConfigError } from '../../core/index.js';
import type { Task, TaskInstance } from '../types.js';
import { completionProblem, letterLogicDiagram } from './letter-logic-diagram.js';
import { reversi, startBoard } from './reversi.js';
import { runCycle, synthesisDecomposition } from './synthesis-decomposition.js';

const T = <X>(t: X): Task => t as unknown as Task;
function instances(task: Task, n: number, options: Record<string, unknown> = {}, seed = 31): TaskInstance[] {
  const resolved = task.resolveOptions(options);
  return Array.from({ length: n }, (_, i) => task.generate(resolved, seed, i));
}
const outcomes = (task: Task, inst: TaskInstance, answers: string[]): string[] => answers.map((a) => task.verifyAnswer(inst, a).outcome);

describe('symbench.synthesis_decomposition', () => {
  type Stock = Record<string, number>;
  const readStock = (text: string): Stock => {
    const out: Stock = {};
    for (const m of text.matchAll(/(\d+) units? of (?:crop|product) ([A-Z])/g)) out[m[2]] = Number(m[1]);
    return out;
  };
  /** Round-based replay read from the prompt: each round tries every method once, in order; stop after an idle round. */
  function replay(prompt: string): number[] {
    const methods = [...prompt.matchAll(/Method \d+: (.*?) can be exchanged for (.*?), and this/g)].map((m) => ({ input: readStock(m[1]), output: readStock(m[2]) }));
    const stock = readStock(/Initially there are (.*)\./.exec(prompt)![1]);
    for (let progress = true; progress;) {
      progress = false;
      for (const { input, output } of methods) {
        if (!Object.entries(input).every(([k, v]) => (stock[k] ?? 0) >= v)) continue;
        for (const [k, v] of Object.entries(input)) stock[k] -= v;
        for (const [k, v] of Object.entries(output)) stock[k] = (stock[k] ?? 0) + v;
        progress = true;
      }
    }
    const fields = /as a list \[(.*?)\]/.exec(prompt)![1].split(', ').map((f) => f.slice(-1));
    return fields.map((f) => stock[f] ?? 0);
  }

  it('the gold answer equals a round-based replay of the prompt text, at every complexity', () => {
    for (let complexity = 1; complexity <= 5; complexity++) {
      for (const inst of instances(T(synthesisDecomposition), 40, { min_complexity: complexity, max_complexity: complexity })) {
        expect(inst.answer, inst.prompt).toBe(`[${replay(inst.prompt).join(', ')}]`);
        expect(inst.answer.split(', ').length).toBe(complexity <= 2 ? 3 : complexity <= 4 ? 4 : 5);
      }
    }
  });

  it('hand-worked cycles (CodeSteer samples 0, 45 and 150)', () => {
    const simple = [{ input: { A: 1, B: 1 }, output: { X: 1 } }, { input: { A: 3 }, output: { X: 2 } }];
    expect(runCycle({ A: 3, B: 2 }, simple)).toEqual({ A: 1, B: 0, X: 2 });
    const medium = [{ input: { A: 1, B: 1, C: 1 }, output: { X: 1 } }, { input: { A: 1, B: 1 }, output: { C: 2 } }, { input: { C: 2 }, output: { X: 1 } }];
    expect(runCycle({ A: 8, B: 3, C: 4 }, medium)).toEqual({ A: 5, B: 0, C: 0, X: 4 });
    const complex = [
      { input: { A: 2, B: 1, C: 1 }, output: { X: 3 } }, { input: { A: 1, B: 1 }, output: { C: 2 } },
      { input: { C: 2, X: 1 }, output: { Y: 1 } }, { input: { A: 1, X: 2 }, output: { Y: 1 } },
    ];
    expect(runCycle({ A: 5, B: 2, C: 7 }, complex)).toEqual({ A: 1, B: 0, C: 6, X: 0, Y: 2 });
  });

  it('answer spellings', () => {
    const inst = instances(T(synthesisDecomposition), 1, { min_complexity: 5 })[0];
    const values = inst.answer.slice(1, -1).split(', ');
    const bumped = values.map((v, i) => (i === 0 ? String(Number(v) + 1) : v));
    expect(outcomes(T(synthesisDecomposition), inst, [
      inst.answer, values.join(','), values.join(' '), `(${values.join(', ')})`, JSON.stringify(values), ` [ ${values.join(' , ')} ] `,
      `[${bumped.join(', ')}]`, `[${values.slice(0, 4).join(', ')}]`, `[${[...values, '0'].join(', ')}]`, '[1.5, 0, 2, 3, 1]', 'A=1, B=0', '',
    ])).toEqual(['correct', 'correct', 'correct', 'correct', 'correct', 'correct', 'wrong', 'wrong', 'wrong', 'unparseable', 'unparseable', 'unparseable']);
  });

  it('keeps the source order without shuffling; rejects min > max', () => {
    const inst = instances(T(synthesisDecomposition), 1, { min_complexity: 5, shuffle_methods: false })[0];
    expect(inst.metadata.methods).toEqual([
      { input: { A: 2, B: 1, C: 1 }, output: { X: 3 } }, { input: { A: 1, B: 1 }, output: { C: 2 } },
      { input: { C: 2, X: 1 }, output: { Y: 1 } }, { input: { A: 1, X: 2 }, output: { Y: 1 } },
    ]);
    expect(() => synthesisDecomposition.resolveOptions({ min_complexity: 4, max_complexity: 2 })).toThrow(ConfigError);
  });
});

describe('symbench.reversi', () => {
  /** The board and moves read back from the prompt. */
  function readPrompt(prompt: string): { size: number; rows: string[][]; moves: [number, number][] } {
    const size = Number(/n=(\d+)/.exec(prompt)![1]);
    const lines = prompt.split('\n');
    const at = lines.indexOf('The board before this round is:');
    const rows = lines.slice(at + 1, at + 1 + size).map((l) => l.split(''));
    const moves = [...prompt.matchAll(/Round \d+: .*? at \((\d+),(\d+)\)/g)].map((m) => [Number(m[1]) - 1, Number(m[2]) - 1] as [number, number]);
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
        while (rows[r + k * dr]?.[c + k * dc] !== undefined && rows[r + k * dr][c + k * dc] !== '*' && rows[r + k * dr][c + k * dc] !== me) k++;
        if (k > 1 && rows[r + k * dr]?.[c + k * dc] === me) {
          for (let j = 1; j < k; j++) rows[r + j * dr][c + j * dc] = me;
          flipped += k - 1;
        }
      }
    }
    if (flipped) rows[r][c] = me;
    return flipped;
  }

  it('the shown board is the position before the moves: every move is legal there, and replaying gives the gold', () => {
    for (const options of [{}, { min_board_size: 8, max_board_size: 8, min_moves: 4, max_moves: 6 }, { max_opening_moves: 0 }]) {
      for (const inst of instances(T(reversi), 60, options)) {
        const { size, rows, moves } = readPrompt(inst.prompt);
        const pieces = rows.flat().filter((x) => x !== '*').length;
        expect((pieces - 4) % 2, 'an even number of moves came before, so black moves first').toBe(0);
        moves.forEach((move, k) => expect(play(rows, size, move, k % 2 === 0 ? '0' : '1'), `${inst.prompt}\nmove ${k + 1}`).toBeGreaterThan(0));
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
    expect(outcomes(T(reversi), inst, [
      inst.answer, cells.join(', '), rows.map((r) => r.join(',')).join('\n'), rows.map((r) => r.join('')).join('\n'), JSON.stringify(rows), cells.join(' '),
      mutated.join(','), before.join(','), cells.slice(1).join(','), cells.map((c) => (c === '0' ? 'B' : c)).join(','), '',
    ])).toEqual(['correct', 'correct', 'correct', 'correct', 'correct', 'correct', 'wrong', 'wrong', 'unparseable', 'unparseable', 'unparseable']);
  });

  it('rejects odd board sizes and inverted ranges', () => {
    expect(() => reversi.resolveOptions({ min_board_size: 5 })).toThrow(/even/);
    expect(() => reversi.resolveOptions({ min_moves: 3, max_moves: 2 })).toThrow(ConfigError);
  });
});

describe('symbench.letter_logic_diagram', () => {
  const N = 7;
  /** All fills (up to `limit`) by plain row-major search, checking the diagonal only at the end. */
  function fills(puzzle: readonly string[], limit: number): string[][] {
    const g = puzzle.slice(), out: string[][] = [];
    const dfs = (k: number): void => {
      if (out.length >= limit) return;
      if (k === N * N) {
        if ([...Array(N).keys()].every((r) => g[r * N + N - 1 - r] === g[N - 1])) out.push(g.slice());
        return;
      }
      if (g[k] !== '') return dfs(k + 1);
      const r = Math.floor(k / N), c = k % N;
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
  const text = (grid: readonly string[]): string => [...Array(N).keys()].map((r) => grid.slice(r * N, r * N + N).join(',')).join('\n');

  it('every fill found by an independent search verifies; a one-cell change of any of them does not', () => {
    let second = 0;
    for (const inst of instances(T(letterLogicDiagram), 30, { min_complexity: 5 })) {
      const puzzle = inst.metadata.puzzle as string[];
      expect(puzzle.filter((x) => x === '').length).toBe(30);
      const gold = inst.answer.split('\n').join(',').split(',');
      expect(fills(gold, 1), 'the gold is itself a complete valid grid').toEqual([gold]);
      expect(puzzle.every((x, i) => x === '' || x === gold[i]), 'the gold keeps the givens').toBe(true);
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
    expect(completionProblem(puzzle.map(() => ''), swapped, N)).toBe('column 1 repeats a letter');
    expect(completionProblem(puzzle, solution.map((x, i) => (i === 1 ? 'c' : x)), N)).toBe("cell (1,2) changes the pre-filled 'g'");
  });

  it('answer spellings', () => {
    const inst = instances(T(letterLogicDiagram), 1)[0];
    const rows = inst.answer.split('\n').map((r) => r.split(','));
    expect(outcomes(T(letterLogicDiagram), inst, [
      inst.answer, inst.answer.toUpperCase(), JSON.stringify(rows), rows.map((r) => r.join('')).join('\n'), rows.map((r) => r.join(' ')).join('\n'), `\n${inst.answer}\n`,
      rows.slice(0, 6).map((r) => r.join(',')).join('\n'), rows.map((r) => r.map(() => 'a').join(',')).join('\n'), rows.map((r) => r.map(() => 'z').join(',')).join('\n'), '',
    ])).toEqual(['correct', 'correct', 'correct', 'correct', 'correct', 'correct', 'unparseable', 'wrong', 'wrong', 'unparseable']);
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
