// The catalogue of every task id r1ci plans: the paper's 144 (33 SymBench, 27 BIG-Bench-Hard,
// 84 Reasoning-Gym) plus the generated BBH training variants. Which of them exist is the
// registry's business; this list is what `tasks list` shows and what the split is drawn from.
import type { TaskSource } from './types.js';

export type CatalogueEntry = { id: string; source: TaskSource; category?: string; paperTask: boolean };

/** SymBench (CodeSteer) tasks, minus the four BBH tasks it includes (they count under BBH). */
export const SYMBENCH_NAMES = [
  'game24', 'path_plan', 'boxlift', 'boxnet', 'blocksworld', 'gsm_hard',
  'math_geometry', 'math_counting_and_probability', 'logical_equation', 'new_operator', 'pooling', 'light_puzzles',
  'mahjong', 'statistical_counting', 'matrix_transformation', 'logic_puzzle', 'constrained_linear_arrangement', 'pattern_recognition',
  'string_insertion', 'letter_logic_diagram', 'string_deletion_and_modification', 'string_synthesis', 'reversi', 'standard_sudoku',
  'letters', 'eight_queens', 'number_multiply', 'cryptanalysis', 'string_splitting', 'combinatorial_calculation',
  'synthesis_decomposition', '2048', 'permutations_and_combinations',
] as const;

/** BIG-Bench-Hard: one task per official data file. */
export const BBH_NAMES = [
  'boolean_expressions', 'causal_judgement', 'date_understanding', 'disambiguation_qa',
  'dyck_languages', 'formal_fallacies', 'geometric_shapes', 'hyperbaton',
  'logical_deduction_five_objects', 'logical_deduction_seven_objects', 'logical_deduction_three_objects', 'movie_recommendation',
  'multistep_arithmetic_two', 'navigate', 'object_counting', 'penguins_in_a_table',
  'reasoning_about_colored_objects', 'ruin_names', 'salient_translation_error_detection', 'snarks',
  'sports_understanding', 'temporal_sequences', 'tracking_shuffled_objects_five_objects', 'tracking_shuffled_objects_seven_objects',
  'tracking_shuffled_objects_three_objects', 'web_of_lies', 'word_sorting',
] as const;

/** Procedural training variants of the algorithmic BBH tasks (`bbh-gen.<name>`); train-only. */
export const BBH_GENERATED_NAMES = [
  'boolean_expressions', 'dyck_languages', 'multistep_arithmetic_two', 'navigate',
  'object_counting', 'tracking_shuffled_objects_three_objects', 'tracking_shuffled_objects_five_objects', 'tracking_shuffled_objects_seven_objects',
  'web_of_lies', 'word_sorting', 'logical_deduction_three_objects', 'logical_deduction_five_objects',
  'logical_deduction_seven_objects', 'temporal_sequences',
] as const;

/** Reasoning-Gym tasks as [category, dataset name]; ids are `rg.<category>.<name>`. */
export const REASONING_GYM_NAMES: readonly (readonly [string, string])[] = [
  ['algorithmic', 'ab'], ['geometry', 'advanced_geometry'], ['logic', 'aiw'],
  ['arc', 'arc_1d'], ['algorithmic', 'base_conversion'], ['arithmetic', 'basic_arithmetic'],
  ['algorithmic', 'binary_alternation'], ['algorithmic', 'binary_matrix'], ['arithmetic', 'bitwise_arithmetic'],
  ['algorithmic', 'caesar_cipher'], ['arithmetic', 'calendar_arithmetic'], ['arithmetic', 'chain_sum'],
  ['logic', 'circuit_logic'], ['cognition', 'color_cube_rotation'], ['algebra', 'complex_arithmetic'],
  ['arithmetic', 'count_bits'], ['algorithmic', 'count_primes'], ['games', 'countdown'],
  ['graphs', 'course_schedule'], ['algorithmic', 'cryptarithm'], ['arithmetic', 'decimal_arithmetic'],
  ['arithmetic', 'decimal_chain_sum'], ['arithmetic', 'dice'], ['games', 'emoji_mystery'],
  ['graphs', 'family_relationships'], ['arithmetic', 'fraction_simplification'], ['games', 'futoshiki'],
  ['algorithmic', 'game_of_life'], ['arithmetic', 'gcd'], ['algorithmic', 'graph_color'],
  ['algorithmic', 'group_anagrams'], ['algorithmic', 'isomorphic_strings'], ['algorithmic', 'jugs'],
  ['games', 'knight_swap'], ['logic', 'knights_knaves'], ['graphs', 'largest_island'],
  ['arithmetic', 'lcm'], ['arithmetic', 'leg_counting'], ['algorithmic', 'letter_counting'],
  ['algorithmic', 'letter_jumble'], ['induction', 'list_functions'], ['algorithmic', 'manipulate_matrix'],
  ['games', 'maze'], ['games', 'mini_sudoku'], ['cognition', 'modulo_grid'],
  ['games', 'n_queens'], ['cognition', 'needle_haystack'], ['algorithmic', 'number_filtering'],
  ['arithmetic', 'number_format'], ['cognition', 'number_sequence'], ['algorithmic', 'number_sorting'],
  ['algorithmic', 'palindrome_generation'], ['algorithmic', 'palindrome_partitioning'], ['algebra', 'polynomial_equations'],
  ['algebra', 'polynomial_multiplication'], ['algorithmic', 'pool_matrix'], ['arithmetic', 'power_function'],
  ['arithmetic', 'prime_factorization'], ['arithmetic', 'products'], ['logic', 'propositional_logic'],
  ['graphs', 'quantum_lock'], ['algorithmic', 'ransom_note'], ['cognition', 'rectangle_count'],
  ['algorithmic', 'rotate_matrix'], ['algorithmic', 'rotten_oranges'], ['games', 'rush_hour'],
  ['logic', 'self_reference'], ['algorithmic', 'sentence_reordering'], ['graphs', 'shortest_path'],
  ['algebra', 'simple_equations'], ['geometry', 'simple_geometry'], ['algebra', 'simple_integration'],
  ['games', 'sokoban'], ['algorithmic', 'spell_backward'], ['algorithmic', 'spiral_matrix'],
  ['games', 'sudoku'], ['logic', 'syllogism'], ['arithmetic', 'time_intervals'],
  ['games', 'tower_of_hanoi'], ['games', 'tsumego'], ['algorithmic', 'word_ladder'],
  ['algorithmic', 'word_sequence_reversal'], ['algorithmic', 'word_sorting'], ['logic', 'zebra_puzzles'],
];

export const CATALOGUE: readonly CatalogueEntry[] = [
  ...SYMBENCH_NAMES.map((name) => ({ id: `symbench.${name}`, source: 'symbench' as const, paperTask: true })),
  ...BBH_NAMES.map((name) => ({ id: `bbh.${name}`, source: 'bbh' as const, paperTask: true })),
  ...REASONING_GYM_NAMES.map(([category, name]) => ({ id: `rg.${category}.${name}`, source: 'rg' as const, category, paperTask: true })),
  ...BBH_GENERATED_NAMES.map((name) => ({ id: `bbh-gen.${name}`, source: 'bbh-gen' as const, paperTask: false })),
];
