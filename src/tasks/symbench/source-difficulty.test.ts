// SymBench default difficulty against CodeSteer's own puzzles: each task's size and step measures over
// 200 generated instances, against the same measures of the dataset CodeSteer evaluates on.
import { describe, expect, it } from 'vitest';
import { Rational } from '../kit/index.js';
import { getTask } from '../registry.js';
import type { TaskInstance } from '../types.js';

// Every number below was counted from yongchao98/CodeSteer-v1.0 at 2a7750d: the files under
// dataset_gather/<folder>/sample_*/ (question.txt, solution.json), or the configuration loops in
// create_dataset/create_dataset_<task>.py and benchmark/run_*_baseline_methods.py where named. A measure
// that needs a solver (steps, path length, first moves) was taken on CodeSteer's puzzles with the same
// solver that measures ours: CodeSteer's own step estimate for BoxLift, ours for the others.
type Measure = (metadata: Record<string, unknown>, answer: string) => number;
type Case = {
  id: string;
  where: string;
  measure: string;
  of: Measure;
  /** How many of CodeSteer's puzzles have each value. */
  source: Record<number, number>;
  /**
   * 'values' (the default): CodeSteer's values are all there are (a configuration loop, a whole list), so
   * ours take only those. 'range': CodeSteer's puzzles are a few random draws, so ours may fall outside
   * their smallest..largest value only twice as often as one more of its draws would, 2/(n+1) for n puzzles.
   */
  spread?: 'values' | 'range';
};

const len =
  (key: string): Measure =>
  (m) =>
    (m[key] as unknown[]).length;
/** Every value one operation on two of `values` can make (a-b and b-a, a/b and b/a). */
function combinations(a: Rational, b: Rational): Rational[] {
  const out = [a.add(b), a.sub(b), b.sub(a), a.mul(b)];
  if (!b.isZero()) out.push(a.div(b));
  if (!a.isZero()) out.push(b.div(a));
  return out;
}

function reaches(values: Rational[], target: Rational): boolean {
  if (values.length === 1) return values[0].equals(target);
  return values.some((a, i) =>
    values.some(
      (b, j) =>
        j > i && combinations(a, b).some((v) => reaches([...values.filter((_, k) => k !== i && k !== j), v], target)),
    ),
  );
}

/** Game24's difficulty by search: of the pairs of numbers, how many can be combined first and still reach 24. */
function openings(numbers: number[], target: number): number {
  const values = numbers.map((n) => Rational.of(n)),
    goal = Rational.of(target);
  let count = 0;
  for (let i = 0; i < values.length; i++)
    for (let j = i + 1; j < values.length; j++) {
      const rest = values.filter((_, k) => k !== i && k !== j);
      if (combinations(values[i], values[j]).some((v) => reaches([...rest, v], goal))) count++;
    }
  return count;
}

type Point = [number, number];
/** The length of a waypoint path, to the nearest unit (the floor is 2.8 across). */
function pathLength(answer: string): number {
  const points = [...answer.matchAll(/\((-?[\d.]+), (-?[\d.]+)\)/g)].map((m) => [Number(m[1]), Number(m[2])] as Point);
  const length = points.slice(1).reduce((sum, p, i) => sum + Math.hypot(p[0] - points[i][0], p[1] - points[i][1]), 0);
  return Math.round(length);
}
const tenths = (value: number) => Math.round(value * 10) / 10;
type Rooms = { x0: number; x1: number; y0: number; y1: number }[];
const PATH_MISSIONS = 'benchmark/run_path_plan_continuous_baseline_methods.py (14 layouts × 10 instructions)';
const BOXLIFT_RUN =
  'dataset_gather/BoxLift_dataset, BoxLift0–4 of each size (benchmark/run_BoxLift_baseline_methods.py)';
const BOXNET_RUN = 'dataset_gather/BoxNet1_dataset, 1×2, 2×2 and 2×4 (benchmark/run_BoxNet1_baseline_methods.py)';

