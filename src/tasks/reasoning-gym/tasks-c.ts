// Reasoning-Gym tasks, group C (one file per task under <category>/).
import type { Task } from '../types.js';
import { arc1d } from './arc/arc-1d.js';
import { countdown } from './games/countdown.js';
import { emojiMystery } from './games/emoji-mystery.js';
import { futoshiki } from './games/futoshiki.js';
import { knightSwap } from './games/knight-swap.js';
import { maze } from './games/maze.js';
import { towerOfHanoi } from './games/tower-of-hanoi.js';
import { tsumego } from './games/tsumego.js';
import { miniSudoku } from './games/mini-sudoku.js';
import { nQueens } from './games/n-queens.js';
import { rushHour } from './games/rush-hour.js';
import { sokoban } from './games/sokoban.js';
import { sudoku } from './games/sudoku.js';
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

export const reasoningGymGroupC: readonly Task[] = [
  countdown, emojiMystery, futoshiki, knightSwap, maze, miniSudoku, nQueens, rushHour, sokoban, sudoku, towerOfHanoi, tsumego,
  courseSchedule, familyRelationships, largestIsland, quantumLock, shortestPathTask,
  arc1d, listFunctions,
  aiw, circuitLogic, knightsKnaves, propositionalLogic, selfReference, syllogism, zebraPuzzles,
] as unknown as readonly Task[];
