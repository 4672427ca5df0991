// SymBench tasks, group C (one file per task beside this list).
import type { Task } from '../types.js';
import { letterLogicDiagram } from './letter-logic-diagram.js';
import { reversi } from './reversi.js';
import { synthesisDecomposition } from './synthesis-decomposition.js';

export const symbenchGroupC: readonly Task[] = [
  letterLogicDiagram,
  reversi,
  synthesisDecomposition,
] as unknown as readonly Task[];
