// The quick demo end to end (tiny model, oracle synthesis, SFT through the local learner, two GRPO
// steps, held-out evaluation in ci and text modes). The fine-tuned model must answer held-out
// questions with code far better than the untrained model and than itself without code (measured
// 83–92% against 0% and 0% on 12 questions; the thresholds leave room for other machines' float
// differences). Its held-out loss must have fallen, GRPO must have run and been evaluated, and the
// report must carry the curves.
import { existsSync, mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import type { Episode } from '../../agent/index.js';
import { runDemo } from './run-demo.js';

const dir = mkdtempSync(join(tmpdir(), 'r1ci-demo-'));
afterAll(() => rmSync(dir, { recursive: true, force: true }));

const rate = (episodes: readonly Episode[], test: (e: Episode) => boolean) => episodes.filter(test).length / Math.max(1, episodes.length);

describe('r1ci demo --quick', () => {
  it('fine-tunes the tiny model into one that answers held-out questions with code, which it cannot without', async () => {
    const ctx = await runDemo({ outDir: dir, quick: true });
    const base = ctx.evals.get('base/ci')!.episodes, sft = ctx.evals.get('sft/ci')!.episodes;
    const sftText = ctx.evals.get('sft/text')!.episodes;
    expect(base.length).toBe(12);
    expect(sft.length).toBe(base.length);
    const accuracy = (episodes: readonly Episode[]) => rate(episodes, (e) => e.verdict.correct);
    expect(accuracy(sft)).toBeGreaterThanOrEqual(0.5);
    expect(accuracy(sft) - accuracy(base)).toBeGreaterThanOrEqual(0.4);
    expect(accuracy(sft) - accuracy(sftText)).toBeGreaterThanOrEqual(0.4);
    expect(rate(base, (e) => e.codeCalls > 0)).toBeLessThan(0.1);
    expect(rate(sft, (e) => e.codeCalls > 0)).toBeGreaterThanOrEqual(0.8);
    expect(ctx.sft!.metrics.at(-1)!.heldOutLoss!).toBeLessThan(ctx.sft!.metrics.find((m) => m.heldOutLoss !== undefined && m.step < ctx.sft!.totalSteps)!.heldOutLoss! / 2);
    // GRPO ran from the SFT weights for the quick preset's steps, and its model was evaluated too.
    expect(ctx.rl!.metrics.map((m) => m.step)).toEqual([1, 2]);
    expect(ctx.rl!.metrics.every((m) => m.episodes === 10)).toBe(true);
    expect(ctx.evals.get('sft+grpo/ci')!.episodes.length).toBe(base.length);
    const html = readFileSync(join(dir, 'report.html'), 'utf8');
    expect(html).toContain('Training curves');
    expect(html).toContain('GRPO after SFT');
    expect(existsSync(join(dir, 'demo.json'))).toBe(true);
  }, 300_000);
});
