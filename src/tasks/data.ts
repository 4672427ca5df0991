// Fixed datasets (GSM-Hard, MATH subsets, BIG-Bench-Hard): where they live on disk, how they are
// read (synchronously, cached), and where `r1ci data fetch` downloads them from. The product never
// reads the test fixtures folder on its own; it reads the data directory.
import { existsSync, mkdirSync, readFileSync, renameSync, writeFileSync } from 'node:fs';
import { homedir } from 'node:os';
import { dirname, join, resolve } from 'node:path';
import { DataNotFoundError, UnknownNameError } from '../core/index.js';

/** One downloadable file: its path under the data directory and its public URL. */
export type DatasetFile = { name: string; path: string; url: string; format: 'jsonl' | 'bbh-json'; licence: string };

const CODESTEER = 'https://raw.githubusercontent.com/yongchao98/CodeSteer-v1.0/main';
const BBH_BASE = 'https://raw.githubusercontent.com/suzgunmirac/BIG-Bench-Hard/main/bbh';

/** Every dataset r1ci can fetch; BBH entries are added by name (`bbh/<task>`). */
export const DATASETS: Record<string, DatasetFile> = {
  'symbench/gsm_hard': { name: 'symbench/gsm_hard', path: 'symbench/gsm_hard.jsonl', url: `${CODESTEER}/dataset_gather/gsmhardv2.jsonl`, format: 'jsonl', licence: 'Apache-2.0 (CodeSteer), MIT (GSM-Hard)' },
  'symbench/math_geometry': { name: 'symbench/math_geometry', path: 'symbench/math_geometry.jsonl', url: `${CODESTEER}/dataset_gather/math_geometry.jsonl`, format: 'jsonl', licence: 'MIT (MATH)' },
  'symbench/math_counting_and_probability': { name: 'symbench/math_counting_and_probability', path: 'symbench/math_counting_and_probability.jsonl', url: `${CODESTEER}/dataset_gather/math_counting_and_probability.jsonl`, format: 'jsonl', licence: 'MIT (MATH)' },
};

/** Registers a BBH data file (called by the BBH task module for each of its tasks). */
export function bbhDataset(task: string): DatasetFile {
  const name = `bbh/${task}`;
  DATASETS[name] ??= { name, path: `bbh/${task}.json`, url: `${BBH_BASE}/${task}.json`, format: 'bbh-json', licence: 'MIT (BIG-Bench-Hard)' };
  return DATASETS[name];
}

let configuredDir: string | undefined;

/** Sets the data directory for this process (the CLI's --data-dir; tests point it at fixtures). */
export function setDataDir(dir: string | undefined): void {
  configuredDir = dir === undefined ? undefined : resolve(dir);
  cache.clear();
}

/** The data directory: setDataDir, else $R1CI_DATA_DIR, else $XDG_CACHE_HOME/r1ci/data or ~/.cache/r1ci/data. */
export function dataDir(): string {
  if (configuredDir) return configuredDir;
  if (process.env.R1CI_DATA_DIR) return resolve(process.env.R1CI_DATA_DIR);
  const cacheHome = process.env.XDG_CACHE_HOME || join(homedir(), '.cache');
  return join(cacheHome, 'r1ci', 'data');
}

const cache = new Map<string, unknown[]>();

/** The rows of a dataset, read once per process; throws DataNotFoundError with the fix. */
export function loadDataset<T = Record<string, unknown>>(name: string): T[] {
  const hit = cache.get(name);
  if (hit) return hit as T[];
  const file = DATASETS[name];
  if (!file) throw new UnknownNameError('dataset', name, Object.keys(DATASETS));
  const path = join(dataDir(), file.path);
  if (!existsSync(path)) {
    throw new DataNotFoundError(`dataset ${name} is not at ${path}; run \`r1ci data fetch ${name}\` (online), or set R1CI_DATA_DIR / --data-dir to a folder that has ${file.path}`);
  }
  const text = readFileSync(path, 'utf8');
  const rows = parseDataset(text, file, path);
  cache.set(name, rows);
  return rows as T[];
}

/** True when the dataset's file is present in the data directory. */
export function hasDataset(name: string): boolean {
  const file = DATASETS[name];
  return file !== undefined && existsSync(join(dataDir(), file.path));
}

function parseDataset(text: string, file: DatasetFile, path: string): unknown[] {
  try {
    if (file.format === 'bbh-json') return (JSON.parse(text) as { examples: unknown[] }).examples;
    return text.split('\n').filter((line) => line.trim().length > 0).map((line) => JSON.parse(line));
  } catch (error) {
    throw new DataNotFoundError(`dataset ${file.name} at ${path} is not valid ${file.format}; delete it and run \`r1ci data fetch ${file.name}\``, { cause: error });
  }
}

/** Downloads datasets into the data directory (atomic write); returns the paths written. */
export async function fetchDatasets(names: readonly string[], fetchImpl: typeof fetch = fetch, onProgress?: (name: string) => void): Promise<string[]> {
  const written: string[] = [];
  for (const name of names) {
    const file = DATASETS[name];
    if (!file) throw new UnknownNameError('dataset', name, Object.keys(DATASETS));
    onProgress?.(name);
    const response = await fetchImpl(file.url);
    if (!response.ok) throw new DataNotFoundError(`downloading ${name} from ${file.url} failed with HTTP ${response.status}`, { retryable: response.status >= 500 });
    const text = await response.text();
    parseDataset(text, file, file.url);
    const path = join(dataDir(), file.path);
    mkdirSync(dirname(path), { recursive: true });
    writeFileSync(`${path}.partial`, text);
    renameSync(`${path}.partial`, path);
    cache.delete(name);
    written.push(path);
  }
  return written;
}
