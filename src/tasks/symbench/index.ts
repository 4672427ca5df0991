// The SymBench (CodeSteer) tasks, in catalogue order.
import type { Task } from '../types.js';
import { numberMultiply } from './number-multiply.js';

export const symbenchTasks: readonly Task[] = [numberMultiply] as unknown as Task[];
