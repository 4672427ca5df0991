// The optimizer phase of a step on the tiny model, with hand-built episodes whose sampled logprobs
// are the model's own (so the first update is exactly on-policy): the old policy of unmasked
// interpreter tokens, mini-batches and epochs, truncated importance sampling, PPO's clipped critic,
// and the loss config the learner receives.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startTinyModelFixture, type TinyModelFixture } from '../../../test/helpers/training-fixtures.js';
import type { Episode } from '../../agent/index.js';
import {
  decodeForwardBackwardRequest,
  LearnerClient,
  makeDatum,
  type ForwardBackwardInput,
} from '../../learner/index.js';
import { scoreGroups, type ScoredGroup } from './batch.js';
import { resolveRlConfig } from './config.js';
import { runTrainStep } from './train-step.js';
import type { RlOptions } from './types.js';

let fixture: TinyModelFixture;
beforeAll(async () => {
  fixture = await startTinyModelFixture('r1ci-rl-step-', 6);
}, 120_000);
afterAll(async () => {
  await fixture?.close();
});

// Byte tokens: prompt, a sampled code turn (mask 1), interpreter output (mask 0), a sampled answer.
const bytes = (text: string) => [...Buffer.from(text)];
const parts = (answer: string) => ({
  prompt: bytes('Q: 2+3?'),
  code: bytes('print(2+3)'),
  output: bytes('Result: 5'),
  answer: bytes(answer),
});

/** An episode whose sampled logprobs are the model's (shifted by `samplerShift` to mimic another sampler). */
async function episode(
  modelId: string,
  answer: string,
  correct: boolean,
  samplerShift = 0,
  client = fixture.learner.client,
): Promise<Episode> {
  const p = parts(answer);
  const tokens = [...p.code, ...p.output, ...p.answer];
  const mask = [...p.code.map(() => 1), ...p.output.map(() => 0), ...p.answer.map(() => 1)];
  const out = await client.forward(modelId, { data: [makeDatum([...p.prompt, ...tokens])], loss_fn: 'cross_entropy' });
  const own = out.loss_fn_outputs[0].logprobs.data.slice(p.prompt.length - 1);
  return {
    id: answer,
    taskId: 't',
    index: 0,
    seed: 0,
    sample: 0,
    mode: 'ci',
    backend: 'fake',
    system: '',
    question: '',
    turns: [{ text: '', finishReason: { unified: 'stop', raw: 'stop' } }],
    answer,
    verdict: { correct, score: correct ? 1 : 0, outcome: correct ? 'correct' : 'wrong' },
    stopReason: 'final-answer',
    codeCalls: 1,
    usage: { promptTokens: p.prompt.length, sampledTokens: 0, observationTokens: 0 },
    timing: { totalMs: 0, generateMs: 0, execMs: 0 },
    trajectory: {
      promptTokens: p.prompt,
      tokens,
      mask,
      logprobs: own.map((lp, t) => (mask[t] === 1 ? lp - samplerShift : 0)),
    },
  };
}

/** A model and a group of episodes; `client` (default the fixture's) makes both, since a learner
 * refuses a second client's requests on a model whose seq_ids another client numbers. */
async function setup(
  options: RlOptions,
  samplerShift = 0,
  extra: { valueHead?: boolean; client?: LearnerClient } = {},
) {
  const config = resolveRlConfig({ klCoef: 0, ...options });
  const client = extra.client ?? fixture.learner.client;
  const modelId = await client.createModel({ base_model: fixture.base, value_head: extra.valueHead ?? false });
  const good = await episode(modelId, '<<<5>>>', true, samplerShift, client);
  const bad = await episode(modelId, '<<<6>>>', false, samplerShift, client);
  const groups: ScoredGroup[] = scoreGroups([{ key: 'q', episodes: [good, bad, good, bad] }], config);
  return { config, modelId, groups };
}

/** A client on the fixture's learner that keeps every ppo forward_backward request it sends (the
 * forward pass before the updates is cross_entropy), on whichever wire it picks (protobuf when the
 * learner has it). */
