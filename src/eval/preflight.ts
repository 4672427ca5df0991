// Checks before a run starts any episode: every task can make its questions (its dataset is present)
// and the model can answer it (the oracle needs reference solutions), the model is reachable, the
// sandbox starts. Every problem is reported at once, each with its fix; a run never fails midway.
import { ConfigError, type ConfigProblem } from '../core/index.js';
import { dataDir, getTask, hasDataset } from '../tasks/index.js';
import type { AgentMode } from '../agent/index.js';
import type { Sandbox } from '../sandbox/types.js';
import type { ModelFactory } from './model-spec.js';

/** Problems found before a run started, one per line with its fix. */
export class PreflightError extends ConfigError {
  constructor(problems: ConfigProblem[], hint?: string) {
    super(problems);
    this.name = 'PreflightError';
    if (problems.length > 1 || hint) {
      const list = problems.map((p) => `  - ${p.path ? `${p.path}: ` : ''}${p.message}${p.fix ? ` (${p.fix})` : ''}`);
      const count = `${problems.length} ${problems.length === 1 ? 'problem' : 'problems'}`;
      this.message = [`${count} found before the run started${hint ? `; ${hint}` : ''}:`, ...list].join('\n');
    }
  }
}

/** What a task lacks for this run (its data, what the model needs), each with its fix; empty when it can run. */
export function checkTask(
  taskId: string,
  options: { model?: ModelFactory; mode: AgentMode; seed?: number },
): ConfigProblem[] {
  let task;
  try {
    task = getTask(taskId);
  } catch (error) {
    return [{ path: taskId, message: (error as Error).message, fix: 'see r1ci tasks list' }];
  }
  const problems: ConfigProblem[] = [];
  const missingData = task.dataset !== undefined && !hasDataset(task.dataset.name);
  if (task.dataset && missingData) {
    problems.push({
      path: taskId,
      message: `dataset ${task.dataset.name} is missing from ${dataDir()}`,
      fix: `r1ci data fetch ${task.dataset.name}, or --data-dir DIR`,
    });
  }
  const lack = options.model?.checkTask?.(task, options.mode);
  if (lack) problems.push({ path: taskId, ...lack });
  if (problems.length || missingData) return problems;
  try {
    task.generate(task.resolveOptions(), options.seed ?? 0, 0);
  } catch (error) {
    problems.push({
      path: taskId,
      message: `cannot generate a question: ${(error as Error).message}`,
      fix: 'leave the task out',
    });
  }
  return problems;
}

export type PreflightOptions = {
  taskIds: readonly string[];
  model: ModelFactory;
  mode: AgentMode;
  seed?: number;
  /** Run the tasks that can run and report the others instead of refusing. */
  skipUnavailable?: boolean;
  /** Starts the sandbox the run will use (a failure is one of the problems). */
  startSandbox: () => Promise<Sandbox>;
};

export type PreflightResult = {
  sandbox: Sandbox;
  /** Tasks left out with --skip-unavailable: id → what is wrong and its fix. */
  unavailable: Record<string, string>;
};

/** Checks tasks, model and sandbox; throws PreflightError listing every problem, or returns the started sandbox. */
export async function runPreflight(options: PreflightOptions): Promise<PreflightResult> {
  const taskProblems = options.taskIds.flatMap((id) => checkTask(id, options));
  const unavailableIds = new Set(taskProblems.map((p) => p.path));
  const fatal: ConfigProblem[] = [];
  try {
    await options.model.preflight();
  } catch (error) {
    fatal.push({ path: '', message: (error as Error).message });
  }
  let sandbox: Sandbox | undefined;
  if (!fatal.length) {
    try {
      sandbox = await options.startSandbox();
    } catch (error) {
      fatal.push({ path: 'sandbox', message: (error as Error).message });
    }
  }
  const allUnavailable = unavailableIds.size === options.taskIds.length;
  if (fatal.length || (taskProblems.length && (!options.skipUnavailable || allUnavailable))) {
    await sandbox?.close();
    const hint =
      taskProblems.length && !fatal.length && !allUnavailable
        ? 'no episode ran; fix them, or pass --skip-unavailable to run the other tasks'
        : undefined;
    throw new PreflightError([...taskProblems, ...fatal], hint);
  }
  const unavailable: Record<string, string> = {};
  for (const p of taskProblems)
    unavailable[p.path] = [unavailable[p.path], `${p.message}${p.fix ? ` (${p.fix})` : ''}`].filter(Boolean).join('; ');
  return { sandbox: sandbox!, unavailable };
}
