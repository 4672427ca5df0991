// symbench.math_geometry: the MATH train-split geometry problems (870), fixed data.
import { defineMathSubsetTask } from './math-subset.js';

export const mathGeometry = defineMathSubsetTask('math_geometry', 'geometry');