function recordingClient(): { client: LearnerClient; requests: ForwardBackwardInput[] } {
  const requests: ForwardBackwardInput[] = [];
  const { url, apiKey } = fixture.learner;
  // Reads forward_backward bodies on whichever wire the client picks (protobuf when the learner has it),
  // uncompressed so that they read as they are.
  const client = new LearnerClient({
    url,
    apiKey,
    compress: false,
    fetch: async (input, init) => {
      if (String(input).endsWith('/forward_backward') && init?.body) {
        const request =
          init.body instanceof Uint8Array
            ? decodeForwardBackwardRequest(init.body).input
            : (JSON.parse(String(init.body)) as { forward_backward_input: ForwardBackwardInput })
                .forward_backward_input;
        if (request.loss_fn === 'ppo') requests.push(request);
      }
      return fetch(input, init);
    },
  });
  return { client, requests };
}

/** Four episodes the learner sampled at `temperature` (stored logprobs its own), two scored right. */
async function sampledGroups(
  modelId: string,
  temperature: number,
  config: ReturnType<typeof resolveRlConfig>,
): Promise<ScoredGroup[]> {
  const prompt = bytes('Q: 2+3?');
  const samples = await fixture.learner.client.sample({
    promptTokens: prompt,
    numSamples: 4,
    maxTokens: 12,
    temperature,
    seed: 7,
    modelId,
  });
  const template = await episode(modelId, '<<<5>>>', true);
  const episodes = samples.map((s, i): Episode => ({
    ...template,
    id: String(i),
    verdict: { correct: i % 2 === 0, score: i % 2 === 0 ? 1 : 0, outcome: i % 2 === 0 ? 'correct' : 'wrong' },
    trajectory: { promptTokens: prompt, tokens: s.tokens, mask: s.tokens.map(() => 1), logprobs: s.logprobs },
  }));
  return scoreGroups([{ key: 'q', episodes }], config);
}

describe('runTrainStep at rollout temperature 0.7 (trained on logits / T)', () => {
  it("the sampled logprobs are the learner's at T = 0.7, and differ from its untempered ones", async () => {
    const modelId = await fixture.learner.client.createModel({ base_model: fixture.base });
    const prompt = bytes('Q: 2+3?');
    const [s] = await fixture.learner.client.sample({
      promptTokens: prompt,
      maxTokens: 16,
      temperature: 0.7,
      seed: 3,
      modelId,
    });
    const data = [makeDatum([...prompt, ...s.tokens])];
    const at = async (config: object) =>
      (
        await fixture.learner.client.forward(modelId, { data, loss_fn: 'cross_entropy', ...config })
      ).loss_fn_outputs[0].logprobs.data.slice(prompt.length - 1);
    const gap = (row: number[]) => Math.max(...row.map((lp, t) => Math.abs(lp - s.logprobs[t])));
    expect(gap(await at({ loss_fn_config: { temperature: 0.7 } }))).toBeLessThan(1e-4);
    expect(gap(await at({}))).toBeGreaterThan(1e-2);
  }, 30_000);

  it('the first update is on-policy with clip bounds 1 ± 0.001; trained at T = 1 the same episodes clip', async () => {
    const tight = { clipLow: 0.999, clipHigh: 1.001, learningRate: 1e-3 };
    const tempered = resolveRlConfig({ klCoef: 0, ...tight, agent: { temperature: 0.7 } });
    const modelId = await fixture.learner.client.createModel({ base_model: fixture.base });
    const result = await runTrainStep(
      fixture.learner.client,
      modelId,
      await sampledGroups(modelId, 0.7, tempered),
      tempered,
    );
    expect(result.clipFraction).toBe(0);
    const untempered = resolveRlConfig({ klCoef: 0, ...tight });
    const other = await fixture.learner.client.createModel({ base_model: fixture.base });
    const mismatched = await runTrainStep(
      fixture.learner.client,
      other,
      await sampledGroups(other, 0.7, untempered),
      untempered,
    );
    expect(mismatched.clipFraction).toBeGreaterThan(0.05);
  }, 30_000);

  it("truncated IS: the learner's forward pass is tempered too, so every weight is 1", async () => {
    const config = resolveRlConfig({ klCoef: 0, tisCap: 1.001, agent: { temperature: 0.7 } });
    const modelId = await fixture.learner.client.createModel({ base_model: fixture.base });
    const result = await runTrainStep(
      fixture.learner.client,
      modelId,
      await sampledGroups(modelId, 0.7, config),
      config,
    );
    expect(Math.abs(result.tisWeight! - 1)).toBeLessThan(1e-3);
  }, 30_000);
});

