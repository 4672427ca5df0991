// Where the shared test fixtures are, and whether they are present.
import { existsSync } from 'node:fs';
import { resolve } from 'node:path';

export const SHARED_DATA_DIR = resolve(import.meta.dirname, '..', '..', '..', 'shared', 'data');
export const HAS_SHARED_DATA = existsSync(SHARED_DATA_DIR);

/** Logs once why a data-backed test is skipped. */
export function noteMissingData(what: string): void {
  if (!HAS_SHARED_DATA) console.warn(`skipping ${what}: ${SHARED_DATA_DIR} is absent`);
}
