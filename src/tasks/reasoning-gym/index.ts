// The Reasoning-Gym tasks (`rg.<category>.<name>`), in catalogue order.
import type { Task } from '../types.js';

export const reasoningGymTasks: readonly Task[] = [];
