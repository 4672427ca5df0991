// Reasoning-Gym tasks, group C (one file per task under <category>/).
import type { Task } from '../types.js';

export const reasoningGymGroupC: readonly Task[] = [];
