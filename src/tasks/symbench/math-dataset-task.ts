// The shared shape of SymBench's fixed-data math tasks (MATH subsets, GSM-Hard): row i of a dataset in
// the data directory is question i; an index past the end is a ConfigError naming the size.
import { ConfigError } from '../../core/index.js';
import { loadDataset } from '../data.js';

/** Row `index` of dataset `name`, or a ConfigError naming how many rows exist. */
export function datasetRow<T>(name: string, index: number): T {
  const rows = loadDataset<T>(name);
  if (index >= rows.length) {
    throw new ConfigError([
      {
        path: 'index',
        message: `index ${index} is past the end of ${name}, which has ${rows.length} examples`,
        fix: `use an index from 0 to ${rows.length - 1}`,
      },
    ]);
  }
  return rows[index];
}

/** `{ name, size }` for a task's `dataset` field; size() reads the data directory. */
export function datasetRef(name: string): { name: string; size(): number } {
  return { name, size: () => loadDataset(name).length };
}
