// Tasks with a two-way answer accept the pair of words their prompt names, in any case, and refuse
// the other pair as unparseable: a True/False question is not answered by "yes".
import { describe, expect, it } from 'vitest';
import { getTask } from '../../src/tasks/index.js';

const TWO_WAY: [string, 'True/False' | 'Yes/No'][] = [
  ['rg.graphs.course_schedule', 'True/False'],
  ['rg.algorithmic.isomorphic_strings', 'True/False'],
  ['rg.algorithmic.ransom_note', 'True/False'],
  ['rg.logic.syllogism', 'Yes/No'],
];

describe('two-way answers', () => {
  for (const [id, words] of TWO_WAY) {
    it(`${id} reads ${words} only`, () => {
      const task = getTask(id);
      const instance = task.generate(task.resolveOptions(), 5, 0);
      const [yes, no] = words.split('/');
      const [otherYes, otherNo] = words === 'True/False' ? ['Yes', 'No'] : ['True', 'False'];
      expect(instance.prompt).toContain(yes);
      expect(task.verifyAnswer(instance, instance.answer.toLowerCase()).correct).toBe(true);
      const other = instance.answer === yes ? otherYes : otherNo;
      expect(task.verifyAnswer(instance, other).outcome).toBe('unparseable');
      expect(task.verifyAnswer(instance, instance.answer === yes ? no : yes).outcome).toBe('wrong');
    });
  }
});
