// Queens, sudoku, book arrangement, lock-code deduction and letter counting: answers recomputed by
// other algorithms (brute force), second valid answers accepted, one-step mutations rejected.
import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import wordListPath from 'word-list';
import type { Task, TaskInstance } from '../types.js';
import { cryptanalysis } from './cryptanalysis.js';
import { eightQueens } from './eight-queens.js';
import { letters } from './letters.js';
import { permutationsAndCombinations } from './permutations-and-combinations.js';
import { standardSudoku } from './standard-sudoku.js';

function instances(task: Task, n: number, options: Record<string, unknown> = {}, seed = 21): TaskInstance[] {
  const resolved = task.resolveOptions(options);
  return Array.from({ length: n }, (_, i) => task.generate(resolved, seed, i));
}
const T = <X>(t: X): Task => t as unknown as Task;

describe('symbench.eight_queens', () => {
  // All 92 solutions of eight queens by brute force over permutations of columns.
  const all: number[][] = [];
  const permute = (prefix: number[]): void => {
    if (prefix.length === 8) {
      all.push(prefix);
      return;
    }
    for (let c = 0; c < 8; c++)
      if (prefix.every((pc, r) => pc !== c && Math.abs(pc - c) !== prefix.length - r)) permute([...prefix, c]);
  };
  permute([]);
  it('brute force: 92 placements; every valid one for a puzzle verifies, other near-misses do not', () => {
    expect(all.length).toBe(92);
    let secondFound = 0;
    for (const inst of instances(T(eightQueens), 60)) {
      const given = inst.metadata.given as number[][],
        blocked = inst.metadata.blocked as number[][];
      const fits = all.filter(
        (cols) => given.every(([r, c]) => cols[r] === c) && blocked.every(([r, c]) => cols[r] !== c),
      );
      expect(fits.length).toBeGreaterThan(0);
      for (const cols of fits) {
        const text = cols.map((c, r) => `${r} ${c}`).join(', ');
        expect(eightQueens.verifyAnswer(inst, text).correct).toBe(true);
        if (text !== inst.answer) secondFound++;
      }
      // One-step mutation: move the queen of row 0 one column over.
      const cols = fits[0].slice();
      cols[0] = (cols[0] + 1) % 8;
      expect(eightQueens.verifyAnswer(inst, cols.map((c, r) => `${r} ${c}`).join(', ')).correct).toBe(false);
      // Dropping a pre-placed queen's row or giving seven queens is wrong.
      expect(
        eightQueens.verifyAnswer(
          inst,
          fits[0]
            .slice(0, 7)
            .map((c, r) => `${r} ${c}`)
            .join(', '),
        ).correct,
      ).toBe(false);
    }
    expect(secondFound).toBeGreaterThan(20);
  });
  it('answer spellings', () => {
    const inst = instances(T(eightQueens), 1)[0];
    const cells = inst.answer.split(', ').map((p) => p.split(' '));
    const spellings = [
      inst.answer,
      cells.map(([r, c]) => `(${r},${c})`).join(', '),
      JSON.stringify(cells.map(([r, c]) => [Number(r), Number(c)])),
      [...cells]
        .reverse()
        .map(([r, c]) => `${r} ${c}`)
        .join(', '),
      'queens at 0 0',
      '',
    ];
    expect(spellings.map((s) => eightQueens.verifyAnswer(inst, s).outcome)).toEqual([
      'correct',
      'correct',
      'correct',
      'correct',
      'unparseable',
      'wrong',
    ]);
  });
});

