// SymBench tasks, group A (one file per task beside this list).
import type { Task } from '../types.js';

export const symbenchGroupA: readonly Task[] = [];
