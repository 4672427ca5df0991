// The two MATH subsets SymBench uses (geometry, counting & probability): the problem text as asked,
// the last \boxed{...} of the reference solution as the gold answer, checked by value equivalence.
import { defineTask } from '../define-task.js';
import { CORRECT, unparseable, wrong } from '../answer.js';
import { datasetRef, datasetRow } from './math-dataset-task.js';
import { lastBoxed, MAX_MATH_ANSWER, mathAnswersEqual, warmMathEngine } from './math-answer.js';

type MathRow = { problem: string; level: string; type: string; solution: string; id: string };

/** One MATH-subset task over dataset `symbench/<name>`. */
export function defineMathSubsetTask(name: 'math_geometry' | 'math_counting_and_probability', subject: string) {
  const dataset = `symbench/${name}`;
  return defineTask({
    id: `symbench.${name}`,
    source: 'symbench',
    description: `A ${subject} problem from the MATH benchmark (fixed data, row = index).`,
    answerFormat: 'a number, LaTeX expression, tuple or interval',
    options: {},
    dataset: datasetRef(dataset),
    maxAnswerLength: MAX_MATH_ANSWER,
    generate(_options, _rng, index) {
      warmMathEngine();
      const row = datasetRow<MathRow>(dataset, index);
      const answer = lastBoxed(row.solution);
      if (answer === null) throw new Error(`${dataset} row ${index} has no \\boxed{} answer in its solution`);
      const prompt =
        `${row.problem}\n\nGive the exact final answer (a number, or a LaTeX expression, tuple or ` +
        `interval where the problem calls for one). Output the final answer with the format <<<answer>>>.`;
      return { prompt, answer, metadata: { id: row.id, level: row.level } };
    },
    check(instance, answer) {
      if (answer.trim().length === 0) return unparseable('empty answer');
      return mathAnswersEqual(instance.answer, answer) ? CORRECT : wrong();
    },
  });
}
