// Reasoning-Gym default difficulty measured, not read from options: clues left, shortest solutions,
// completions, clue counts, over 200 or more generated puzzles against the same measures of the source's own.
import { describe, expect, it } from 'vitest';
import { getTask } from '../registry.js';

// The source numbers were counted over Reasoning-Gym's generators at open-thought/reasoning-gym 49b0713
// (file named in each case) with their default config, items 0–199 of seed 42, unless a case says
// otherwise. For zebra_puzzles a pure-Python SAT solver stood in for pycosat (it only decides whether a
// clue set leaves one solution). Our measures come from our own solvers (BFS distances, the knight-swap
// search) or from counting the puzzle.
type Metadata = Record<string, unknown>;
type Case = {
  id: string;
  where: string;
  measure: string;
  /** The measure of one of our instances; null leaves the instance out (unsolvable puzzles for moves). */
  of: (metadata: Metadata, answer: string) => number | null;
  /** How many of the source's puzzles have each value. */
  source: Record<number, number>;
  /**
   * 'values': the source takes only these values, so ours may too. 'range' (the default): the source's
   * smallest..largest value in its sample; ours may fall outside only twice as often as one more of its draws
   * would, 2/(n+1) for n puzzles.
   */
  spread?: 'values' | 'range';
  /** Our draws (200 unless the measure has a long tail). */
  draws?: number;
};

const cells = (metadata: Metadata) => (metadata.puzzle as unknown[][]).flat();
const emptyCells = (metadata: Metadata) => cells(metadata).filter((v) => v === 0).length;

/** How many ways the queens on the board complete to n non-attacking queens. */
function completions(board: string[][]): number {
  const n = board.length;
  const columns = new Set<number>(),
    diagonals = new Set<number>(),
    antiDiagonals = new Set<number>(),
    fixedRows = new Set<number>();
  board.forEach((row, r) =>
    row.forEach((cell, c) => {
      if (cell !== 'Q') return;
      columns.add(c);
      diagonals.add(r - c);
      antiDiagonals.add(r + c);
      fixedRows.add(r);
    }),
  );
  const place = (r: number): number => {
    if (r === n) return 1;
    if (fixedRows.has(r)) return place(r + 1);
    let count = 0;
    for (let c = 0; c < n; c++) {
      if (columns.has(c) || diagonals.has(r - c) || antiDiagonals.has(r + c)) continue;
      columns.add(c);
      diagonals.add(r - c);
      antiDiagonals.add(r + c);
      count += place(r + 1);
      columns.delete(c);
      diagonals.delete(r - c);
      antiDiagonals.delete(r + c);
    }
    return count;
  };
  return place(0);
}

