// Reasoning-Gym tasks, group B (one file per task under <category>/).
import type { Task } from '../types.js';

export const reasoningGymGroupB: readonly Task[] = [];
