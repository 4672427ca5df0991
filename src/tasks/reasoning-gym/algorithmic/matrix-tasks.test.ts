// The algorithmic matrix tasks: answers recomputed by brute force or a different algorithm, plus
// answer-format tables.
import { describe, expect, it } from 'vitest';
import type { Task, TaskInstance } from '../../types.js';
import { binaryMatrix } from './binary-matrix.js';
import { gameOfLife } from './game-of-life.js';
import { manipulateMatrix } from './manipulate-matrix.js';
import { poolMatrix } from './pool-matrix.js';
import { rotateMatrix } from './rotate-matrix.js';
import { rottenOranges } from './rotten-oranges.js';
import { spiralMatrix } from './spiral-matrix.js';

function instances(task: Task, count: number, options: Record<string, unknown> = {}): TaskInstance[] {
  const resolved = task.resolveOptions(options);
  return Array.from({ length: count }, (_, i) => task.generate(resolved, 11, i));
}
const rowsText = (m: number[][]): string => m.map((r) => r.join(' ')).join('\n');
const cellsOf = (instance: TaskInstance): number[][] => instance.metadata.matrix as number[][];

describe('binary_matrix', () => {
  it('every distance is the brute-force minimum over all zeros', () => {
    for (const instance of instances(binaryMatrix, 60)) {
      const m = cellsOf(instance);
      const zeros = m.flatMap((row, r) => row.flatMap((v, c) => (v === 0 ? [[r, c]] : [])));
      const brute = m.map((row, r) =>
        row.map((_, c) => Math.min(...zeros.map(([zr, zc]) => Math.abs(zr - r) + Math.abs(zc - c)))),
      );
      expect(instance.answer).toBe(rowsText(brute));
    }
  });
  it('reads rows of text or nested lists; rejects a wrong cell and a missing row', () => {
    const instance = instances(binaryMatrix, 1)[0];
    const gold = instance.answer.split('\n').map((r) => r.split(' ').map(Number));
    const mutated = gold.map((r) => r.slice());
    mutated[0][0] += 1;
    const table: [string, boolean][] = [
      [instance.answer, true],
      [JSON.stringify(gold), true],
      [`\n${instance.answer}\n`, true],
      [rowsText(mutated), false],
      [rowsText(gold.slice(1)), false],
    ];
    for (const [answer, correct] of table)
      expect(binaryMatrix.verifyAnswer(instance, answer).correct, answer).toBe(correct);
  });
});

describe('rotate_matrix', () => {
  it('matches the closed form for each number of quarter turns', () => {
    for (const instance of instances(rotateMatrix, 60)) {
      const m = cellsOf(instance),
        n = m.length,
        k = (instance.metadata.num_rotations as number) % 4;
      const at = (r: number, c: number): number =>
        [m[r][c], m[n - 1 - c][r], m[n - 1 - r][n - 1 - c], m[c][n - 1 - r]][k];
      expect(instance.answer).toBe(rowsText(m.map((row, r) => row.map((_, c) => at(r, c)))));
    }
  });
});

describe('spiral_matrix', () => {
  it('matches peeling the outer frame layer by layer', () => {
    for (const instance of instances(spiralMatrix, 60)) {
      const m = cellsOf(instance),
        n = m.length,
        out: number[] = [];
      for (let layer = 0; layer < Math.ceil(n / 2); layer++) {
        const lo = layer,
          hi = n - 1 - layer;
        if (lo === hi) {
          out.push(m[lo][lo]);
          break;
        }
        for (let c = lo; c < hi; c++) out.push(m[lo][c]);
        for (let r = lo; r < hi; r++) out.push(m[r][hi]);
        for (let c = hi; c > lo; c--) out.push(m[hi][c]);
        for (let r = hi; r > lo; r--) out.push(m[r][lo]);
      }
      expect(instance.answer).toBe(out.join(' '));
    }
  });
  it('accepts spaces, commas or a list; rejects a swapped pair', () => {
    const instance = instances(spiralMatrix, 1, { min_n: 3, max_n: 3 })[0];
    const values = instance.answer.split(' ');
    const swapped = values.slice();
    const j = swapped.findIndex((v, i) => i > 0 && v !== swapped[0]);
    [swapped[0], swapped[j]] = [swapped[j], swapped[0]];
    expect(spiralMatrix.verifyAnswer(instance, values.join(', ')).correct).toBe(true);
    expect(spiralMatrix.verifyAnswer(instance, `[${values.join(', ')}]`).correct).toBe(true);
    expect(spiralMatrix.verifyAnswer(instance, swapped.join(' ')).correct).toBe(false);
    expect(spiralMatrix.verifyAnswer(instance, values.slice(1).join(' ')).correct).toBe(false);
  });
});

