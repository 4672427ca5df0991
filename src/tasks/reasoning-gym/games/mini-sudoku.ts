// rg.games.mini_sudoku: a 4×4 sudoku (2×2 boxes) with a unique solution. Any valid completion
// keeping the givens is accepted.
import { defineTask } from '../../define-task.js';
import { CORRECT, unparseable, wrong } from '../../answer.js';
import { readDigitRows, sudokuPartialScore } from './sudoku-answer.js';
import { sudokuPythonSolver } from './sudoku-python-solver.js';
import { formatGrid, parseIntGrid, toRows } from '../../kit/index.js';
import { carveUnique, checkSudokuGrid, SudokuSolver } from './sudoku-solver.js';

const solver = new SudokuSolver(2, 2);

export const miniSudoku = defineTask({
  id: 'rg.games.mini_sudoku',
  source: 'rg',
  category: 'games',
  description: 'Solve a 4x4 mini sudoku with a unique solution.',
  answerFormat: 'a 4x4 grid, numbers separated by spaces, rows by newlines',
  differsFromSource:
    'A correct grid scores 1 in every accepted spelling (Reasoning-Gym: 0.9 unless in its exact format, and less ' +
    'when the answer is longer than the gold).',
  options: {
    min_empty: {
      kind: 'int',
      default: 8,
      min: 0,
      max: 12,
      description: 'fewest empty cells (fewer when uniqueness forbids more)',
    },
    max_empty: { kind: 'int', default: 12, min: 0, max: 12, description: 'most empty cells' },
  },
  ranges: [['min_empty', 'max_empty']],
  generate(options, rng) {
    const solution = solver.solve(new Array(16).fill(0), rng)!;
    const target = rng.int(options.min_empty, options.max_empty);
    const puzzle = toRows(carveUnique(solver, solution, target, rng), 4);
    const prompt =
      'In 4x4 Mini Sudoku:\n' +
      '- Each row must contain each number from 1-4 exactly once\n' +
      '- Each column must contain each number 1-4 exactly once\n' +
      '- Each 2x2 subgrid must contain each number 1-4 exactly once\n' +
      `Solve this 4x4 Mini Sudoku puzzle:\n${formatGrid(puzzle)}\n` +
      'Format your response as the puzzle above, with spaces separating each number within a row, ' +
      'and newlines separating rows.\n' +
      'Return your final answer within triple angle brackets, e.g. <<<\n' +
      'first row\nsecond row\nthird row\nfourth row\n>>>.';
    return {
      prompt,
      answer: formatGrid(toRows(solution, 4)),
      metadata: { puzzle, num_empty: puzzle.flat().filter((v) => v === 0).length },
    };
  },
  check(instance, answer) {
    const grid = parseIntGrid(answer, 4, 4, 1, 4) ?? readDigitRows(answer, 4);
    if (!grid) return unparseable('expected 4 rows of 4 numbers from 1 to 4');
    const problem = checkSudokuGrid(grid, instance.metadata.puzzle as number[][], 2, 2);
    return problem === null ? CORRECT : wrong(problem, sudokuPartialScore(grid, instance.answer, answer));
  },
  referenceSolution: (instance) => sudokuPythonSolver(instance.metadata.puzzle as number[][], 2, 2),
});
