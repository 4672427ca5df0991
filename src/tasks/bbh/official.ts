// The 27 BIG-Bench-Hard tasks backed by the official data files (`bbh/<task>.json` in the data
// directory): index i is example i, the prompt is the official input plus the answer instruction.
import { ConfigError } from '../../core/index.js';
import { bbhDataset, loadDataset } from '../data.js';
import { defineTask } from '../define-task.js';
import type { Task } from '../types.js';
import {
  answerInstructionFor,
  checkBbhAnswer,
  parseOptions,
  type AnswerKind,
  type BbhAnswerMetadata,
} from './answer-kinds.js';
import { solverScript, SOLVABLE } from './solvers.js';

type OfficialSpec = { kind: AnswerKind; labels?: string[]; description: string };

const YES_NO = ['Yes', 'No'];

/** Answer kind and a one-sentence description of each official task. */
export const OFFICIAL_SPECS: Record<string, OfficialSpec> = {
  boolean_expressions: {
    kind: 'labels',
    labels: ['True', 'False'],
    description: 'Evaluate a Boolean expression over True, False, not, and, or and parentheses.',
  },
  causal_judgement: {
    kind: 'labels',
    labels: YES_NO,
    description: 'Say how a typical person would answer a question about causation in a short story.',
  },
  date_understanding: { kind: 'choice', description: 'Infer a date in MM/DD/YYYY from a few sentences about dates.' },
  disambiguation_qa: {
    kind: 'choice',
    description: 'Find the antecedent of a pronoun in a sentence, or say it is ambiguous.',
  },
  dyck_languages: { kind: 'brackets', description: 'Close the open brackets of a Dyck-language sequence.' },
  formal_fallacies: {
    kind: 'labels',
    labels: ['valid', 'invalid'],
    description: 'Decide whether an argument is deductively valid given its stated premises.',
  },
  geometric_shapes: { kind: 'choice', description: 'Name the shape an SVG path draws.' },
  hyperbaton: { kind: 'choice', description: 'Pick the sentence whose adjectives are in the correct English order.' },
  logical_deduction_five_objects: {
    kind: 'choice',
    description: 'Order five objects from clues and pick the true statement.',
  },
  logical_deduction_seven_objects: {
    kind: 'choice',
    description: 'Order seven objects from clues and pick the true statement.',
  },
  logical_deduction_three_objects: {
    kind: 'choice',
    description: 'Order three objects from clues and pick the true statement.',
  },
  movie_recommendation: { kind: 'choice', description: 'Pick the movie most similar to a list of movies.' },
  multistep_arithmetic_two: { kind: 'integer', description: 'Evaluate a nested integer arithmetic expression.' },
  navigate: {
    kind: 'labels',
    labels: YES_NO,
    description: 'Decide whether a sequence of steps and turns returns to the start.',
  },
  object_counting: { kind: 'integer', description: 'Count the items of a category in a list of possessions.' },
  penguins_in_a_table: { kind: 'choice', description: 'Answer a question about a small table of penguins.' },
  reasoning_about_colored_objects: {
    kind: 'choice',
    description: 'Answer a question about the colours, counts and positions of objects.',
  },
  ruin_names: { kind: 'choice', description: 'Pick the humorous one-letter-style edit of an artist or movie name.' },
  salient_translation_error_detection: {
    kind: 'choice',
    description: 'Classify the error in a German-to-English translation.',
  },
  snarks: { kind: 'choice', description: 'Pick the sarcastic statement of two.' },
  sports_understanding: {
    kind: 'labels',
    labels: ['yes', 'no'],
    description: 'Decide whether a sentence about sports is plausible.',
  },
  temporal_sequences: {
    kind: 'choice',
    description: 'Find when a person could have gone somewhere, from a schedule of sightings.',
  },
  tracking_shuffled_objects_five_objects: {
    kind: 'choice',
    description: 'Track who holds what after five pairwise swaps among five people.',
  },
  tracking_shuffled_objects_seven_objects: {
    kind: 'choice',
    description: 'Track who holds what after seven pairwise swaps among seven people.',
  },
  tracking_shuffled_objects_three_objects: {
    kind: 'choice',
    description: 'Track who holds what after three pairwise swaps among three people.',
  },
  web_of_lies: {
    kind: 'labels',
    labels: YES_NO,
    description: 'Decide whether the last person of a chain of truth-tellers and liars tells the truth.',
  },
  word_sorting: { kind: 'words', description: 'Sort a list of words alphabetically.' },
};

type BbhExample = { input: string; target: string };

const ANSWER_FORMATS: Record<AnswerKind, string> = {
  choice: 'an option letter, e.g. (B)',
  labels: '',
  integer: 'an integer',
  brackets: 'closing brackets separated by spaces',
  words: 'the words in order, separated by spaces',
};

/** The example at `index`; past the end is a ConfigError naming the dataset's size. */
function exampleAt(name: string, dataset: string, index: number): BbhExample {
  const rows = loadDataset<BbhExample>(dataset);
  if (index >= rows.length) {
    throw new ConfigError([
      {
        path: 'index',
        message: `bbh.${name} has ${rows.length} examples; index ${index} is past the end`,
        fix: `use an index from 0 to ${rows.length - 1}`,
      },
    ]);
  }
  return rows[index];
}

function defineOfficialTask(name: string, spec: OfficialSpec): Task {
  const dataset = bbhDataset(name).name;
  const solvable = SOLVABLE.has(name);
  return defineTask({
    id: `bbh.${name}`,
    source: 'bbh',
    description: spec.description,
    answerFormat: spec.kind === 'labels' ? (spec.labels ?? []).join(' or ') : ANSWER_FORMATS[spec.kind],
    differsFromSource:
      'Read by a deterministic reader per answer kind where CodeSteer asks GPT-4o to judge; spellings ' +
      'a judge takes for the same answer (−8 for -8, } , ] for } ]) are accepted.',
    options: {},
    dataset: { name: dataset, size: () => loadDataset(dataset).length },
    generate(_options, _rng, index) {
      const example = exampleAt(name, dataset, index);
      const metadata: BbhAnswerMetadata = { answerKind: spec.kind };
      if (spec.kind === 'labels') metadata.labels = spec.labels;
      if (spec.kind === 'choice') metadata.options = parseOptions(example.input);
      // A few official targets are not one listed option (the source split an option at a comma);
      // those questions ask for the answer's text instead of a letter.
      const textTarget = spec.kind === 'choice' && !/^\([A-Z]\)$/.test(example.target);
      const instruction = textTarget
        ? 'Return your final answer within triple angle brackets, as <<<answer>>>, where the answer is the full ' +
          'text of the correct answer.'
        : answerInstructionFor(spec.kind, spec.labels);
      const prompt = `${example.input}\n\n${instruction}`;
      return { prompt, answer: example.target, metadata: { ...metadata, question: example.input } };
    },
    check: (instance, answer) =>
      checkBbhAnswer(instance.answer, instance.metadata as unknown as BbhAnswerMetadata, answer),
    referenceSolution: solvable ? (instance) => solverScript(name, instance.metadata.question as string) : undefined,
  }) as unknown as Task;
}

/** The 27 official tasks. */
export const officialBbhTasks: readonly Task[] = Object.entries(OFFICIAL_SPECS).map(([name, spec]) =>
  defineOfficialTask(name, spec),
);
