// The Reasoning-Gym tasks (`rg.<category>.<name>`).
import type { Task } from '../types.js';
import { reasoningGymGroupA } from './tasks-a.js';
import { reasoningGymGroupB } from './tasks-b.js';
import { reasoningGymGroupC } from './tasks-c.js';

export const reasoningGymTasks: readonly Task[] = [...reasoningGymGroupA, ...reasoningGymGroupB, ...reasoningGymGroupC];
