// The common shape of a generated BBH variant (`bbh-gen.<name>`): a seeded question in the official
// wording, the official task's answer reading and instruction, and the official task's Python solver.
import type { JsonValue } from '../../../core/index.js';
import type { Rng } from '../../../core/rng.js';
import { defineTask, type DefineTaskExtras } from '../../define-task.js';
import type { OptionRange, OptionsSchema, OptionValues, Task } from '../../types.js';
import {
  answerInstructionFor,
  checkBbhAnswer,
  parseOptions,
  type AnswerKind,
  type BbhAnswerMetadata,
} from '../answer-kinds.js';
import { solverScript } from '../solvers.js';

/** What a variant's generator returns: the question in official wording and its answer. */
export type GeneratedBbhQuestion = { question: string; answer: string; extra?: Record<string, JsonValue> };

export type GeneratedBbhSpec<S extends OptionsSchema> = {
  /** The official task's file name, e.g. `navigate`. */
  name: string;
  description: string;
  answerFormat: string;
  kind: AnswerKind;
  labels?: string[];
  options: S;
  /** Numeric options that must stay in order, as in TaskDefinition.ranges. */
  ranges?: readonly OptionRange<S>[];
  generate(options: OptionValues<S>, rng: Rng): GeneratedBbhQuestion;
} & DefineTaskExtras<S>;

export function defineGeneratedBbhTask<S extends OptionsSchema>(spec: GeneratedBbhSpec<S>): Task {
  return defineTask<S>({
    id: `bbh-gen.${spec.name}`,
    source: 'bbh-gen',
    variantOf: `bbh.${spec.name}`,
    description: spec.description,
    answerFormat: spec.answerFormat,
    options: spec.options,
    ranges: spec.ranges,
    validateOptions: spec.validateOptions,
    generate(options, rng) {
      const { question, answer, extra } = spec.generate(options, rng);
      const metadata: BbhAnswerMetadata = { answerKind: spec.kind };
      if (spec.labels) metadata.labels = spec.labels;
      if (spec.kind === 'choice') metadata.options = parseOptions(question);
      const prompt = `${question}\n\n${answerInstructionFor(spec.kind, spec.labels)}`;
      return { prompt, answer, metadata: { ...metadata, question, ...(extra ?? {}) } };
    },
    check: (instance, answer) =>
      checkBbhAnswer(instance.answer, instance.metadata as unknown as BbhAnswerMetadata, answer),
    referenceSolution: (instance) => solverScript(spec.name, instance.metadata.question as string),
  }) as unknown as Task;
}

export const ORDINALS = ['first', 'second', 'third', 'fourth', 'fifth', 'sixth', 'seventh', 'eighth', 'ninth', 'tenth'];
export const NUMBER_WORDS = ['zero', 'one', 'two', 'three', 'four', 'five', 'six', 'seven', 'eight', 'nine', 'ten'];
export const LETTERS = 'ABCDEFGHIJKLMNOPQRSTUVWXYZ';

/** `a, b, and c` (the official lists use the serial comma; two items are `a and b`). */
export function joinSerial(items: readonly string[]): string {
  if (items.length <= 2) return items.join(' and ');
  return `${items.slice(0, -1).join(', ')}, and ${items[items.length - 1]}`;
}

/** `Options:` followed by `(A) text` lines. */
export function renderOptions(texts: readonly string[]): string {
  return `Options:\n${texts.map((text, i) => `(${LETTERS[i]}) ${text}`).join('\n')}`;
}

/** First names for the people of generated questions. */
export const FIRST_NAMES = [
  'Alexis',
  'Amberly',
  'Andree',
  'Antwan',
  'Bernita',
  'Christie',
  'Conception',
  'Crista',
  'Delbert',
  'Delfina',
  'Elanor',
  'Fidel',
  'Gwenn',
  'Helene',
  'Inga',
  'Jamey',
  'Jerry',
  'Jim',
  'Kandi',
  'Kristian',
  'Leda',
  'Lorine',
  'Maybelle',
  'Michaela',
  'Millicent',
  'Osvaldo',
  'Phoebe',
  'Raymond',
  'Rashida',
  'Sal',
  'Shalonda',
  'Shaunda',
  'Sherrie',
  'Sima',
  'Tamika',
  'Teressa',
  'Ryan',
  'Vernell',
  'Vina',
  'Willian',
  'Yoland',
  'Ka',
];
