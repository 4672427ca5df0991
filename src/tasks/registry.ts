// The one explicit registry: the implemented tasks of each source, listed by their source's index,
// joined with the catalogue and the split. No import side effects; nothing registers itself.
import { ConfigError, UnknownNameError } from '../core/index.js';
import { bbhTasks } from './bbh/index.js';
import { CATALOGUE } from './catalogue.js';
import { reasoningGymTasks } from './reasoning-gym/index.js';
import { paperSplit, splitOf, type SplitAssignment } from './split.js';
import { symbenchTasks } from './symbench/index.js';
import type { Split, Task, TaskEntry, TaskSource } from './types.js';

/** Every implemented task, in catalogue order. */
export const ALL_TASKS: readonly Task[] = [...symbenchTasks, ...bbhTasks, ...reasoningGymTasks] as Task[];

const byId = new Map<string, Task>();
for (const task of ALL_TASKS) {
  if (byId.has(task.id)) throw new ConfigError(`task id ${task.id} is registered twice`);
  byId.set(task.id, task);
}
const catalogueIds = new Set(CATALOGUE.map((entry) => entry.id));
for (const id of byId.keys()) {
  if (!catalogueIds.has(id)) throw new ConfigError(`task ${id} is implemented but missing from src/tasks/catalogue.ts`);
}

export type ListTasksOptions = {
  source?: TaskSource;
  split?: Split;
  /** Only implemented tasks (default false: planned ones are listed with implemented=false). */
  implementedOnly?: boolean;
  /** Only the paper's 144 (no generated variants). */
  paperOnly?: boolean;
  /** A user split (from loadSplitFile); default: the fixed paper split. */
  splitAssignment?: SplitAssignment;
};

export function listTasks(options: ListTasksOptions = {}): TaskEntry[] {
  const assignment = options.splitAssignment ?? paperSplit();
  const entries: TaskEntry[] = [];
  for (const entry of CATALOGUE) {
    const task = byId.get(entry.id);
    const listed: TaskEntry = {
      id: entry.id,
      source: entry.source,
      category: entry.category,
      split: splitOf(entry.id, entry.paperTask, assignment),
      paperTask: entry.paperTask,
      implemented: task !== undefined,
      task,
    };
    if (options.source && listed.source !== options.source) continue;
    if (options.split && listed.split !== options.split) continue;
    if (options.implementedOnly && !listed.implemented) continue;
    if (options.paperOnly && !listed.paperTask) continue;
    entries.push(listed);
  }
  return entries;
}

/** The task with this id; an unknown or unimplemented id is a ConfigError naming the closest ids. */
export function getTask(id: string): Task {
  const task = byId.get(id);
  if (task) return task;
  if (catalogueIds.has(id))
    throw new ConfigError([
      {
        path: 'task',
        message: `task ${id} is planned but not implemented yet`,
        fix: 'see `r1ci tasks list` for the tasks that exist',
      },
    ]);
  throw new UnknownNameError('task id', id, [...byId.keys()].length ? [...byId.keys()] : [...catalogueIds]);
}

/**
 * Resolves a task selector to implemented ids: `train`, `test`, `all`, a source name (`symbench`),
 * or a comma-separated list of ids and prefixes ending in `*` (`rg.arithmetic.*`).
 */
export function selectTasks(selector: string, splitAssignment?: SplitAssignment): string[] {
  const implemented = listTasks({ implementedOnly: true, splitAssignment });
  if (selector === 'all') return implemented.map((entry) => entry.id);
  if (selector === 'train' || selector === 'test')
    return implemented.filter((entry) => entry.split === selector).map((entry) => entry.id);
  if (['symbench', 'bbh', 'bbh-gen', 'rg'].includes(selector))
    return implemented.filter((entry) => entry.source === selector).map((entry) => entry.id);
  const out: string[] = [];
  for (const part of selector
    .split(',')
    .map((p) => p.trim())
    .filter(Boolean)) {
    if (part.endsWith('*')) {
      const matches = implemented.filter((entry) => entry.id.startsWith(part.slice(0, -1))).map((entry) => entry.id);
      if (!matches.length)
        throw new ConfigError([
          { path: 'tasks', message: `no implemented task matches ${part}`, fix: 'see `r1ci tasks list`' },
        ]);
      out.push(...matches);
    } else out.push(getTask(part).id);
  }
  return [...new Set(out)];
}
