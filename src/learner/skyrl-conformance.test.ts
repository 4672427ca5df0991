// The client against a server shaped like SkyRL-tx's API (test/helpers/skyrl-shaped-server.ts, built from
// skyrl/tinker/api.py) in front of the local learner: every request it sends is one SkyRL accepts, no r1ci
// extension is used, long jobs outlive the long poll, and failures (wrong key, 5xx burst, a server gone)
// end in one clear error.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { ConfigError, LearnerError } from '../core/index.js';
import { startSkyrlShapedServer, type SkyrlShapedServer } from '../../test/helpers/skyrl-shaped-server.js';
import { LearnerClient, makeDatum } from './client.js';
import { startLocalLearner, type LocalLearner } from './launcher.js';

const IM_START = 257;
const IM_END = 258;
const encode = (text: string) => [...Buffer.from(text, 'utf8')];

let learner: LocalLearner;
let server: SkyrlShapedServer;

beforeAll(async () => {
  learner = await startLocalLearner({ threads: 1 });
  server = await startSkyrlShapedServer({
    learnerUrl: learner.url,
    learnerKey: learner.apiKey,
    baseModel: 'tiny',
    apiKey: 'k-123',
    longPollMs: 40,
  });
}, 60_000);

afterAll(async () => {
  await server?.close();
  await learner?.stop();
});

const refused = (s: SkyrlShapedServer) =>
  s.log.filter((r) => r.status >= 400 && r.status !== 408).map((r) => `${r.method} ${r.path} ${r.status}`);

describe('the client against a SkyRL-shaped server', () => {
  it('trains, saves and samples with requests SkyRL accepts, waiting through 408 long polls', async () => {
    const client = new LearnerClient({ url: server.url, apiKey: 'k-123' });
    expect((await client.capabilities()).supported_models[0].model_name).toBe('tiny');
    const modelId = await client.createModel({ base_model: 'tiny', lora_config: { rank: 2 } });
    const tokens = [IM_START, ...encode('assistant\nhi there'), IM_END];
    const n = tokens.length - 1;
    const forward = await client.forward(modelId, { data: [makeDatum(tokens)], loss_fn: 'cross_entropy' });
    expect(forward.loss_fn_outputs[0].logprobs.data).toHaveLength(n);
    await client.forwardBackward(modelId, {
      data: [makeDatum(tokens, { logprobs: Array(n).fill(-5), advantages: Array(n).fill(1) })],
      loss_fn: 'ppo',
      loss_fn_config: { clip_low_threshold: 0.8, clip_high_threshold: 1.2 },
    });
    await client.optimStep(modelId, { learning_rate: 1e-3, grad_clip_norm: 1 });
    expect(await client.saveWeights(modelId, 'train-000001')).toBe(`tinker://${modelId}/weights/train-000001`);
    const path = await client.saveWeightsForSampler(modelId, 'sampler-000001');
    expect(path).toBe(`tinker://${modelId}/sampler-000001`);
    const samples = await client.sample({
      promptTokens: tokens.slice(0, 5),
      maxTokens: 6,
      numSamples: 2,
      modelPath: path,
      stopStrings: ['```\n'],
      stopTokenIds: [IM_END],
      stopTokenTexts: ['<|im_end|>'],
    });
    expect(samples.map((s) => s.tokens.length === s.logprobs.length)).toEqual([true, true]);
    await client.unloadModel(modelId);

    expect(refused(server)).toEqual([]);
    // Every request authenticated the SDK's way; training requests carried increasing seq_ids.
    expect(server.log.every((r) => r.headers['x-api-key'] === 'k-123')).toBe(true);
    const seqIds = server.log
      .filter((r) => ['/api/v1/forward', '/api/v1/forward_backward', '/api/v1/optim_step'].includes(r.path))
      .map((r) => (r.body as { seq_id: number }).seq_id);
    expect(seqIds).toEqual([1, 2, 3]);
    // forward and forward_backward went as Tinker's protobuf (forward_only marks the forward pass), uncompressed:
    // SkyRL's client/config does not offer proto_compress_fwdbwd. Results came back as protobuf.
    const binary = server.log.filter((r) => r.path === '/api/v1/forward_backward');
    expect(
      binary.map((r) => [
        r.headers['content-type'],
        r.headers['content-encoding'],
        (r.body as { forward_only: boolean }).forward_only,
      ]),
    ).toEqual([
      ['application/x-protobuf', undefined, true],
      ['application/x-protobuf', undefined, false],
    ]);
    expect(server.log.filter((r) => r.path === '/api/v1/client/config').map((r) => r.status)).toEqual([200]);
    const sampled = server.log.find((r) => r.path === '/api/v1/asample')!.body as {
      sampling_params: { stop: unknown[] };
    };
    expect(sampled.sampling_params.stop).toEqual(['```\n', '<|im_end|>']);
    // The 40 ms long poll ran out at least once while a job was still running.
    expect(server.log.some((r) => r.path === '/api/v1/retrieve_future' && r.status === 408)).toBe(true);
  }, 60_000);

  it('refuses what SkyRL lacks before sending: sampling by model id, full fine-tuning, mixed stops', async () => {
    const client = new LearnerClient({ url: server.url, apiKey: 'k-123' });
    await expect(client.sample({ promptTokens: [1], maxTokens: 2, modelId: 'model-x' })).rejects.toThrow(
      /cannot sample a training model by id/,
    );
    await expect(client.createModel({ base_model: 'tiny' })).rejects.toBeInstanceOf(ConfigError);
    await expect(
      client.sample({ promptTokens: [1], maxTokens: 2, baseModel: 'tiny', stopStrings: ['x'], stopTokenIds: [IM_END] }),
    ).rejects.toThrow(/stop strings or stop token ids/);
  });
});

