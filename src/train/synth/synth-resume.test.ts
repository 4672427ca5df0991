// Synthesis after a crash or an infrastructure failure: a wave cut short by the sandbox is not kept
// and runs again; records written before a lost state file are not written twice; unreadable
// record lines are refused with their line numbers unless skipped.
import { mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { BadLinesError, DataNotFoundError, SandboxUnavailableError } from '../../core/index.js';
import { createOracleBackend } from '../../agent/index.js';
import { createLocalSandbox, type Sandbox } from '../../sandbox/index.js';
import type { ExecRequest } from '../../sandbox/types.js';
import { readSynthRecords, runSynth, SynthInfrastructureError, type Teacher } from './run-synth.js';

let sandbox: Sandbox;
beforeAll(async () => {
  sandbox = await createLocalSandbox({ concurrency: 2 });
});
afterAll(async () => {
  await sandbox?.close();
});

const oracle: Teacher = {
  name: 'oracle',
  forEpisode: (task, instance, mode) => ({ backend: createOracleBackend(task, instance, mode) }),
};
const settings = {
  teacher: oracle,
  taskIds: ['symbench.number_multiply'],
  perTask: 4,
  attemptsPerQuestion: 1,
  concurrency: 2,
  agent: { execTimeoutMs: 10_000 },
};
const text = (path: string) => readFileSync(path, 'utf8');

describe('synth resume', () => {
  it('a wave the sandbox cut short is not kept; the rerun ends with the records of an uninterrupted run', async () => {
    const dir = mkdtempSync(join(tmpdir(), 'r1ci-synth-infra-'));
    await runSynth({ ...settings, out: join(dir, 'clean.jsonl'), sandbox });
    let calls = 0;
    const flaky: Sandbox = {
      exec: (r: ExecRequest) =>
        ++calls === 3 ? Promise.reject(new SandboxUnavailableError('the warm parent died')) : sandbox.exec(r),
      close: async () => {},
    };
    const out = join(dir, 'cut.jsonl');
    await expect(runSynth({ ...settings, out, sandbox: flaky })).rejects.toThrow(SynthInfrastructureError);
    expect(readSynthRecords(out)).toHaveLength(2); // the first wave only
    await runSynth({ ...settings, out, sandbox });
    expect(text(out)).toBe(text(join(dir, 'clean.jsonl')));
  });

  it('records written before a kill that came ahead of the state file are not written twice', async () => {
    const dir = mkdtempSync(join(tmpdir(), 'r1ci-synth-dup-'));
    const out = join(dir, 'records.jsonl');
    await runSynth({ ...settings, out, sandbox });
    const complete = text(out);
    // Killed in the last wave after its first record was written, before the state file: three
    // records in the file, the state still from before that wave.
    writeFileSync(
      out,
      complete
        .split('\n')
        .slice(0, 3)
        .map((line) => `${line}\n`)
        .join(''),
    );
    const state = JSON.parse(text(`${out}.state.json`));
    writeFileSync(`${out}.state.json`, JSON.stringify({ ...state, next: { 'symbench.number_multiply': 2 } }));
    const rerun = await runSynth({ ...settings, out, sandbox });
    expect(rerun.records).toBe(4);
    expect(text(out)).toBe(complete);
  });

  it('unreadable record lines are refused with their numbers, or skipped and reported; a missing file is named', () => {
    const dir = mkdtempSync(join(tmpdir(), 'r1ci-synth-bad-'));
    const path = join(dir, 'records.jsonl');
    const lines = Array.from({ length: 8 }, (_, i) => JSON.stringify({ id: `t#${i}`, taskId: 't' }));
    lines[2] = lines[2].slice(0, 10);
    writeFileSync(path, `${lines.join('\n')}\n`);
    expect(() => readSynthRecords(path)).toThrow(BadLinesError);
    expect(() => readSynthRecords(path)).toThrow(/: 1 unreadable line \(line 3: .*--skip-bad-lines/);
    const skipped: number[] = [];
    const records = readSynthRecords(path, {
      skipBadLines: true,
      onSkipped: (bad) => skipped.push(...bad.map((b) => b.line)),
    });
    expect([records.length, skipped]).toEqual([7, [3]]);
    expect(() => readSynthRecords(join(dir, 'nope.jsonl'))).toThrow(DataNotFoundError);
    expect(() => readSynthRecords(join(dir, 'nope.jsonl'))).toThrow(/nope\.jsonl does not exist/);
  });
});
