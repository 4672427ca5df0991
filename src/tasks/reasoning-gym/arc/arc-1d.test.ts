// arc_1d: each family's rule against small rows worked by hand from the source's generators
// (reasoning_gym/arc/arc_1d_tasks.py), the variant table against the source's, and the ambiguity check.
import { describe, expect, it } from 'vitest';
import { createRng } from '../../../core/index.js';
import { HYPOTHESES, VARIANTS, findSecondRule } from './arc-1d-families.js';
import { arc1d } from './arc-1d.js';

type Row = number[];
const rule = (name: string) => {
  const variant = VARIANTS.find((v) => v.name === name);
  if (!variant) throw new Error(`no variant ${name}`);
  return variant.rule;
};

/** [variant, input, output], the output worked out by hand from what the source's generator writes. */
const HAND_WORKED: [string, Row, Row][] = [
  ['move_2pix_solid_right', [0, 3, 3, 0, 0, 0, 0, 0, 0, 0], [0, 0, 0, 3, 3, 0, 0, 0, 0, 0]],
  ['move_1pix_colorful_left', [0, 0, 4, 5, 6, 0, 0, 0, 0, 0], [0, 4, 5, 6, 0, 0, 0, 0, 0, 0]],
  ['move_2pix_colorful_wrapped_right', [0, 0, 0, 0, 0, 0, 0, 0, 7, 8], [7, 8, 0, 0, 0, 0, 0, 0, 0, 0]],
  ['move_1pix_solid_wrapped_left', [2, 2, 0, 0, 0, 0, 0, 0, 0, 0], [2, 0, 0, 0, 0, 0, 0, 0, 0, 2]],
  // The source's "right" gravity families pack towards the start of the row; "left" ones are their mirror.
  ['gravity_right', [0, 3, 0, 5, 0, 0, 1, 0, 0, 0], [3, 5, 1, 0, 0, 0, 0, 0, 0, 0]],
  ['gravity_left', [0, 3, 0, 5, 0, 0, 1, 0, 0, 0], [0, 0, 0, 0, 0, 0, 0, 3, 5, 1]],
  ['gravity_counting_right', [0, 3, 0, 5, 0, 0, 1, 0, 0, 0], [1, 1, 1, 0, 0, 0, 0, 0, 0, 0]],
  ['gravity_counting_left', [0, 3, 0, 5, 0, 0, 1, 0, 0, 0], [0, 0, 0, 0, 0, 0, 0, 1, 1, 1]],
  ['gravity_antigravity_right', [1, 0, 2, 0, 1, 2, 0, 0, 0, 2], [2, 2, 2, 0, 0, 0, 0, 0, 1, 1]],
  ['gravity_antigravity_left', [1, 0, 2, 0, 1, 2, 0, 0, 0, 2], [1, 1, 0, 0, 0, 0, 0, 2, 2, 2]],
  ['gravity_one_step_right', [0, 4, 4, 0, 5, 0, 0, 6, 7, 0], [4, 4, 0, 5, 0, 0, 6, 7, 0, 0]],
  ['gravity_one_step_left', [0, 4, 4, 0, 5, 0, 0, 6, 7, 0], [0, 0, 4, 4, 0, 5, 0, 0, 6, 7]],
  ['gravity_weighted_colors_right', [1, 0, 2, 0, 1, 2, 0, 0, 0, 2], [2, 2, 2, 1, 1, 0, 0, 0, 0, 0]],
  ['gravity_weighted_colors_left', [1, 0, 2, 0, 1, 2, 0, 0, 0, 2], [0, 0, 0, 0, 0, 1, 1, 2, 2, 2]],
  ['block_touch_dot', [0, 4, 4, 0, 0, 0, 1, 0, 0, 0], [0, 0, 0, 0, 4, 4, 1, 0, 0, 0]],
  ['block_touch_dot', [0, 1, 0, 0, 0, 6, 6, 6, 0, 0], [0, 1, 6, 6, 6, 0, 0, 0, 0, 0]],
  ['block_touch_dot_2pix', [3, 3, 0, 0, 0, 0, 0, 2, 0, 0], [0, 0, 3, 3, 0, 0, 0, 2, 0, 0]],
  ['block_touch_dot_3pix', [0, 0, 0, 0, 0, 3, 0, 2, 0, 0], [0, 0, 0, 0, 0, 0, 3, 2, 0, 0]],
  ['block_scale_to_dot', [0, 5, 5, 0, 0, 2, 0, 0, 0, 0], [0, 5, 5, 5, 5, 5, 0, 0, 0, 0]],
  ['block_scale_to_dot', [0, 0, 2, 0, 0, 0, 7, 7, 0, 0], [0, 0, 7, 7, 7, 7, 7, 7, 0, 0]],
  ['block_and_noise_remove', [4, 0, 0, 4, 4, 4, 4, 0, 0, 4], [0, 0, 0, 4, 4, 4, 4, 0, 0, 0]],
  ['block_and_noise_remove_inside', [0, 6, 6, 2, 6, 6, 6, 9, 6, 0], [0, 6, 6, 6, 6, 6, 6, 6, 6, 0]],
  ['move_block_by_own_size', [0, 6, 6, 0, 0, 0, 0, 0, 0, 0], [0, 0, 0, 6, 6, 0, 0, 0, 0, 0]],
  ['two_points_and_fill', [0, 6, 0, 0, 0, 6, 0, 0, 0, 0], [0, 6, 6, 6, 6, 6, 0, 0, 0, 0]],
  ['two_points_and_fill_inv', [0, 6, 6, 6, 6, 6, 0, 0, 0, 0], [0, 6, 0, 0, 0, 6, 0, 0, 0, 0]],
  ['copy_block_to_dots', [7, 7, 7, 0, 0, 7, 0, 0, 0, 0], [7, 7, 7, 0, 7, 7, 7, 0, 0, 0]],
  ['copy_block_to_dots_colors', [2, 2, 2, 0, 0, 5, 0, 0, 0, 8, 0, 0], [2, 2, 2, 0, 5, 5, 5, 0, 8, 8, 8, 0]],
  ['repeat_pattern_full', [1, 2, 3, 1, 2, 3, 0, 0, 0, 0], [1, 2, 3, 1, 2, 3, 1, 2, 3, 1]],
  ['reflect_block_with_border_pixel', [0, 0, 4, 3, 3, 3, 0, 0, 0, 0], [0, 0, 3, 3, 3, 4, 0, 0, 0, 0]],
  ['reflect_block_random', [0, 7, 1, 2, 3, 0, 0, 0, 0, 0], [0, 3, 2, 1, 7, 0, 0, 0, 0, 0]],
  ['reflect_block_around_dot', [0, 3, 3, 0, 2, 0, 0, 0, 0, 0], [0, 0, 0, 0, 2, 0, 3, 3, 0, 0]],
  ['paint_biggest_block', [3, 3, 0, 3, 3, 3, 0, 0, 3, 3], [3, 3, 0, 1, 1, 1, 0, 0, 3, 3]],
  ['recolor_blocks_by_size', [0, 3, 3, 0, 0, 3, 3, 3, 0, 0], [0, 2, 2, 0, 0, 1, 1, 1, 0, 0]],
  ['change_to_five', [0, 3, 0, 9, 1, 0, 0, 0, 0, 0], [0, 5, 0, 5, 5, 0, 0, 0, 0, 0]],
  ['recolor_blocks_from_palette', [4, 7, 0, 0, 5, 5, 0, 5, 5, 0], [4, 7, 0, 0, 4, 4, 0, 7, 7, 0]],
  ['color_left_half_blocks', [2, 2, 2, 0, 2, 2, 2, 2, 0, 0], [8, 2, 2, 0, 8, 8, 2, 2, 0, 0]],
  ['sort_blocks_by_size', [5, 5, 5, 0, 5, 0, 0, 5, 5, 0], [5, 0, 5, 5, 0, 5, 5, 5, 0, 0]],
  ['sort_complete_sequence', [4, 4, 0, 4, 0, 4, 4, 4, 0, 0], [4, 0, 4, 4, 0, 4, 4, 4, 0, 0]],
  ['duplicate_block_from_seeds', [0, 0, 0, 4, 0, 1, 1, 0, 6, 0, 0, 0], [4, 0, 4, 4, 0, 1, 1, 0, 6, 6, 0, 6]],
  ['fill_from_pixel', [0, 0, 0, 6, 2, 2, 2, 0, 0, 0], [6, 6, 6, 6, 2, 2, 2, 0, 0, 0]],
  ['fill_from_pixel', [0, 0, 2, 2, 2, 6, 0, 0, 0, 0], [0, 0, 2, 2, 2, 6, 6, 6, 6, 6]],
  ['fill_until_collision', [5, 0, 0, 3, 0, 0, 7, 0, 0, 0], [5, 3, 3, 3, 7, 7, 7, 0, 0, 0]],
  ['fill_until_collision', [0, 0, 4, 0, 0, 8, 0, 0, 0, 5], [0, 0, 4, 4, 4, 8, 8, 8, 8, 5]],
  ['mark_size_two_blocks', [0, 4, 4, 0, 0, 6, 0, 0, 0, 0], [3, 4, 4, 3, 0, 6, 0, 0, 0, 0]],
];

