// The BIG-Bench-Hard tasks (official data) and their generated training variants (`bbh-gen.*`).
import type { Task } from '../types.js';
import { booleanExpressionsGen, dyckLanguagesGen, multistepArithmeticGen } from './variants/expressions.js';
import { logicalDeductionGenTasks } from './variants/logical-deduction.js';
import { navigateGen, objectCountingGen, webOfLiesGen, wordSortingGen } from './variants/lists-and-walks.js';
import { temporalSequencesGen } from './variants/temporal-sequences.js';
import { trackingGenTasks } from './variants/tracking.js';
import { officialBbhTasks } from './official.js';

/** The generated training variants, one per name in BBH_GENERATED_NAMES. */
export const generatedBbhTasks: readonly Task[] = [
  booleanExpressionsGen,
  dyckLanguagesGen,
  multistepArithmeticGen,
  navigateGen,
  objectCountingGen,
  ...trackingGenTasks,
  webOfLiesGen,
  wordSortingGen,
  ...logicalDeductionGenTasks,
  temporalSequencesGen,
];

export const bbhTasks: readonly Task[] = [...officialBbhTasks, ...generatedBbhTasks];
