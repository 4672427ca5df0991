// SymBench tasks, group A (one file per task beside this list).
import type { Task } from '../types.js';
import { blocksworld } from './blocksworld.js';
import { boxlift } from './boxlift.js';
import { boxnet } from './boxnet.js';
import { constrainedLinearArrangement } from './constrained-linear-arrangement.js';
import { game2048 } from './game-2048.js';
import { game24 } from './game24.js';
import { lightPuzzles } from './light-puzzles.js';
import { logicPuzzle } from './logic-puzzle.js';
import { logicalEquation } from './logical-equation.js';
import { mahjong } from './mahjong.js';
import { matrixTransformation } from './matrix-transformation.js';
import { newOperator } from './new-operator.js';
import { pathPlan } from './path-plan.js';
import { patternRecognition } from './pattern-recognition.js';
import { pooling } from './pooling.js';
import { statisticalCounting } from './statistical-counting.js';

export const symbenchGroupA: readonly Task[] = [
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
].map((task) => task as unknown as Task);
