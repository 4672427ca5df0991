// The generated BBH variants: answers recomputed independently of the generators (other algorithms
// here, and the official tasks' Python solvers reading the question text), other options wrong.
import { describe, expect, it } from 'vitest';
import { runPythonScripts } from '../../../../test/helpers/run-python.js';
import type { Task, TaskInstance } from '../../types.js';
import { BBH_GENERATED_NAMES } from '../../catalogue.js';
import { parseOptions } from '../answer-kinds.js';
import { OBJECT_COUNTING_CATEGORIES } from '../solvers.js';
import { generatedBbhTasks } from '../index.js';

const byName = (name: string): Task => generatedBbhTasks.find((task) => task.id === `bbh-gen.${name}`)!;
const sample = (name: string, count: number, options: Record<string, unknown> = {}): TaskInstance[] => {
  const task = byName(name);
  const resolved = task.resolveOptions(options);
  return Array.from({ length: count }, (_, i) => task.generate(resolved, 11, i));
};
const question = (instance: TaskInstance) => instance.metadata.question as string;

describe('generated BBH variants', () => {
  it('one per BBH_GENERATED_NAMES entry, each a train variant of its official task', () => {
    expect(generatedBbhTasks.map((task) => task.id).sort()).toEqual(
      BBH_GENERATED_NAMES.map((name) => `bbh-gen.${name}`).sort(),
    );
    for (const task of generatedBbhTasks)
      expect([task.source, task.variantOf]).toEqual(['bbh-gen', task.id.replace('bbh-gen.', 'bbh.')]);
  });

  it('boolean_expressions: JavaScript operators give the same value', () => {
    for (const instance of sample('boolean_expressions', 300, { operands: 5 })) {
      const js = question(instance)
        .replace(/ is$/, '')
        .replace(/\bnot\b/g, '!')
        .replace(/\band\b/g, '&&')
        .replace(/\bor\b/g, '||')
        .replace(/True/g, 'true')
        .replace(/False/g, 'false');
      expect(String(new Function(`return ${js};`)()), question(instance)).toBe(instance.answer.toLowerCase());
    }
  });

  it('multistep_arithmetic_two: JavaScript arithmetic gives the same value', () => {
    for (const instance of sample('multistep_arithmetic_two', 300)) {
      expect(String(new Function(`return ${question(instance).replace(/ =$/, '')};`)())).toBe(instance.answer);
    }
  });

  it('dyck_languages: removing matched pairs leaves exactly the openers the answer closes', () => {
    const closer: Record<string, string> = { '(': ')', '[': ']', '{': '}', '<': '>' };
    for (const instance of sample('dyck_languages', 300)) {
      let rest = question(instance).split('Input: ')[1].replace(/ /g, '');
      for (let before = ''; before !== rest;) {
        before = rest;
        rest = rest.replace(/\(\)|\[\]|\{\}|<>/g, '');
      }
      expect(rest).toMatch(/^[([{<]+$/);
      expect(
        [...rest]
          .reverse()
          .map((c) => closer[c])
          .join(' '),
      ).toBe(instance.answer);
    }
  });

  it('navigate: complex-number walking agrees, and both answers occur', () => {
    const answers = new Set<string>();
    for (const instance of sample('navigate', 300)) {
      let re = 0,
        im = 0,
        dirRe = 0,
        dirIm = 1;
      for (const sentence of question(instance)
        .split('?')[1]
        .split('\n')[0]
        .split('.')
        .map((s) => s.trim())
        .filter(Boolean)) {
        const turn = { 'Turn left': [0, 1], 'Turn right': [0, -1], 'Turn around': [-1, 0] }[sentence];
        if (turn) {
          [dirRe, dirIm] = [dirRe * turn[0] - dirIm * turn[1], dirRe * turn[1] + dirIm * turn[0]];
          continue;
        }
        const move = /^Take (\d+) steps?(?: (\w+))?$/.exec(sentence);
        if (!move) continue;
        const rotate = { forward: [1, 0], backward: [-1, 0], left: [0, 1], right: [0, -1] }[move[2] ?? 'forward']!;
        re += Number(move[1]) * (dirRe * rotate[0] - dirIm * rotate[1]);
        im += Number(move[1]) * (dirRe * rotate[1] + dirIm * rotate[0]);
      }
      expect(re === 0 && im === 0 ? 'Yes' : 'No', question(instance)).toBe(instance.answer);
      answers.add(instance.answer);
    }
    expect([...answers].sort()).toEqual(['No', 'Yes']);
  });

  it('web_of_lies: the parity of "lies" decides the last person', () => {
    for (const instance of sample('web_of_lies', 300, { people: 7 })) {
      const lies = question(instance).split(' lies').length - 1;
      expect(lies % 2 === 0 ? 'Yes' : 'No').toBe(instance.answer);
    }
  });

  it('object_counting: counting the parsed list gives the answer', () => {
    const numbers: Record<string, number> = {
      a: 1,
      an: 1,
      two: 2,
      three: 3,
      four: 4,
      five: 5,
      six: 6,
      seven: 7,
      eight: 8,
      nine: 9,
      ten: 10,
    };
    for (const instance of sample('object_counting', 300)) {
      const [, list, category] = /^I have (.*)\. How many (.*) do I have\?$/.exec(question(instance))!;
      const members = OBJECT_COUNTING_CATEGORIES[category];
      let total = 0;
      for (const part of list.split(/, and |, | and /)) {
        const [count, ...rest] = part.split(' ');
        const name = rest.join(' ');
        const forms = (item: string) => [
          item,
          `${item}s`,
          `${item}es`,
          item.replace(/y$/, 'ies'),
          item.replace(/^(head|stalk) /, '$1s '),
          item === 'mouse' ? 'mice' : item,
        ];
        if (members.some((item) => forms(item).includes(name))) total += numbers[count];
      }
      expect(String(total), question(instance)).toBe(instance.answer);
    }
  });

  it('tracking_shuffled_objects: following the asked item backwards finds its first owner', () => {
    for (const name of [
      'tracking_shuffled_objects_three_objects',
      'tracking_shuffled_objects_five_objects',
      'tracking_shuffled_objects_seven_objects',
    ]) {
      for (const instance of sample(name, 200)) {
        const text = question(instance);
        const swaps = [...text.matchAll(/(\w+) and (\w+) (?:swap|switch|trade)/g)].map((m) => [m[1], m[2]]);
        let holder = /At the end of the \w+, (\w+) /.exec(text)![1];
        for (const [a, b] of swaps.reverse()) holder = holder === a ? b : holder === b ? a : holder;
        const people = ['Alice', 'Bob', 'Claire', 'Dave', 'Eve', 'Fred', 'Gertrude'];
        expect(`(${'ABCDEFG'[people.indexOf(holder)]})`).toBe(instance.answer);
      }
    }
  });

  it('word_sorting: the answer is the listed words, each not after the next', () => {
    for (const instance of sample('word_sorting', 300)) {
      const listed = question(instance).split('List: ')[1].split(' ');
      const answer = instance.answer.split(' ');
      expect([...answer].sort()).toEqual([...listed].sort());
      for (let i = 1; i < answer.length; i++) expect(answer[i - 1] < answer[i]).toBe(true);
    }
  });

  it('temporal_sequences: the answer slot is free and every other option is a sighting', () => {
    for (const instance of sample('temporal_sequences', 300)) {
      const text = question(instance).split('Options:')[0];
      const options = parseOptions(question(instance));
      const sightings = [...text.matchAll(/ from (\w+ to \w+)\./g)].map((m) => m[1]);
      const free = options.filter((option) => !sightings.includes(option.text));
      expect(free.map((option) => `(${option.letter})`)).toEqual([instance.answer]);
    }
  });

  it('multiple choice: every option but the answer verifies wrong', () => {
    for (const task of generatedBbhTasks.filter((t) => t.answerFormat.startsWith('an option letter'))) {
      for (const instance of sample(task.id.slice('bbh-gen.'.length), 40)) {
        const verdicts = parseOptions(question(instance)).map((option) => [
          `(${option.letter})`,
          task.verify(instance, `<<<(${option.letter})>>>`).correct,
        ]);
        expect(verdicts.filter(([, correct]) => correct).map(([letter]) => letter)).toEqual([instance.answer]);
      }
    }
  });

  it('the official Python solvers, reading only the text, agree on 100 questions per variant', async () => {
    const instances = generatedBbhTasks.flatMap((task) =>
      sample(task.id.slice('bbh-gen.'.length), 100).map((instance) => ({ task, instance })),
    );
    const runs = await runPythonScripts(instances.map(({ task, instance }) => task.referenceSolution!(instance)));
    const failures = runs
      .map((run, i) => ({ run, ...instances[i] }))
      .filter(({ run, task, instance }) => !task.verify(instance, `<<<${run.stdout.trim()}>>>`).correct)
      .map(
        ({ run, instance }) =>
          `${instance.taskId}[${instance.index}]: printed ${JSON.stringify(run.stdout.trim())}, ` +
          `gold ${instance.answer} ${run.error.slice(-300)}`,
      );
    expect(failures.slice(0, 5)).toEqual([]);
  });
});
