// Every reference solution, run with python3 on 20+ generated instances, prints an answer that
// verifies correct: an independent check of generator and verifier.
import { describe, expect, it } from 'vitest';
import { ALL_TASKS } from '../../src/tasks/index.js';
import { runPythonScripts } from '../helpers/run-python.js';
import { dataMissing, sampleInstances } from '../helpers/task-checks.js';

const withSolutions = ALL_TASKS.filter((task) => task.referenceSolution && !dataMissing(task));

describe('reference solutions', () => {
  for (const task of withSolutions) {
    it(`${task.id}: 24 instances solved by its Python reference solution`, async () => {
      const instances = sampleInstances(task, [0, 5], 12);
      const runs = await runPythonScripts(instances.map((instance) => task.referenceSolution!(instance)));
      runs.forEach((run, i) => {
        const instance = instances[i];
        expect(run.error, `${task.id} index=${instance.index}`).toBe('');
        const verdict = task.verify(instance, `<<<${run.stdout.trim()}>>>`);
        expect(
          verdict,
          `${task.id} seed=${instance.seed} index=${instance.index}: ` +
            `printed ${JSON.stringify(run.stdout.trim().slice(0, 200))}, ` +
            `gold ${JSON.stringify(instance.answer.slice(0, 200))}`,
        ).toMatchObject({ correct: true });
      });
    });
  }
});
