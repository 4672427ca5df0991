// The typed client of the training API: one method per verb, futures polled with try-again, and
// retries of transient failures only (network errors, 408/429/502/503/504), never of refusals.
import { setTimeout as sleep } from 'node:timers/promises';
import { ConfigError, LearnerError } from '../core/index.js';
import type {
  AdamParams, CreateModelRequest, ForwardBackwardInput, ForwardBackwardOutput, GetInfoResponse, LearnerConnection,
  OptimStepResponse, RequestFailedResponse, Sample, SampleOptions, SampleRequest, SampleResponse, ServerCapabilities,
} from './types.js';

export type LearnerClientOptions = LearnerConnection & {
  /** The fetch to use (tests pass their own; default: global fetch). */
  fetch?: typeof fetch;
  /** Retries of a transient failure before giving up (default 3). */
  maxRetries?: number;
  /** First retry delay; doubles each time (default 250 ms). */
  retryDelayMs?: number;
  /** Per-HTTP-request timeout (default 120 s; retrieve_future long-polls inside it). */
  requestTimeoutMs?: number;
  /** Asked on every failure: when the server process is known dead, the error to throw instead. */
  crashed?: () => LearnerError | undefined;
};

/** A queued request: `result()` polls retrieve_future until it is done. */
export type LearnerFuture<T> = { requestId: string; result: () => Promise<T> };

const TRANSIENT_STATUS = new Set([408, 429, 502, 503, 504]);

export class LearnerClient {
  readonly url: string;
  private readonly options: LearnerClientOptions;

  constructor(options: LearnerClientOptions) {
    this.url = options.url.replace(/\/+$/, '');
    this.options = options;
  }

  /** True when the server answers its health check. */
  async health(): Promise<boolean> {
    try {
      const response = await this.fetch(`${this.url}/api/v1/healthz`, { method: 'GET', signal: AbortSignal.timeout(5_000) });
      return response.ok;
    } catch {
      return false;
    }
  }

  capabilities(): Promise<ServerCapabilities> { return this.post('get_server_capabilities', {}); }

  async createSession(tags: string[] = []): Promise<string> {
    const out = await this.post<{ session_id: string }>('create_session', { tags, user_metadata: null, sdk_version: 'r1ci' });
    return out.session_id;
  }

  /** Creates a trainable model; resolves to its model id. */
  async createModel(request: CreateModelRequest): Promise<string> {
    const out = await this.call<{ model_id: string }>('create_model', { model_seq_id: 0, ...request });
    return out.model_id;
  }

  getInfo(modelId: string): Promise<GetInfoResponse> { return this.post('get_info', { model_id: modelId }); }

  /** Logprobs (and loss) without gradients. */
  forward(modelId: string, input: ForwardBackwardInput): Promise<ForwardBackwardOutput> {
    return this.call('forward', { model_id: modelId, forward_input: input });
  }

  /** Accumulates gradients of the named loss; optimStep applies them. */
  forwardBackward(modelId: string, input: ForwardBackwardInput): Promise<ForwardBackwardOutput> {
    return this.call('forward_backward', { model_id: modelId, forward_backward_input: input });
  }

  optimStep(modelId: string, adam: AdamParams): Promise<OptimStepResponse> {
    return this.call('optim_step', { model_id: modelId, adam_params: adam });
  }

  /** A training checkpoint (weights and optimizer state); resolves to its path. */
  async saveWeights(modelId: string, path?: string): Promise<string> {
    return (await this.call<{ path: string }>('save_weights', { model_id: modelId, path })).path;
  }

  async loadWeights(modelId: string, path: string, options: { optimizer?: boolean } = {}): Promise<void> {
    await this.call('load_weights', { model_id: modelId, path, optimizer: options.optimizer ?? false });
  }

  /** A Hugging Face folder (LoRA merged) that samplers, transformers and vLLM load; resolves to its path.
   * `adapterOnly` (extension `peft_adapter`, LoRA models): the adapters alone, as a PEFT folder that vLLM
   * loads at runtime (/v1/load_lora_adapter). */
  async saveWeightsForSampler(modelId: string, path?: string, options: { adapterOnly?: boolean } = {}): Promise<string> {
    return (await this.call<{ path: string }>('save_weights_for_sampler', { model_id: modelId, path, ...(options.adapterOnly ? { adapter_only: true } : {}) })).path;
  }

  async unloadModel(modelId: string): Promise<void> { await this.call('unload_model', { model_id: modelId }); }

  /** Samples continuations of token ids; each comes back with its tokens, logprobs and stop reason. */
  async sample(options: SampleOptions): Promise<Sample[]> {
    const out = await this.call<SampleResponse>('asample', toSampleRequest(options));
    return out.sequences.map((s) => ({ tokens: s.tokens, logprobs: s.logprobs, stopReason: s.stop_reason }));
  }

  /** Sends a future verb and waits for its result. */
  async call<T>(verb: string, body: object): Promise<T> {
    return (await this.submit<T>(verb, body)).result();
  }

  /** Sends a future verb; the server runs queued requests in order, so callers may pipeline. */
  async submit<T>(verb: string, body: object): Promise<LearnerFuture<T>> {
    const { request_id: requestId } = await this.post<{ request_id: string }>(verb, body);
    return { requestId, result: () => this.retrieve<T>(verb, requestId) };
  }

