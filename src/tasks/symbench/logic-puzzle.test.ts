// symbench.logic_puzzle: all valid selections enumerated by brute force; a second one verifies
// correct; swapping one cell verifies exactly as the brute force says.
import { describe, expect, it } from 'vitest';
import { logicPuzzle } from './logic-puzzle.js';

function validByBruteForce(grid: number[][], rule: string, cells: [number, number][]): boolean {
  const n = grid.length;
  const values = cells.map(([r, c]) => grid[r][c]);
  if (new Set(values).size !== values.length || new Set(cells.map((x) => x.join())).size !== cells.length) return false;
  if (!cells.some(([r, c]) => r === 0 && c === n - 1)) return false;
  for (let i = 0; i < n; i++) {
    for (const line of [cells.filter(([r]) => r === i), cells.filter(([, c]) => c === i)]) {
      const vs = line.map(([r, c]) => grid[r][c]);
      if (!vs.length) continue;
      if (rule === 'sum_le_4' ? vs.reduce((a, b) => a + b, 0) > 4 : vs.reduce((a, b) => a * b, 1) <= 0) return false;
    }
  }
  return true;
}

function combinations<T>(items: T[], k: number): T[][] {
  if (k === 0) return [[]];
  return items.flatMap((item, i) => combinations(items.slice(i + 1), k - 1).map((rest) => [item, ...rest]));
}

describe('symbench.logic_puzzle', () => {
  it('gold is valid; another valid selection is accepted; one-cell swaps verify as the brute force says', () => {
    let seconds = 0;
    for (const complexity of [1, 2, 3]) {
      const options = logicPuzzle.resolveOptions({ min_complexity: complexity, max_complexity: complexity });
      for (let i = 0; i < 12; i++) {
        const instance = logicPuzzle.generate(options, 5, i);
        const grid = instance.metadata.grid as number[][],
          rule = instance.metadata.rule as string,
          k = instance.metadata.select as number;
        const n = grid.length;
        const gold = instance.answer.split(', ').map((p) => p.split(' ').map(Number) as [number, number]);
        expect(validByBruteForce(grid, rule, gold)).toBe(true);
        const others = Array.from({ length: n * n }, (_, j) => [Math.floor(j / n), j % n] as [number, number]).filter(
          ([r, c]) => !(r === 0 && c === n - 1),
        );
        const valid = combinations(others, k - 1)
          .map((rest) => [[0, n - 1] as [number, number], ...rest])
          .filter((sel) => validByBruteForce(grid, rule, sel));
        const second = valid.find(
          (sel) =>
            sel
              .map((x) => x.join(' '))
              .sort()
              .join(', ') !==
            [...gold]
              .map((x) => x.join(' '))
              .sort()
              .join(', '),
        );
        if (second) {
          seconds++;
          expect(logicPuzzle.verifyAnswer(instance, second.map(([r, c]) => `(${r}, ${c})`).join(', ')).correct).toBe(
            true,
          );
        }
        const last = gold.length - 1;
        for (const cell of others) {
          if (gold.some((g) => g.join() === cell.join())) continue;
          const swapped = [...gold.slice(0, last), cell];
          expect(logicPuzzle.verifyAnswer(instance, swapped.map((x) => x.join(' ')).join(', ')).correct).toBe(
            validByBruteForce(grid, rule, swapped),
          );
        }
        expect(
          logicPuzzle.verifyAnswer(
            instance,
            gold
              .slice(0, last)
              .map((x) => x.join(' '))
              .join(', '),
          ).correct,
        ).toBe(false);
      }
    }
    expect(seconds).toBeGreaterThan(10);
  });

  it('reads spellings', () => {
    const base = logicPuzzle.generate(logicPuzzle.resolveOptions({ min_complexity: 1, max_complexity: 1 }), 0, 0);
    const instance = {
      ...base,
      metadata: {
        ...base.metadata,
        grid: [
          [1, 2],
          [3, 1],
        ],
        rule: 'sum_le_4',
        select: 3,
      },
    };
    // (0,1)=2, (1,0)=3, (0,0)=1: row0 sum 3, row1 3, col0 4, col1 2.
    const table: [string, string][] = [
      ['0 1, 1 0, 0 0', 'correct'],
      ['(0, 1), (1, 0), (0, 0)', 'correct'],
      ['[[0,0],[0,1],[1,0]]', 'correct'],
      ['0 1, 1 0, 1 1', 'correct'],
      ['0 0, 0 1, 1 1', 'wrong'],
      ['0 1, 1 0', 'wrong'],
      ['1 0, 0 0, 1 1', 'wrong'],
      ['0 1, 0 1, 1 0', 'wrong'],
      ['0 1, 1 0, 0', 'unparseable'],
      ['A1, B2', 'unparseable'],
    ];
    for (const [text, outcome] of table)
      expect([text, logicPuzzle.verifyAnswer(instance, text).outcome]).toEqual([text, outcome]);
  });
});
