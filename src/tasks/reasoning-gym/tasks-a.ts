// Reasoning-Gym tasks, group A (one file per task under <category>/).
import type { Task } from '../types.js';

export const reasoningGymGroupA: readonly Task[] = [];
