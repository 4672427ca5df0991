// Reasoning-Gym difficulty parity: every option r1ci shares with a Reasoning-Gym config defaults to
// the source's value. Values read from each dataclass at open-thought/reasoning-gym 49b0713 (path given).
import { describe, expect, it } from 'vitest';
import { getTask } from '../registry.js';

type Defaults = Record<string, number | string | boolean>;

/** Task id → [the source file, the defaults of the options its config shares with ours]. */
const SOURCE_DEFAULTS: Record<string, [string, Defaults]> = {
  // The source writes operations_weights = field(default_factory=lambda: [0.4, 0.4, 0.1, 0.1]).
  'rg.algebra.complex_arithmetic': [
    'reasoning_gym/algebra/complex_arithmetic.py',
    { min_real: -10, max_real: 10, min_imag: -10, max_imag: 10, operations_weights: '0.4,0.4,0.1,0.1' },
  ],
  // The source writes operators = ['+', '-'].
  'rg.algebra.polynomial_equations': [
    'reasoning_gym/algebra/polynomial_equations.py',
    { min_terms: 2, max_terms: 4, min_value: 1, max_value: 100, min_degree: 1, max_degree: 3, operators: '+-' },
  ],
  // The source writes variables = ['x', 'y', 'z'].
  // The source writes operators = ['+', '-'].
  'rg.algebra.polynomial_multiplication': [
    'reasoning_gym/algebra/polynomial_multiplication.py',
    {
      min_terms: 2,
      max_terms: 4,
      min_value: 1,
      max_value: 100,
      min_degree: 0,
      max_degree: 3,
      min_polynomials: 2,
      max_polynomials: 3,
      variables: 'xyz',
      allow_cross_variable_product: false,
      allow_multivariate_polynomials: false,
      operators: '+-',
    },
  ],
  // The source writes operators_weights = field(default_factory=lambda: [0.4, 0.4, 0.2]).
  'rg.algebra.simple_equations': [
    'reasoning_gym/algebra/simple_equations.py',
    { min_terms: 2, max_terms: 4, min_value: 1, max_value: 100, operators_weights: '0.4,0.4,0.2' },
  ],
  // The source writes symbols = ['x', 'X'].
  'rg.algebra.simple_integration': [
    'reasoning_gym/algebra/simple_integration.py',
    { min_terms: 2, max_terms: 5, min_degree: 1, max_degree: 10, min_bounds: 1, max_bounds: 10, symbols: 'xX' },
  ],
  'rg.algorithmic.ab': ['reasoning_gym/algorithmic/ab.py', { length: 10 }],
  'rg.algorithmic.base_conversion': [
    'reasoning_gym/algorithmic/base_conversion.py',
    { min_base: 2, max_base: 16, min_value: 0, max_value: 1000 },
  ],
  'rg.algorithmic.binary_alternation': [
    'reasoning_gym/algorithmic/binary_alternation.py',
    { min_n: 10, max_n: 30, p_solvable: 0.8 },
  ],
  'rg.algorithmic.binary_matrix': ['reasoning_gym/algorithmic/binary_matrix.py', { min_n: 3, max_n: 10, p_zero: 0.25 }],
  'rg.algorithmic.caesar_cipher': [
    'reasoning_gym/algorithmic/caesar_cipher.py',
    { min_words: 3, max_words: 20, min_rotation: 1, max_rotation: 25 },
  ],
  'rg.algorithmic.count_primes': ['reasoning_gym/algorithmic/count_primes.py', { min_n: 1, max_n: 10000 }],
  'rg.algorithmic.cryptarithm': [
    'reasoning_gym/algorithmic/cryptarithm.py',
    { min_words: 2, max_words: 3, allow_leading_zero: false },
  ],
  'rg.algorithmic.game_of_life': [
    'reasoning_gym/algorithmic/game_of_life.py',
    { grid_size_x: 10, grid_size_y: 10, filled_cells_weights: 0.1, simulation_steps: 1 },
  ],
  'rg.algorithmic.graph_color': [
    'reasoning_gym/algorithmic/graph_color.py',
    { num_colors: 3, min_num_vertices: 10, max_num_vertices: 10, edge_probability: 0.1 },
  ],
  'rg.algorithmic.group_anagrams': [
    'reasoning_gym/algorithmic/group_anagrams.py',
    { min_anagram_groups: 2, max_anagram_groups: 10, min_words_per_group: 2, max_words_per_group: 5 },
  ],
  'rg.algorithmic.isomorphic_strings': [
    'reasoning_gym/algorithmic/isomorphic_strings.py',
    { min_string_length: 2, max_string_length: 10, p_solvable: 0.5 },
  ],
  'rg.algorithmic.jugs': ['reasoning_gym/algorithmic/jugs.py', { num_jugs: 3, difficulty: 10 }],
  'rg.algorithmic.letter_counting': ['reasoning_gym/algorithmic/letter_counting.py', { min_words: 5, max_words: 15 }],
  'rg.algorithmic.letter_jumble': [
    'reasoning_gym/algorithmic/letter_jumble.py',
    {
      min_word_len: 1,
      max_word_len: 64,
      min_words: 3,
      max_words: 20,
      min_corruption_level: 0.1,
      max_corruption_level: 0.9,
      consecutive_words: true,
    },
  ],
  'rg.algorithmic.manipulate_matrix': [
    'reasoning_gym/algorithmic/manipulate_matrix.py',
    {
      min_rows: 2,
      max_rows: 10,
      min_cols: 2,
      max_cols: 10,
      min_transforms: 1,
      max_transforms: 10,
      w_rotate: 1,
      w_hmirror: 1,
      w_vmirror: 1,
      w_dmirror: 1,
      w_cmirror: 1,
      w_map: 1,
      w_crop: 1,
      w_remove_every_nth_row: 1,
      w_remove_every_nth_col: 1,
      w_zero_divisible: 1,
    },
  ],
  'rg.algorithmic.number_filtering': [
    'reasoning_gym/algorithmic/number_filtering.py',
    { min_numbers: 3, max_numbers: 10, min_decimals: 0, max_decimals: 4, min_value: -100.0, max_value: 100.0 },
  ],
  'rg.algorithmic.number_sorting': [
    'reasoning_gym/algorithmic/number_sorting.py',
    { min_numbers: 3, max_numbers: 10, min_decimals: 0, max_decimals: 2, min_value: -100.0, max_value: 100.0 },
  ],
  'rg.algorithmic.palindrome_generation': [
    'reasoning_gym/algorithmic/palindrome_generation.py',
    { min_length: 3, max_length: 10 },
  ],
  'rg.algorithmic.palindrome_partitioning': [
    'reasoning_gym/algorithmic/palindrome_partitioning.py',
    {
      min_string_len: 5,
      max_string_len: 15,
      min_substring_palindrome_len: 1,
      max_substring_palindrome_len: 5,
    },
  ],
  'rg.algorithmic.pool_matrix': [
    'reasoning_gym/algorithmic/pool_matrix.py',
    { min_rows: 2, max_rows: 10, min_cols: 2, max_cols: 10, min_pool_size: 1, max_pool_size: 3 },
  ],
  'rg.algorithmic.ransom_note': [
    'reasoning_gym/algorithmic/ransom_note.py',
    { min_note_length: 1, max_note_length: 10, min_magazine_length: 2, max_magazine_length: 30, p_solvable: 0.5 },
  ],
  'rg.algorithmic.rotate_matrix': [
    'reasoning_gym/algorithmic/rotate_matrix.py',
    { min_n: 2, max_n: 10, min_rotations: 0, max_rotations: 10 },
  ],
  'rg.algorithmic.rotten_oranges': [
    'reasoning_gym/algorithmic/rotten_oranges.py',
    { min_n: 10, max_n: 30, p_oranges: 0.85, p_rotten: 0.1 },
  ],
  'rg.algorithmic.sentence_reordering': [
    'reasoning_gym/algorithmic/sentence_reordering.py',
    {
      min_words_in_sentence: 3,
      max_words_in_sentence: 20,
    },
  ],
  'rg.algorithmic.spell_backward': [
    'reasoning_gym/algorithmic/spell_backward.py',
    { min_word_len: 3, max_word_len: 10 },
  ],
  'rg.algorithmic.spiral_matrix': ['reasoning_gym/algorithmic/spiral_matrix.py', { min_n: 2, max_n: 10 }],
  'rg.algorithmic.word_ladder': [
    'reasoning_gym/algorithmic/word_ladder.py',
    { min_word_length: 4, max_word_length: 4, min_chain_length: -1, max_chain_length: -1 },
  ],
  'rg.algorithmic.word_sequence_reversal': [
    'reasoning_gym/algorithmic/word_sequence_reversal.py',
    { min_words: 3, max_words: 8 },
  ],
  // The source writes transformation = TextTransformation.ORIGINAL.
  'rg.algorithmic.word_sorting': [
    'reasoning_gym/algorithmic/word_sorting.py',
    { min_words: 3, max_words: 10, min_word_length: 3, max_word_length: 12, transformation: 'original' },
  ],
  'rg.arc.arc_1d': ['reasoning_gym/arc/arc_1d.py', { min_size: 10, max_size: 30, num_train: 3 }],
  // The source writes operators = ['+', '-', '*', '/'].
  'rg.arithmetic.basic_arithmetic': [
    'reasoning_gym/arithmetic/basic_arithmetic.py',
    {
      min_terms: 2,
      max_terms: 6,
      min_digits: 1,
      max_digits: 4,
      operators: '+-*/',
      allow_parentheses: true,
      allow_negation: true,
      format_style: 'simple',
      whitespace: 'single',
    },
  ],
  'rg.arithmetic.bitwise_arithmetic': ['reasoning_gym/arithmetic/bitwise_arithmetic.py', { difficulty: 2 }],
  // The source writes tasks = null.
  'rg.arithmetic.calendar_arithmetic': [
    'reasoning_gym/arithmetic/calendar_arithmetic.py',
    { year: 2022, tasks: 'all', offset_upper_bound: 100, leap_year_range: 200 },
  ],
  'rg.arithmetic.chain_sum': [
    'reasoning_gym/arithmetic/chain_sum.py',
    { min_terms: 2, max_terms: 6, min_digits: 1, max_digits: 4, allow_negation: false },
  ],
  // The source writes max_n = 2 ** 31 - 1.
  'rg.arithmetic.count_bits': ['reasoning_gym/arithmetic/count_bits.py', { min_n: 1, max_n: 2147483647 }],
  'rg.arithmetic.decimal_arithmetic': [
    'reasoning_gym/arithmetic/decimal_arithmetic.py',
    {
      min_num_decimal_places: 3,
      max_num_decimal_places: 3,
      min_terms: 2,
      max_terms: 6,
      precision: 12,
    },
  ],
  'rg.arithmetic.decimal_chain_sum': [
    'reasoning_gym/arithmetic/decimal_chain_sum.py',
    {
      min_terms: 2,
      max_terms: 6,
      min_digits: 1,
      max_digits: 4,
      min_decimal_places: 1,
      max_decimal_places: 4,
      allow_negation: false,
    },
  ],
  'rg.arithmetic.dice': ['reasoning_gym/arithmetic/dice.py', { num_dice: 4, max_dice_size: 20 }],
  // The source writes styles = ['plain', 'latex_inline', 'latex_frac', 'latex_dfrac'].
  'rg.arithmetic.fraction_simplification': [
    'reasoning_gym/arithmetic/fraction_simplification.py',
    { min_value: 1, max_value: 1000, min_factor: 1, max_factor: 100, styles: 'any' },
  ],
  'rg.arithmetic.gcd': [
    'reasoning_gym/arithmetic/gcd.py',
    { min_numbers: 2, max_numbers: 2, min_value: 1, max_value: 1000 },
  ],
  'rg.arithmetic.lcm': [
    'reasoning_gym/arithmetic/lcm.py',
    { min_numbers: 2, max_numbers: 2, min_value: 1, max_value: 100 },
  ],
  'rg.arithmetic.leg_counting': [
    'reasoning_gym/arithmetic/leg_counting.py',
    { min_animals: 3, max_animals: 10, min_instances: 1, max_instances: 15 },
  ],
  'rg.arithmetic.number_format': [
    'reasoning_gym/arithmetic/number_format.py',
    { min_num_candidates: 2, max_num_candidates: 5, min_n: 1000, max_n: 1000000000, max_delta: 10.0 },
  ],
  'rg.arithmetic.power_function': [
    'reasoning_gym/arithmetic/power_function.py',
    { min_base: -1000.0, max_base: 1000.0, min_exponent: 0, max_exponent: 8 },
  ],
  'rg.arithmetic.prime_factorization': [
    'reasoning_gym/arithmetic/prime_factorization.py',
    { min_value: 2, max_value: 1000 },
  ],
  'rg.arithmetic.products': [
    'reasoning_gym/arithmetic/products.py',
    { min_terms: 2, max_terms: 2, min_digits: 1, max_digits: 5, allow_negation: false },
  ],
  // The source writes task_types = field(default_factory=lambda: ['time', 'time_seconds', 'time_ms', 'date',
  //   'datetime', 'datetime_tz']).
  // The source writes max_time_difference_seconds = 24 * 60 * 60.
  'rg.arithmetic.time_intervals': [
    'reasoning_gym/arithmetic/time_intervals.py',
    { task_types: 'all', max_time_difference_seconds: 86400, max_date_difference_days: 100 },
  ],
  'rg.cognition.color_cube_rotation': [
    'reasoning_gym/cognition/color_cube_rotation.py',
    { min_rotations: 1, max_rotations: 3 },
  ],
  'rg.cognition.modulo_grid': [
    'reasoning_gym/cognition/modulo_grid.py',
    { size_x: 20, size_y: 20, max_divisor: 20, max_target: 20, max_holes: 1 },
  ],
  'rg.cognition.needle_haystack': [
    'reasoning_gym/cognition/needle_haystack.py',
    { min_num_statements: 10, max_num_statements: 100 },
  ],
  // The config says min_value = -100, max_value = 100, but the generator never reads them: is_interesting()
  // caps every term at ±1000, the bound r1ci's min_value/max_value default to.
  'rg.cognition.number_sequence': [
    'reasoning_gym/cognition/number_sequences.py',
    { min_terms: 4, max_terms: 8, min_value: -1000, max_value: 1000, max_complexity: 3 },
  ],
  'rg.cognition.rectangle_count': [
    'reasoning_gym/cognition/rectangle_count.py',
    { max_rectangles: 10, width: 80, height: 80 },
  ],
  'rg.games.countdown': [
    'reasoning_gym/games/countdown.py',
    { min_numbers: 4, max_numbers: 6, min_value: 1, max_value: 100, min_target: 100, max_target: 999 },
  ],
  'rg.games.emoji_mystery': [
    'reasoning_gym/games/emoji_mystery.py',
    { min_words_in_sentence: 3, max_words_in_sentence: 35 },
  ],
  'rg.games.futoshiki': [
    'reasoning_gym/games/futoshiki.py',
    { min_board_size: 4, max_board_size: 9, min_difficulty: 0, max_difficulty: 3 },
  ],
  'rg.games.knight_swap': [
    'reasoning_gym/games/knight_swap.py',
    { min_nodes: 6, max_nodes: 9, min_pieces: 2, max_pieces: 2, min_steps: 4, max_steps: 20, impossible_ratio: 0.2 },
  ],
  'rg.games.maze': ['reasoning_gym/games/maze.py', { min_dist: 5, max_dist: 10, min_grid_size: 5, max_grid_size: 10 }],
  'rg.games.mini_sudoku': ['reasoning_gym/games/mini_sudoku.py', { min_empty: 8, max_empty: 12 }],
  'rg.games.n_queens': ['reasoning_gym/games/n_queens.py', { n: 8, min_remove: 1, max_remove: 7 }],
  'rg.games.rush_hour': ['reasoning_gym/games/rush_hour.py', { min_moves: 1, max_moves: 50 }],
  'rg.games.sokoban': [
    'reasoning_gym/games/sokoban.py',
    { min_w: 6, max_w: 10, min_h: 6, max_h: 10, min_boxes: 4, max_boxes: 10, max_depth: 80 },
  ],
  'rg.games.sudoku': ['reasoning_gym/games/sudoku.py', { min_empty: 30, max_empty: 50 }],
  'rg.games.tower_of_hanoi': [
    'reasoning_gym/games/tower_of_hanoi.py',
    { min_disks: 3, max_disks: 7, min_pegs: 3, max_pegs: 4 },
  ],
  'rg.games.tsumego': ['reasoning_gym/games/tsumego.py', { min_board_size: 9, max_board_size: 13, max_stones: 15 }],
  // The source writes task_types = field(default_factory=lambda: ['orthocenter', 'incircle_radius', 'angle_measure']).
  'rg.geometry.advanced_geometry': [
    'reasoning_gym/geometry/advanced_geometry.py',
    { min_coord: -10, max_coord: 10, task_types: 'all' },
  ],
  'rg.geometry.simple_geometry': [
    'reasoning_gym/geometry/simple_geometry.py',
    { min_sides: 3, max_sides: 6, min_angle: 10, max_angle: 170 },
  ],
  'rg.graphs.course_schedule': [
    'reasoning_gym/graphs/course_schedule.py',
    {
      min_num_courses: 5,
      max_num_courses: 10,
      min_num_prerequisites: 1,
      max_num_prerequisites: 2,
      min_cycle_length: 3,
      max_cycle_length: 5,
      p_solvable: 0.5,
    },
  ],
  'rg.graphs.family_relationships': [
    'reasoning_gym/graphs/family_relationships.py',
    { min_family_size: 4, max_family_size: 8 },
  ],
  'rg.graphs.largest_island': [
    'reasoning_gym/graphs/largest_island.py',
    {
      min_rows: 5,
      max_rows: 10,
      min_cols: 5,
      max_cols: 10,
      min_num_islands: 0,
      max_num_islands: 5,
      min_island_size: 0,
      max_island_size: 10,
    },
  ],
  'rg.graphs.quantum_lock': ['reasoning_gym/graphs/quantum_lock.py', { difficulty: 10 }],
  'rg.graphs.shortest_path': [
    'reasoning_gym/graphs/shortest_path.py',
    { min_rows: 5, max_rows: 8, min_cols: 5, max_cols: 8, p_blocked: 0.4 },
  ],
  // No config field in the source: generators.py makes NUM_OF_PAIRS_GENERATED = 5 pairs, and list_functions.py
  // pops the last as the test input, so four examples are shown.
  'rg.induction.list_functions': ['reasoning_gym/induction/list_functions/generators.py', { num_examples: 4 }],
  'rg.logic.aiw': ['reasoning_gym/logic/aiw.py', { max_entities: 6 }],
  'rg.logic.circuit_logic': [
    'reasoning_gym/logic/circuit_logic.py',
    { min_terms: 3, max_terms: 5, min_inputs: 2, max_inputs: 4, neg_prob: 0.3, allow_reuse: true },
  ],
  'rg.logic.knights_knaves': [
    'reasoning_gym/logic/knights_knaves.py',
    { n_people: 2, depth_constraint: 2, width_constraint: 2 },
  ],
  'rg.logic.propositional_logic': [
    'reasoning_gym/logic/propositional_logic.py',
    { min_vars: 2, max_vars: 4, min_statements: 2, max_statements: 4, min_complexity: 1, max_complexity: 3 },
  ],
  'rg.logic.self_reference': ['reasoning_gym/logic/self_reference.py', { difficulty: 5 }],
  'rg.logic.syllogism': [
    'reasoning_gym/logic/syllogisms.py',
    {
      allow_all: true,
      allow_no: true,
      allow_some: true,
      allow_some_not: true,
      invalid_ratio: 0.3,
      inversion_probability: 0.3,
    },
  ],
  'rg.logic.zebra_puzzles': ['reasoning_gym/logic/zebra_puzzles.py', { num_people: 4, num_characteristics: 4 }],
};

