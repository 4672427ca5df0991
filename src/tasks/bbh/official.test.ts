// The official BBH tasks over the real data (every target verifies correct, every other option
// wrong) and a table of realistic answer spellings with their expected verdicts.
import { describe, expect, it } from 'vitest';
import { ConfigError } from '../../core/index.js';
import { hasDataset } from '../data.js';
import type { Task, TaskInstance, VerifyOutcome } from '../types.js';
import { foldOptionText, parseOptions, type ChoiceOption } from './answer-kinds.js';
import { officialBbhTasks, OFFICIAL_SPECS } from './official.js';

const present = officialBbhTasks.filter((task) => hasDataset(task.dataset!.name));
if (present.length < officialBbhTasks.length)
  console.warn(
    `skipping ${officialBbhTasks.length - present.length} BBH data tests: bbh/*.json is not in the data directory`,
  );

function expectVerdict(task: Task, instance: TaskInstance, answer: string, correct: boolean): void {
  const verdict = task.verify(instance, `Reasoning...\n<<<${answer}>>>`);
  expect(
    verdict.correct,
    `${task.id}[${instance.index}] answer ${JSON.stringify(answer)} (gold ${instance.answer}): ${verdict.detail ?? ''}`,
  ).toBe(correct);
}

function uniqueText(options: readonly ChoiceOption[], option: ChoiceOption): boolean {
  return options.filter((o) => foldOptionText(o.text) === foldOptionText(option.text)).length === 1;
}

function checkChoiceExample(task: Task, instance: TaskInstance): void {
  const options = parseOptions(instance.metadata.question as string);
  // snarks[88] is truncated in the source data and lists only option (A).
  expect(options.length, `${task.id}[${instance.index}] options`).toBeGreaterThanOrEqual(
    task.id === 'bbh.snarks' && instance.index === 88 ? 1 : 2,
  );
  const gold = /^\(([A-Z])\)$/.exec(instance.answer)?.[1];
  if (gold !== undefined) expect(options.map((o) => o.letter)).toContain(gold);
  for (const option of options) {
    const isGold = option.letter === gold;
    expectVerdict(task, instance, `(${option.letter})`, isGold);
    expectVerdict(task, instance, option.letter, isGold);
    expectVerdict(task, instance, `(${option.letter}) ${option.text}`, isGold);
    if (uniqueText(options, option)) expectVerdict(task, instance, option.text, isGold);
  }
}

function checkOtherKinds(task: Task, instance: TaskInstance): void {
  const spec = OFFICIAL_SPECS[task.id.slice('bbh.'.length)];
  const gold = instance.answer;
  if (spec.kind === 'labels') {
    expectVerdict(task, instance, gold.toUpperCase(), true);
    expectVerdict(task, instance, gold.toLowerCase(), true);
    for (const label of spec.labels!.filter((l) => l.toLowerCase() !== gold.toLowerCase()))
      expectVerdict(task, instance, label, false);
  } else if (spec.kind === 'integer') {
    expectVerdict(task, instance, ` ${gold} `, true);
    expectVerdict(task, instance, String(Number(gold) + 1), false);
    expectVerdict(task, instance, String(-Number(gold) || 1), false);
  } else if (spec.kind === 'brackets') {
    expectVerdict(task, instance, gold.replace(/ /g, ''), true);
    if (gold.includes(' ')) expectVerdict(task, instance, gold.split(' ').slice(1).join(' '), false);
    expectVerdict(task, instance, `${gold} ${gold.split(' ')[0]}`, false);
  } else if (spec.kind === 'words') {
    const words = gold.split(' ');
    expectVerdict(task, instance, words.join(', '), true);
    expectVerdict(task, instance, words.slice(0, -1).join(' '), false);
    if (new Set(words).size > 1) expectVerdict(task, instance, [...words].reverse().join(' '), false);
  }
}

describe('official BBH data', () => {
  it.skipIf(present.length < officialBbhTasks.length)('holds 6,511 examples in 27 tasks', () => {
    expect(officialBbhTasks.reduce((sum, task) => sum + task.dataset!.size(), 0)).toBe(6511);
  });

  for (const task of present) {
    it(`${task.id}: every target verifies correct, every other option wrong`, () => {
      const options = task.resolveOptions();
      const size = task.dataset!.size();
      for (let index = 0; index < size; index++) {
        const instance = task.generate(options, 0, index);
        expectVerdict(task, instance, instance.answer, true);
        if (OFFICIAL_SPECS[task.id.slice(4)].kind === 'choice') checkChoiceExample(task, instance);
        else checkOtherKinds(task, instance);
      }
      expect(() => task.generate(options, 0, size)).toThrow(ConfigError);
      expect(() => task.generate(options, 0, size)).toThrow(
        new RegExp(`has ${size} examples; index ${size} is past the end`),
      );
    });
  }
});

