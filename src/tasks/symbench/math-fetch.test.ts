// `r1ci data fetch` for the MATH subsets, against a scripted fetch (no network): the per-problem JSON
// files are listed, downloaded and written as JSON Lines sorted by id, which the tasks then read.
import { mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { DataNotFoundError } from '../../core/index.js';
import { DATASETS, dataDir, fetchDatasets, loadDataset, setDataDir } from '../data.js';
import { mathGeometry } from './math-geometry.js';

const FOLDER = 'https://raw.githubusercontent.com/yongchao98/CodeSteer-v1.0/main/dataset_gather/MATH/train/geometry';
const LIST =
  'https://api.github.com/repos/yongchao98/CodeSteer-v1.0/contents/dataset_gather/MATH/train/geometry?ref=main';

const problems: Record<number, object> = {
  10: { problem: 'Area of a unit square?', level: 'Level 1', type: 'Geometry', solution: 'It is $\\boxed{1}$.' },
  2: { problem: 'Point?', level: 'Level 2', type: 'Geometry', solution: 'So $\\boxed{(1, 2)}$.' },
  7: { problem: 'Half?', level: 'Level 3', type: 'Geometry', solution: 'We get $\\boxed{\\dfrac{1}{2}}$.' },
};

function scriptedFetch(calls: string[], overrides: Record<string, Response> = {}): typeof fetch {
  return (async (input: string | URL | Request) => {
    const url = String(input);
    calls.push(url);
    if (overrides[url]) return overrides[url];
    if (url === LIST)
      return new Response(
        JSON.stringify([
          ...Object.keys(problems).map((id) => ({ name: `${id}.json`, type: 'file' })),
          { name: 'README.md', type: 'file' },
          { name: 'sub', type: 'dir' },
        ]),
      );
    const id = Number(/\/(\d+)\.json$/.exec(url)?.[1]);
    return problems[id] ? new Response(JSON.stringify(problems[id])) : new Response('not found', { status: 404 });
  }) as typeof fetch;
}

describe('data fetch for MATH subsets', () => {
  const previous = dataDir();
  let temp = '';
  afterEach(() => {
    setDataDir(previous);
    if (temp) rmSync(temp, { recursive: true, force: true });
  });

  it('lists the problem files, downloads each and writes JSON Lines sorted by numeric id', async () => {
    temp = mkdtempSync(join(tmpdir(), 'r1ci-math-'));
    setDataDir(temp);
    const calls: string[] = [];
    const written = await fetchDatasets(['symbench/math_geometry'], scriptedFetch(calls));
    expect(written).toEqual([join(temp, 'symbench/math_geometry.jsonl')]);
    expect(calls[0]).toBe(LIST);
    expect(calls.slice(1).sort()).toEqual([`${FOLDER}/10.json`, `${FOLDER}/2.json`, `${FOLDER}/7.json`]);
    const lines = readFileSync(written[0], 'utf8')
      .trim()
      .split('\n')
      .map((l) => JSON.parse(l) as Record<string, string>);
    expect(lines.map((l) => l.id)).toEqual(['2', '7', '10']);
    expect(Object.keys(lines[0])).toEqual(['problem', 'level', 'type', 'solution', 'id']);
    expect(loadDataset('symbench/math_geometry').length).toBe(3);
    const instance = mathGeometry.generate(mathGeometry.resolveOptions(), 0, 1);
    expect(instance.answer).toBe('\\dfrac{1}{2}');
    expect(mathGeometry.verify(instance, '<<<1/2>>>').correct).toBe(true);
    expect(() => mathGeometry.generate(mathGeometry.resolveOptions(), 0, 3)).toThrow(/has 3 examples/);
  });

  it('a failed problem download is a DataNotFoundError naming the URL, and nothing is written', async () => {
    temp = mkdtempSync(join(tmpdir(), 'r1ci-math-'));
    setDataDir(temp);
    const fetchImpl = scriptedFetch([], { [`${FOLDER}/7.json`]: new Response('oops', { status: 503 }) });
    const failure = fetchDatasets(['symbench/math_geometry'], fetchImpl);
    await expect(failure).rejects.toThrow(DataNotFoundError);
    await expect(fetchDatasets(['symbench/math_geometry'], fetchImpl)).rejects.toThrow(/7\.json failed with HTTP 503/);
    expect(() => readFileSync(join(temp, DATASETS['symbench/math_geometry'].path))).toThrow();
  });
});