describe('pool_matrix', () => {
  it('every cell is the brute-force max or mean of its block, to 2 decimals', () => {
    for (const instance of instances(poolMatrix, 80)) {
      const m = cellsOf(instance),
        k = instance.metadata.pool_size as number,
        kind = instance.metadata.pool_type;
      const gold = instance.answer.split('\n').map((r) => r.split(' ').map(Number));
      expect(gold.length).toBe(Math.ceil(m.length / k));
      gold.forEach((row, bi) =>
        row.forEach((v, bj) => {
          const block = m.slice(bi * k, bi * k + k).flatMap((r) => r.slice(bj * k, bj * k + k));
          const want = kind === 'max' ? Math.max(...block) : block.reduce((a, b) => a + b, 0) / block.length;
          expect(Math.abs(v - want)).toBeLessThanOrEqual(0.005 + 1e-9);
        }),
      );
    }
  });
  it('accepts more digits and 2-decimal rounding; rejects an off-by-0.01 cell', () => {
    const instance = instances(poolMatrix, 200).find(
      (i) => i.metadata.pool_type === 'average' && i.answer.includes('.33'),
    )!;
    const exactish = instance.answer.replace(/\.33\b/, '.3333');
    const off = instance.answer.replace(/\.33\b/, '.35');
    expect(poolMatrix.verifyAnswer(instance, exactish).correct).toBe(true);
    expect(poolMatrix.verifyAnswer(instance, off).correct).toBe(false);
  });
});

describe('game_of_life', () => {
  it("matches a simulation that lists each cell's eight wrapped neighbours explicitly", () => {
    for (const instance of instances(gameOfLife, 40, { simulation_steps: 2, filled_cells_weights: 0.3 })) {
      let b = instance.metadata.board as number[][];
      for (let s = 0; s < 2; s++) {
        const R = b.length,
          C = b[0].length;
        b = b.map((row, r) =>
          row.map((v, c) => {
            const around = [
              [-1, -1],
              [-1, 0],
              [-1, 1],
              [0, -1],
              [0, 1],
              [1, -1],
              [1, 0],
              [1, 1],
            ].map(([dr, dc]) => b[(r + dr + R) % R][(c + dc + C) % C]);
            const live = around.filter((x) => x === 1).length;
            return (v === 1 && (live === 2 || live === 3)) || (v === 0 && live === 3) ? 1 : 0;
          }),
        );
      }
      expect(JSON.parse(instance.answer)).toEqual(b);
    }
  });
  it('gives a cell-fraction score but `correct` only for the whole board', () => {
    const instance = instances(gameOfLife, 1)[0];
    const gold = JSON.parse(instance.answer) as number[][];
    gold[0][0] = 1 - gold[0][0];
    const verdict = gameOfLife.verifyAnswer(instance, JSON.stringify(gold));
    expect(verdict).toMatchObject({ correct: false, score: 0.99 });
    expect(gameOfLife.verifyAnswer(instance, instance.answer.replace(/,/g, ', ')).correct).toBe(true);
  });
});

