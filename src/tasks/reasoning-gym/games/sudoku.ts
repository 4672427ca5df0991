// rg.games.sudoku: a 9×9 sudoku with a unique solution, carved from a random full grid with a
// bitmask uniqueness check. Any valid completion that keeps the givens is accepted, in the spellings
// Reasoning-Gym's scorer reads (rows of digits with anything between them, such as `534678912`).
import { defineTask } from '../../define-task.js';
import { CORRECT, unparseable, wrong } from '../../answer.js';
import { readDigitRows, sudokuPartialScore } from './sudoku-answer.js';
import { sudokuPythonSolver } from './sudoku-python-solver.js';
import { formatGrid, parseIntGrid, toRows } from '../../kit/index.js';
import { carveUnique, checkSudokuGrid, SudokuSolver } from './sudoku-solver.js';

const solver = new SudokuSolver(3, 3);

export const sudoku = defineTask({
  id: 'rg.games.sudoku',
  source: 'rg',
  category: 'games',
  description: 'Solve a 9x9 sudoku puzzle with a unique solution.',
  answerFormat: 'a 9x9 grid, numbers separated by spaces, rows by newlines',
  differsFromSource:
    'A correct grid scores 1 in every accepted spelling (Reasoning-Gym: 0.9 unless in its exact format, and less ' +
    'when the answer is longer than the gold).',
  options: {
    min_empty: { kind: 'int', default: 30, min: 0, max: 64, description: 'fewest empty cells' },
    max_empty: {
      kind: 'int',
      default: 50,
      min: 0,
      max: 64,
      description: 'most empty cells (fewer when uniqueness forbids more)',
    },
  },
  ranges: [['min_empty', 'max_empty']],
  generate(options, rng) {
    const solution = solver.solve(new Array(81).fill(0), rng)!;
    const target = rng.int(options.min_empty, options.max_empty);
    const puzzle = toRows(carveUnique(solver, solution, target, rng), 9);
    const prompt =
      `Solve this Sudoku puzzle:\n${formatGrid(puzzle)}\n` +
      ('Respond with only your answer, formatted as the puzzle, a 9x9 grid with numbers separated by spaces, and ' +
        'rows separated by newlines.\n') +
      'Return your final answer within triple angle brackets, e.g. <<<\nfirst row\n...\nninth row\n>>>.';
    return {
      prompt,
      answer: formatGrid(toRows(solution, 9)),
      metadata: { puzzle, num_empty: puzzle.flat().filter((v) => v === 0).length },
    };
  },
  check(instance, answer) {
    const grid = parseIntGrid(answer, 9, 9, 1, 9) ?? readDigitRows(answer, 9);
    if (!grid) return unparseable('expected 9 rows of 9 numbers from 1 to 9');
    const problem = checkSudokuGrid(grid, instance.metadata.puzzle as number[][], 3, 3);
    return problem === null ? CORRECT : wrong(problem, sudokuPartialScore(grid, instance.answer, answer));
  },
  referenceSolution: (instance) => sudokuPythonSolver(instance.metadata.puzzle as number[][], 3, 3),
});
