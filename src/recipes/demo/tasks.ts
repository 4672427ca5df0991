// The demo's task set: training-split tasks where computing beats thinking, at fixed easy option
// settings so a ~3M-parameter byte-level model can learn them in minutes, and the short
// system prompts (modes) the demo trains and evaluates with.

import type { TaskInstance } from '../../tasks/index.js';
import { InvariantError } from '../../core/index.js';

/**
 * A demo task. `teacherCode` replaces the task's reference solution in the teacher's trajectories
 * with code a ~3M-parameter model can write from its context: it quotes the question from the words
 * just before the numbers (so the copy starts from context the question shares, which the model's
 * copy heads can match) and prints the answer in the answer's own format (so the final answer is
 * copied from the output, not from the prompt's example "<<<123>>>").
 */
export type DemoTask = {
  id: string;
  options: Record<string, unknown>;
  kind: 'compute' | 'text';
  teacherCode?: (instance: TaskInstance) => string;
  /** What the teacher writes first, before it chooses between code and a direct answer (default nothing). */
  teacherOpening?: (instance: TaskInstance) => string;
};

/** The question's text from `anchor` up to `end`: what the teacher's code quotes. */
export const quoted = (instance: TaskInstance, anchor: string, end: string): string => {
  const from = instance.prompt.indexOf(anchor);
  const to = instance.prompt.indexOf(end, from + anchor.length);
  if (from < 0 || to < 0) throw new InvariantError(`demo teacher: "${anchor}" not found in the question`);
  return instance.prompt.slice(from, to);
};

export const DEMO_TASKS: readonly DemoTask[] = [
  {
    id: 'symbench.number_multiply',
    options: { digits: 'range', count: 2, min_digits: 2, max_digits: 3 },
    kind: 'compute',
    teacherCode: (instance) =>
      [
        `question = "${quoted(instance, 'result of ', '?')}"`,
        'a, b = question.split("of ")[1].split("*")',
        'print(f"<<<{int(a) * int(b)}>>>")',
      ].join('\n'),
  },
  {
    id: 'rg.arithmetic.chain_sum',
    options: { min_terms: 2, max_terms: 2, min_digits: 2, max_digits: 3 },
    kind: 'compute',
    teacherCode: (instance) =>
      [`question = "${quoted(instance, 'problem: ', ' =')}"`, 'print(f"<<<{eval(question.split(\': \')[1])}>>>")'].join(
        '\n',
      ),
  },
  { id: 'rg.arithmetic.count_bits', options: { min_n: 1000, max_n: 99_999 }, kind: 'compute' },
  { id: 'rg.algorithmic.spell_backward', options: { min_word_len: 4, max_word_len: 6 }, kind: 'compute' },
];

/** The quick demo (tests) uses the first two tasks. */
export const QUICK_DEMO_TASKS: readonly DemoTask[] = DEMO_TASKS.slice(0, 2);

/** ci mode: told to use code (every SFT trajectory under this prompt runs code). */
export const DEMO_CI_PROMPT = 'Use Python.';

/** choice mode: code is allowed, not required (the paper's ci agent). Under this prompt the SFT
 * teacher answers some questions in its head, so the model must learn when code pays; GRPO
 * trains under it. */
export const DEMO_CHOICE_PROMPT = 'You may use Python.';

export const DEMO_TEXT_PROMPT = 'Use no code.';

/** The demo's evaluation modes: the agent mode and the system prompt of each. */
export const DEMO_MODES = {
  ci: { agentMode: 'ci', prompt: DEMO_CI_PROMPT },
  choice: { agentMode: 'ci', prompt: DEMO_CHOICE_PROMPT },
  text: { agentMode: 'text', prompt: DEMO_TEXT_PROMPT },
} as const;

export type DemoMode = keyof typeof DEMO_MODES;
