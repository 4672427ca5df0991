// The client against the real local server: every verb round-trips, refusals are typed and not
// retried, a wrong token is refused, and a killed server surfaces as LearnerProcessError.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { LearnerError } from '../core/index.js';
import { LearnerClient, makeDatum, resolveLearnerConnection, toSampleRequest } from './client.js';
import { LearnerProcessError, startLocalLearner, type LocalLearner } from './launcher.js';
import { encodeForwardBackwardRequest } from './wire.js';
import { zstdDecompress } from './zstd.js';

const encode = (text: string) => [...Buffer.from(text, 'utf8')];
const IM_START = 257;
const IM_END = 258;

describe('learner client against the local server', () => {
  let learner: LocalLearner;
  let client: LearnerClient;
  beforeAll(async () => {
    learner = await startLocalLearner({ threads: 1 });
    client = learner.client;
  });
  afterAll(async () => {
    await learner?.stop();
  });

  it('round-trips every verb', async () => {
    expect(await client.health()).toBe(true);
    expect((await client.capabilities()).extensions).toContain('low_var_kl');
    const sessionId = await client.createSession(['test']);
    const modelId = await client.createModel({
      session_id: sessionId,
      base_model: 'tiny',
      lora_config: { rank: 4 },
      value_head: true,
    });
    const info = await client.getInfo(modelId);
    expect([info.is_lora, info.lora_rank, info.model_data.arch, info.vocab_size]).toEqual([true, 4, 'qwen2', 259]);

    const tokens = [IM_START, ...encode('assistant\nhello'), IM_END];
    const sampled = await client.sample({
      promptTokens: tokens.slice(0, 5),
      maxTokens: 6,
      numSamples: 2,
      seed: 7,
      modelId,
    });
    expect(sampled.map((s) => [s.tokens.length, s.logprobs.length, s.stopReason])).toEqual([
      [6, 6, 'length'],
      [6, 6, 'length'],
    ]);
    const full = [...tokens.slice(0, 5), ...sampled[0].tokens];
    const forward = await client.forward(modelId, { data: [makeDatum(full)], loss_fn: 'cross_entropy' });
    const forwardLogprobs = forward.loss_fn_outputs[0].logprobs.data.slice(4);
    forwardLogprobs.forEach((lp, i) => expect(Math.abs(lp - sampled[0].logprobs[i])).toBeLessThan(1e-4));

    const n = tokens.length - 1;
    const rl = makeDatum(tokens, {
      logprobs: Array(n).fill(-5),
      advantages: Array(n).fill(1),
      returns: Array(n).fill(0.5),
    });
    for (const lossFn of ['cross_entropy', 'importance_sampling', 'ppo'] as const) {
      const out = await client.forwardBackward(modelId, {
        data: [lossFn === 'cross_entropy' ? makeDatum(tokens) : rl],
        loss_fn: lossFn,
        loss_fn_config: lossFn === 'cross_entropy' ? { kl_coef: 0.1 } : { value_coef: 1, kl_coef: 0.1 },
      });
      if (lossFn === 'ppo')
        expect(Object.keys(out.metrics).sort()).toEqual([
          'clip_fraction:mean',
          'entropy:mean',
          'kl:mean',
          'loss:sum',
          'tokens:sum',
          'value_error:mean',
        ]);
      expect(out.loss_fn_outputs[0].logprobs.data).toHaveLength(n);
      expect(Number.isFinite(out.metrics['loss:sum'])).toBe(true);
    }
    const step = await client.optimStep(modelId, { learning_rate: 1e-3, weight_decay: 0.01, grad_clip_norm: 1 });
    expect(step.metrics.grad_norm).toBeGreaterThan(0);

    const checkpoint = await client.saveWeights(modelId, 'first');
    const before = await client.forward(modelId, { data: [makeDatum(tokens)], loss_fn: 'cross_entropy' });
    await client.forwardBackward(modelId, { data: [makeDatum(tokens)], loss_fn: 'cross_entropy' });
    await client.optimStep(modelId, { learning_rate: 1e-2 });
    await client.loadWeights(modelId, checkpoint, { optimizer: true });
    const after = await client.forward(modelId, { data: [makeDatum(tokens)], loss_fn: 'cross_entropy' });
    expect(after.loss_fn_outputs[0].logprobs.data).toEqual(before.loss_fn_outputs[0].logprobs.data);

    const samplerPath = await client.saveWeightsForSampler(modelId, 'for-sampler');
    const fromPath = await client.sample({
      promptTokens: tokens.slice(0, 5),
      maxTokens: 4,
      temperature: 0,
      modelPath: samplerPath,
    });
    const fromModel = await client.sample({ promptTokens: tokens.slice(0, 5), maxTokens: 4, temperature: 0, modelId });
    expect(fromPath[0].tokens).toEqual(fromModel[0].tokens);
    const fromBase = await client.sample({
      promptTokens: [IM_START],
      maxTokens: 3,
      stopTokenIds: [IM_END],
      baseModel: 'tiny',
    });
    expect(fromBase).toHaveLength(1);
    await client.unloadModel(modelId);
    await expect(client.getInfo(modelId)).rejects.toMatchObject({
      name: 'LearnerError',
      status: 404,
      retryable: false,
    });
  });

  it('reports refusals as non-retryable LearnerError with the server message', async () => {
    const error = await client.createModel({ base_model: '/no/such/folder' }).catch((e: unknown) => e);
    expect(error).toBeInstanceOf(LearnerError);
    expect((error as LearnerError).message).toMatch(/unknown base_model/);
    const bad = await client.post('forward_backward', { model_id: 'x' }).catch((e: unknown) => e);
    expect(bad).toMatchObject({ status: 404, retryable: false });
  });

  it('a 5xx that hides an applied optim_step: the retry (same seq_id) is answered, not applied again', async () => {
    // A proxy's 502 after the learner queued the step: the client cannot tell, and retries.
    let lost = 0;
    const lossy: typeof fetch = async (url, init) => {
      const response = await fetch(url, init);
      if (String(url).endsWith('/optim_step') && lost++ === 0)
        return new Response('{"detail":"Bad Gateway"}', { status: 502 });
      return response;
    };
    const retrying = new LearnerClient({ url: learner.url, apiKey: learner.apiKey, fetch: lossy, retryDelayMs: 1 });
    const modelId = await retrying.createModel({ base_model: 'tiny', lora_config: { rank: 2 } });
    await retrying.forwardBackward(modelId, {
      data: [makeDatum([IM_START, ...encode('once'), IM_END])],
      loss_fn: 'cross_entropy',
    });
    await retrying.optimStep(modelId, { learning_rate: 1e-3 });
    expect(lost).toBe(2);
    expect(((await retrying.getInfo(modelId)) as { steps?: number }).steps).toBe(1);
    await retrying.unloadModel(modelId);
  });

  it('zstd-compresses forward_backward bodies where client/config offers it; results are the same', async () => {
    const sent: { encoding: string | null; body: Uint8Array }[] = [];
    const recording: typeof fetch = (url, init) => {
      if (String(url).endsWith('/forward_backward')) {
        const headers = new Headers(init?.headers);
        sent.push({ encoding: headers.get('content-encoding'), body: init?.body as Uint8Array });
      }
      return fetch(url, init);
    };
    const connection = { url: learner.url, apiKey: learner.apiKey, fetch: recording };
    const zstd = new LearnerClient(connection);
    const plain = new LearnerClient({ ...connection, compress: false });
    expect(await zstd.clientConfig()).toMatchObject({ proto_compress_fwdbwd: true });
    expect([await zstd.compresses(), await plain.compresses()]).toEqual([true, false]);
    // Two fresh LoRA models of the same base compute the same function (LoRA's B starts at zero).
    const models = [
      await zstd.createModel({ base_model: 'tiny', lora_config: { rank: 2 } }),
      await plain.createModel({ base_model: 'tiny', lora_config: { rank: 2 } }),
    ];
    const tokens = [IM_START, ...encode('assistant\nthe same either way'), IM_END];
    const n = tokens.length - 1;
    const input = {
      data: [makeDatum(tokens, { logprobs: Array(n).fill(-2), advantages: Array(n).fill(0.5) })],
      loss_fn: 'ppo' as const,
    };
    const forwards = [await zstd.forward(models[0], input), await plain.forward(models[1], input)];
    const steps = [await zstd.forwardBackward(models[0], input), await plain.forwardBackward(models[1], input)];
    expect(forwards[0]).toEqual(forwards[1]);
    expect(steps[0]).toEqual(steps[1]);
    expect(sent.map((s) => s.encoding)).toEqual(['zstd', null, 'zstd', null]);
    // The compressed body is the plain protobuf body, byte for byte, once decompressed.
    const plainBody = encodeForwardBackwardRequest({ model_id: models[0], seq_id: 1, forward_only: true, input });
    expect(Buffer.from(await zstdDecompress(sent[0].body))).toEqual(Buffer.from(plainBody));
    expect(sent[0].body.byteLength).toBeLessThan(sent[1].body.byteLength);
    await Promise.all([zstd.unloadModel(models[0]), plain.unloadModel(models[1])]);
  });

  it('a 415 to a compressed body (offered, then refused) sends plain protobuf from then on', async () => {
    const encodings: (string | null)[] = [];
    const refusing: typeof fetch = (url, init) => {
      if (!String(url).endsWith('/forward_backward')) return fetch(url, init);
      const encoding = new Headers(init?.headers).get('content-encoding');
      encodings.push(encoding);
      if (encoding === 'zstd') return Promise.resolve(new Response('{"error":"no zstd here"}', { status: 415 }));
      return fetch(url, init);
    };
    const refused = new LearnerClient({ url: learner.url, apiKey: learner.apiKey, fetch: refusing });
    const modelId = await refused.createModel({ base_model: 'tiny', lora_config: { rank: 2 } });
    const input = { data: [makeDatum([IM_START, ...encode('plain'), IM_END])], loss_fn: 'cross_entropy' as const };
    await refused.forward(modelId, input);
    await refused.forwardBackward(modelId, input);
    expect([encodings, await refused.protobuf(), await refused.compresses()]).toEqual([
      ['zstd', null, null],
      true,
      false,
    ]);
    await refused.unloadModel(modelId);
  });

  it('refuses a wrong token', async () => {
    const stranger = new LearnerClient({ url: learner.url, apiKey: 'wrong', maxRetries: 0 });
    await expect(stranger.capabilities()).rejects.toMatchObject({ name: 'LearnerError', status: 401 });
  });

  it('turns a killed server into a LearnerProcessError with signal and stderr tail', async () => {
    process.kill(learner.child.pid as number, 'SIGKILL');
    const error = await client.capabilities().catch((e: unknown) => e);
    expect(error).toBeInstanceOf(LearnerProcessError);
    expect((error as LearnerProcessError).signal).toBe('SIGKILL');
    expect((error as LearnerProcessError).stderrTail).toMatch(/listening on/);
  });
});

