// The train/test split of the paper's 144 tasks: 107 train, 37 test, drawn once with a fixed seed,
// stratified by source (8 SymBench, 7 BBH, 22 Reasoning-Gym in test). The paper's own list is not
// public, so this split is ours (docs/tasks.md); users may pass their own split file.
import { readFileSync } from 'node:fs';
import { ConfigError, createRng } from '../core/index.js';
import { CATALOGUE } from './catalogue.js';
import type { Split, TaskSource } from './types.js';

export const SPLIT_SEED = 'r1ci-split-v1';
export const TEST_COUNTS: Readonly<Partial<Record<TaskSource, number>>> = { symbench: 8, bbh: 7, rg: 22 };

/** Recomputes the seeded stratified draw of test tasks from the catalogue (sorted ids). */
export function drawTestSplit(seed = SPLIT_SEED): string[] {
  const test: string[] = [];
  for (const [source, count] of Object.entries(TEST_COUNTS) as [TaskSource, number][]) {
    const ids = CATALOGUE.filter((entry) => entry.paperTask && entry.source === source)
      .map((entry) => entry.id)
      .sort();
    test.push(...createRng(seed, source).sample(ids, count));
  }
  return test.sort();
}

/** A split: the set of test ids; every other paper task is train, generated variants always train. */
export type SplitAssignment = { name: string; test: ReadonlySet<string> };

let defaultSplit: SplitAssignment | undefined;

export function paperSplit(): SplitAssignment {
  defaultSplit ??= { name: SPLIT_SEED, test: new Set(drawTestSplit()) };
  return defaultSplit;
}

/**
 * Reads a user's split file: JSON `{"test": [ids]}` (optionally with `"train": [ids]`, which must
 * not overlap). Unknown ids are an error that names them.
 */
export function loadSplitFile(path: string, knownIds: ReadonlySet<string>): SplitAssignment {
  let parsed: unknown;
  try {
    parsed = JSON.parse(readFileSync(path, 'utf8'));
  } catch (error) {
    throw new ConfigError(
      [
        {
          path: 'split-file',
          message: `cannot read ${path}: ${(error as Error).message}`,
          fix: 'give a JSON file like {"test": ["bbh.navigate", ...]}',
        },
      ],
      { cause: error },
    );
  }
  const test = (parsed as { test?: unknown })?.test;
  const train = (parsed as { train?: unknown })?.train;
  if (!Array.isArray(test) || !test.every((id) => typeof id === 'string')) {
    throw new ConfigError([
      {
        path: 'split-file',
        message: `${path} has no "test" list of task ids`,
        fix: 'give a JSON file like {"test": ["bbh.navigate", ...]}',
      },
    ]);
  }
  const unknown = [...test, ...(Array.isArray(train) ? train : [])].filter((id) => !knownIds.has(String(id)));
  if (unknown.length)
    throw new ConfigError([
      {
        path: 'split-file',
        message: `unknown task ids: ${unknown.slice(0, 5).join(', ')}`,
        fix: 'see `r1ci tasks list`',
      },
    ]);
  if (Array.isArray(train)) {
    const overlap = train.filter((id) => test.includes(id));
    if (overlap.length)
      throw new ConfigError([
        { path: 'split-file', message: `ids in both train and test: ${overlap.slice(0, 5).join(', ')}` },
      ]);
  }
  return { name: path, test: new Set(test as string[]) };
}

export function splitOf(id: string, paperTask: boolean, assignment: SplitAssignment): Split {
  return paperTask && assignment.test.has(id) ? 'test' : 'train';
}
