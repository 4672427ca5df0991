// Scores batches of responses with the tasks' own verifiers. Questions named by (task, seed, index,
// options) are generated once and kept in a bounded cache: a trainer scores G responses per question.
import { ConfigError, type ConfigProblem } from '../core/index.js';
import { getTask, type Task, type TaskInstance } from '../tasks/index.js';
import type { VerifyItem, VerifyVerdict } from './types.js';

export type VerifierOptions = {
  /** Questions kept generated (default 65,536). */
  cacheSize?: number;
  /** Largest batch accepted (default 4,096). */
  maxBatch?: number;
};

type Resolved = { task: Task; instance: TaskInstance };

export class Verifier {
  private readonly cache = new Map<string, TaskInstance>();
  private readonly cacheSize: number;
  readonly maxBatch: number;

  constructor(options: VerifierOptions = {}) {
    this.cacheSize = options.cacheSize ?? 65_536;
    this.maxBatch = options.maxBatch ?? 4096;
  }

  /** Verdicts in item order; throws ConfigError naming every bad item (nothing is scored then). */
  verifyBatch(items: readonly unknown[]): VerifyVerdict[] {
    if (items.length > this.maxBatch) {
      const message = `${items.length} items is over the batch limit of ${this.maxBatch}`;
      throw new ConfigError([{ path: 'items', message, fix: 'send smaller batches' }]);
    }
    const problems: ConfigProblem[] = [];
    const resolved = items.map((item, i) => {
      try {
        return this.resolve(item, i);
      } catch (error) {
        const list = error instanceof ConfigError ? error.problems : [{ path: '', message: (error as Error).message }];
        const at = (path: string) => (path.startsWith('items[') ? path : `items[${i}] ${path}`.trim());
        problems.push(...list.map((p) => ({ ...p, path: at(p.path) })));
        return undefined;
      }
    });
    if (problems.length) throw new ConfigError(problems.slice(0, 20));
    return resolved.map((entry, i) => {
      const response = (items[i] as VerifyItem).response;
      const { correct, score, outcome, detail } = entry!.task.verify(entry!.instance, response);
      return detail === undefined ? { correct, score, outcome } : { correct, score, outcome, detail };
    });
  }

  private resolve(value: unknown, i: number): Resolved {
    const where = `items[${i}]`;
    if (typeof value !== 'object' || value === null) {
      throw new ConfigError([{ path: where, message: 'must be an object' }]);
    }
    const item = value as VerifyItem;
    if (typeof item.response !== 'string') {
      throw new ConfigError([{ path: `${where}.response`, message: 'must be a string' }]);
    }
    if (item.question !== undefined) {
      const question = item.question;
      if (typeof question !== 'object' || question === null || typeof question.taskId !== 'string') {
        const message = 'must be a record from r1ci tasks export (jsonl)';
        throw new ConfigError([{ path: `${where}.question`, message }]);
      }
      return { task: getTask(question.taskId), instance: question };
    }
    if (typeof item.task_id !== 'string' || !Number.isInteger(item.index) || (item.index as number) < 0) {
      const message = 'needs task_id and a non-negative integer index (or a question record)';
      throw new ConfigError([{ path: where, message }]);
    }
    const seed = item.seed ?? 0;
    if (!Number.isInteger(seed)) throw new ConfigError([{ path: `${where}.seed`, message: 'must be an integer' }]);
    const task = getTask(item.task_id);
    const options = item.options ? JSON.stringify(item.options) : '';
    const key = `${item.task_id}\u0000${seed}\u0000${item.index}\u0000${options}`;
    let instance = this.cache.get(key);
    if (!instance) {
      instance = task.generate(task.resolveOptions(item.options ?? {}), seed, item.index!);
      if (this.cache.size >= this.cacheSize) this.cache.delete(this.cache.keys().next().value!);
      this.cache.set(key, instance);
    }
    return { task, instance };
  }
}