describe('remote connection and request mapping', () => {
  it('takes the URL and key from options first, then the environment', () => {
    expect(resolveLearnerConnection({}, {})).toBeUndefined();
    expect(resolveLearnerConnection({}, { R1CI_LEARNER_URL: 'https://x', R1CI_LEARNER_API_KEY: 'k' })).toEqual({
      url: 'https://x',
      apiKey: 'k',
    });
    expect(
      resolveLearnerConnection(
        { url: 'https://y', apiKey: 'o' },
        { R1CI_LEARNER_URL: 'https://x', TINKER_API_KEY: 't' },
      ),
    ).toEqual({ url: 'https://y', apiKey: 'o' });
    expect(() => resolveLearnerConnection({}, { R1CI_LEARNER_URL: 'https://x' })).toThrow(/R1CI_LEARNER_API_KEY/);
  });

  it('compresses nothing for a server without client/config (404) or one whose answer lacks the flag', async () => {
    const answering =
      (status: number, body: object): typeof fetch =>
      () =>
        Promise.resolve(new Response(JSON.stringify(body), { status }));
    const older = new LearnerClient({ url: 'http://x', apiKey: 'k', fetch: answering(404, { detail: 'Not Found' }) });
    const skyrl = new LearnerClient({
      url: 'http://x',
      apiKey: 'k',
      fetch: answering(200, { pjwt_auth_enabled: false }),
    });
    expect([await older.clientConfig(), await older.compresses(), await skyrl.compresses()]).toEqual([
      {},
      false,
      false,
    ]);
  });

  it('maps SampleOptions to Tinker sampling params with one stop list', () => {
    expect(
      toSampleRequest({
        promptTokens: [1, 2],
        maxTokens: 5,
        stopStrings: ['```\n'],
        stopTokenIds: [258],
        seed: 3,
        modelId: 'm',
      }),
    ).toEqual({
      prompt: { chunks: [{ type: 'encoded_text', tokens: [1, 2] }] },
      num_samples: 1,
      model_id: 'm',
      sampling_params: { max_tokens: 5, temperature: 1, top_p: 1, top_k: -1, seed: 3, stop: ['```\n', 258] },
    });
  });
});
