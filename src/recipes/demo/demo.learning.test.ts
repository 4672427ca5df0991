// The quick demo end to end (tiny model, oracle synthesis, SFT through the local learner, GRPO,
// held-out evaluation in ci, choice and text modes).
// - SFT: told to use Python, the fine-tuned model must answer held-out questions with code far
//   better than the untrained model and than itself without code. Its held-out loss must have fallen.
// - GRPO: left to choose (code allowed, not required), the SFT model answers in its head as most of
//   its teacher's choice examples do, and gets almost nothing right. GRPO under that prompt must
//   teach it that code pays: code use and accuracy must both rise by a wide margin.
// This runs seed 0. Over `npm run bench:demo` on seeds 0-4 and two CPU kernels with the current
// recipe (docs/benchmarks.md, "The short demo ... over seeds"): SFT/ci 75-92% (asserted >= 50%),
// SFT+GRPO/choice 75-92% (asserted >= 60%), the rise in code use +25 to +100 points (asserted >= 25).
// The rise in choice accuracy was +75 to +92 in nine runs and +8 in one (seed 1 on the avx kernel,
// whose SFT model already chose code), so the asserted 25 holds for seed 0 (+92 and +83), not for
// every seed.
// The report must carry the curves.
import { existsSync, mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import type { Episode } from '../../agent/index.js';
import { DEMO_RL } from './rl-stage.js';
import { QUICK_DEMO } from './context.js';
import { runDemo } from './run-demo.js';

const dir = mkdtempSync(join(tmpdir(), 'r1ci-demo-'));
afterAll(() => rmSync(dir, { recursive: true, force: true }));

/** The least rise GRPO must bring in choice mode, in accuracy and in code use (fraction of 12 questions). */
const GRPO_GAIN = 0.25;

const rate = (episodes: readonly Episode[], test: (e: Episode) => boolean) =>
  episodes.filter(test).length / Math.max(1, episodes.length);

describe('r1ci demo (the short version, seed 0)', () => {
  it('fine-tunes the tiny model to answer held-out questions with code, which it cannot without', async () => {
    const ctx = await runDemo({ outDir: dir });
    const base = ctx.evals.get('base/ci')!.episodes,
      sft = ctx.evals.get('sft/ci')!.episodes;
    const sftText = ctx.evals.get('sft/text')!.episodes;
    expect(base.length).toBe(12);
    expect(sft.length).toBe(base.length);
    const accuracy = (episodes: readonly Episode[]) => rate(episodes, (e) => e.verdict.correct);
    expect(accuracy(sft)).toBeGreaterThanOrEqual(0.5);
    expect(accuracy(sft) - accuracy(base)).toBeGreaterThanOrEqual(0.4);
    expect(accuracy(sft) - accuracy(sftText)).toBeGreaterThanOrEqual(0.4);
    expect(rate(base, (e) => e.codeCalls > 0)).toBeLessThan(0.1);
    expect(rate(sft, (e) => e.codeCalls > 0)).toBeGreaterThanOrEqual(0.8);
    expect(ctx.sft!.metrics.at(-1)!.heldOutLoss!).toBeLessThan(
      ctx.sft!.metrics.find((m) => m.heldOutLoss !== undefined && m.step < ctx.sft!.totalSteps)!.heldOutLoss! / 2,
    );
    // GRPO ran from the SFT weights for the quick preset's steps and taught the model to choose code.
    const rl = { ...DEMO_RL, ...QUICK_DEMO.rl };
    expect(ctx.rl!.metrics.map((m) => m.step)).toEqual(Array.from({ length: rl.steps! }, (_, i) => i + 1));
    expect(ctx.rl!.metrics.every((m) => m.episodes === rl.questionsPerStep! * rl.groupSize!)).toBe(true);
    const sftChoice = ctx.evals.get('sft/choice')!.episodes,
      grpoChoice = ctx.evals.get('sft+grpo/choice')!.episodes;
    expect(grpoChoice.length).toBe(base.length);
    expect(accuracy(grpoChoice)).toBeGreaterThanOrEqual(0.6);
    expect(accuracy(grpoChoice) - accuracy(sftChoice)).toBeGreaterThanOrEqual(GRPO_GAIN);
    expect(rate(grpoChoice, (e) => e.codeCalls > 0) - rate(sftChoice, (e) => e.codeCalls > 0)).toBeGreaterThanOrEqual(
      GRPO_GAIN,
    );
    const html = readFileSync(join(dir, 'report.html'), 'utf8');
    expect(html).toContain('Training curves');
    expect(html).toContain('GRPO after SFT');
    expect(existsSync(join(dir, 'demo.json'))).toBe(true);
  }, 1_500_000); // about 410 s on a quiet 2-core machine, up to 1,350 s beside other work
});
