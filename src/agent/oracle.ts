// The oracle teacher: a scripted chat model that answers a task by writing the task's reference
// solution as a code block, reading the execution output, and giving it as the final answer. It
// produces real code-using trajectories through the real loop and sandbox. Asked to answer directly
// (text mode, or `direct` in ci mode) it states the gold answer without code, as a teacher that can
// work the question out in its head would.
import { ConfigError } from '../core/index.js';
import { ScriptedBackend, type ScriptedCall } from '../backends/index.js';
import type { Task, TaskInstance } from '../tasks/index.js';
import { FEEDBACK_HEADER } from './prompts.js';
import type { AgentMode } from './types.js';

function lastFeedback(call: ScriptedCall): string | null {
  if (call.kind !== 'chat') return null;
  const last = call.messages[call.messages.length - 1];
  if (last.role !== 'user' || !last.content.startsWith(FEEDBACK_HEADER)) return null;
  return last.content.slice(FEEDBACK_HEADER.length).trim();
}

export const ORACLE_DIRECT_OPENING = 'I can answer this without code. The answer is';

/** An oracle chat backend for one instance. In code mode it writes one script; in ci mode it runs
 * code and answers from the output unless `direct`; in text mode (or `direct`) it answers at once. */
/** Options of the oracle: answer without code (`direct`), or write `code` instead of the task's
 * reference solution (a teacher style; it must print the answer, bare or as <<<answer>>>).
 * `opening` is what the first reply says before it chooses between code and a direct answer (a teacher
 * style too, e.g. the question restated, so the choice is made right after the question's own words). */
export type OracleOptions = { direct?: boolean; code?: string; opening?: string };

export function createOracleBackend(
  task: Task,
  instance: TaskInstance,
  mode: AgentMode,
  options: OracleOptions = {},
): ScriptedBackend {
  if (mode === 'text' || (options.direct && mode === 'ci'))
    return new ScriptedBackend({
      name: 'oracle',
      script: [`${options.opening ?? ''}${ORACLE_DIRECT_OPENING} ${instance.answer}.\n\n<<<${instance.answer}>>>`],
    });
  if (!options.code && !task.referenceSolution)
    throw new ConfigError([
      {
        path: 'model',
        message: `task ${task.id} has no reference solution, so the oracle cannot answer it with code`,
        fix: 'choose tasks with reference solutions, or --mode text',
      },
    ]);
  const code = (options.code ?? task.referenceSolution!(instance)).trimEnd();
  const block = '```python\n' + code + '\n```\n';
  if (mode === 'code') return new ScriptedBackend({ name: 'oracle', script: [block] });
  return new ScriptedBackend({
    name: 'oracle',
    script: (call, index) => {
      if (index === 0) return `${options.opening ?? ''}Computing beats reasoning here, so I will run code.\n\n${block}`;
      const output = lastFeedback(call);
      if (output === null || output === '(no output)')
        return 'The program did not produce an answer, so I cannot give one.';
      const answer = /^<<<[^\n]*>>>$/.test(output) ? output : `<<<${output}>>>`;
      return `The code printed the answer.\n\n${answer}`;
    },
  });
}
