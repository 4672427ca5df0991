// The nouns of the task suite: a task spec (seeded generator + deterministic verifier), the
// instances it generates, the verdicts it gives, and the option schemas that hold its knobs.
import type { JsonValue } from '../core/index.js';

/** Where a task comes from. `bbh-gen` tasks are procedural training variants of BBH tasks. */
export type TaskSource = 'symbench' | 'bbh' | 'bbh-gen' | 'rg';
export type Split = 'train' | 'test';

/** One knob of a task, self-describing so docs, CLI errors and validation share it. */
export type OptionSpec =
  | { kind: 'int'; default: number; min: number; max: number; description: string }
  | { kind: 'float'; default: number; min: number; max: number; description: string }
  | { kind: 'bool'; default: boolean; description: string }
  | { kind: 'enum'; default: string; values: readonly string[]; description: string };

export type OptionsSchema = Record<string, OptionSpec>;

/** The names of a schema's numeric (int or float) options; any name for the open schema type. */
export type NumericOptionName<S extends OptionsSchema> = string extends keyof S
  ? string
  : { [K in keyof S]: S[K] extends { kind: 'int' | 'float' } ? K : never }[keyof S] & string;

/** Two numeric options that must stay in order: `[low, high]` means low ≤ high, e.g. `['min_rows', 'max_rows']`. */
export type OptionRange<S extends OptionsSchema = OptionsSchema> = readonly [
  NumericOptionName<S>,
  NumericOptionName<S>,
];

/** The resolved values of a schema: numbers for int/float, booleans, strings for enums. */
export type OptionValues<S extends OptionsSchema> = {
  readonly [K in keyof S]: S[K] extends { kind: 'int' | 'float' }
    ? number
    : S[K] extends { kind: 'bool' }
      ? boolean
      : string;
};

/** One generated question. Pure function of (task, options, seed, index); JSON-serialisable. */
export type TaskInstance = {
  /** Stable dotted task id, e.g. `symbench.game24`. */
  taskId: string;
  /** Position in the virtual dataset (for data-backed tasks: the example's row). */
  index: number;
  /** The seed the instance was generated with. */
  seed: number;
  /** The full question shown to the model, including how to format the answer in <<<…>>>. */
  prompt: string;
  /** A canonical gold answer, as it would appear inside <<<…>>>; one valid answer of possibly many. */
  answer: string;
  /** Whatever the verifier needs (the puzzle, constraints) plus the difficulty knobs used. */
  metadata: { difficulty: Record<string, number | string | boolean> } & Record<string, JsonValue>;
};

export type VerifyOutcome = 'correct' | 'wrong' | 'no-answer' | 'unparseable';

/** A verdict. `correct` is what RL rewards; `score` in [0,1] may carry finer credit only where a task defines it. */
export type VerifyResult = { correct: boolean; score: number; outcome: VerifyOutcome; detail?: string };

/** What a task's generate returns; the registry adds taskId, index, seed and difficulty. */
export type GeneratedQuestion = {
  prompt: string;
  answer: string;
  metadata?: Record<string, JsonValue>;
};

/**
 * A task as its author writes it: pure generation, and a check of the extracted answer.
 * `defineTask` wraps it into a `Task` (answer extraction, length guard, never-throw verify).
 *
 * @example
 * export const gcdTask = defineTask({
 *   id: 'rg.arithmetic.gcd', source: 'rg', category: 'arithmetic',
 *   description: 'Greatest common divisor of a few integers.',
 *   answerFormat: 'an integer',
 *   options: { min_numbers: { kind: 'int', default: 2, min: 2, max: 10, description: 'fewest numbers' } },
 *   generate(options, rng) { ...; return { prompt, answer: String(g), metadata: { numbers } }; },
 *   check(instance, answer) { return parseInteger(answer) === Number(instance.answer) ? CORRECT : wrong(); },
 *   referenceSolution(instance) {
 *     return `import math\nprint(math.gcd(*${JSON.stringify(instance.metadata.numbers)}))`;
 *   },
 * });
 */
export type TaskDefinition<S extends OptionsSchema = OptionsSchema> = {
  id: string;
  source: TaskSource;
  /** Reasoning-Gym category, or a grouping within the source. */
  category?: string;
  /** One sentence: what the question asks. */
  description: string;
  /** One phrase: what goes inside <<<…>>> (for docs/tasks.md). */
  answerFormat: string;
  options: S;
  /**
   * Pairs of numeric options that must stay in order (`[['min_rows', 'max_rows']]`), declared here and
   * checked once for every task by `resolveOptions`, so no task writes its own min ≤ max check.
   */
  ranges?: readonly OptionRange<S>[];
  /**
   * Pure generation from resolved options and a seeded stream (`rng` is createRng(id, seed, index)).
   * For data-backed tasks `index` selects the example.
   */
  generate(options: OptionValues<S>, rng: import('../core/rng.js').Rng, index: number): GeneratedQuestion;
  /** Checks the text extracted from the last <<<…>>>; may throw (a throw becomes `unparseable`). */
  check(instance: TaskInstance, answer: string): VerifyResult | boolean;
  /** A self-contained Python script that solves the instance and prints `<<<answer>>>`-ready text. */
  referenceSolution?(instance: TaskInstance): string;
  /** Longest answer text the checker accepts (default 20,000 chars); longer is `unparseable`. */
  maxAnswerLength?: number;
  /** For data-backed tasks: the dataset it reads and how many examples exist. */
  dataset?: { name: string; size(): number };
  /** For generated variants (`bbh-gen.*`): the official task it mirrors. Such tasks are train-only. */
  variantOf?: string;
  /**
   * Where the task departs from its source's generator or scorer on purpose, and why, in one or two
   * sentences (docs/tasks.md's "differs from source" column). Absent: it follows the source.
   */
  differsFromSource?: string;
};

/** A registered task: the definition plus never-throwing verify and options-resolving generate. */
export type Task<S extends OptionsSchema = OptionsSchema> = Omit<TaskDefinition<S>, 'generate' | 'check'> & {
  /** Generate item `index` under `seed` with resolved (complete, validated) options. */
  generate(options: OptionValues<S>, seed: number, index: number): TaskInstance;
  /** Resolves partial options to complete ones; throws ConfigError naming allowed values. */
  resolveOptions(options?: Record<string, unknown>): OptionValues<S>;
  /** Scores a whole model response; never throws, whatever the response is. */
  verify(instance: TaskInstance, response: string): VerifyResult;
  /** Scores an answer text directly (as if it were inside <<<…>>>). */
  verifyAnswer(instance: TaskInstance, answer: string): VerifyResult;
};

/** A task as the registry lists it: its split and whether it is implemented yet. */
export type TaskEntry = {
  id: string;
  source: TaskSource;
  category?: string;
  split: Split;
  /** Counts toward the paper's 144 (generated variants do not). */
  paperTask: boolean;
  implemented: boolean;
  task?: Task;
};
