// The BIG-Bench-Hard tasks (official data) and their generated training variants (`bbh-gen.*`).
import type { Task } from '../types.js';
import { officialBbhTasks } from './official.js';

export const bbhTasks: readonly Task[] = [...officialBbhTasks];
