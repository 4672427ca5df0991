// End to end: `r1ci eval` with the oracle (each task's reference solution, run in the real
// sandbox through the real loop) scores ~100% and writes a valid report; a killed run resumes
// without redoing finished episodes; bad specs fail in one line.
import { existsSync, mkdtempSync, readFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { runCli, spawnCli } from '../helpers/cli.js';

import { ALL_TASKS } from '../../src/tasks/index.js';

// Four procedural tasks with reference solutions, one per source where available.
const candidates = ALL_TASKS.filter((task) => task.referenceSolution && !task.dataset).map((task) => task.id);
const TASKS = [
  'symbench.number_multiply',
  ...['symbench.', 'rg.', 'bbh-gen.']
    .map((prefix) => candidates.find((id) => id.startsWith(prefix) && id !== 'symbench.number_multiply'))
    .filter((id): id is string => !!id),
]
  .slice(0, 4)
  .join(',');

function lines(path: string): string[] {
  return existsSync(path)
    ? readFileSync(path, 'utf8')
        .split('\n')
        .filter((l) => l.trim())
    : [];
}

describe('r1ci eval (oracle backend, real sandbox)', () => {
  it('scores every question of tasks with reference solutions and writes the reports', async () => {
    const out = mkdtempSync(join(tmpdir(), 'r1ci-eval-'));
    const { code, stdout, stderr } = await runCli([
      'eval',
      '--model',
      'oracle',
      '--tasks',
      TASKS,
      '--per-task',
      '5',
      '--out',
      out,
      '--json',
      '--no-progress',
    ]);
    expect(stderr.split('\n').filter((l) => l.startsWith('r1ci:'))).toEqual([]);
    expect(code).toBe(0);
    const { metrics, manifest } = JSON.parse(stdout);
    const n = TASKS.split(',').length;
    expect(manifest.taskIds.length).toBe(n);
    expect(metrics.episodes).toBe(5 * n);
    expect(metrics.meanAccuracy).toBe(1);
    expect(metrics.codeUseRate).toBe(1);
    expect(metrics.stopReasons).toEqual({ 'final-answer': 5 * n });
    const results = JSON.parse(readFileSync(join(out, 'results.json'), 'utf8'));
    expect(results.metrics.tasks.map((t: { taskId: string; accuracy: number }) => [t.taskId, t.accuracy])).toEqual(
      TASKS.split(',')
        .sort()
        .map((id) => [id, 1]),
    );
    expect(readFileSync(join(out, 'report.md'), 'utf8')).toMatch(/\| oracle \(ci\) \| 100\.0 \|/);
    const html = readFileSync(join(out, 'report.html'), 'utf8');
    expect(html).toMatch(/^<!doctype html>/);
    expect(html).not.toMatch(/<(script|link|img)[^>]+(src|href)=["']https?:/); // nothing loaded from the network
  });

  it('a killed run resumes without redoing finished episodes', async () => {
    const out = mkdtempSync(join(tmpdir(), 'r1ci-resume-'));
    const args = [
      'eval',
      '--model',
      'oracle',
      '--tasks',
      'symbench.number_multiply',
      '--per-task',
      '30',
      '--concurrency',
      '1',
      '--out',
      out,
      '--no-progress',
      '--json',
    ];
    const child = spawnCli(args);
    const episodes = join(out, 'episodes.jsonl');
    await new Promise<void>((resolve, reject) => {
      const timer = setInterval(() => {
        if (lines(episodes).length >= 5) {
          clearInterval(timer);
          child.kill('SIGKILL');
          resolve();
        }
      }, 20);
      child.on('close', () => {
        clearInterval(timer);
        reject(new Error('finished before it could be killed'));
      });
    });
    await new Promise((resolve) => child.on('close', resolve));
    const before = lines(episodes);
    expect(before.length).toBeGreaterThanOrEqual(5);
    expect(before.length).toBeLessThan(30);
    const rerun = await runCli(args);
    expect(rerun.code).toBe(0);
    const after = lines(episodes);
    const intact = before.filter((line) => {
      try {
        JSON.parse(line);
        return true;
      } catch {
        return false;
      }
    });
    expect(after.slice(0, intact.length)).toEqual(intact);
    const ids = after.map((line) => JSON.parse(line).id);
    expect(new Set(ids).size).toBe(30);
    expect(ids.length).toBe(30);
    expect(JSON.parse(rerun.stdout).metrics.episodes).toBe(30);
  });

  it('bad model specs, a missing key and an unreachable server are one-line errors', async () => {
    const out = mkdtempSync(join(tmpdir(), 'r1ci-bad-'));
    const cases: [string[], NodeJS.ProcessEnv, RegExp][] = [
      [['--model', 'gpt4'], {}, /^r1ci: model: unknown model spec "gpt4" \(use oracle, scripted:FILE/],
      [['--model', 'chat:qwen'], {}, /^r1ci: model: bad model spec "chat:qwen": expected MODEL@URL/],
      [
        ['--model', 'openai:gpt-4o'],
        { OPENAI_API_KEY: '' },
        /^r1ci: model: no API key: OPENAI_API_KEY is not set \(export OPENAI_API_KEY=\.\.\. before running\)/,
      ],
      [
        ['--model', 'chat:qwen@http://127.0.0.1:9/v1'],
        {},
        /^r1ci: cannot reach http:\/\/127\.0\.0\.1:9\/v1: start the server or fix the URL in --model/,
      ],
    ];
    for (const [model, env, message] of cases) {
      const { code, stderr } = await runCli(
        ['eval', ...model, '--tasks', 'symbench.number_multiply', '--per-task', '1', '--out', out, '--no-progress'],
        { env },
      );
      expect(code).not.toBe(0);
      expect(stderr.trim().split('\n')).toHaveLength(1);
      expect(stderr.trim()).toMatch(message);
    }
  });
});
