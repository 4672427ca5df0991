// SymBench tasks, group B (one file per task beside this list).
import type { Task } from '../types.js';
import { gsmHard } from './gsm-hard.js';
import { mathCountingAndProbability } from './math-counting-and-probability.js';
import { mathGeometry } from './math-geometry.js';
import { stringDeletionAndModification } from './string-deletion-and-modification.js';
import { stringInsertion } from './string-insertion.js';
import { stringSplitting } from './string-splitting.js';
import { stringSynthesis } from './string-synthesis.js';

export const symbenchGroupB: readonly Task[] = [
  gsmHard,
  mathGeometry,
  mathCountingAndProbability,
  stringInsertion,
  stringDeletionAndModification,
  stringSynthesis,
  stringSplitting,
] as unknown as readonly Task[];