  private async retrieve<T>(verb: string, requestId: string): Promise<T> {
    for (;;) {
      const out = await this.post<Record<string, unknown>>('retrieve_future', { request_id: requestId, wait_s: 10 });
      if (out.type === 'try_again') continue;
      if (out.type === 'request_failed' || (typeof out.error === 'string' && typeof out.category === 'string')) {
        const failed = out as unknown as RequestFailedResponse;
        throw new LearnerError(`learner ${verb} failed: ${failed.error}`, { retryable: false, status: failed.category === 'user' ? 400 : 500 });
      }
      return out as T;
    }
  }

  /** POSTs JSON to /api/v1/<verb>; retries transient failures; refusals become LearnerError. */
  async post<T>(verb: string, body: object): Promise<T> {
    const maxRetries = this.options.maxRetries ?? 3;
    for (let attempt = 0; ; attempt++) {
      let failure: LearnerError;
      try {
        const response = await this.fetch(`${this.url}/api/v1/${verb}`, {
          method: 'POST',
          headers: { 'Content-Type': 'application/json', Authorization: `Bearer ${this.options.apiKey}` },
          body: JSON.stringify(body),
          signal: AbortSignal.timeout(this.options.requestTimeoutMs ?? 120_000),
        });
        const text = await response.text();
        if (response.ok) return JSON.parse(text) as T;
        failure = new LearnerError(`learner ${verb} refused (HTTP ${response.status}): ${errorMessage(text)}`,
          { status: response.status, retryable: TRANSIENT_STATUS.has(response.status) });
      } catch (error) {
        failure = new LearnerError(`learner ${verb} at ${this.url} unreachable: ${(error as Error).message}`, { cause: error, retryable: true });
      }
      const crash = this.options.crashed?.();
      if (crash) throw crash;
      if (!failure.retryable || attempt >= maxRetries) throw failure;
      await sleep((this.options.retryDelayMs ?? 250) * 2 ** attempt);
      const lateCrash = this.options.crashed?.();
      if (lateCrash) throw lateCrash;
    }
  }

  private fetch(url: string, init: RequestInit): Promise<Response> {
    return (this.options.fetch ?? fetch)(url, init);
  }
}

function errorMessage(text: string): string {
  try {
    const parsed = JSON.parse(text) as { error?: unknown };
    if (typeof parsed.error === 'string') return parsed.error;
  } catch {
    // not JSON: show the raw text below
  }
  return text.slice(0, 300);
}

/** Our SampleOptions as Tinker's SampleRequest (stop strings and ids travel in `stop`). */
export function toSampleRequest(options: SampleOptions): SampleRequest {
  const stop = [...(options.stopStrings ?? []), ...(options.stopTokenIds ?? [])];
  return {
    prompt: { chunks: [{ type: 'encoded_text', tokens: [...options.promptTokens] }] },
    num_samples: options.numSamples ?? 1,
    sampling_params: {
      max_tokens: options.maxTokens, temperature: options.temperature ?? 1, top_p: options.topP ?? 1, top_k: options.topK ?? -1,
      ...(options.seed === undefined ? {} : { seed: options.seed }), ...(stop.length ? { stop } : {}),
    },
    ...(options.modelId ? { model_id: options.modelId } : {}),
    ...(options.modelPath ? { model_path: options.modelPath } : {}),
    ...(options.baseModel ? { base_model: options.baseModel } : {}),
  };
}

/** A Datum for one sequence: inputs are tokens[0..n-1], targets tokens[1..n]; per-target arrays go with it. */
export function makeDatum(tokens: readonly number[], perTarget: { weights?: readonly number[]; logprobs?: readonly number[]; advantages?: readonly number[]; returns?: readonly number[] } = {}) {
  if (tokens.length < 2) throw new ConfigError('a datum needs at least two tokens (an input and a target)');
  const n = tokens.length - 1;
  const floats = (name: string, values: readonly number[] | undefined) => {
    if (values === undefined) return {};
    if (values.length !== n) throw new ConfigError(`${name} has ${values.length} values for ${n} targets`);
    return { [name]: { data: [...values], dtype: 'float32' as const, shape: [n] } };
  };
  return {
    model_input: { chunks: [{ type: 'encoded_text' as const, tokens: tokens.slice(0, n) }] },
    loss_fn_inputs: {
      target_tokens: { data: tokens.slice(1), dtype: 'int64' as const, shape: [n] },
      ...floats('weights', perTarget.weights), ...floats('logprobs', perTarget.logprobs),
      ...floats('advantages', perTarget.advantages), ...floats('returns', perTarget.returns),
    },
  };
}

/** A remote learner's URL and key from explicit options, else R1CI_LEARNER_URL / R1CI_LEARNER_API_KEY
 * (TINKER_API_KEY also accepted); undefined when no URL is set (use the local launcher). */
export function resolveLearnerConnection(options: Partial<LearnerConnection> = {}, env: NodeJS.ProcessEnv = process.env): LearnerConnection | undefined {
  const url = options.url ?? env.R1CI_LEARNER_URL;
  if (!url) return undefined;
  const apiKey = options.apiKey ?? env.R1CI_LEARNER_API_KEY ?? env.TINKER_API_KEY;
  if (!apiKey) throw new ConfigError([{ path: 'learner.apiKey', message: `no API key for the learner at ${url}`, fix: 'set R1CI_LEARNER_API_KEY or pass apiKey' }]);
  return { url, apiKey };
}
