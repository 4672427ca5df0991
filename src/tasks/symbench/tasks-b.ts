// SymBench tasks, group B (one file per task beside this list).
import type { Task } from '../types.js';

export const symbenchGroupB: readonly Task[] = [];