const cases: Case[] = [
  {
    id: 'symbench.string_insertion',
    where: 'dataset_gather/string_insertion',
    measure: 'string length',
    of: (m) => (m.original as string).length,
    source: { 14: 33, 15: 39, 16: 67, 17: 32, 18: 29 },
  },
  {
    id: 'symbench.string_deletion_and_modification',
    where: 'dataset_gather/string_deletion_and_modification',
    measure: 'string length',
    of: (m) => (m.start as string).length,
    source: { 10: 7, 11: 5, 12: 4, 13: 8, 14: 5, 15: 9, 16: 7, 17: 10, 18: 7, 19: 22, 20: 16 },
  },
  {
    id: 'symbench.string_deletion_and_modification',
    where: 'dataset_gather/string_deletion_and_modification',
    measure: 'rules listed',
    of: len('rule_ids'),
    source: { 6: 100 },
  },
  {
    id: 'symbench.eight_queens',
    where: 'dataset_gather/eight_queens_dataset',
    measure: 'queens given',
    of: len('given'),
    source: { 0: 45, 1: 60, 2: 34, 3: 11 },
  },
  {
    id: 'symbench.eight_queens',
    where: 'dataset_gather/eight_queens_dataset',
    measure: 'blocked cells',
    of: len('blocked'),
    source: { 0: 28, 1: 24, 2: 27, 3: 32, 4: 39 },
  },
  {
    id: 'symbench.combinatorial_calculation',
    where: 'dataset_gather/combinatorial_calculation',
    measure: 'numbers',
    of: len('numbers'),
    source: { 3: 30, 4: 30, 5: 60, 6: 30 },
  },
  {
    id: 'symbench.letter_logic_diagram',
    where: 'dataset_gather/letter_logic_diagram (7×7 grids)',
    measure: 'empty cells',
    of: (m) => (m.puzzle as string[]).filter((cell) => cell === '').length,
    source: { 15: 32, 20: 41, 25: 30, 30: 97 },
  },
  {
    id: 'symbench.new_operator',
    where: 'dataset_gather/new_operator_dataset',
    measure: 'operators defined',
    of: len('operators'),
    source: { 1: 100, 3: 100 },
  },
  {
    id: 'symbench.mahjong',
    where: 'dataset_gather/mahjong_pattern_dataset',
    measure: 'rounds',
    of: len('rounds'),
    source: { 1: 8, 2: 8, 3: 12, 4: 12, 5: 160 },
  },
  {
    id: 'symbench.reversi',
    where: 'dataset_gather/reversi_dataset',
    measure: 'board side',
    of: (m) => m.size as number,
    source: { 4: 120, 6: 80 },
  },
  {
    id: 'symbench.reversi',
    where: 'dataset_gather/reversi_dataset',
    measure: 'moves to apply',
    of: len('moves'),
    source: { 1: 40, 2: 80, 3: 80 },
  },
  {
    id: 'symbench.constrained_linear_arrangement',
    where: 'dataset_gather/constrained_linear_arrangement',
    measure: 'rounds',
    of: len('player_moves'),
    source: { 3: 24, 4: 116, 5: 60 },
  },
  {
    id: 'symbench.synthesis_decomposition',
    where: 'dataset_gather/synthesis_decomposition_dataset',
    measure: 'complexity',
    of: (m) => m.complexity as number,
    source: { 1: 10, 2: 20, 3: 30, 4: 40, 5: 100 },
  },
  ...(['A', 'B', 'C'] as const).map((block, k): Case => ({
    id: 'symbench.string_synthesis',
    where: 'dataset_gather/string_synthesis',
    measure: `starting [${block}] blocks`,
    of: (m) => (m.start as number[])[k],
    source: [
      { 1: 44, 2: 46, 3: 35, 4: 38, 5: 37 },
      { 1: 26, 2: 22, 3: 33, 4: 27, 5: 24, 6: 24, 7: 29, 8: 15 },
      { 1: 21, 2: 26, 3: 31, 4: 34, 5: 33, 6: 21, 7: 34 },
    ][k],
  })),
  {
    id: 'symbench.pattern_recognition',
    where: 'dataset_gather/pattern_recognition (the matrix in question.txt)',
    measure: 'rows',
    of: (m) => (m.matrix as string[]).length,
    source: { 6: 9, 7: 13, 8: 9, 9: 9, 10: 13, 11: 5, 12: 14, 13: 9, 14: 11, 15: 8 },
  },
  {
    id: 'symbench.pattern_recognition',
    where: 'dataset_gather/pattern_recognition (the matrix in question.txt)',
    measure: 'columns',
    of: (m) => (m.matrix as string[])[0].length,
    source: { 6: 13, 7: 9, 8: 14, 9: 9, 10: 8, 11: 9, 12: 15, 13: 7, 14: 7, 15: 9 },
  },
  {
    id: 'symbench.statistical_counting',
    where: 'dataset_gather/statistical_counting_dataset',
    measure: 'string length',
    of: (m) => (m.sequence as string).length,
    source: { 5: 2, 10: 4, 15: 4, 20: 10, 25: 20, 35: 20, 45: 20, 55: 20, 65: 100 },
  },
  {
    id: 'symbench.statistical_counting',
    where: 'dataset_gather/statistical_counting_dataset',
    measure: 'scored letters',
    of: (m) => m.num_letters as number,
    source: { 2: 2, 3: 84, 4: 24, 5: 30, 6: 40, 7: 20 },
  },
  {
    id: 'symbench.number_multiply',
    where: 'benchmark/run_number_multiply_baseline_methods.py (20 of each pattern)',
    measure: 'digits of each factor, written together',
    of: (m) => Number((m.numbers as number[]).map((n) => String(Math.abs(n)).length).join('')),
    source: { 124: 20, 134: 20, 1224: 20 },
  },
  {
    id: 'symbench.blocksworld',
    where: 'dataset_gather/Blocksworld_dataset (5 of each blocks_stacks_goal)',
    measure: 'blocks',
    of: (m) => (m.initial as string[]).join('').length,
    source: { 2: 40, 3: 40, 4: 40 },
  },
  {
    id: 'symbench.blocksworld',
    where: 'dataset_gather/Blocksworld_dataset',
    measure: 'stacks',
    of: len('initial'),
    source: { 3: 30, 4: 45, 5: 45 },
  },
  {
    id: 'symbench.letters',
    where: 'benchmark/run_letters_baseline_methods.py (lengths 10–15, 15–20, 20–25)',
    measure: 'word length',
    of: (m) => (m.word as string).length,
    source: Object.fromEntries(Array.from({ length: 16 }, (_, k) => [10 + k, 1])),
  },
  {
    id: 'symbench.matrix_transformation',
    where: 'dataset_gather/matrix_transformation_dataset',
    measure: 'rows·10 + columns',
    of: (m) => (m.matrix as string[][]).length * 10 + (m.matrix as string[][])[0].length,
    source: { 22: 40, 23: 40, 33: 40, 34: 40, 44: 40 },
  },
  {
    id: 'symbench.pooling',
    where: 'dataset_gather/pooling_dataset',
    measure: 'matrix side·10 + window side',
    of: (m) => (m.matrix as number[][]).length * 10 + (m.window_size as number),
    source: { 32: 36, 42: 72, 53: 64, 63: 28 },
  },
  {
    id: 'symbench.light_puzzles',
    where: 'dataset_gather/light_puzzles_dataset',
    measure: 'grid side',
    of: len('initial'),
    source: { 2: 14, 3: 14, 4: 22, 5: 150 },
  },
  {
    id: 'symbench.light_puzzles',
    where: 'dataset_gather/light_puzzles_dataset',
    measure: 'buttons',
    of: (m) => Object.keys(m.buttons as object).length,
    source: { 1: 14, 2: 28, 3: 158 },
  },
  {
    id: 'symbench.light_puzzles',
    where: 'dataset_gather/light_puzzles_dataset',
    measure: 'presses',
    of: len('operations'),
    source: { 1: 14, 2: 14, 3: 22, 4: 150 },
  },
  {
    id: 'symbench.2048',
    where: 'dataset_gather/2048_dataset',
    measure: 'grid side',
    of: len('grid'),
    source: { 2: 40, 3: 40, 4: 40, 5: 80 },
  },
  {
    id: 'symbench.2048',
    where: 'dataset_gather/2048_dataset',
    measure: 'moves',
    of: (m) => (m.moves as string).length,
    source: { 2: 40, 3: 40, 4: 40, 5: 40, 6: 40 },
  },
  {
    id: 'symbench.standard_sudoku',
    where: 'dataset_gather/standard_sudoku',
    measure: 'empty cells',
    of: (m) => (m.puzzle as number[]).filter((d) => d === 0).length,
    source: { 51: 29, 52: 31, 53: 24, 54: 17, 55: 19 },
  },
  {
    id: 'symbench.game24',
    where: 'dataset_gather/game24_dataset/24/24.csv (all 1362 solvable sets; the benchmark asks every 30th)',
    measure: 'distinct numbers',
    of: (m) => new Set(m.numbers as number[]).size,
    source: { 1: 5, 2: 131, 3: 619, 4: 607 },
  },
  {
    id: 'symbench.game24',
    where: 'dataset_gather/game24_dataset/24/24.csv (all 1362 solvable sets)',
    measure: 'pairs that can be combined first and still reach 24 (search)',
    of: (m) => openings(m.numbers as number[], m.target as number),
    source: { 1: 103, 2: 221, 3: 115, 4: 256, 5: 182, 6: 485 },
  },
  {
    id: 'symbench.path_plan',
    where: PATH_MISSIONS,
    measure: 'rooms',
    of: len('rooms'),
    source: { 7: 140 },
  },
  {
    id: 'symbench.path_plan',
    where: PATH_MISSIONS,
    measure: 'rooms to enter',
    of: len('visit'),
    source: { 1: 14, 2: 56, 3: 42, 4: 28 },
  },
  {
    id: 'symbench.path_plan',
    where: PATH_MISSIONS,
    measure: 'rooms entered in a given order',
    of: (m) => Number(m.ordered),
    source: { 0: 42, 1: 98 },
  },
  {
    id: 'symbench.path_plan',
    where: PATH_MISSIONS,
    measure: 'rooms to avoid',
    of: len('avoid'),
    source: { 0: 42, 1: 56, 3: 14, 4: 14, 6: 14 },
    spread: 'range',
  },
  {
    id: 'symbench.path_plan',
    where: `${PATH_MISSIONS}, one count per layout`,
    measure: 'start to end distance',
    of: (m) =>
      tenths(Math.hypot((m.end as Point)[0] - (m.start as Point)[0], (m.end as Point)[1] - (m.start as Point)[1])),
    source: { 1.4: 1, 2.1: 1, 2.4: 1, 2.6: 4, 3.4: 1, 3.7: 3, 3.8: 3 },
    spread: 'range',
  },
  {
    id: 'symbench.path_plan',
    where: `${PATH_MISSIONS}, one count per layout`,
    measure: 'floor covered by rooms',
    of: (m) => tenths((m.rooms as Rooms).reduce((sum, r) => sum + (r.x1 - r.x0) * (r.y1 - r.y0), 0)),
    source: { 2.2: 1, 2.5: 1, 3.0: 3, 3.3: 1, 3.8: 1, 4.1: 2, 4.4: 5 },
    spread: 'range',
  },
  {
    id: 'symbench.path_plan',
    where: `${PATH_MISSIONS}, planned by path-geometry.ts (it finds no path for 2)`,
    measure: 'planned path length',
    of: (_, answer) => pathLength(answer),
    source: { 2: 1, 3: 1, 4: 21, 5: 17, 6: 24, 7: 26, 8: 24, 9: 13, 10: 5, 11: 1, 12: 3, 13: 2 },
    spread: 'range',
  },
  {
    id: 'symbench.boxlift',
    where: BOXLIFT_RUN,
    measure: 'boxes',
    of: len('boxes'),
    source: { 10: 5, 15: 5, 20: 5, 25: 5 },
  },
  {
    id: 'symbench.boxlift',
    where: BOXLIFT_RUN,
    measure: 'lifters',
    of: len('lifters'),
    source: { 3: 5, 4: 5, 5: 5, 6: 5 },
  },
  {
    id: 'symbench.boxlift',
    where: `${BOXLIFT_RUN}, by CodeSteer's estimate_steps`,
    measure: 'steps of the greedy plan (the step budget)',
    of: (m) => m.max_steps as number,
    source: { 4: 1, 5: 3, 7: 2, 8: 3, 9: 5, 10: 1, 11: 1, 12: 1, 13: 3 },
    spread: 'range',
  },
  {
    id: 'symbench.boxnet',
    where: BOXNET_RUN,
    measure: 'squares',
    of: (m) => (m.grid as string[][][]).flat().length,
    source: { 2: 10, 4: 10, 8: 10 },
  },
  {
    id: 'symbench.boxnet',
    where: BOXNET_RUN,
    measure: 'blue boxes (every color is drawn alike)',
    of: (m) => (m.grid as string[][][]).flat(2).filter((item) => item === 'box_blue').length,
    source: { 1: 12, 2: 9, 3: 9 },
  },
  {
    id: 'symbench.boxnet',
    where: `${BOXNET_RUN}, planned by boxnet.ts's greedy`,
    measure: 'steps of the greedy plan',
    of: (_, answer) => (JSON.parse(answer) as unknown[]).length,
    source: { 4: 1, 6: 4, 7: 10, 8: 8, 9: 3, 10: 2, 11: 2 },
    spread: 'range',
  },
  {
    id: 'symbench.logical_equation',
    where: 'dataset_gather/logical_equation (10 sizes × 15)',
    measure: 'letters',
    of: len('values'),
    source: { 9: 30, 11: 30, 13: 45, 15: 45 },
  },
  {
    id: 'symbench.logical_equation',
    where: 'dataset_gather/logical_equation (10 sizes × 15)',
    measure: 'constraints',
    of: len('constraints'),
    source: { 7: 15, 8: 15, 10: 30, 11: 30, 12: 30, 13: 15, 14: 15 },
  },
  {
    id: 'symbench.logic_puzzle',
    where: 'dataset_gather/logic_puzzle_dataset',
    measure: 'grid side',
    of: len('grid'),
    source: { 2: 16, 3: 16, 4: 16, 5: 32, 6: 16, 7: 26, 8: 26, 9: 26, 10: 26 },
  },
  {
    id: 'symbench.logic_puzzle',
    where: 'dataset_gather/logic_puzzle_dataset',
    measure: 'cells to select',
    of: (m) => m.select as number,
    source: { 3: 16, 4: 16, 6: 16, 9: 16, 10: 16, 12: 16, 16: 26, 18: 26, 20: 26, 25: 26 },
  },
  {
    id: 'symbench.cryptanalysis',
    where: 'dataset_gather/cryptanalysis',
    measure: 'guesses shown (added until one code fits)',
    of: len('guesses'),
    source: {
      2: 1,
      3: 4,
      4: 18,
      5: 14,
      6: 11,
      7: 14,
      8: 3,
      9: 6,
      10: 10,
      11: 4,
      12: 3,
      13: 3,
      14: 3,
      15: 2,
      16: 3,
      17: 1,
    },
    spread: 'range',
  },
  {
    id: 'symbench.string_splitting',
    where: 'dataset_gather/string_splitting',
    measure: 'machines A at the start',
    of: (m) => (m.start as number[])[0],
    source: { 1: 10, 2: 30, 3: 33, 4: 41, 5: 23, 6: 23, 7: 19, 8: 8, 9: 6, 10: 7 },
  },
  {
    id: 'symbench.permutations_and_combinations',
    where: 'dataset_gather/permutations_and_combinations',
    measure: 'books',
    of: len('items'),
    source: { 6: 50, 7: 50, 8: 50, 9: 50 },
  },
  {
    id: 'symbench.permutations_and_combinations',
    where: 'dataset_gather/permutations_and_combinations',
    measure: 'constraints',
    of: len('constraints'),
    source: { 7: 32, 8: 42, 9: 60, 10: 50, 11: 16 },
  },
];

