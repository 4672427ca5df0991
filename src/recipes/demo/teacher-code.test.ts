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
      const instances = Array.from({ length: 12 }, (_, index) => task.generate(options, 5, index));
      const codes = instances.map((instance) => demoTask.teacherCode!(instance));
      for (const [i, code] of codes.entries()) {
        const quote = /question = "([^"]+)"/.exec(code)?.[1];
        expect(quote && instances[i].prompt.includes(quote)).toBe(true);
        expect(quote).toMatch(/\d/);
      }
      // One Python process runs every snippet on its own, each printing one line.
      const runner = 'import json, sys\nfor code in json.load(sys.stdin):\n    exec(code, {})';
      const printed = execFileSync('python3', ['-c', runner], { input: JSON.stringify(codes), encoding: 'utf8' });
      expect(printed.trim().split('\n')).toEqual(instances.map((instance) => `<<<${instance.answer}>>>`));
    }, 30_000);
  }
});