const cases: Case[] = [
  {
    id: 'rg.games.sudoku',
    where: 'reasoning_gym/games/sudoku.py',
    measure: 'empty cells',
    of: emptyCells,
    source: {
      ...{ 30: 7, 31: 14, 32: 10, 33: 5, 34: 13, 35: 13, 36: 10, 37: 5, 38: 6, 39: 6, 40: 11 },
      ...{ 41: 12, 42: 12, 43: 8, 44: 10, 45: 10, 46: 9, 47: 8, 48: 9, 49: 13, 50: 9 },
    },
  },
  {
    id: 'rg.games.mini_sudoku',
    where: 'reasoning_gym/games/mini_sudoku.py, items 0–299',
    measure: 'empty cells (fewer than drawn when uniqueness forbids more)',
    of: emptyCells,
    source: { 8: 64, 9: 55, 10: 61, 11: 74, 12: 46 },
    spread: 'values',
  },
  {
    id: 'rg.games.futoshiki',
    where: 'reasoning_gym/games/futoshiki.py',
    measure: 'board side',
    of: (m) => m.board_size as number,
    source: { 4: 41, 5: 31, 6: 34, 7: 34, 8: 38, 9: 22 },
    spread: 'values',
  },
  {
    id: 'rg.games.futoshiki',
    where: 'reasoning_gym/games/futoshiki.py',
    measure: 'inequality signs',
    of: (m) => (m.constraints as unknown[]).length,
    source: {
      ...{ 0: 15, 1: 12, 2: 20, 3: 17, 4: 10, 5: 13, 6: 12, 7: 4, 8: 11, 9: 5, 10: 12, 11: 6, 12: 5, 13: 6 },
      ...{ 14: 7, 15: 7, 16: 4, 17: 3, 18: 3, 19: 4, 20: 3, 21: 2, 22: 1, 23: 3, 24: 4, 25: 2, 26: 2 },
      ...{ 30: 2, 32: 1, 35: 1, 36: 1, 37: 1, 39: 1 },
    },
  },
  {
    id: 'rg.games.futoshiki',
    where: 'reasoning_gym/games/futoshiki.py',
    measure: 'cells given, % of the board to the nearest 5',
    of: (m) => 5 * Math.round((20 * cells(m).filter((v) => v !== 0).length) / cells(m).length),
    source: { 10: 6, 15: 2, 20: 11, 25: 19, 30: 58, 35: 42, 40: 56, 45: 6 },
  },
  {
    id: 'rg.games.knight_swap',
    where: 'reasoning_gym/games/knight_swap.py',
    measure: 'solvable',
    of: (m) => Number((m.optimal_moves as number) >= 0),
    source: { 0: 44, 1: 156 },
    spread: 'values',
  },
  {
    id: 'rg.games.knight_swap',
    where: 'reasoning_gym/games/knight_swap.py (its breadth-first solution)',
    measure: 'moves of the shortest swap, solvable puzzles',
    of: (m) => ((m.optimal_moves as number) >= 0 ? (m.optimal_moves as number) : null),
    source: { 6: 6, 8: 9, 10: 3, 12: 20, 14: 18, 16: 23, 18: 31, 20: 46 },
  },
  {
    id: 'rg.games.knight_swap',
    where: 'reasoning_gym/games/knight_swap.py',
    measure: 'squares',
    of: (m) => (m.squares as string[]).length,
    source: { 6: 10, 7: 32, 8: 69, 9: 89 },
    spread: 'values',
  },
  {
    id: 'rg.games.tsumego',
    where: 'reasoning_gym/games/tsumego.py',
    measure: 'board side',
    of: (m) => m.board_size as number,
    source: { 9: 44, 10: 39, 11: 38, 12: 38, 13: 41 },
    spread: 'values',
  },
  {
    id: 'rg.games.tsumego',
    where: 'reasoning_gym/games/tsumego.py',
    measure: 'stones on the board',
    of: (m) => (m.board as string[][]).flat().filter((c) => c === 'X' || c === 'O').length,
    source: { 18: 3, 19: 17, 20: 44, 21: 58, 22: 77, 29: 1 },
  },
  {
    id: 'rg.games.n_queens',
    where: 'reasoning_gym/games/n_queens.py',
    measure: 'queens removed',
    of: (m) => 8 - (m.puzzle as string[][]).flat().filter((c) => c === 'Q').length,
    source: { 1: 30, 2: 33, 3: 21, 4: 30, 5: 28, 6: 30, 7: 28 },
    spread: 'values',
  },
  {
    // Exact: every one of the 92 solutions, 1–7 queens removed, every choice of rows, weighted as
    // n_queens.py draws them (its valid_answers are these completions), per 10,000 puzzles.
    id: 'rg.games.n_queens',
    where: 'reasoning_gym/games/n_queens.py, its whole distribution',
    measure: 'completions of the board',
    of: (m) => completions(m.puzzle as string[][]),
    source: { 1: 6506, 2: 1022, 3: 544, 4: 284, 5: 78, 6: 133, 7: 31, 8: 346, 12: 186, 14: 217, 16: 373, 18: 280 },
    spread: 'values',
    draws: 2000,
  },
  {
    id: 'rg.games.maze',
    where: 'reasoning_gym/games/maze.py',
    measure: 'shortest path',
    of: (_, answer) => Number(answer),
    source: { 5: 66, 6: 48, 7: 33, 8: 24, 9: 17, 10: 12 },
    spread: 'values',
  },
  {
    id: 'rg.games.maze',
    where: 'reasoning_gym/games/maze.py',
    measure: 'grid side',
    of: (m) => (m.grid as string[]).length,
    source: { 6: 12, 7: 32, 8: 53, 9: 58, 10: 45 },
  },
  {
    id: 'rg.logic.zebra_puzzles',
    where: 'reasoning_gym/logic/zebra_puzzles.py (clues in the question)',
    measure: 'clues',
    of: (m) => (m.clues as unknown[]).length,
    source: { 8: 10, 9: 101, 10: 70, 11: 19 },
  },
  {
    id: 'rg.algorithmic.jugs',
    where: 'reasoning_gym/algorithmic/jugs.py, items 0–999',
    measure: 'moves of the shortest solution',
    of: (_, answer) => (JSON.parse(answer) as unknown[]).length,
    source: {
      10: 230,
      11: 155,
      12: 121,
      13: 103,
      14: 116,
      15: 81,
      16: 57,
      17: 34,
      18: 37,
      19: 19,
      20: 29,
      21: 8,
      22: 10,
    },
    draws: 1000,
  },
  {
    id: 'rg.algorithmic.rotten_oranges',
    where: 'reasoning_gym/algorithmic/rotten_oranges.py, items 0–999',
    measure: 'every orange rots',
    of: (_, answer) => Number(answer !== '-1'),
    source: { 0: 357, 1: 643 },
    spread: 'values',
    draws: 1000,
  },
  {
    id: 'rg.algorithmic.rotten_oranges',
    where: 'reasoning_gym/algorithmic/rotten_oranges.py, items 0–999',
    measure: 'minutes until every orange rots, when they all do',
    of: (_, answer) => (answer === '-1' ? null : Number(answer)),
    source: { 4: 11, 5: 57, 6: 150, 7: 164, 8: 128, 9: 69, 10: 28, 11: 16, 12: 13, 13: 4, 14: 3 },
    draws: 1000,
  },
  {
    id: 'rg.algorithmic.binary_alternation',
    where: 'reasoning_gym/algorithmic/binary_alternation.py, items 0–999',
    measure: 'solvable',
    of: (_, answer) => Number(answer !== '-1'),
    source: { 0: 194, 1: 806 },
    spread: 'values',
    draws: 1000,
  },
  {
    id: 'rg.algorithmic.binary_alternation',
    where: 'reasoning_gym/algorithmic/binary_alternation.py, items 0–999',
    measure: 'fewest swaps, solvable strings',
    of: (_, answer) => (answer === '-1' ? null : Number(answer)),
    source: { 0: 1, 1: 14, 2: 102, 3: 137, 4: 174, 5: 127, 6: 138, 7: 75, 8: 24, 9: 12, 10: 2 },
    draws: 1000,
  },
  {
    id: 'rg.graphs.shortest_path',
    where: 'reasoning_gym/graphs/shortest_path.py, items 0–999',
    measure: 'the goal can be reached',
    of: (_, answer) => Number(answer !== 'infeasible'),
    source: { 0: 386, 1: 614 },
    spread: 'values',
    draws: 1000,
  },
  {
    id: 'rg.graphs.shortest_path',
    where: 'reasoning_gym/graphs/shortest_path.py, items 0–999',
    measure: 'steps of the shortest path, reachable goals',
    of: (_, answer) => (answer === 'infeasible' ? null : answer.trim().split(/\s+/).length),
    source: {
      ...{ 1: 93, 2: 108, 3: 92, 4: 83, 5: 67, 6: 52, 7: 42, 8: 27, 9: 17, 10: 10, 11: 7, 12: 4, 13: 5 },
      ...{ 14: 1, 15: 3, 16: 3 },
    },
    draws: 1000,
  },
  {
    id: 'rg.graphs.quantum_lock',
    where: 'reasoning_gym/graphs/quantum_lock.py (its breadth-first solution_path), items 0–999',
    measure: 'presses of the shortest sequence',
    of: (_, answer) => answer.split('→').length,
    source: { 3: 53, 4: 176, 5: 209, 6: 177, 7: 105, 8: 95, 9: 43, 10: 35, 11: 31, 12: 24, 13: 20, 14: 19, 15: 13 },
    draws: 1000,
  },
  {
    id: 'rg.graphs.course_schedule',
    where: 'reasoning_gym/graphs/course_schedule.py, items 0–999',
    measure: 'every course can be finished',
    of: (_, answer) => Number(answer === 'True'),
    source: { 0: 492, 1: 508 },
    spread: 'values',
    draws: 1000,
  },
  {
    id: 'rg.graphs.largest_island',
    where: 'reasoning_gym/graphs/largest_island.py, items 0–2999 (the area has a long tail)',
    measure: 'area of the largest island',
    of: (_, answer) => Number(answer),
    source: {
      ...{ 0: 531, 1: 63, 2: 86, 3: 83, 4: 93, 5: 119, 6: 131, 7: 160, 8: 182, 9: 217, 10: 184, 11: 94, 12: 112 },
      ...{ 13: 88, 14: 89, 15: 102, 16: 93, 17: 74, 18: 68, 19: 61, 20: 42, 21: 44, 22: 46, 23: 41, 24: 40 },
      ...{ 25: 24, 26: 29, 27: 24, 28: 17, 29: 7, 30: 20, 31: 7, 32: 10, 33: 5, 34: 2, 35: 5, 36: 2, 37: 2, 39: 3 },
    },
    draws: 2000,
  },
];

