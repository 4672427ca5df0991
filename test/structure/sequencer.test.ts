// The test order on a fresh clone: files that start processes first, the most first; with
// recorded durations, vitest's own order.
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import type { TestSpecification } from 'vitest/node';
import ProcessesFirst, { processStarts } from '../sequencer.js';

const root = join(import.meta.dirname, '..', '..');
const files = ['src/core/jsonl-log.test.ts', 'src/train/rl/resume.test.ts', 'src/train/minimal-sft.test.ts'];

function sequencer(recorded: boolean) {
  const ctx = {
    config: { root },
    cache: {
      getFileTestResults: (key: string) => (recorded ? { failed: false, duration: key.length } : undefined),
      getFileStats: () => ({ size: 1 }),
    },
  };
  return new ProcessesFirst(ctx as never);
}

function specs(): TestSpecification[] {
  const project = { name: '', config: { sequence: { groupOrder: 0 }, isolate: false } };
  return files.map((file) => ({ project, moduleId: join(root, file) }) as unknown as TestSpecification);
}

const names = (sorted: TestSpecification[]) => sorted.map((s) => s.moduleId.slice(root.length + 1));

describe('the test sequencer', () => {
  it('counts the calls that start a learner, the CLI or a sandbox', () => {
    expect(processStarts('const x = 1;')).toBe(0);
    expect(processStarts('await startLocalLearner({}); await runCli(a); await startTinyModelFixture(p, 1);')).toBe(3);
  });

  it('puts the files that start the most processes first when no durations are recorded', async () => {
    // resume.test.ts starts six (a learner and five CLI runs), minimal-sft.test.ts one fixture.
    expect(names(await sequencer(false).sort(specs()))).toEqual([
      'src/train/rl/resume.test.ts',
      'src/train/minimal-sft.test.ts',
      'src/core/jsonl-log.test.ts',
    ]);
  });

  it("keeps vitest's order (longest recorded first) when durations are recorded", async () => {
    const sorted = names(await sequencer(true).sort(specs()));
    // the fake durations are the keys' lengths: the longest path first
    expect(sorted).toEqual([...files].sort((a, b) => b.length - a.length));
  });
});