/** ARC_1D_TASKS in reasoning_gym/arc/arc_1d_tasks.py (open-thought/reasoning-gym at 49b0713), in order. */
const SOURCE_NAMES = [
  ...['', '_wrapped'].flatMap((wrap) =>
    ['right', 'left'].flatMap((side) =>
      ['solid', 'colorful'].flatMap((kind) => [1, 2, 3, 4].map((k) => `move_${k}pix_${kind}${wrap}_${side}`)),
    ),
  ),
  ...['right', 'left'].flatMap((side) =>
    ['gravity', 'gravity_counting', 'gravity_antigravity', 'gravity_one_step', 'gravity_weighted_colors'].map(
      (name) => `${name}_${side}`,
    ),
  ),
  'block_touch_dot',
  'block_touch_dot_1pix',
  'block_touch_dot_2pix',
  'block_touch_dot_3pix',
  'block_touch_dot_4pix',
  'block_scale_to_dot',
  'block_and_noise_remove',
  'block_and_noise_remove_inside',
  'move_block_by_own_size',
  'two_points_and_fill',
  'two_points_and_fill_inv',
  'copy_block_to_dots',
  'copy_block_to_dots_colors',
  'repeat_pattern_full',
  'reflect_block_with_border_pixel',
  'reflect_block_random',
  'reflect_block_around_dot',
  'paint_biggest_block',
  'recolor_blocks_by_size',
  'change_to_five',
  'recolor_blocks_from_palette',
  'color_left_half_blocks',
  'sort_blocks_by_size',
  'sort_complete_sequence',
  'duplicate_block_from_seeds',
  'fill_from_pixel',
  'fill_until_collision',
  'mark_size_two_blocks',
];