describe("Reasoning-Gym tasks default to their source's config", () => {
  it.each(Object.entries(SOURCE_DEFAULTS))('%s', (id, [, defaults]) => {
    const options = getTask(id).resolveOptions() as Defaults;
    expect(Object.fromEntries(Object.keys(defaults).map((key) => [key, options[key]]))).toEqual(defaults);
  });
});

describe("rg.induction.list_functions draws the source's rule families", () => {
  // list_functions.py: tasks = list(range(17)), each index a generate_<k> of generators.py, in this order.
  const SOURCE_FAMILIES = [
    'identity',
    'third element',
    'reverse',
    'sum of distinct values below 30',
    'count of fives',
    'elements followed by an even number',
    'add the index',
    'element at the index named by the last element',
    'length',
    'sum',
    'sort ascending',
    'sort descending',
    'first and last plus one', // generate_12: output[0] += 1, output[-1] += 1
    'ascending → 1, descending → 0',
    'multiple of ten → 1, otherwise of five → 0',
    'twice the last element',
    '2x − 4 for each element',
  ];
  it('all 17, each under its index', () => {
    const task = getTask('rg.induction.list_functions'),
      options = task.resolveOptions();
    const drawn = new Map<number, unknown>();
    for (let i = 0; i < 300; i++) {
      const { metadata } = task.generate(options, 0, i);
      drawn.set(metadata.rule_index as number, metadata.rule);
    }
    expect([...drawn].sort(([a], [b]) => a - b).map(([, rule]) => rule)).toEqual(SOURCE_FAMILIES);
  });
});
