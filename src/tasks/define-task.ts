// Turns a TaskDefinition into a registered Task: seeded generation with resolved options, and a
// verify that extracts the answer, guards its length and never throws.
import { ConfigError, createRng, type ConfigProblem } from '../core/index.js';
import { extractAnswer, noAnswer, unparseable } from './answer.js';
import { rangeProblems, resolveOptions } from './options.js';
import type { OptionsSchema, OptionValues, Task, TaskDefinition, TaskInstance, VerifyResult } from './types.js';

const DEFAULT_MAX_ANSWER = 20_000;

export type DefineTaskExtras<S extends OptionsSchema> = {
  /** Cross-option checks beyond the declared `ranges` (e.g. "at least one weight > 0"); return the problems found. */
  validateOptions?(options: OptionValues<S>): ConfigProblem[];
};

export function defineTask<S extends OptionsSchema>(definition: TaskDefinition<S> & DefineTaskExtras<S>): Task<S> {
  const { generate, check, validateOptions, ...rest } = definition;
  const maxAnswer = definition.maxAnswerLength ?? DEFAULT_MAX_ANSWER;

  const verifyAnswer = (instance: TaskInstance, answer: string): VerifyResult => {
    if (answer.length > maxAnswer)
      return unparseable(`answer is ${answer.length} characters; at most ${maxAnswer} are read`);
    try {
      const verdict = check(instance, answer);
      if (typeof verdict === 'boolean')
        return verdict
          ? { correct: true, score: 1, outcome: 'correct' }
          : { correct: false, score: 0, outcome: 'wrong' };
      return verdict;
    } catch (error) {
      return unparseable(`could not read the answer: ${(error as Error)?.message ?? String(error)}`.slice(0, 300));
    }
  };

  return {
    ...rest,
    resolveOptions(input) {
      const options = resolveOptions(definition.id, definition.options, input);
      const problems = [...rangeProblems(options, definition.ranges ?? []), ...(validateOptions?.(options) ?? [])];
      if (problems.length) {
        const qualify = (path: string): string => (path.startsWith(definition.id) ? path : `${definition.id}.${path}`);
        throw new ConfigError(problems.map((p) => ({ ...p, path: qualify(p.path) })));
      }
      return options;
    },
    generate(options, seed, index) {
      if (!Number.isInteger(index) || index < 0)
        throw new ConfigError([{ path: 'index', message: `bad index ${index}`, fix: 'use a non-negative integer' }]);
      const rng = createRng(definition.id, seed, index);
      const question = generate(options, rng, index);
      const difficulty: Record<string, number | string | boolean> = {};
      for (const [key, value] of Object.entries(options)) difficulty[key] = value as number | string | boolean;
      return {
        taskId: definition.id,
        index,
        seed,
        prompt: question.prompt,
        answer: question.answer,
        metadata: { ...(question.metadata ?? {}), difficulty },
      };
    },
    verifyAnswer,
    verify(instance, response) {
      try {
        if (typeof response !== 'string' || response.length === 0) return noAnswer('empty response');
        const answer = extractAnswer(response);
        if (answer === null) return noAnswer();
        return verifyAnswer(instance, answer);
      } catch (error) {
        return unparseable(`verifier failed: ${(error as Error)?.message ?? String(error)}`.slice(0, 300));
      }
    },
  };
}

/** The standard last line of a question: where and how to put the answer. */
export function answerInstruction(what: string): string {
  return `Return your final answer within triple angle brackets, as <<<${what}>>>.`;
}