const mean = (counts: Record<number, number>): number => {
  const entries = Object.entries(counts).map(([v, n]) => [Number(v), n]);
  return entries.reduce((s, [v, n]) => s + v * n, 0) / entries.reduce((s, [, n]) => s + n, 0);
};

describe("Reasoning-Gym default difficulty matches the source's puzzles", () => {
  // The mean within 10% keeps the mix of easy and hard puzzles; the spread rule keeps the extremes.
  it.each(cases)('$id: $measure ($where)', ({ id, of, source, spread = 'range', draws = 200 }) => {
    const task = getTask(id),
      options = task.resolveOptions();
    const ours: Record<number, number> = {};
    let measured = 0;
    for (let i = 0; i < draws; i++) {
      const instance = task.generate(options, 2026, i);
      const value = of(instance.metadata as Metadata, instance.answer);
      if (value === null) continue;
      ours[value] = (ours[value] ?? 0) + 1;
      measured++;
    }
    const allowed = Object.keys(source).map(Number);
    const low = Math.min(...allowed),
      high = Math.max(...allowed);
    const outside = Object.keys(ours)
      .map(Number)
      .filter((v) => (spread === 'values' ? !allowed.includes(v) : v < low || v > high));
    if (spread === 'values') expect(outside).toEqual([]);
    else {
      const n = Object.values(source).reduce((sum, k) => sum + k, 0);
      expect(outside.reduce((sum, v) => sum + ours[v], 0) / measured).toBeLessThanOrEqual((2 * 2) / (n + 1));
    }
    expect(Math.abs(mean(ours) - mean(source)) / mean(source)).toBeLessThanOrEqual(0.1);
  });
});
