// A `learner:DIR` model starts a local learner on first use, and its close() stops it (before, the
// learner lived until the process exited). A relative DIR samples too (the learner runs in another
// working directory).
import { mkdtempSync, readdirSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, relative } from 'node:path';
import { describe, expect, it } from 'vitest';
import { createTinyPreset } from '../learner/index.js';
import { parseModelSpec } from './model-spec.js';
import type { TokenBackend } from '../backends/index.js';
import { alive } from '../../test/helpers/processes.js';


/** Pids of learner servers started by this process. */
function learnerPids(): number[] {
  return readdirSync('/proc')
    .filter((d) => /^\d+$/.test(d))
    .map(Number)
    .filter((pid) => {
      try {
        const cmd = readFileSync(`/proc/${pid}/cmdline`, 'utf8');
        return cmd.includes('learner.server') && cmd.includes(`--parent-pid\0${process.pid}\0`);
      } catch {
        return false;
      }
    });
}

describe.runIf(process.platform === 'linux')('learner:DIR model', () => {
  it('learner:DIR starts its learner on preflight and close() stops it', async () => {
    const dir = mkdtempSync(join(tmpdir(), 'r1ci-with-learner-'));
    try {
      const folder = await createTinyPreset(join(dir, 'tiny'));
      const model = parseModelSpec(`learner:${relative(process.cwd(), folder)}`);
      const before = new Set(learnerPids());
      await model.preflight();
      const started = learnerPids().filter((pid) => !before.has(pid));
      expect(started).toHaveLength(1);
      const { backend } = (model.forEpisode as () => { backend: TokenBackend })();
      const sample = await backend.sample({ promptTokens: [72, 105], maxTokens: 3, temperature: 0 });
      expect(sample.tokens).toHaveLength(3);
      await model.close!();
      expect(alive(started[0])).toBe(false);
      await model.close!(); // closing twice is harmless
    } finally {
      rmSync(dir, { recursive: true, force: true });
    }
  }, 90_000);
});
