// SymBench tasks, group B (one file per task beside this list).
import type { Task } from '../types.js';
import { combinatorialCalculation } from './combinatorial-calculation.js';
import { cryptanalysis } from './cryptanalysis.js';
import { eightQueens } from './eight-queens.js';
import { gsmHard } from './gsm-hard.js';
import { letters } from './letters.js';
import { mathCountingAndProbability } from './math-counting-and-probability.js';
import { mathGeometry } from './math-geometry.js';
import { permutationsAndCombinations } from './permutations-and-combinations.js';
import { standardSudoku } from './standard-sudoku.js';
import { stringDeletionAndModification } from './string-deletion-and-modification.js';
import { stringInsertion } from './string-insertion.js';
import { stringSplitting } from './string-splitting.js';
import { stringSynthesis } from './string-synthesis.js';

export const symbenchGroupB: readonly Task[] = [
  gsmHard,
  mathGeometry,
  mathCountingAndProbability,
  stringInsertion,
  stringDeletionAndModification,
  stringSynthesis,
  stringSplitting,
  eightQueens,
  standardSudoku,
  letters,
  cryptanalysis,
  permutationsAndCombinations,
  combinatorialCalculation,
] as unknown as readonly Task[];
