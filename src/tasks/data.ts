// Fixed datasets (GSM-Hard, MATH subsets, BIG-Bench-Hard): where they live on disk, how they are
// read (synchronously, cached), and where `r1ci data fetch` downloads them from. The product never
// reads the test fixtures folder on its own; it reads the data directory.
import { existsSync, mkdirSync, readFileSync, renameSync, writeFileSync } from 'node:fs';
import { homedir } from 'node:os';
import { dirname, join, resolve } from 'node:path';
import { DataNotFoundError, UnknownNameError } from '../core/index.js';

/**
 * One downloadable file: its path under the data directory and its public URL. `assemble:
 * 'math-problem-files'` means `url` is a folder of one-JSON-file-per-problem (MATH's upstream layout)
 * that `fetchDatasets` lists and converts to JSON Lines sorted by problem id.
 */
export type DatasetFile = {
  name: string;
  path: string;
  url: string;
  format: 'jsonl' | 'bbh-json';
  licence: string;
  assemble?: 'math-problem-files';
};

const CODESTEER = 'https://raw.githubusercontent.com/yongchao98/CodeSteer-v1.0/main';
/** GitHub's folder listing for the repository (contents API, up to 1,000 entries a folder). */
const CODESTEER_CONTENTS = 'https://api.github.com/repos/yongchao98/CodeSteer-v1.0/contents';
const BBH_BASE = 'https://raw.githubusercontent.com/suzgunmirac/BIG-Bench-Hard/main/bbh';

/** Every dataset r1ci can fetch; BBH entries are added by name (`bbh/<task>`). */
export const DATASETS: Record<string, DatasetFile> = {
  'symbench/gsm_hard': {
    name: 'symbench/gsm_hard',
    path: 'symbench/gsm_hard.jsonl',
    url: `${CODESTEER}/dataset_gather/gsmhardv2.jsonl`,
    format: 'jsonl',
    licence: 'Apache-2.0 (CodeSteer), MIT (GSM-Hard)',
  },
  'symbench/math_geometry': {
    name: 'symbench/math_geometry',
    path: 'symbench/math_geometry.jsonl',
    url: `${CODESTEER}/dataset_gather/MATH/train/geometry`,
    format: 'jsonl',
    licence: 'MIT (MATH)',
    assemble: 'math-problem-files',
  },
  'symbench/math_counting_and_probability': {
    name: 'symbench/math_counting_and_probability',
    path: 'symbench/math_counting_and_probability.jsonl',
    url: `${CODESTEER}/dataset_gather/MATH/train/counting_and_probability`,
    format: 'jsonl',
    licence: 'MIT (MATH)',
    assemble: 'math-problem-files',
  },
};

/** Registers a BBH data file (called by the BBH task module for each of its tasks). */
export function bbhDataset(task: string): DatasetFile {
  const name = `bbh/${task}`;
  DATASETS[name] ??= {
    name,
    path: `bbh/${task}.json`,
    url: `${BBH_BASE}/${task}.json`,
    format: 'bbh-json',
    licence: 'MIT (BIG-Bench-Hard)',
  };
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
    throw new DataNotFoundError(
      `dataset ${name} is not at ${path}; run \`r1ci data fetch ${name}\` (online), or set R1CI_DATA_DIR / ` +
        `--data-dir to a folder that has ${file.path}`,
    );
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
    return text
      .split('\n')
      .filter((line) => line.trim().length > 0)
      .map((line) => JSON.parse(line));
  } catch (error) {
    throw new DataNotFoundError(
      `dataset ${file.name} at ${path} is not valid ${file.format}; delete it and run \`r1ci data fetch ${file.name}\``,
      { cause: error },
    );
  }
}

/** Downloads datasets into the data directory (atomic write); returns the paths written. */
export async function fetchDatasets(
  names: readonly string[],
  fetchImpl: typeof fetch = fetch,
  onProgress?: (name: string) => void,
): Promise<string[]> {
  const written: string[] = [];
  for (const name of names) {
    const file = DATASETS[name];
    if (!file) throw new UnknownNameError('dataset', name, Object.keys(DATASETS));
    onProgress?.(name);
    const text =
      file.assemble === 'math-problem-files'
        ? await assembleMathProblems(file, fetchImpl)
        : await downloadText(file.url, name, fetchImpl);
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

async function downloadText(url: string, name: string, fetchImpl: typeof fetch): Promise<string> {
  const response = await fetchImpl(url);
  if (!response.ok)
    throw new DataNotFoundError(`downloading ${name} from ${url} failed with HTTP ${response.status}`, {
      retryable: response.status >= 500,
    });
  return response.text();
}

/**
 * MATH is published as one JSON file per problem (`<folder>/<id>.json` with problem, level, type,
 * solution). Lists the folder through GitHub's contents API, downloads every problem (a few at a time)
 * and returns JSON Lines sorted by numeric id, each row with its `id`: the layout the tasks read.
 */
export async function assembleMathProblems(file: DatasetFile, fetchImpl: typeof fetch = fetch): Promise<string> {
  const folder = file.url.slice(CODESTEER.length + 1);
  const listUrl = `${CODESTEER_CONTENTS}/${folder}?ref=main`;
  const listing = JSON.parse(await downloadText(listUrl, `${file.name} (file list)`, fetchImpl)) as {
    name: string;
    type: string;
  }[];
  if (!Array.isArray(listing) || listing.length >= 1000)
    throw new DataNotFoundError(
      `the folder listing ${listUrl} is not a complete list of files; cannot find the ${file.name} problems`,
    );
  const ids = listing
    .flatMap((entry) => {
      const match = entry.type === 'file' ? /^(\d+)\.json$/.exec(entry.name) : null;
      return match ? [Number(match[1])] : [];
    })
    .sort((a, b) => a - b);
  if (ids.length === 0) throw new DataNotFoundError(`no problem files listed at ${listUrl}`);
  const rows: string[] = new Array(ids.length);
  const CONCURRENCY = 8;
  for (let start = 0; start < ids.length; start += CONCURRENCY) {
    await Promise.all(
      ids.slice(start, start + CONCURRENCY).map(async (id, k) => {
        const url = `${file.url}/${id}.json`;
        let problem: { problem: string; level: string; type: string; solution: string };
        try {
          problem = JSON.parse(await downloadText(url, file.name, fetchImpl));
        } catch (error) {
          if (error instanceof DataNotFoundError) throw error;
          throw new DataNotFoundError(`${url} is not valid JSON`, { cause: error });
        }
        rows[start + k] = JSON.stringify({
          problem: problem.problem,
          level: problem.level,
          type: problem.type,
          solution: problem.solution,
          id: String(id),
        });
      }),
    );
  }
  return `${rows.join('\n')}\n`;
}
