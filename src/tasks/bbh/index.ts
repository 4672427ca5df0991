// The BIG-Bench-Hard tasks (official data) and their generated training variants (`bbh-gen.*`).
import type { Task } from '../types.js';

export const bbhTasks: readonly Task[] = [];
