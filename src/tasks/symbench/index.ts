// The SymBench (CodeSteer) tasks, one file per task beside this list. The order is the registry's
// order: docs and task listings follow it.
import type { Task } from '../types.js';
import { blocksworld } from './blocksworld.js';
import { boxlift } from './boxlift.js';
import { boxnet } from './boxnet.js';
import { combinatorialCalculation } from './combinatorial-calculation.js';
import { constrainedLinearArrangement } from './constrained-linear-arrangement.js';
import { cryptanalysis } from './cryptanalysis.js';
import { eightQueens } from './eight-queens.js';
import { game2048 } from './game-2048.js';
import { game24 } from './game24.js';
import { gsmHard } from './gsm-hard.js';
import { letterLogicDiagram } from './letter-logic-diagram.js';
import { letters } from './letters.js';
import { lightPuzzles } from './light-puzzles.js';
import { logicPuzzle } from './logic-puzzle.js';
import { logicalEquation } from './logical-equation.js';
import { mahjong } from './mahjong.js';
import { mathCountingAndProbability } from './math-counting-and-probability.js';
import { mathGeometry } from './math-geometry.js';
import { matrixTransformation } from './matrix-transformation.js';
import { newOperator } from './new-operator.js';
import { numberMultiply } from './number-multiply.js';
import { pathPlan } from './path-plan.js';
import { patternRecognition } from './pattern-recognition.js';
import { permutationsAndCombinations } from './permutations-and-combinations.js';
import { pooling } from './pooling.js';
import { reversi } from './reversi.js';
import { standardSudoku } from './standard-sudoku.js';
import { statisticalCounting } from './statistical-counting.js';
import { stringDeletionAndModification } from './string-deletion-and-modification.js';
import { stringInsertion } from './string-insertion.js';
import { stringSplitting } from './string-splitting.js';
import { stringSynthesis } from './string-synthesis.js';
import { synthesisDecomposition } from './synthesis-decomposition.js';

export const symbenchTasks: readonly Task[] = [
  numberMultiply,
  game24,
  blocksworld,
  boxlift,
  boxnet,
  logicalEquation,
  newOperator,
  pooling,
  statisticalCounting,
  matrixTransformation,
  lightPuzzles,
  mahjong,
  patternRecognition,
  game2048,
  constrainedLinearArrangement,
  logicPuzzle,
  pathPlan,
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
  letterLogicDiagram,
  reversi,
  synthesisDecomposition,
] as unknown as readonly Task[];