describe('the SkyRL-shaped server rejects what SkyRL rejects', () => {
  const raw = (path: string, body?: object, method = 'POST') =>
    fetch(`${server.url}${path}`, {
      method,
      headers: { 'Content-Type': 'application/json', 'X-API-Key': 'k-123' },
      ...(body ? { body: JSON.stringify(body) } : {}),
    }).then(async (r) => ({ status: r.status, body: (await r.json()) as { detail: unknown } }));

  it('answers 405 to a POSTed capabilities call and 422 to bodies its models refuse', async () => {
    expect((await raw('/api/v1/get_server_capabilities', {})).status).toBe(405);
    expect((await raw('/api/v1/create_model', { base_model: 'tiny' })).body.detail).toEqual([
      { type: 'missing', loc: ['body', 'session_id'], msg: 'Field required' },
      { type: 'missing', loc: ['body', 'lora_config'], msg: 'Field required' },
    ]);
    const prompt = { chunks: [{ type: 'encoded_text', tokens: [1] }] };
    const mixed = await raw('/api/v1/asample', {
      prompt,
      base_model: 'tiny',
      sampling_params: { max_tokens: 2, stop: ['```\n', 258] },
    });
    expect(mixed.status).toBe(422);
    expect((await raw('/api/v1/asample', { prompt, model_id: 'm', sampling_params: { max_tokens: 2 } })).status).toBe(
      422,
    );
    const kl = {
      model_id: 'm',
      forward_backward_input: { data: [], loss_fn: 'importance_sampling', loss_fn_config: { kl_coef: 0.1 } },
    };
    expect(JSON.stringify((await raw('/api/v1/forward_backward', kl)).body.detail)).toMatch(
      /does not accept loss_fn_config keys/,
    );
    expect((await raw('/api/v1/save_weights', { model_id: 'm', path: '/abs/folder' })).status).toBe(422);
  });
});