const mean = (counts: Record<number, number>): number => {
  const entries = Object.entries(counts).map(([v, n]) => [Number(v), n]);
  return entries.reduce((s, [v, n]) => s + v * n, 0) / entries.reduce((s, [, n]) => s + n, 0);
};

// Each task's 200 instances, generated once for all of its measures.
const drawn = new Map<string, TaskInstance[]>();
function instancesOf(id: string): TaskInstance[] {
  if (!drawn.has(id)) {
    const task = getTask(id),
      options = task.resolveOptions();
    drawn.set(
      id,
      Array.from({ length: 200 }, (_, i) => task.generate(options, 2026, i)),
    );
  }
  return drawn.get(id)!;
}

describe("SymBench default difficulty matches CodeSteer's puzzles", () => {
  // Values outside CodeSteer's make a task another task; the mean within 10% keeps the mix of easy
  // and hard puzzles (200 draws: the noise is a few percent).
  it.each(cases)('$id: $measure ($where)', ({ id, of, source, spread = 'values' }) => {
    const ours: Record<number, number> = {};
    for (const instance of instancesOf(id)) {
      const value = of(instance.metadata as Record<string, unknown>, instance.answer);
      ours[value] = (ours[value] ?? 0) + 1;
    }
    const allowed = Object.keys(source).map(Number);
    const outside = Object.keys(ours)
      .map(Number)
      .filter((v) =>
        spread === 'values' ? !allowed.includes(v) : v < Math.min(...allowed) || v > Math.max(...allowed),
      );
    if (spread === 'values') expect(outside).toEqual([]);
    else {
      const n = Object.values(source).reduce((sum, k) => sum + k, 0);
      expect(outside.reduce((sum, v) => sum + ours[v], 0) / 200).toBeLessThanOrEqual((2 * 2) / (n + 1));
    }
    expect(Math.abs(mean(ours) - mean(source)) / mean(source)).toBeLessThanOrEqual(0.1);
  });
});
