// Reasoning-Gym tasks, group C (one file per task under <category>/).
import type { Task } from '../types.js';
import { countdown } from './games/countdown.js';
import { miniSudoku } from './games/mini-sudoku.js';
import { nQueens } from './games/n-queens.js';
import { sudoku } from './games/sudoku.js';

export const reasoningGymGroupC: readonly Task[] = [countdown, miniSudoku, nQueens, sudoku] as unknown as readonly Task[];
