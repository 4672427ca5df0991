// The minimal GRPO loop is the spec: on the same episodes the full loop's reward, advantages and
// learner data and loss config (clip bounds, dual-clip and temperature included) must equal the
// minimal loop's; and the minimal loop runs end to end on the tiny model (at rollout temperature
// 0.7, trained on logits / T).
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startTinyModelFixture, type TinyModelFixture } from '../../test/helpers/training-fixtures.js';
import { ScriptedBackend, type Tokenizer } from '../backends/index.js';
import type { LocalLearner } from '../learner/index.js';
import type { Sandbox } from '../sandbox/types.js';
import { getTask } from '../tasks/index.js';
import { resolveAgentConfig, runEpisodes, type Episode } from '../agent/index.js';
import {
  buildDatums,
  computeEpisodeAdvantages,
  scoreGroups,
  selectTrainingGroups,
  sequencesOf,
  spreadEpisodeAdvantages,
} from './rl/batch.js';
import { resolveRlConfig } from './rl/config.js';
import { buildLossConfig } from './rl/train-step.js';
import {
  minimalDatums,
  minimalGroupAdvantages,
  minimalLossConfig,
  minimalReward,
  runMinimalGrpo,
} from './minimal-grpo.js';

let base: string, tokenizer: Tokenizer, sandbox: Sandbox, learner: LocalLearner;
let fixture: TinyModelFixture | undefined;

beforeAll(async () => {
  fixture = await startTinyModelFixture('r1ci-min-grpo-', 3);
  ({ base, tokenizer, sandbox, learner } = fixture);
}, 120_000);

afterAll(async () => {
  await fixture?.close();
});

const task = getTask('rg.arithmetic.chain_sum');
const instance = task.generate(task.resolveOptions(), 0, 0);
const code = '```python\n' + task.referenceSolution!(instance).trimEnd() + '\n```\n';
// Four kinds of answers: code then right, code then wrong, no answer, right without code.
const scripts = [
  [code, `<<<${instance.answer}>>>`],
  [code, '<<<0>>>'],
  ['I cannot tell.'],
  [`<<<${instance.answer}>>>`],
  [code, `<<<${instance.answer}>>>`],
];

async function scriptedGroups(): Promise<Episode[][]> {
  const config = resolveAgentConfig({ recordTokens: true, execTimeoutMs: 10_000, systemPrompt: 'Use Python.' });
  const contexts = [0, 1].flatMap((g) =>
    scripts.map((script, i) => () => ({
      task,
      instance,
      sample: i,
      tokenizer,
      sandbox,
      config,
      backend: new ScriptedBackend({
        tokenizer,
        script: g === 0 ? script : scripts[(i + 2) % scripts.length],
      }).asTokenBackend(),
    })),
  );
  const episodes = await runEpisodes(contexts, { concurrency: 4 });
  return [episodes.slice(0, 5), episodes.slice(5)];
}

describe('the minimal GRPO loop', () => {
  it('computes the hand-computed group advantages', () => {
    expect(minimalGroupAdvantages([2, 0, 0, 1, 2]).map((a) => +a.toFixed(5))).toEqual([1, -1, -1, 0, 1]);
  });

  it('agrees with the full loop on rewards, advantages and learner data for the same episodes', async () => {
    const groups = await scriptedGroups();
    expect(groups[0].map((e) => +minimalReward(e).toFixed(3))).toEqual([1.1, 0.1, -0.1, 1.1, 1.1]);
    const config = resolveRlConfig({ klCoef: 0.001 });
    const scored = selectTrainingGroups(
      scoreGroups(
        groups.map((episodes, i) => ({ key: String(i), episodes })),
        config,
      ),
      config,
    );
    expect(scored.flatMap((g) => g.rewards.map((r) => r.total))).toEqual(groups.flat().map(minimalReward));
    const sequences = sequencesOf(scored, config);
    const full = buildDatums(
      sequences,
      spreadEpisodeAdvantages(sequences, computeEpisodeAdvantages(scored, sequences, 'grpo')),
    );
    const minimal = minimalDatums(groups);
    expect(full.trainedTokens).toBe(minimal.tokens);
    expect(full.data).toEqual(minimal.data);

    // Overlong masking: an answer cut by the budget keeps its place in the baseline but trains on nothing.
    const cut = groups.map((g) => g.map((e, i) => (i === 1 ? { ...e, stopReason: 'max-tokens' as const } : e)));
    const masked = resolveRlConfig({ klCoef: 0.001, maskTruncated: true });
    const scoredCut = selectTrainingGroups(
      scoreGroups(
        cut.map((episodes, i) => ({ key: String(i), episodes })),
        masked,
      ),
      masked,
    );
    const sequencesCut = sequencesOf(scoredCut, masked);
    const fullCut = buildDatums(
      sequencesCut,
      spreadEpisodeAdvantages(sequencesCut, computeEpisodeAdvantages(scoredCut, sequencesCut, 'grpo')),
    );
    const minimalCut = minimalDatums(cut, { maskTruncated: true });
    expect(fullCut.data).toEqual(minimalCut.data);
    expect(minimalCut.tokens).toBeLessThan(minimal.tokens);

    // The loss config: the paper's, at temperature 0.7 (trained on logits / T), with clip-higher and
    // asymmetric bounds, with dual-clip, and all at once.
    const lossOptions = [
      { temperature: 1 },
      { temperature: 0.7 },
      { temperature: 1, clipLow: 0.75, clipHigh: 1.28 },
      { temperature: 1, dualClip: 3 },
      { temperature: 0.7, clipLow: 0.75, clipHigh: 1.28, dualClip: 3 },
    ];
    for (const { temperature, ...clip } of lossOptions) {
      const resolved = resolveRlConfig({ klCoef: 0.001, ...clip, agent: { temperature } });
      expect(buildLossConfig(resolved, minimal.tokens)).toEqual(
        minimalLossConfig({ klCoef: 0.001, temperature, ...clip }, minimal.tokens),
      );
    }
    expect(minimalLossConfig({ klCoef: 0.001, temperature: 0.7 }, 10)).toMatchObject({ temperature: 0.7 });
    expect(minimalLossConfig({ klCoef: 0.001, temperature: 1 }, 10)).toEqual({
      clip_low_threshold: 0.8,
      clip_high_threshold: 1.2,
      kl_coef: 0.0001,
    });
    expect(minimalLossConfig({ klCoef: 0.001, temperature: 1, clipHigh: 1.28, dualClip: 3 }, 10)).toMatchObject({
      clip_high_threshold: 1.28,
      dual_clip: 3,
    });
  }, 60_000);

  it('runs end to end on the tiny model through the learner, at temperature 0.7', async () => {
    const modelId = await learner.client.createModel({ base_model: base, reference_model: true });
    const logs = await runMinimalGrpo({
      client: learner.client,
      modelId,
      tokenizer,
      sandbox,
      taskIds: ['rg.arithmetic.chain_sum'],
      questionsPerTask: 10,
      questionSeed: 8,
      steps: 2,
      questionsPerStep: 2,
      groupSize: 2,
      learningRate: 1e-3,
      klCoef: 0.001,
      temperature: 0.7,
      agent: { systemPrompt: 'Use Python.', maxTokensPerTurn: 16, maxTotalTokens: 32 },
    });
    expect(logs.map((l) => l.step)).toEqual([1, 2]);
    expect(logs.every((l) => l.tokens > 0 && Number.isFinite(l.reward) && l.kl >= 0)).toBe(true);
    expect(logs[0].clipFraction).toBe(0); // sampled at T = 0.7 and trained on logits / 0.7: on-policy
  }, 60_000);
});