describe('failures end in one clear line', () => {
  it('a wrong key is refused at once, not retried', async () => {
    const client = new LearnerClient({ url: server.url, apiKey: 'wrong', retryDelayMs: 1 });
    const before = server.log.length;
    const error = await client.capabilities().catch((e: unknown) => e);
    expect(error).toBeInstanceOf(LearnerError);
    expect((error as Error).message).toMatch(
      /^learner get_server_capabilities refused \(HTTP 401\): Invalid or missing X-API-Key$/,
    );
    expect(server.log.length - before).toBe(1);
  });

  it('a 5xx burst is retried with the same seq_id and the step completes; a longer one fails in one line', async () => {
    const burst = await startSkyrlShapedServer({
      learnerUrl: learner.url,
      learnerKey: learner.apiKey,
      baseModel: 'tiny',
      faults: [
        { path: '/api/v1/forward_backward', count: 3 },
        { path: '/api/v1/retrieve_future', count: 2, status: 502 },
      ],
    });
    try {
      const client = new LearnerClient({ url: burst.url, apiKey: 'k', retryDelayMs: 1 });
      const modelId = await client.createModel({ base_model: 'tiny', lora_config: { rank: 2 } });
      const out = await client.forwardBackward(modelId, {
        data: [makeDatum([IM_START, 65, 66, IM_END])],
        loss_fn: 'cross_entropy',
      });
      expect(out.loss_fn_outputs[0].logprobs.data).toHaveLength(3);
      const sent = burst.log.filter((r) => r.path === '/api/v1/forward_backward');
      expect(sent.map((r) => [r.status, (r.body as { seq_id: number }).seq_id])).toEqual([
        [503, 1],
        [503, 1],
        [503, 1],
        [200, 1],
      ]);
      const faulty = await startSkyrlShapedServer({
        learnerUrl: learner.url,
        learnerKey: learner.apiKey,
        baseModel: 'tiny',
        faults: [{ path: '/api/v1/get_server_capabilities', count: 9 }],
      });
      const error = await new LearnerClient({ url: faulty.url, apiKey: 'k', retryDelayMs: 1, maxRetries: 2 })
        .capabilities()
        .catch((e: unknown) => e);
      await faulty.close();
      expect((error as Error).message).toBe(
        'learner get_server_capabilities refused (HTTP 503): Service Unavailable ' +
          `(gave up after 3 tries at ${faulty.url})`,
      );
    } finally {
      await burst.close();
    }
  }, 30_000);

  it('a job that outlives the per-request timeout and many long polls is waited for, not failed', async () => {
    // The forward_backward job takes 3 s; a request times out after 1 s and no failure is retried (maxRetries 0),
    // so only polls that count as progress get the client through: SkyRL's 408 after a 0.2 s long poll, or (the
    // server's long poll being longer) the client's own 0.3 s poll timeout.
    const slow = (longPollMs: number) =>
      startSkyrlShapedServer({
        learnerUrl: learner.url,
        learnerKey: learner.apiKey,
        baseModel: 'tiny',
        longPollMs,
        holdMs: { forward_backward: 3_000 },
      });
    const servers = await Promise.all([slow(200), slow(60_000)]);
    try {
      const train = async (s: SkyrlShapedServer) => {
        // create_model answers only once the model is built (seconds on a fresh learner): made with default timeouts.
        const modelId = await new LearnerClient({ url: s.url, apiKey: 'k' }).createModel({
          base_model: 'tiny',
          lora_config: { rank: 2 },
        });
        const client = new LearnerClient({
          url: s.url,
          apiKey: 'k',
          maxRetries: 0,
          requestTimeoutMs: 1_000,
          pollTimeoutMs: 300,
        });
        const started = Date.now();
        const out = await client.forwardBackward(modelId, {
          data: [makeDatum([IM_START, 65, 66, IM_END])],
          loss_fn: 'cross_entropy',
        });
        return { seconds: (Date.now() - started) / 1000, logprobs: out.loss_fn_outputs[0].logprobs.data.length };
      };
      const [polled408, pollTimedOut] = await Promise.all(servers.map(train));
      expect([polled408.logprobs, pollTimedOut.logprobs]).toEqual([3, 3]);
      expect(Math.min(polled408.seconds, pollTimedOut.seconds)).toBeGreaterThanOrEqual(2.9);
      // Each poll ended early (a 408, or the client's timeout, which the server logs as its 408 too) and was asked
      // again: a dozen or so in 3 s, the last one answered.
      for (const s of servers) {
        const polls = s.log.filter((r) => r.path === '/api/v1/retrieve_future').map((r) => r.status);
        expect(polls.filter((status) => status === 408).length).toBeGreaterThanOrEqual(5);
        expect(polls.at(-1)).toBe(200);
      }
      expect(refused(servers[0])).toEqual([]);
      expect(refused(servers[1])).toEqual([]);
    } finally {
      await Promise.all(servers.map((s) => s.close()));
    }
  }, 30_000);

  it('a learner that is gone is one line naming the URL', async () => {
    const gone = await startSkyrlShapedServer({
      learnerUrl: learner.url,
      learnerKey: learner.apiKey,
      baseModel: 'tiny',
    });
    await gone.close();
    const error = await new LearnerClient({ url: gone.url, apiKey: 'k', retryDelayMs: 1, maxRetries: 2 })
      .capabilities()
      .catch((e: unknown) => e);
    expect(error).toBeInstanceOf(LearnerError);
    expect((error as Error).message).toMatch(
      new RegExp(
        `^learner at ${gone.url} unreachable \\(get_server_capabilities\\): fetch failed \\(gave up after 3 tries\\)$`,
      ),
    );
  });
});