describe('symbench.standard_sudoku', () => {
  const rowsOf = (answer: string): number[][] => answer.split('\n').map((r) => r.split(',').map(Number));
  it('unique puzzles: the gold is the only fill; relabelling digits breaks the givens', () => {
    for (const inst of instances(T(standardSudoku), 8)) {
      const puzzle = inst.metadata.puzzle as number[];
      const empties = puzzle.filter((v) => v === 0).length;
      expect(empties).toBeGreaterThanOrEqual(20);
      const grid = rowsOf(inst.answer);
      const swapped = grid.map((row) => row.map((v) => (v === 1 ? 2 : v === 2 ? 1 : v)));
      expect(standardSudoku.verifyAnswer(inst, swapped.map((r) => r.join(' ')).join('\n')).correct).toBe(false);
    }
  });
  it('non-unique puzzles: a second fill found by a different search verifies; a one-cell change does not', () => {
    let differing = 0;
    for (const inst of instances(T(standardSudoku), 10, { unique: false, min_removed: 60, max_removed: 64 })) {
      const g = (inst.metadata.puzzle as number[]).slice();
      // Different method: plain row-major backtracking trying digits 9..1.
      const ok = (i: number, d: number): boolean => {
        const r = Math.floor(i / 9),
          c = i % 9;
        for (let k = 0; k < 9; k++) if (g[r * 9 + k] === d || g[k * 9 + c] === d) return false;
        const br = r - (r % 3),
          bc = c - (c % 3);
        for (let a = 0; a < 3; a++) for (let b = 0; b < 3; b++) if (g[(br + a) * 9 + bc + b] === d) return false;
        return true;
      };
      const solve = (i: number): boolean => {
        if (i === 81) return true;
        if (g[i] !== 0) return solve(i + 1);
        for (let d = 9; d >= 1; d--)
          if (ok(i, d)) {
            g[i] = d;
            if (solve(i + 1)) return true;
            g[i] = 0;
          }
        return false;
      };
      expect(solve(0)).toBe(true);
      const text = Array.from({ length: 9 }, (_, r) => g.slice(r * 9, r * 9 + 9).join(',')).join('\n');
      expect(standardSudoku.verifyAnswer(inst, text).correct).toBe(true);
      if (text !== inst.answer) differing++;
      const empty = (inst.metadata.puzzle as number[]).indexOf(0);
      const mutated = g.slice();
      mutated[empty] = (mutated[empty] % 9) + 1;
      expect(
        standardSudoku.verifyAnswer(
          inst,
          Array.from({ length: 9 }, (_, r) => mutated.slice(r * 9, r * 9 + 9).join(',')).join('\n'),
        ).correct,
      ).toBe(false);
    }
    expect(differing).toBeGreaterThan(5);
  });
  it('answer spellings', () => {
    const inst = instances(T(standardSudoku), 1)[0];
    const grid = rowsOf(inst.answer);
    const spellings = [
      inst.answer,
      grid.map((r) => r.join(' ')).join('\n'),
      JSON.stringify(grid),
      `[${grid.map((r) => `[${r.join(', ')}]`).join(',\n')}]`,
      grid
        .slice(0, 8)
        .map((r) => r.join(','))
        .join('\n'),
    ];
    expect(spellings.map((s) => standardSudoku.verifyAnswer(inst, s).outcome)).toEqual([
      'correct',
      'correct',
      'correct',
      'correct',
      'unparseable',
    ]);
  });
});

describe('symbench.permutations_and_combinations', () => {
  const permutations = (items: string[]): string[][] =>
    items.length <= 1
      ? [items]
      : items.flatMap((x, i) => permutations([...items.slice(0, i), ...items.slice(i + 1)]).map((p) => [x, ...p]));
  it('every arrangement is judged exactly as a brute-force reading of the prompt text judges it', () => {
    let multi = 0;
    for (const inst of instances(T(permutationsAndCombinations), 25, { min_items: 6, max_items: 6 })) {
      const lines = inst.prompt.split('\n').filter((l) => /^\d+\. Book/.test(l));
      const rules = lines.map((l) => {
        let m = /Book (\w) must be placed in position (\d+)/.exec(l);
        if (m) return (p: string[]): boolean => p.indexOf(m![1]) + 1 === Number(m![2]);
        const n = /Book (\w) cannot be placed in position (\d+)/.exec(l);
        if (n) return (p: string[]): boolean => p.indexOf(n[1]) + 1 !== Number(n[2]);
        m = /Book (\w) must be to the (left|right) of book (\w)/.exec(l);
        if (m) {
          const [, a, side, b] = m;
          return (p: string[]): boolean =>
            side === 'left' ? p.indexOf(a) < p.indexOf(b) : p.indexOf(a) > p.indexOf(b);
        }
        const adj = /Book (\w) must be adjacent to book (\w)/.exec(l)!;
        return (p: string[]): boolean => Math.abs(p.indexOf(adj[1]) - p.indexOf(adj[2])) === 1;
      });
      const items = inst.metadata.items as string[];
      const valid = permutations(items).filter((p) => rules.every((r) => r(p)));
      expect(valid.length).toBeGreaterThan(0);
      if (valid.length > 1) multi++;
      for (const p of permutations(items))
        expect(permutationsAndCombinations.verifyAnswer(inst, JSON.stringify(p)).correct).toBe(
          rules.every((r) => r(p)),
        );
    }
    expect(multi).toBeGreaterThan(3);
  });
  it('answer spellings', () => {
    const inst = instances(T(permutationsAndCombinations), 1)[0];
    const order = JSON.parse(inst.answer) as string[];
    const spellings = [
      inst.answer,
      `['${order.join("', '")}']`,
      `[${order.map((x) => `"${x.toLowerCase()}"`).join(', ')}]`,
      JSON.stringify(order.slice(1)),
      JSON.stringify([order[0], ...order]),
      order.join(' '),
    ];
    expect(spellings.map((s) => permutationsAndCombinations.verifyAnswer(inst, s).outcome)).toEqual([
      'correct',
      'correct',
      'correct',
      'wrong',
      'wrong',
      'unparseable',
    ]);
  });
});

