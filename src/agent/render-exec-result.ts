// What the model sees of an execution: the feedback block after a code call. Long output is cut in
// the middle (head and tail kept) with a marker; this is the one place truncation happens.
import type { ExecResult } from '../sandbox/types.js';
import { FEEDBACK_HEADER } from './prompts.js';
import type { TruncationBudget } from './types.js';

/** Cuts the middle out of `text` so that `measure(result) ≤ budget` (roughly), keeping head and tail. */
export function truncateMiddle(
  text: string,
  budget: number,
  measure: (text: string) => number = (t) => t.length,
): string {
  const size = measure(text);
  if (size <= budget) return text;
  // Convert the unit budget to characters using the text's own density, then cut.
  const charsPerUnit = text.length / Math.max(1, size);
  const keep = Math.max(0, Math.floor(budget * charsPerUnit));
  const head = Math.ceil(keep / 2),
    tail = keep - head;
  const omitted = text.length - head - tail;
  return (
    `${text.slice(0, head)}\n... [${omitted} characters of output omitted] ` +
    `...\n${tail > 0 ? text.slice(text.length - tail) : ''}`
  );
}

/** A limit in seconds as it was set: 0.4, 1.5, 60 (never rounded to a whole second). */
function formatSeconds(ms: number): string {
  const seconds = Number((ms / 1000).toFixed(3));
  return `${seconds} ${seconds === 1 ? 'second' : 'seconds'}`;
}

function describeStatus(result: ExecResult, timeoutMs: number): string | null {
  switch (result.status) {
    case 'timeout':
      return `Error: the code timed out: it did not finish within ${formatSeconds(timeoutMs)} and was stopped.`;
    case 'memory-limit':
      return 'Error: the code ran out of memory and was stopped.';
    case 'output-limit':
      return 'Error: the code printed too much output and was stopped.';
    case 'killed':
      return 'Error: the code was killed.';
    case 'exited':
      return null;
  }
}

/** The feedback text appended after a closed code block (ends with a newline). */
export function renderExecResult(
  result: ExecResult,
  options: { timeoutMs: number; truncation: TruncationBudget; measure?: (text: string) => number },
): string {
  let body = result.stdout;
  // The sandbox marks a timeout in stderr too; the feedback states it once, in words.
  const stderr = result.stderr.replace(/^\[timed out after \d+ ms\]\n?/m, '');
  if (stderr.trim().length) body += (body.length && !body.endsWith('\n') ? '\n' : '') + stderr;
  const status = describeStatus(result, options.timeoutMs);
  if (status) body += (body.length && !body.endsWith('\n') ? '\n' : '') + status;
  body = body.replace(/\s+$/, '');
  if (!body.length) body = '(no output)';
  const measure = options.truncation.unit === 'tokens' && options.measure ? options.measure : (t: string) => t.length;
  return `${FEEDBACK_HEADER}\n${truncateMiddle(body, options.truncation.budget, measure)}\n`;
}
