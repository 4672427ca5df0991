// Every reference solution, run with python3 on 24 generated instances, prints an answer that
// verifies correct: an independent check of generator and verifier. All tasks' scripts run in one
// interpreter (each with fresh globals), so numpy and sympy are imported once, not once per task.
import { beforeAll, describe, expect, it } from 'vitest';
import { ALL_TASKS } from '../../src/tasks/index.js';
import { runPythonScripts, type ScriptRun } from '../helpers/run-python.js';
import { dataMissing, sampleInstances } from '../helpers/task-checks.js';

const withSolutions = ALL_TASKS.filter((task) => task.referenceSolution && !dataMissing(task));
const instancesOf = new Map(withSolutions.map((task) => [task.id, sampleInstances(task, [0, 5], 12)]));
const runsOf = new Map<string, ScriptRun[]>();

// About 20 s of one core on a loaded 2-core machine.
beforeAll(async () => {
  const scripts = withSolutions.flatMap((task) => instancesOf.get(task.id)!.map((i) => task.referenceSolution!(i)));
  const runs = await runPythonScripts(scripts);
  let at = 0;
  for (const task of withSolutions) {
    const n = instancesOf.get(task.id)!.length;
    runsOf.set(task.id, runs.slice(at, at + n));
    at += n;
  }
}, 120_000);

describe('reference solutions', () => {
  for (const task of withSolutions) {
    it(`${task.id}: 24 instances solved by its Python reference solution`, () => {
      const instances = instancesOf.get(task.id)!;
      const runs = runsOf.get(task.id)!;
      expect(runs).toHaveLength(instances.length);
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