describe('rg.arc.arc_1d families', () => {
  it('has every variant of the source, in its order', () => {
    expect(SOURCE_NAMES).toHaveLength(70);
    expect(VARIANTS.map((v) => v.name)).toEqual(SOURCE_NAMES);
  });

  it.each(HAND_WORKED)('%s maps %j to the hand-worked row', (name, input, output) => {
    expect(rule(name)(input)).toEqual(output);
  });

  it('has a hand-worked example for every family', () => {
    const covered = new Set(HAND_WORKED.map(([name]) => rule(name)));
    const uncovered = VARIANTS.filter((v) => !covered.has(v.rule)).map((v) => v.name);
    // Only the distances and kinds of the move families are left: one of each direction and wrapping is worked.
    expect(
      uncovered.every((name) => /^move_\dpix_|^block_touch_dot_[14]pix$/.test(name)),
      uncovered.join(),
    ).toBe(true);
  });

  it('rules return null outside their domain instead of guessing', () => {
    expect(rule('two_points_and_fill')([0, 3, 0, 4, 0, 0, 0, 0])).toBeNull();
    expect(rule('paint_biggest_block')([3, 3, 0, 3, 3, 0, 0, 0])).toBeNull();
    expect(rule('gravity_antigravity_right')([1, 0, 3, 0, 0, 0, 0, 0])).toBeNull();
    expect(rule('reflect_block_around_dot')([0, 0, 0, 2, 0, 0, 0, 3, 3, 0])).toBeNull();
  });

  it('every variant draws rows its rule maps, at the smallest and a large size', () => {
    const rng = createRng('arc-1d-test', 1);
    for (const variant of VARIANTS) {
      for (const size of [8, 60]) {
        let mapped = 0;
        for (let i = 0; i < 40; i++) {
          const row = variant.input(rng, size);
          if (row && variant.rule(row)) mapped++;
        }
        expect(mapped, `${variant.name} at ${size} cells`).toBeGreaterThan(0);
      }
    }
  });
});