describe('runTrainStep', () => {
  it('unmasked: interpreter tokens take old logprobs from the learner, so the first update is on-policy', async () => {
    const { config, modelId, groups } = await setup({ trainOnObservation: true });
    const result = await runTrainStep(fixture.learner.client, modelId, groups, config);
    // With an old logprob of 0 the ratio there was p itself (≈ 1/259), clipped for every negative advantage.
    expect(result.clipFraction).toBe(0);
    expect(result.trainedTokens).toBe(4 * (10 + 9 + 7));
  }, 30_000);

  it('mini-batches: one optimizer step each, and the clip acts from the second update on', async () => {
    const { config, modelId, groups } = await setup({ miniBatches: 2, learningRate: 0.05 });
    const result = await runTrainStep(fixture.learner.client, modelId, groups, config);
    expect(result.perUpdate).toHaveLength(2);
    expect(result.perUpdate[0].clipFraction).toBe(0);
    expect(result.perUpdate[1].clipFraction).toBeGreaterThan(0);
    const info = await fixture.learner.client.getInfo(modelId);
    expect(info.steps).toBe(2);
  }, 30_000);

  it('epochs: two passes over one mini-batch, one optimizer step each; the second pass clips', async () => {
    const { config, modelId, groups } = await setup({ epochs: 2, learningRate: 0.05 });
    const result = await runTrainStep(fixture.learner.client, modelId, groups, config);
    expect(result.perUpdate).toHaveLength(2);
    expect(result.perUpdate[0].clipFraction).toBe(0);
    expect(result.perUpdate[1].clipFraction).toBeGreaterThan(0);
    const info = await fixture.learner.client.getInfo(modelId);
    expect(info.steps).toBe(2);
  }, 30_000);

  it('the learner gets the clip bounds and the dual clip in loss_fn_config; no dual_clip by default', async () => {
    const sentConfigs = async (options: RlOptions) => {
      const { client, requests } = recordingClient();
      const { config, modelId, groups } = await setup(options, 0, { client });
      await runTrainStep(client, modelId, groups, config);
      return requests.map((r) => r.loss_fn_config);
    };
    expect(await sentConfigs({ clipHigh: 1.28, dualClip: 3 })).toEqual([
      { clip_low_threshold: 0.8, clip_high_threshold: 1.28, dual_clip: 3 },
    ]);
    expect(await sentConfigs({})).toEqual([{ clip_low_threshold: 0.8, clip_high_threshold: 1.2 }]);
  }, 30_000);

  it('truncated IS: a sampler 2 nats below the learner caps the weight of every token; ratios start at 1', async () => {
    const tis = await setup({ tisCap: 2 }, 2);
    const withTis = await runTrainStep(fixture.learner.client, tis.modelId, tis.groups, tis.config);
    expect(withTis.tisWeight).toBeCloseTo(2, 6); // min(e², 2)
    expect(withTis.clipFraction).toBe(0);
    const plain = await setup({}, 2);
    const without = await runTrainStep(fixture.learner.client, plain.modelId, plain.groups, plain.config);
    expect(without.tisWeight).toBeNull();
    expect(without.clipFraction).toBeGreaterThan(0.4); // ratio e² > 1.2 for the positive half
  }, 30_000);

  it('PPO: every mini-batch sends the values before the first update as the centre of the value clip', async () => {
    const { client, requests } = recordingClient();
    const ppo = { estimator: 'ppo', miniBatches: 2, valueClip: 0.2 } as const;
    const { config, modelId, groups } = await setup(ppo, 0, { valueHead: true, client });
    const before = await client.forward(modelId, {
      data: groups[0].episodes.map((e) => makeDatum([...e.trajectory!.promptTokens, ...e.trajectory!.tokens])),
      loss_fn: 'cross_entropy',
    });
    const result = await runTrainStep(client, modelId, groups, config);
    expect(result.perUpdate).toHaveLength(2);
    expect(requests.map((r) => r.loss_fn_config?.value_clip)).toEqual([0.2, 0.2]);
    expect(requests.map((r) => r.data.length)).toEqual([2, 2]);
    const values = requests.flatMap((r) => r.data).map((d) => d.loss_fn_inputs.values!.data);
    values.forEach((row, i) =>
      row.forEach((v, t) => expect(v).toBeCloseTo(before.loss_fn_outputs[i].values!.data[t], 5)),
    );
    expect(result.valueError).not.toBeNull();
  }, 30_000);
});
