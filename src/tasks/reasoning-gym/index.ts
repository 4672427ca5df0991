// The Reasoning-Gym tasks (`rg.<category>.<name>`), one file per task under <category>/, listed by
// category. The order is the registry's order: docs and task listings follow it.
import type { Task } from '../types.js';
import { complexArithmetic } from './algebra/complex-arithmetic.js';
import { polynomialEquations } from './algebra/polynomial-equations.js';
import { polynomialMultiplication } from './algebra/polynomial-multiplication.js';
import { simpleEquations } from './algebra/simple-equations.js';
import { simpleIntegration } from './algebra/simple-integration.js';
import { ab } from './algorithmic/ab.js';
import { baseConversion } from './algorithmic/base-conversion.js';
import { binaryAlternation } from './algorithmic/binary-alternation.js';
import { binaryMatrix } from './algorithmic/binary-matrix.js';
import { caesarCipher } from './algorithmic/caesar-cipher.js';
import { countPrimes } from './algorithmic/count-primes.js';
import { cryptarithm } from './algorithmic/cryptarithm.js';
import { gameOfLife } from './algorithmic/game-of-life.js';
import { graphColor } from './algorithmic/graph-color.js';
import { groupAnagrams } from './algorithmic/group-anagrams.js';
import { isomorphicStrings } from './algorithmic/isomorphic-strings.js';
import { jugs } from './algorithmic/jugs.js';
import { letterCounting } from './algorithmic/letter-counting.js';
import { letterJumble } from './algorithmic/letter-jumble.js';
import { manipulateMatrix } from './algorithmic/manipulate-matrix.js';
import { numberFiltering } from './algorithmic/number-filtering.js';
import { numberSorting } from './algorithmic/number-sorting.js';
import { palindromeGeneration } from './algorithmic/palindrome-generation.js';
import { palindromePartitioning } from './algorithmic/palindrome-partitioning.js';
import { poolMatrix } from './algorithmic/pool-matrix.js';
import { ransomNote } from './algorithmic/ransom-note.js';
import { rotateMatrix } from './algorithmic/rotate-matrix.js';
import { rottenOranges } from './algorithmic/rotten-oranges.js';
import { sentenceReordering } from './algorithmic/sentence-reordering.js';
import { spellBackward } from './algorithmic/spell-backward.js';
import { spiralMatrix } from './algorithmic/spiral-matrix.js';
import { wordLadder } from './algorithmic/word-ladder.js';
import { wordSequenceReversal } from './algorithmic/word-sequence-reversal.js';
import { wordSorting } from './algorithmic/word-sorting.js';
import { arc1d } from './arc/arc-1d.js';
import { basicArithmetic } from './arithmetic/basic-arithmetic.js';
import { bitwiseArithmetic } from './arithmetic/bitwise-arithmetic.js';
import { calendarArithmetic } from './arithmetic/calendar-arithmetic.js';
import { chainSum } from './arithmetic/chain-sum.js';
import { countBits } from './arithmetic/count-bits.js';
import { decimalArithmetic } from './arithmetic/decimal-arithmetic.js';
import { decimalChainSum } from './arithmetic/decimal-chain-sum.js';
import { dice } from './arithmetic/dice.js';
import { fractionSimplification } from './arithmetic/fraction-simplification.js';
import { gcdTask } from './arithmetic/gcd.js';
import { lcmTask } from './arithmetic/lcm.js';
import { legCounting } from './arithmetic/leg-counting.js';
import { numberFormat } from './arithmetic/number-format.js';
import { powerFunction } from './arithmetic/power-function.js';
import { primeFactorization } from './arithmetic/prime-factorization.js';
import { products } from './arithmetic/products.js';
import { timeIntervals } from './arithmetic/time-intervals.js';
import { colorCubeRotation } from './cognition/color-cube-rotation.js';
import { moduloGrid } from './cognition/modulo-grid.js';
import { needleHaystack } from './cognition/needle-haystack.js';
import { numberSequence } from './cognition/number-sequence.js';
import { rectangleCount } from './cognition/rectangle-count.js';
import { countdown } from './games/countdown.js';
import { emojiMystery } from './games/emoji-mystery.js';
import { futoshiki } from './games/futoshiki.js';
import { knightSwap } from './games/knight-swap.js';
import { maze } from './games/maze.js';
import { miniSudoku } from './games/mini-sudoku.js';
import { nQueens } from './games/n-queens.js';
import { rushHour } from './games/rush-hour.js';
import { sokoban } from './games/sokoban.js';
import { sudoku } from './games/sudoku.js';
import { towerOfHanoi } from './games/tower-of-hanoi.js';
import { tsumego } from './games/tsumego.js';
import { advancedGeometry } from './geometry/advanced-geometry.js';
import { simpleGeometry } from './geometry/simple-geometry.js';
import { courseSchedule } from './graphs/course-schedule.js';
import { familyRelationships } from './graphs/family-relationships.js';
import { largestIsland } from './graphs/largest-island.js';
import { quantumLock } from './graphs/quantum-lock.js';
import { shortestPathTask } from './graphs/shortest-path.js';
import { listFunctions } from './induction/list-functions.js';
import { aiw } from './logic/aiw.js';
import { circuitLogic } from './logic/circuit-logic.js';
import { knightsKnaves } from './logic/knights-knaves.js';
import { propositionalLogic } from './logic/propositional-logic.js';
import { selfReference } from './logic/self-reference.js';
import { syllogism } from './logic/syllogism.js';
import { zebraPuzzles } from './logic/zebra-puzzles.js';

export const reasoningGymTasks: readonly Task[] = [
  // arithmetic, algebra, geometry, cognition
  basicArithmetic,
  bitwiseArithmetic,
  calendarArithmetic,
  chainSum,
  countBits,
  decimalArithmetic,
  decimalChainSum,
  dice,
  fractionSimplification,
  gcdTask,
  lcmTask,
  legCounting,
  numberFormat,
  powerFunction,
  primeFactorization,
  products,
  timeIntervals,
  complexArithmetic,
  polynomialEquations,
  polynomialMultiplication,
  simpleEquations,
  simpleIntegration,
  advancedGeometry,
  simpleGeometry,
  colorCubeRotation,
  moduloGrid,
  needleHaystack,
  numberSequence,
  rectangleCount,
  // algorithmic
  ab,
  baseConversion,
  binaryAlternation,
  binaryMatrix,
  caesarCipher,
  countPrimes,
  cryptarithm,
  gameOfLife,
  graphColor,
  groupAnagrams,
  isomorphicStrings,
  jugs,
  letterCounting,
  letterJumble,
  manipulateMatrix,
  numberFiltering,
  numberSorting,
  palindromeGeneration,
  palindromePartitioning,
  poolMatrix,
  ransomNote,
  rotateMatrix,
  rottenOranges,
  sentenceReordering,
  spellBackward,
  spiralMatrix,
  wordLadder,
  wordSequenceReversal,
  wordSorting,
  // games, graphs, arc and induction, logic
  countdown,
  emojiMystery,
  futoshiki,
  knightSwap,
  maze,
  miniSudoku,
  nQueens,
  rushHour,
  sokoban,
  sudoku,
  towerOfHanoi,
  tsumego,
  courseSchedule,
  familyRelationships,
  largestIsland,
  quantumLock,
  shortestPathTask,
  arc1d,
  listFunctions,
  aiw,
  circuitLogic,
  knightsKnaves,
  propositionalLogic,
  selfReference,
  syllogism,
  zebraPuzzles,
] as unknown as readonly Task[];
