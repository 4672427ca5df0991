// The universal registry test: every implemented task, many seeds; plus the catalogue and split.
import { describe, expect, it } from 'vitest';
import { ALL_TASKS, CATALOGUE, drawTestSplit, getTask, listTasks } from '../../src/tasks/index.js';
import { ConfigError } from '../../src/core/index.js';
import { checkUniversal, countDistinctPrompts, dataMissing, sampleInstances } from '../helpers/task-checks.js';

describe('every registered task', () => {
  for (const task of ALL_TASKS) {
    it.skipIf(dataMissing(task))(`${task.id}: gold correct, junk wrong, deterministic, JSON, ≥200 distinct`, () => {
      checkUniversal(task, sampleInstances(task, [0, 1, 7, 123456], 15));
      // A fixed dataset can be smaller than 200 (BBH snarks, penguins, causal_judgement) and repeat
      // an input or two; it must then keep nearly all of its examples distinct.
      const needed = task.dataset ? Math.min(200, Math.floor(task.dataset.size() * 0.98)) : 200;
      expect(countDistinctPrompts(task, 400)).toBeGreaterThanOrEqual(needed);
    });
  }
});

describe('catalogue and split', () => {
  it('lists the paper 144: 33 SymBench, 27 BBH, 84 Reasoning-Gym, split 107/37', () => {
    const paper = listTasks({ paperOnly: true });
    expect(paper.length).toBe(144);
    expect(paper.filter((e) => e.source === 'symbench').length).toBe(33);
    expect(paper.filter((e) => e.source === 'bbh').length).toBe(27);
    expect(paper.filter((e) => e.source === 'rg').length).toBe(84);
    expect(paper.filter((e) => e.split === 'test').length).toBe(37);
    expect(paper.filter((e) => e.split === 'train').length).toBe(107);
    const testBySource = Object.fromEntries(
      ['symbench', 'bbh', 'rg'].map((s) => [s, paper.filter((e) => e.source === s && e.split === 'test').length]),
    );
    expect(testBySource).toEqual({ symbench: 8, bbh: 7, rg: 22 });
    expect(new Set(CATALOGUE.map((e) => e.id)).size).toBe(CATALOGUE.length);
  });

  it('the split is the fixed seeded draw', () => {
    expect(drawTestSplit()).toEqual(
      listTasks({ split: 'test' })
        .map((e) => e.id)
        .sort(),
    );
    expect(drawTestSplit()).toMatchInlineSnapshot(`
      [
        "bbh.formal_fallacies",
        "bbh.logical_deduction_seven_objects",
        "bbh.penguins_in_a_table",
        "bbh.snarks",
        "bbh.sports_understanding",
        "bbh.tracking_shuffled_objects_seven_objects",
        "bbh.tracking_shuffled_objects_three_objects",
        "rg.algorithmic.binary_alternation",
        "rg.algorithmic.caesar_cipher",
        "rg.algorithmic.count_primes",
        "rg.algorithmic.jugs",
        "rg.algorithmic.number_filtering",
        "rg.algorithmic.palindrome_generation",
        "rg.algorithmic.rotten_oranges",
        "rg.algorithmic.sentence_reordering",
        "rg.arc.arc_1d",
        "rg.arithmetic.fraction_simplification",
        "rg.arithmetic.leg_counting",
        "rg.arithmetic.time_intervals",
        "rg.cognition.color_cube_rotation",
        "rg.cognition.number_sequence",
        "rg.cognition.rectangle_count",
        "rg.games.mini_sudoku",
        "rg.games.tsumego",
        "rg.geometry.advanced_geometry",
        "rg.graphs.shortest_path",
        "rg.logic.aiw",
        "rg.logic.knights_knaves",
        "rg.logic.syllogism",
        "symbench.constrained_linear_arrangement",
        "symbench.gsm_hard",
        "symbench.light_puzzles",
        "symbench.matrix_transformation",
        "symbench.path_plan",
        "symbench.permutations_and_combinations",
        "symbench.standard_sudoku",
        "symbench.string_synthesis",
      ]
    `);
  });

  it('generated variants are train-only', () => {
    expect(listTasks({ source: 'bbh-gen' }).every((e) => e.split === 'train' && !e.paperTask)).toBe(true);
  });

  it('an unknown id names the closest ids; bad options name the allowed range', () => {
    expect(() => getTask('symbench.number_multiplx')).toThrow(/did you mean symbench\.number_multiply/);
    const task = getTask('symbench.number_multiply');
    expect(() => task.resolveOptions({ count: 99 })).toThrow(ConfigError);
    expect(() => task.resolveOptions({ count: 99 })).toThrow(/allowed: an integer from 2 to 8/);
    expect(() => task.resolveOptions({ bogus: 1 })).toThrow(/unknown option.*options are: count/);
  });
});
