// The Python reference solvers over every official example they cover: each computes the answer
// from the question text alone and must match the official target.
import { describe, expect, it } from 'vitest';
import { runPythonScripts } from '../../../test/helpers/run-python.js';
import { hasDataset } from '../data.js';
import { officialBbhTasks } from './official.js';

const solvable = officialBbhTasks.filter((task) => task.referenceSolution !== undefined);

describe('BBH reference solvers on the official data', () => {
  it('cover the 14 algorithmic tasks and geometric_shapes', () => {
    expect(solvable.map((task) => task.id).sort()).toEqual([
      'bbh.boolean_expressions',
      'bbh.dyck_languages',
      'bbh.geometric_shapes',
      'bbh.logical_deduction_five_objects',
      'bbh.logical_deduction_seven_objects',
      'bbh.logical_deduction_three_objects',
      'bbh.multistep_arithmetic_two',
      'bbh.navigate',
      'bbh.object_counting',
      'bbh.temporal_sequences',
      'bbh.tracking_shuffled_objects_five_objects',
      'bbh.tracking_shuffled_objects_seven_objects',
      'bbh.tracking_shuffled_objects_three_objects',
      'bbh.web_of_lies',
      'bbh.word_sorting',
    ]);
  });

  for (const task of solvable) {
    it.skipIf(!hasDataset(task.dataset!.name))(`${task.id}: solves every official example`, async () => {
      const options = task.resolveOptions();
      const instances = Array.from({ length: task.dataset!.size() }, (_, index) => task.generate(options, 0, index));
      const runs = await runPythonScripts(instances.map((instance) => task.referenceSolution!(instance)));
      const failures = runs
        .map((run, i) => ({ run, instance: instances[i] }))
        .filter(({ run, instance }) => !task.verify(instance, `<<<${run.stdout.trim()}>>>`).correct)
        .map(
          ({ run, instance }) =>
            `${instance.index}: printed ${JSON.stringify(run.stdout.trim())}, ` +
            `target ${instance.answer} ${run.error.slice(-200)}`,
        );
      expect(failures).toEqual([]);
    });
  }
});
