// The SymBench (CodeSteer) tasks.
import type { Task } from '../types.js';
import { numberMultiply } from './number-multiply.js';
import { symbenchGroupA } from './tasks-a.js';
import { symbenchGroupB } from './tasks-b.js';
import { symbenchGroupC } from './tasks-c.js';

export const symbenchTasks: readonly Task[] = [numberMultiply as unknown as Task, ...symbenchGroupA, ...symbenchGroupB, ...symbenchGroupC];
