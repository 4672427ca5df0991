// The demo teacher's own code: it quotes the question from the words just before the numbers (a
// substring of the prompt, so the model can copy it from context) and prints the gold answer in
// the answer format.
import { execFileSync } from 'node:child_process';
import { describe, expect, it } from 'vitest';
import { getTask } from '../../tasks/index.js';
import { DEMO_TASKS } from './tasks.js';

describe('demo teacher code', () => {
  for (const demoTask of DEMO_TASKS.filter((t) => t.teacherCode)) {
    it(`${demoTask.id}: quotes the question and prints <<<gold>>>`, () => {
      const task = getTask(demoTask.id);
      const options = task.resolveOptions(demoTask.options);
      for (let index = 0; index < 12; index++) {
        const instance = task.generate(options, 5, index);
        const code = demoTask.teacherCode!(instance);
        const quote = /question = "([^"]+)"/.exec(code)?.[1];
        expect(quote && instance.prompt.includes(quote)).toBe(true);
        expect(quote).toMatch(/\d/);
        const printed = execFileSync('python3', ['-c', code], { encoding: 'utf8' }).trim();
        expect(printed).toBe(`<<<${instance.answer}>>>`);
      }
    }, 30_000);
  }
});
