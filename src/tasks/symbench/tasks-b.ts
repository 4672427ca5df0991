// SymBench tasks, group B (one file per task beside this list).
import type { Task } from '../types.js';
import { stringDeletionAndModification } from './string-deletion-and-modification.js';
import { stringInsertion } from './string-insertion.js';
import { stringSplitting } from './string-splitting.js';
import { stringSynthesis } from './string-synthesis.js';

export const symbenchGroupB: readonly Task[] = [
  stringInsertion,
  stringDeletionAndModification,
  stringSynthesis,
  stringSplitting,
] as unknown as readonly Task[];