describe('rg.arc.arc_1d ambiguity check', () => {
  // seed 12, index 299 before this check: wrapping right by 1, but every example also fits a shift that
  // drops what crosses the border, which turns the test row's last 6 into nothing.
  const OLD_299: [Row, Row][] = [
    [
      [0, 4, 0, 0, 0, 0, 0, 0, 1, 0, 0, 0, 1, 2, 0, 0, 6, 7, 0, 0],
      [0, 0, 4, 0, 0, 0, 0, 0, 0, 1, 0, 0, 0, 1, 2, 0, 0, 6, 7, 0],
    ],
    [
      [0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 2, 4, 7, 2, 0, 0, 6, 0, 0],
      [0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 2, 4, 7, 2, 0, 0, 6, 0],
    ],
    [
      [8, 0, 0, 6, 0, 0, 0, 0, 0, 0, 0, 0, 1, 0, 9, 0, 0, 0, 5, 0],
      [0, 8, 0, 0, 6, 0, 0, 0, 0, 0, 0, 0, 0, 1, 0, 9, 0, 0, 0, 5],
    ],
  ];
  const OLD_299_TEST = [0, 0, 6, 7, 0, 7, 0, 0, 1, 4, 0, 0, 0, 0, 5, 0, 8, 0, 0, 6];
  const OLD_299_GOLD = [6, 0, 0, 6, 7, 0, 7, 0, 0, 1, 4, 0, 0, 0, 0, 5, 0, 8, 0, 0];

  it('would have rejected the old seed 12 index 299 puzzle: a shift by one fits and drops the last cell', () => {
    expect(findSecondRule(OLD_299, OLD_299_TEST, OLD_299_GOLD)).toBe('move_1pix_solid_right');
    expect(rule('move_1pix_solid_right')(OLD_299_TEST)).toEqual([
      0, 0, 0, 6, 7, 0, 7, 0, 0, 1, 4, 0, 0, 0, 0, 5, 0, 8, 0, 0,
    ]);
  });

  it('finds a second reading of single-cell moves, and none once an example shows a longer block', () => {
    const examples: [Row, Row][] = [
      [
        [0, 3, 0, 0, 0, 0, 0, 0],
        [0, 0, 3, 0, 0, 0, 0, 0],
      ],
      [
        [0, 0, 0, 5, 0, 0, 0, 0],
        [0, 0, 0, 0, 5, 0, 0, 0],
      ],
    ];
    const test = [0, 0, 0, 7, 7, 0, 0, 0],
      gold = [0, 0, 0, 0, 7, 7, 0, 0];
    expect(findSecondRule(examples, test, gold)).toBe('move_block_by_own_size');
    expect(
      findSecondRule(
        [
          ...examples,
          [
            [4, 4, 0, 0, 0, 0, 0, 0],
            [0, 4, 4, 0, 0, 0, 0, 0],
          ],
        ],
        test,
        gold,
      ),
    ).toBeNull();
  });

  it('tries each distinct rule once, plus identity and whole-row reversal', () => {
    expect(new Set(HYPOTHESES.map((h) => h.rule)).size).toBe(HYPOTHESES.length);
    expect(HYPOTHESES.map((h) => h.name).slice(-2)).toEqual(['identity', 'reverse the row']);
  });

  it('generated puzzles, the repro index included, admit one reading and show their variant', () => {
    const options = arc1d.resolveOptions();
    const instances = [
      arc1d.generate(options, 12, 299),
      ...Array.from({ length: 300 }, (_, i) => arc1d.generate(options, 4, i)),
    ];
    for (const instance of instances) {
      const examples = instance.metadata.examples as [Row, Row][],
        test = instance.metadata.test_input as Row;
      const gold = instance.answer.split(' ').map(Number),
        variant = rule(instance.metadata.task_name as string);
      expect(examples.every(([input, output]) => JSON.stringify(variant(input)) === JSON.stringify(output))).toBe(true);
      expect(findSecondRule(examples, test, gold), `seed ${instance.seed} index ${instance.index}`).toBeNull();
    }
    expect(new Set(instances.map((i) => i.metadata.task_name)).size).toBeGreaterThan(60);
  });

  it('generates every variant at the smallest rows and a single example', () => {
    const options = arc1d.resolveOptions({ min_size: 8, max_size: 8, num_train: 1 });
    const names = new Set(Array.from({ length: 700 }, (_, i) => arc1d.generate(options, 9, i).metadata.task_name));
    expect(names.size).toBe(70);
  });
});
