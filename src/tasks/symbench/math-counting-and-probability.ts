// symbench.math_counting_and_probability: the MATH train-split counting & probability problems (771), fixed data.
import { defineMathSubsetTask } from './math-subset.js';

export const mathCountingAndProbability = defineMathSubsetTask(
  'math_counting_and_probability',
  'counting and probability',
);
