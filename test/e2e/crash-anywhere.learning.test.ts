// Crash anywhere, lose nothing: eval and synth are killed with SIGKILL at seeded random moments
// (some kills tear the log's last line), rerun to the end, and must equal an uninterrupted run with
// the same seeds: no episode or record lost, none duplicated, the same metrics. Minutes of CPU
// (a CLI start per kill), so it runs with `npm run test:learning`.
import { mkdtempSync, readFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { readJsonl } from '../../src/core/index.js';
import type { Episode } from '../../src/agent/index.js';
import { killDelayFor, runCrashLoop, timeWork } from '../helpers/crash-loop.js';

const KILLS = 12;

/** What an episode is, without its timings. */
function essence(episode: Episode) {
  const { timing: _timing, turns, ...rest } = episode;
  return {
    ...rest,
    turns: turns.map(({ exec, ...turn }) => ({
      ...turn,
      exec: exec && { status: exec.status, exitCode: exec.exitCode, stdout: exec.stdout, stderr: exec.stderr },
    })),
  };
}

/** Every line of the log is a whole record (strict read: a torn or glued line fails). */
function strictLines<T>(path: string): T[] {
  const read = readJsonl<T>(path);
  expect(read.tornTail).toBe(false);
  expect(readFileSync(path, 'utf8').split('\n').filter(Boolean)).toHaveLength(read.records.length);
  return read.records;
}

describe('crash anywhere', () => {
  it(`eval: ${KILLS} kills, then the same episodes and metrics as an uninterrupted run`, async () => {
    const root = mkdtempSync(join(tmpdir(), 'r1ci-crash-eval-'));
    const args = (out: string) => [
      'eval',
      '--model',
      'oracle',
      '--tasks',
      'symbench.number_multiply,rg.algorithmic.count_primes',
      '--per-task',
      '40',
      '--concurrency',
      '2',
      '--out',
      out,
      '--no-progress',
      '--json',
    ];
    const clean = await timeWork(args(join(root, 'clean')), join(root, 'clean', 'episodes.jsonl'));
    expect(clean.code).toBe(0);
    const crashed = await runCrashLoop({
      args: args(join(root, 'crashed')),
      log: join(root, 'crashed', 'episodes.jsonl'),
      kills: KILLS,
      seed: 19,
      maxDelayMs: killDelayFor(clean.workMs, KILLS),
    });
    expect([crashed.kills, crashed.finishedEarly, crashed.final.code]).toEqual([KILLS, 0, 0]);
    const reference = strictLines<Episode>(join(root, 'clean', 'episodes.jsonl'));
    const resumed = strictLines<Episode>(join(root, 'crashed', 'episodes.jsonl'));
    expect(reference).toHaveLength(80);
    expect(new Set(resumed.map((e) => e.id)).size).toBe(resumed.length); // none duplicated
    const byId = (list: Episode[]) => [...list].sort((a, b) => a.id.localeCompare(b.id)).map(essence);
    expect(byId(resumed)).toEqual(byId(reference)); // none lost, each the same
    const metrics = (dir: string) => JSON.parse(readFileSync(join(root, dir, 'results.json'), 'utf8')).metrics;
    expect(metrics('crashed')).toEqual(metrics('clean'));
    console.log(
      `eval: ${crashed.kills} kills (delay up to ${killDelayFor(clean.workMs, KILLS)} ms), ${crashed.tears} ` +
        `torn last lines`,
    );
  }, 600_000);

  it(`synth: ${KILLS} kills, then the same records as an uninterrupted run`, async () => {
    const root = mkdtempSync(join(tmpdir(), 'r1ci-crash-synth-'));
    const args = (out: string) => [
      'synth',
      '--model',
      'oracle',
      '--tasks',
      'symbench.number_multiply,rg.algorithmic.spell_backward',
      '--per-task',
      '30',
      '--attempts',
      '1',
      '--concurrency',
      '2',
      '--out',
      out,
      '--no-progress',
      '--json',
    ];
    const clean = await timeWork(args(join(root, 'clean.jsonl')), join(root, 'clean.jsonl'));
    expect(clean.code).toBe(0);
    const out = join(root, 'crashed.jsonl');
    const crashed = await runCrashLoop({
      args: args(out),
      log: out,
      commitFile: `${out}.state.json`,
      kills: KILLS,
      seed: 19,
      maxDelayMs: killDelayFor(clean.workMs, KILLS),
    });
    expect([crashed.kills, crashed.finishedEarly, crashed.final.code]).toEqual([KILLS, 0, 0]);
    const reference = strictLines<{ id: string }>(join(root, 'clean.jsonl'));
    expect(reference).toHaveLength(60);
    expect(strictLines<{ id: string }>(out)).toEqual(reference);
    console.log(
      `synth: ${crashed.kills} kills (delay up to ${killDelayFor(clean.workMs, KILLS)} ms), ${crashed.tears} ` +
        `torn last lines`,
    );
  }, 600_000);
});