function fakeInstance(taskName: string, question: string, answer: string): { task: Task; instance: TaskInstance } {
  const task = officialBbhTasks.find((t) => t.id === `bbh.${taskName}`)!;
  const spec = OFFICIAL_SPECS[taskName];
  const metadata = {
    answerKind: spec.kind,
    question,
    difficulty: {},
    ...(spec.labels ? { labels: spec.labels } : {}),
    ...(spec.kind === 'choice' ? { options: parseOptions(question) } : {}),
  };
  return { task, instance: { taskId: task.id, index: 0, seed: 0, prompt: question, answer, metadata } };
}

const DATE_QUESTION =
  'Today is Christmas Eve of 1937. What is the date tomorrow in MM/DD/YYYY?\nOptions:\n(A) 12/11/1937\n(B) ' +
  '12/25/1937\n(C) 01/04/1938';
const SHAPE_QUESTION = 'This SVG path element draws a\nOptions:\n(A) circle\n(B) heptagon\n(C) hexagon';

const SPELLINGS: [taskName: string, question: string, gold: string, response: string, outcome: VerifyOutcome][] = [
  ['date_understanding', DATE_QUESTION, '(B)', '<<<(B)>>>', 'correct'],
  ['date_understanding', DATE_QUESTION, '(B)', '<<<B>>>', 'correct'],
  ['date_understanding', DATE_QUESTION, '(B)', '<<< (b) >>>', 'correct'],
  ['date_understanding', DATE_QUESTION, '(B)', '<<<(B) 12/25/1937>>>', 'correct'],
  ['date_understanding', DATE_QUESTION, '(B)', '<<<B) 12/25/1937.>>>', 'correct'],
  ['date_understanding', DATE_QUESTION, '(B)', '<<<12/25/1937>>>', 'correct'],
  ['date_understanding', DATE_QUESTION, '(B)', '<<<"(B)">>>', 'correct'],
  ['date_understanding', DATE_QUESTION, '(B)', '<<<**(B)**>>>', 'correct'],
  ['date_understanding', DATE_QUESTION, '(B)', '<<<(A)>>>', 'wrong'],
  ['date_understanding', DATE_QUESTION, '(B)', '<<<a>>>', 'wrong'],
  ['date_understanding', DATE_QUESTION, '(B)', '<<<12/11/1937>>>', 'wrong'],
  ['date_understanding', DATE_QUESTION, '(B)', '<<<(D)>>>', 'wrong'],
  ['date_understanding', DATE_QUESTION, '(B)', '<<<(B) 12/11/1937>>>', 'unparseable'],
  ['date_understanding', DATE_QUESTION, '(B)', '<<<(B) Christmas Day>>>', 'unparseable'],
  ['date_understanding', DATE_QUESTION, '(B)', '<<<12/25>>>', 'unparseable'],
  ['date_understanding', DATE_QUESTION, '(B)', '<<<(A) or (B)>>>', 'unparseable'],
  ['date_understanding', DATE_QUESTION, '(B)', 'The answer is (B).', 'no-answer'],
  ['geometric_shapes', SHAPE_QUESTION, '(B)', '<<<heptagon>>>', 'correct'],
  ['geometric_shapes', SHAPE_QUESTION, '(B)', '<<<Heptagon.>>>', 'correct'],
  ['geometric_shapes', SHAPE_QUESTION, '(B)', '<<<hexagon>>>', 'wrong'],
  ['boolean_expressions', 'not ( True ) and ( True ) is', 'False', '<<<False>>>', 'correct'],
  ['boolean_expressions', 'not ( True ) and ( True ) is', 'False', '<<<false>>>', 'correct'],
  ['boolean_expressions', 'not ( True ) and ( True ) is', 'False', '<<< FALSE. >>>', 'correct'],
  ['boolean_expressions', 'not ( True ) and ( True ) is', 'False', '<<<True>>>', 'wrong'],
  ['boolean_expressions', 'not ( True ) and ( True ) is', 'False', '<<<true>>>', 'wrong'],
  ['boolean_expressions', 'not ( True ) and ( True ) is', 'False', '<<<0>>>', 'unparseable'],
  ['boolean_expressions', 'not ( True ) and ( True ) is', 'False', '<<<False or True>>>', 'unparseable'],
  ['navigate', 'Take 8 steps. Turn around. Take 8 steps.', 'Yes', '<<<yes>>>', 'correct'],
  ['navigate', 'Take 8 steps. Turn around. Take 8 steps.', 'Yes', '<<<No>>>', 'wrong'],
  ['sports_understanding', 'Is the following sentence plausible?', 'no', '<<<No>>>', 'correct'],
  ['formal_fallacies', 'Is the argument valid?', 'invalid', '<<<Invalid>>>', 'correct'],
  ['formal_fallacies', 'Is the argument valid?', 'invalid', '<<<valid>>>', 'wrong'],
  ['multistep_arithmetic_two', '((-1 + 2) * 3) =', '-12', '<<<-12>>>', 'correct'],
  ['multistep_arithmetic_two', '((-1 + 2) * 3) =', '-12', '<<< -12.0 >>>', 'correct'],
  ['multistep_arithmetic_two', '((-1 + 2) * 3) =', '-12', '<<<12>>>', 'wrong'],
  ['multistep_arithmetic_two', '((-1 + 2) * 3) =', '-12', '<<<-12.5>>>', 'unparseable'],
  ['multistep_arithmetic_two', '((-1 + 2) * 3) =', '-12', '<<<minus twelve>>>', 'unparseable'],
  ['object_counting', 'I have a cat. How many animals do I have?', '8', '<<<8>>>', 'correct'],
  ['object_counting', 'I have a cat. How many animals do I have?', '8', '<<<eight>>>', 'unparseable'],
  ['dyck_languages', 'Input: { [ (', ') ] }', '<<<) ] }>>>', 'correct'],
  ['dyck_languages', 'Input: { [ (', ') ] }', '<<<)]}>>>', 'correct'],
  ['dyck_languages', 'Input: { [ (', ') ] }', '<<< )  ]\n} >>>', 'correct'],
  ['dyck_languages', 'Input: { [ (', ') ] }', '<<<) } ]>>>', 'wrong'],
  ['dyck_languages', 'Input: { [ (', ') ] }', '<<<) ]>>>', 'wrong'],
  ['dyck_languages', 'Input: { [ (', ') ] }', '<<<{ [ ( ) ] }>>>', 'wrong'],
  ['dyck_languages', 'Input: { [ (', ') ] }', '<<<close them>>>', 'unparseable'],
  ['word_sorting', 'List: syndrome therefrom', 'syndrome therefrom', '<<<syndrome therefrom>>>', 'correct'],
  ['word_sorting', 'List: syndrome therefrom', 'syndrome therefrom', '<<<syndrome, therefrom>>>', 'correct'],
  ['word_sorting', 'List: syndrome therefrom', 'syndrome therefrom', "<<<['syndrome', 'therefrom']>>>", 'correct'],
  ['word_sorting', 'List: syndrome therefrom', 'syndrome therefrom', '<<<  syndrome\ntherefrom >>>', 'correct'],
  ['word_sorting', 'List: syndrome therefrom', 'syndrome therefrom', '<<<therefrom syndrome>>>', 'wrong'],
  ['word_sorting', 'List: syndrome therefrom', 'syndrome therefrom', '<<<syndrome>>>', 'wrong'],
  ['word_sorting', 'List: syndrome therefrom', 'syndrome therefrom', '<<<Syndrome Therefrom>>>', 'wrong'],
];

describe('BBH answer spellings', () => {
  it.each(SPELLINGS)('%s gold %s: %s → %s', (taskName, question, gold, response, outcome) => {
    const { task, instance } = fakeInstance(taskName, question, gold);
    expect(task.verify(instance, response).outcome).toBe(outcome);
  });

  it('a target that is two split options joined is correct only as that text', () => {
    const question = 'Find a movie similar to Shrek:\nOptions:\n(A) Monsters\n(B) Inc\n(C) Children of the Night';
    const { task, instance } = fakeInstance('movie_recommendation', question, 'Monsters, Inc');
    expect(
      ['<<<Monsters, Inc>>>', '<<<monsters, inc.>>>', '<<<(A)>>>', '<<<(B)>>>', '<<<Monsters>>>'].map(
        (r) => task.verify(instance, r).correct,
      ),
    ).toEqual([true, true, false, false, false]);
  });
});
