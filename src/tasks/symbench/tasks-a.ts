// SymBench tasks, group A (one file per task beside this list).
import type { Task } from '../types.js';
import { game24 } from './game24.js';

export const symbenchGroupA: readonly Task[] = [
  game24,
].map((task) => task as unknown as Task);