describe('rotten_oranges', () => {
  it('matches a minute-by-minute simulation', () => {
    for (const instance of instances(rottenOranges, 40, { min_n: 3, max_n: 12, p_rotten: 0.05 })) {
      let g = cellsOf(instance).map((r) => r.slice()),
        minutes = 0,
        answer = -1;
      for (;;) {
        if (!g.some((r) => r.includes(1))) {
          answer = minutes;
          break;
        }
        const next = g.map((row, r) =>
          row.map((v, c) =>
            v === 1 &&
            [
              [1, 0],
              [-1, 0],
              [0, 1],
              [0, -1],
            ].some(([dr, dc]) => g[r + dr]?.[c + dc] === 2)
              ? 2
              : v,
          ),
        );
        if (JSON.stringify(next) === JSON.stringify(g)) break;
        g = next;
        minutes++;
      }
      expect(instance.answer).toBe(String(answer));
    }
  });
});

describe('manipulate_matrix', () => {
  it('matches replaying the listed operations with coordinate formulas', () => {
    for (const instance of instances(manipulateMatrix, 80)) {
      let m = cellsOf(instance);
      for (const op of instance.metadata.operations as Record<string, number | string>[]) {
        const R = m.length,
          C = m[0].length;
        const build = (rows: number, cols: number, f: (r: number, c: number) => number): number[][] =>
          Array.from({ length: rows }, (_, r) => Array.from({ length: cols }, (_, c) => f(r, c)));
        const mm = m;
        switch (op.transform) {
          case 'rotate':
            for (let t = 0; t < ((op.degrees as number) / 90) % 4; t++) {
              const cur = m;
              m = build(cur[0].length, cur.length, (r, c) => cur[cur.length - 1 - c][r]);
            }
            break;
          case 'hmirror':
            m = build(R, C, (r, c) => mm[R - 1 - r][c]);
            break;
          case 'vmirror':
            m = build(R, C, (r, c) => mm[r][C - 1 - c]);
            break;
          case 'dmirror':
            m = build(C, R, (r, c) => mm[c][r]);
            break;
          case 'cmirror':
            m = build(C, R, (r, c) => mm[R - 1 - c][C - 1 - r]);
            break;
          case 'map':
            m = build(R, C, (r, c) => (mm[r][c] === op.from ? (op.to as number) : mm[r][c]));
            break;
          case 'zero_divisible':
            m = build(R, C, (r, c) => (mm[r][c] % (op.k as number) === 0 ? 0 : mm[r][c]));
            break;
          case 'crop':
            m = build(
              (op.row_end as number) - (op.row_start as number) + 1,
              (op.col_end as number) - (op.col_start as number) + 1,
              (r, c) => mm[r + (op.row_start as number) - 1][c + (op.col_start as number) - 1],
            );
            break;
          case 'remove_every_nth_row':
            m = mm.filter((_, r) => (r + 1) % (op.n as number) !== 0);
            break;
          case 'remove_every_nth_col':
            m = mm.map((row) => row.filter((_, c) => (c + 1) % (op.n as number) !== 0));
            break;
        }
      }
      expect(instance.answer).toBe(rowsText(m));
    }
  });
  it('a zero weight switches an operation off; all-zero weights are a config error', () => {
    const only = instances(manipulateMatrix, 20, {
      w_rotate: 0,
      w_hmirror: 0,
      w_vmirror: 0,
      w_dmirror: 0,
      w_cmirror: 0,
      w_map: 0,
      w_crop: 0,
      w_remove_every_nth_row: 0,
      w_remove_every_nth_col: 0,
    });
    expect(
      only
        .flatMap((i) => (i.metadata.operations as { transform: string }[]).map((o) => o.transform))
        .every((t) => t === 'zero_divisible'),
    ).toBe(true);
    expect(() =>
      manipulateMatrix.resolveOptions({
        w_rotate: 0,
        w_hmirror: 0,
        w_vmirror: 0,
        w_dmirror: 0,
        w_cmirror: 0,
        w_map: 0,
        w_crop: 0,
        w_remove_every_nth_row: 0,
        w_remove_every_nth_col: 0,
        w_zero_divisible: 0,
      }),
    ).toThrow(/every weight is 0/);
  });
});