describe('symbench.cryptanalysis', () => {
  it('brute force over all 58,500 codes: exactly the stored code fits the feedback shown in the prompt', () => {
    for (const inst of instances(T(cryptanalysis), 3)) {
      const lines = inst.prompt.split('\n').filter((l) => /^\d+\. Guess/.test(l));
      const shown = lines.map((l) => /Guess: (\w{4}), Feedback: (.*)\.$/.exec(l)!);
      const fitting: string[] = [];
      const D = '0123456789',
        L = 'ABCDEFGHIJKLMNOPQRSTUVWXYZ';
      // Feedback recomputed for each candidate from its own reading of the rules.
      const describe = (
        secret: string,
        guess: string,
        order: string,
        words: string[],
        nouns: [string, string],
      ): string => {
        const lo = Math.min(...[...secret].map((s) => order.indexOf(s))),
          hi = Math.max(...[...secret].map((s) => order.indexOf(s)));
        const right = [0, 1].filter((i) => guess[i] === secret[i]).length,
          mis = [0, 1].filter((i) => guess[i] !== secret[i] && secret.includes(guess[i])).length;
        const bad = [0, 1]
          .filter((i) => !secret.includes(guess[i]))
          .map((i) => (order.indexOf(guess[i]) < lo ? words[0] : order.indexOf(guess[i]) > hi ? words[1] : ''));
        return [
          right === 1
            ? `one ${nouns[0]} is correct and in the correct position`
            : right === 2
              ? `both ${nouns[1]} are correct and in the correct positions`
              : '',
          mis === 1
            ? `one ${nouns[0]} is correct but in the wrong position`
            : mis === 2
              ? `both ${nouns[1]} are correct but in the wrong positions`
              : '',
          bad.length === 1
            ? `one ${nouns[0]} is incorrect${bad[0] ? ` and ${bad[0]}` : ''}`
            : bad.length === 2
              ? `both ${nouns[1]} are incorrect${bad[0] && bad[0] === bad[1] ? ` and ${bad[0]}` : ''}`
              : '',
        ]
          .filter(Boolean)
          .join('; ');
      };
      for (const a of D)
        for (const b of D)
          for (const c of L)
            for (const d of L) {
              if (a === b || c === d) continue;
              const ok = shown.every(([, g, fb]) => {
                const numbers = describe(a + b, g.slice(0, 2), D, ['too small', 'too large'], ['number', 'numbers']);
                const letters = describe(
                  c + d,
                  g.slice(2),
                  L,
                  ['too early in the alphabet', 'too late in the alphabet'],
                  ['letter', 'letters'],
                );
                return `${numbers}; ${letters}` === fb;
              });
              if (ok) fitting.push(a + b + c + d);
            }
      expect(fitting).toEqual([inst.metadata.code]);
    }
  });
  it('answer spellings', () => {
    const inst = instances(T(cryptanalysis), 1)[0];
    const [a, b, c, d] = inst.metadata.code as string;
    const spellings = [
      inst.answer,
      `['${a}', '${b}', '${c}', '${d}']`,
      `[${a}, ${b}, "${c.toLowerCase()}", "${d}"]`,
      `["${b}", "${a}", "${c}", "${d}"]`,
      `${a}${b}${c}${d}`,
    ];
    expect(spellings.map((s) => cryptanalysis.verifyAnswer(inst, s).outcome)).toEqual([
      'correct',
      'correct',
      'correct',
      'wrong',
      'unparseable',
    ]);
  });
});

describe('symbench.letters', () => {
  it('count and positions match a regex scan of the word; order of positions does not matter', () => {
    for (const inst of instances(T(letters), 200)) {
      const word = inst.metadata.word as string,
        letter = inst.metadata.letter as string;
      const positions = [...word.matchAll(new RegExp(letter, 'g'))].map((m) => m.index + 1);
      expect(inst.answer).toBe(`Count: ${positions.length}, Positions: [${positions.join(', ')}]`);
      expect(
        letters.verifyAnswer(inst, `Count: ${positions.length}, Positions: [${[...positions].reverse().join(',')}]`)
          .correct,
      ).toBe(true);
      expect(
        letters.verifyAnswer(inst, `Count: ${positions.length}, Positions: [${positions.map((p) => p - 1).join(', ')}]`)
          .correct,
      ).toBe(false);
    }
  });
  it('real words are used where the word list has one of the length and letter count', () => {
    const dictionary = new Set(readFileSync(wordListPath, 'utf8').split('\n'));
    const all = [...dictionary];
    for (const inst of instances(T(letters), 200, { min_length: 5, max_length: 10 })) {
      const word = inst.metadata.word as string,
        letter = inst.metadata.letter as string;
      const count = word.split(letter).length - 1;
      const exists = all.some((w) => w.length === word.length && w.split(letter).length - 1 === count);
      expect(
        dictionary.has(word),
        `${word}: a real word of this length with ${count}× ${letter} ${exists ? 'exists' : 'does not exist'}`,
      ).toBe(exists);
    }
  });
});
