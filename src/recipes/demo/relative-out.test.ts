// `r1ci demo --out r1ci-demo` (the default: a relative folder) must work: the learner is another
// process in another working directory, which refuses relative checkpoint paths, so every path the
// demo hands it is absolute.
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { isAbsolute, join, relative } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { runDemo } from './run-demo.js';
import type { DemoStage } from './context.js';

const root = mkdtempSync(join(tmpdir(), 'r1ci-demo-rel-'));
afterAll(() => rmSync(root, { recursive: true, force: true }));

describe('runDemo with a relative out folder', () => {
  it('saves weights for the sampler under it, as the RL stage does', async () => {
    let saved = '';
    const save: DemoStage = {
      name: 'save',
      async run(ctx) {
        const modelId = await ctx.client.createModel({ base_model: 'tiny' });
        saved = await ctx.client.saveWeightsForSampler(modelId, join(ctx.outDir, 'sft-model'));
      },
    };
    const ctx = await runDemo({ outDir: relative(process.cwd(), join(root, 'demo')), stages: [save] });
    expect(isAbsolute(ctx.outDir)).toBe(true);
    expect(saved).toBe(join(root, 'demo', 'sft-model'));
  }, 60_000);
});
