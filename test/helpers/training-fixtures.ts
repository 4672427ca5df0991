// Shared setup of the training tests: a scratch folder with a real local learner, and either oracle
// SFT records synthesised through the real loop and sandbox, or a tiny model preset with its
// tokenizer and a sandbox pool. Each fixture's close() stops what it started and removes the folder.
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { loadTokenizer, type Tokenizer } from '../../src/backends/index.js';
import { createOracleBackend } from '../../src/agent/index.js';
import { createTinyPreset, startLocalLearner, type LocalLearner } from '../../src/learner/index.js';
import { createLocalSandbox } from '../../src/sandbox/index.js';
import type { Sandbox } from '../../src/sandbox/types.js';
import { runSynth } from '../../src/train/synth/index.js';

export type OracleDataFixture = { dir: string; data: string; learner: LocalLearner; close(): Promise<void> };

/** `perTask` oracle trajectories of one task in `<dir>/data.jsonl`, and a local learner. */
export async function startOracleDataFixture(
  prefix: string,
  perTask: number,
  taskId = 'rg.arithmetic.count_bits',
): Promise<OracleDataFixture> {
  const dir = mkdtempSync(join(tmpdir(), prefix));
  const data = join(dir, 'data.jsonl');
  const sandbox = await createLocalSandbox({ concurrency: 2 });
  try {
    await runSynth({
      teacher: { name: 'oracle', forEpisode: (t, i, m) => ({ backend: createOracleBackend(t, i, m) }) },
      taskIds: [taskId],
      perTask,
      attemptsPerQuestion: 1,
      out: data,
      sandbox,
      agent: { execTimeoutMs: 10_000 },
    });
  } finally {
    await sandbox.close();
  }
  const learner = await startLocalLearner({ threads: 1, stateDir: join(dir, 'learner') });
  return {
    dir,
    data,
    learner,
    close: async () => {
      await learner.stop();
      rmSync(dir, { recursive: true, force: true });
    },
  };
}

export type TinyModelFixture = {
  dir: string;
  base: string;
  tokenizer: Tokenizer;
  sandbox: Sandbox;
  learner: LocalLearner;
  close(): Promise<void>;
};

/** A tiny preset written to `<dir>/base` (seeded), its tokenizer, a sandbox pool and a one-thread learner. */
export async function startTinyModelFixture(prefix: string, seed: number): Promise<TinyModelFixture> {
  const dir = mkdtempSync(join(tmpdir(), prefix));
  const base = await createTinyPreset(join(dir, 'base'), { seed });
  const sandbox = await createLocalSandbox({ concurrency: 2 });
  const learner = await startLocalLearner({ threads: 1, stateDir: join(dir, 'learner') });
  return {
    dir,
    base,
    tokenizer: loadTokenizer(base),
    sandbox,
    learner,
    close: async () => {
      await sandbox.close();
      await learner.stop();
      rmSync(dir, { recursive: true, force: true });
    },
  };
}
