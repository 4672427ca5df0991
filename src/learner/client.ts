// The typed client of the training API: one method per verb, futures polled with try-again, and
// retries of transient failures only (network errors, 408/429/502/503/504), never of refusals.
import { setTimeout as sleep } from 'node:timers/promises';
import { ConfigError, LearnerError } from '../core/index.js';
import { decodeForwardBackwardOutput, encodeForwardBackwardRequest, PROTO_CONTENT_TYPE } from './wire.js';
import { zstdCompress } from './zstd.js';
import type { TrainingClient } from './training-client.js';
import type {
  AdamParams,
  ClientConfigResponse,
  CreateModelRequest,
  ForwardBackwardInput,
  ForwardBackwardOutput,
  GetInfoResponse,
  LearnerConnection,
  OptimStepResponse,
  RequestFailedResponse,
  Sample,
  SampleOptions,
  SampleRequest,
  SampleResponse,
  ServerCapabilities,
} from './types.js';

export type LearnerClientOptions = LearnerConnection & {
  /** The fetch to use (tests pass their own; default: global fetch). */
  fetch?: typeof fetch;
  /** Retries of a transient failure (unreachable, 429, 5xx) before giving up (default 5). */
  maxRetries?: number;
  /** First retry delay; doubles each time up to 8 s (default 250 ms). */
  retryDelayMs?: number;
  /** Per-HTTP-request timeout of the verbs (default 120 s). */
  requestTimeoutMs?: number;
  /** Per-call timeout of retrieve_future (default 45 s, as Tinker's SDK); a call that runs out is polled again. */
  pollTimeoutMs?: number;
  /** Asked on every failure: when the server process is known dead, the error to throw instead. */
  crashed?: () => LearnerError | undefined;
  /** How forward_backward travels: 'auto' (default) sends Tinker's protobuf to a server that lists
   * `protobuf_wire` or lists no extensions at all (Tinker, SkyRL-tx), JSON otherwise and after a 415. */
  wire?: 'auto' | 'json' | 'protobuf';
  /** zstd-compress protobuf forward_backward bodies when the server's client/config offers it (Tinker's
   * `proto_compress_fwdbwd`; our learner where its Python has zstandard). Default true; false never compresses. */
  compress?: boolean;
};

type RequestOptions = { timeoutMs?: number; pollAgain?: boolean; accept?: string; encoding?: string };

/** A queued request: `result()` polls retrieve_future until it is done. */
export type LearnerFuture<T> = { requestId: string; result: () => Promise<T> };

/** Statuses worth a retry of the same request: a timeout, rate limiting, and server faults (a 5xx burst). */
const TRANSIENT_STATUS = new Set([408, 429, 500, 502, 503, 504]);
/** Verbs whose request carries `seq_id`, the model-wide sequence number Tinker and SkyRL deduplicate retries by. */
const SEQUENCED = new Set(['forward', 'forward_backward', 'optim_step', 'save_weights_for_sampler', 'load_weights']);

export class LearnerClient implements TrainingClient {
  readonly url: string;
  private readonly options: LearnerClientOptions;
  private capabilitiesPromise?: Promise<ServerCapabilities>;
  private configPromise?: Promise<ClientConfigResponse>;
  private sessionPromise?: Promise<string>;
  private modelSeq = 0;
  private readonly seqIds = new Map<string, number>();
  private jsonOnly = false;
  private uncompressed = false;

  constructor(options: LearnerClientOptions) {
    this.url = options.url.replace(/\/+$/, '');
    this.options = options;
  }

  /** True when the server answers its health check. */
  async health(): Promise<boolean> {
    try {
      const response = await this.fetch(`${this.url}/api/v1/healthz`, {
        method: 'GET',
        headers: this.headers(),
        signal: AbortSignal.timeout(5_000),
      });
      return response.ok;
    } catch {
      return false;
    }
  }

  /** The server's capabilities (GET, as Tinker and SkyRL serve it). */
  capabilities(): Promise<ServerCapabilities> {
    return this.request<ServerCapabilities>('GET', 'get_server_capabilities');
  }

  /** The capabilities, asked once (the extensions decide what every later request looks like). */
  private knownCapabilities(): Promise<ServerCapabilities> {
    this.capabilitiesPromise ??= this.capabilities();
    this.capabilitiesPromise.catch(() => {
      this.capabilitiesPromise = undefined;
    });
    return this.capabilitiesPromise;
  }

  /** Tinker's client/config (the SDK's first call): the server's feature flags, asked once. A server without
   * the route (404, 405) offers none of them. */
  clientConfig(): Promise<ClientConfigResponse> {
    this.configPromise ??= this.post<ClientConfigResponse>('client/config', { sdk_version: 'r1ci' }).catch(
      (error: unknown) => {
        if (error instanceof LearnerError && (error.status === 404 || error.status === 405)) return {};
        this.configPromise = undefined;
        throw error;
      },
    );
    return this.configPromise;
  }

  /** Whether protobuf forward_backward bodies go zstd-compressed (see the `compress` option). */
  async compresses(): Promise<boolean> {
    if (this.options.compress === false || this.uncompressed) return false;
    return (await this.clientConfig()).proto_compress_fwdbwd === true;
  }

  /** Whether the server lists one of our extensions (a remote Tinker or SkyRL lists none). */
  async hasExtension(name: string): Promise<boolean> {
    return ((await this.knownCapabilities()).extensions ?? []).includes(name);
  }

  async createSession(tags: string[] = ['r1ci']): Promise<string> {
    const out = await this.post<{ session_id: string }>('create_session', {
      tags,
      user_metadata: null,
      sdk_version: 'r1ci',
    });
    return out.session_id;
  }

  /** The session every model of this client belongs to; created on first use. */
  session(): Promise<string> {
    this.sessionPromise ??= this.createSession();
    this.sessionPromise.catch(() => {
      this.sessionPromise = undefined;
    });
    return this.sessionPromise;
  }

  /** Creates a trainable model in this client's session; resolves to its model id. Full fine-tuning (no
   * lora_config) needs the `full_finetune` extension: Tinker and SkyRL train LoRA adapters only. */
  async createModel(request: CreateModelRequest): Promise<string> {
    if (!request.lora_config && !(await this.hasExtension('full_finetune'))) {
      throw new ConfigError([
        {
          path: 'learner.lora_config',
          message: `the learner at ${this.url} trains LoRA adapters only`,
          fix: 'pass --lora-rank 16 (or another rank)',
        },
      ]);
    }
    const sessionId = request.session_id ?? (await this.session());
    const out = await this.call<{ model_id: string }>('create_model', {
      session_id: sessionId,
      model_seq_id: this.modelSeq++,
      ...request,
    });
    return out.model_id;
  }

  getInfo(modelId: string): Promise<GetInfoResponse> {
    return this.post('get_info', { model_id: modelId });
  }

  /** Logprobs (and loss) without gradients: forward_backward with forward_only on the protobuf wire. */
  async forward(modelId: string, input: ForwardBackwardInput): Promise<ForwardBackwardOutput> {
    if (await this.protobuf()) return this.forwardBackwardProto(modelId, input, true);
    return this.call('forward', { model_id: modelId, forward_input: input });
  }

  /** Accumulates gradients of the named loss; optimStep applies them. */
  async forwardBackward(modelId: string, input: ForwardBackwardInput): Promise<ForwardBackwardOutput> {
    return (await this.submitForwardBackward(modelId, input)).result();
  }

  /** Queues a forward_backward and resolves once the learner has it (its result is polled later), so a
   * caller can queue the next requests behind it: the learner runs a model's requests in order. */
  async submitForwardBackward(
    modelId: string,
    input: ForwardBackwardInput,
  ): Promise<LearnerFuture<ForwardBackwardOutput>> {
    if (await this.protobuf()) return this.submitForwardBackwardProto(modelId, input, false);
    return this.submit('forward_backward', { model_id: modelId, forward_backward_input: input });
  }

  /** Whether forward_backward goes as protobuf (see the `wire` option). */
  async protobuf(): Promise<boolean> {
    const wire = this.options.wire ?? 'auto';
    if (wire !== 'auto' || this.jsonOnly) return wire === 'protobuf' && !this.jsonOnly;
    const extensions = (await this.knownCapabilities()).extensions;
    return extensions === undefined || extensions.includes('protobuf_wire');
  }

  private async forwardBackwardProto(
    modelId: string,
    input: ForwardBackwardInput,
    forwardOnly: boolean,
  ): Promise<ForwardBackwardOutput> {
    return (await this.submitForwardBackwardProto(modelId, input, forwardOnly)).result();
  }

  private async submitForwardBackwardProto(
    modelId: string,
    input: ForwardBackwardInput,
    forwardOnly: boolean,
    seqId = this.nextSeqId(modelId),
  ): Promise<LearnerFuture<ForwardBackwardOutput>> {
    const body = encodeForwardBackwardRequest({ model_id: modelId, seq_id: seqId, forward_only: forwardOnly, input });
    const zstd = await this.compresses();
    let requestId: string;
    try {
      const sent = zstd ? await zstdCompress(body) : body;
      const queued = await this.request<{ request_id: string | number }>('POST', 'forward_backward', sent, {
        encoding: zstd ? 'zstd' : undefined,
      });
      requestId = String(queued.request_id);
    } catch (error) {
      if (!(error instanceof LearnerError) || error.status !== 415) throw error;
      if (zstd) {
        this.uncompressed = true; // offered, then refused (a 415 is never queued): plain protobuf from now on
        return this.submitForwardBackwardProto(modelId, input, forwardOnly, seqId);
      }
      if (this.options.wire === 'protobuf') throw error;
      this.jsonOnly = true; // a server that speaks JSON only: send this and every later request as JSON
      return forwardOnly
        ? this.submit('forward', { model_id: modelId, forward_input: input, seq_id: seqId })
        : this.submit('forward_backward', { model_id: modelId, forward_backward_input: input, seq_id: seqId });
    }
    const verb = forwardOnly ? 'forward' : 'forward_backward';
    return { requestId, result: () => this.retrieve<ForwardBackwardOutput>(verb, requestId, PROTO_CONTENT_TYPE) };
  }

  optimStep(modelId: string, adam: AdamParams): Promise<OptimStepResponse> {
    return this.call('optim_step', { model_id: modelId, adam_params: adam });
  }

  /** Queues an optim_step and resolves once the learner has it (see submitForwardBackward). */
  submitOptimStep(modelId: string, adam: AdamParams): Promise<LearnerFuture<OptimStepResponse>> {
    return this.submit('optim_step', { model_id: modelId, adam_params: adam });
  }

  /**
   * A training checkpoint (weights and optimizer state); resolves to its path (a tinker:// path on a remote server).
   */
  async saveWeights(modelId: string, path?: string): Promise<string> {
    return (await this.call<{ path: string }>('save_weights', { model_id: modelId, path })).path;
  }

  async loadWeights(modelId: string, path: string, options: { optimizer?: boolean } = {}): Promise<void> {
    await this.call('load_weights', { model_id: modelId, path, optimizer: options.optimizer ?? false });
  }

  /** Weights samplers load; resolves to the path to sample with (`modelPath`): a Hugging Face folder (LoRA
   * merged) on our learner, a tinker:// path on a remote one. `adapterOnly` (extension `peft_adapter`, LoRA
   * models): the adapters alone, as a PEFT folder that vLLM loads at runtime (/v1/load_lora_adapter). */
  async saveWeightsForSampler(
    modelId: string,
    path?: string,
    options: { adapterOnly?: boolean } = {},
  ): Promise<string> {
    const out = await this.call<{ path?: string | null }>('save_weights_for_sampler', {
      model_id: modelId,
      path,
      ...(options.adapterOnly ? { adapter_only: true } : {}),
    });
    if (typeof out.path !== 'string')
      throw new LearnerError(
        `learner save_weights_for_sampler at ${this.url} answered no path; pass a checkpoint name`,
        { retryable: false },
      );
    return out.path;
  }

  async unloadModel(modelId: string): Promise<void> {
    await this.call('unload_model', { model_id: modelId });
  }

  /** Samples continuations of token ids; each comes back with its tokens, logprobs and stop reason. */
  async sample(options: SampleOptions): Promise<Sample[]> {
    if (options.modelId && !(await this.hasExtension('sample_from_model_id'))) {
      throw new LearnerError(
        `the learner at ${this.url} cannot sample a training model by id; save_weights_for_sampler and sample its path`,
        { retryable: false },
      );
    }
    const mixed = (options.stopStrings?.length ?? 0) > 0 && (options.stopTokenIds?.length ?? 0) > 0;
    const out = await this.call<SampleResponse>(
      'asample',
      toSampleRequest(options, { mixedStop: !mixed || (await this.hasExtension('mixed_stop')) }),
    );
    return out.sequences.map((s) => ({ tokens: s.tokens, logprobs: s.logprobs, stopReason: s.stop_reason }));
  }

  /** Sends a future verb and waits for its result. */
  async call<T>(verb: string, body: object): Promise<T> {
    return (await this.submit<T>(verb, body)).result();
  }

  /** Sends a future verb (with the model's next seq_id where the verb takes one); the server runs queued
   * requests in order, so callers may pipeline. */
  async submit<T>(verb: string, body: object): Promise<LearnerFuture<T>> {
    const modelId = (body as { model_id?: unknown }).model_id;
    const sequenced =
      SEQUENCED.has(verb) && typeof modelId === 'string' && !('seq_id' in body)
        ? { ...body, seq_id: this.nextSeqId(modelId) }
        : body;
    const { request_id: requestId } = await this.post<{ request_id: string | number }>(verb, sequenced);
    return { requestId: String(requestId), result: () => this.retrieve<T>(verb, String(requestId)) };
  }

  private nextSeqId(modelId: string): number {
    const next = (this.seqIds.get(modelId) ?? 0) + 1;
    this.seqIds.set(modelId, next);
    return next;
  }

  /** Polls until the job ends, however long it runs: try_again, a 408 after the server's long poll and a
   * poll that outlives pollTimeoutMs are progress; an error answer or a server that stays gone is not. */
  private async retrieve<T>(verb: string, requestId: string, accept?: string): Promise<T> {
    for (;;) {
      let out: Record<string, unknown>;
      try {
        out = await this.request<Record<string, unknown>>(
          'POST',
          'retrieve_future',
          { request_id: requestId, wait_s: 10 },
          { timeoutMs: this.options.pollTimeoutMs ?? 45_000, pollAgain: true, accept },
        );
      } catch (error) {
        if (error instanceof LearnerError && error.status !== undefined && error.status !== 404 && !error.retryable) {
          throw new LearnerError(
            `learner ${verb} failed: ${error.message.replace(/^learner retrieve_future refused \(HTTP \d+\): /, '')}`,
            { status: error.status, retryable: false },
          );
        }
        throw error;
      }
      if (out === POLL_AGAIN || out.type === 'try_again') continue;
      if (out.type === 'request_failed' || (typeof out.error === 'string' && typeof out.category === 'string')) {
        const failed = out as unknown as RequestFailedResponse;
        throw new LearnerError(`learner ${verb} failed: ${failed.error}`, {
          retryable: false,
          status: failed.category === 'user' ? 400 : 500,
        });
      }
      return out as T;
    }
  }

  /** POSTs JSON to /api/v1/<verb>; retries transient failures; refusals become LearnerError. */
  post<T>(verb: string, body: object): Promise<T> {
    return this.request<T>('POST', verb, body);
  }

  private headers(contentType?: string, poll: RequestOptions = {}): Record<string, string> {
    // Tinker's SDK authenticates with X-API-Key; our server also takes Authorization: Bearer.
    return {
      'X-API-Key': this.options.apiKey,
      ...(contentType ? { 'Content-Type': contentType } : {}),
      ...(poll.encoding ? { 'Content-Encoding': poll.encoding } : {}),
      ...(poll.accept ? { Accept: poll.accept } : {}),
    };
  }

  /** One call, retried while transient; a protobuf body (Uint8Array) goes as Tinker's binary wire (`encoding`
   * names its Content-Encoding), and a protobuf answer (asked for with `accept`) is decoded as a
   * ForwardBackwardOutput. */
  private async request<T>(
    method: 'GET' | 'POST',
    verb: string,
    body?: object | Uint8Array,
    poll: RequestOptions = {},
  ): Promise<T> {
    const maxRetries = this.options.maxRetries ?? 5;
    const binary = body instanceof Uint8Array;
    const payload = body === undefined ? undefined : binary ? body : JSON.stringify(body);
    for (let attempt = 0; ; attempt++) {
      let failure: LearnerError;
      try {
        const response = await this.fetch(`${this.url}/api/v1/${verb}`, {
          method,
          headers: this.headers(
            body === undefined ? undefined : binary ? PROTO_CONTENT_TYPE : 'application/json',
            poll,
          ),
          ...(payload === undefined ? {} : { body: payload as string | Uint8Array<ArrayBuffer> }),
          signal: AbortSignal.timeout(poll.timeoutMs ?? this.options.requestTimeoutMs ?? 120_000),
        });
        if (response.ok && response.headers.get('content-type')?.includes(PROTO_CONTENT_TYPE)) {
          return decodeForwardBackwardOutput(new Uint8Array(await response.arrayBuffer())) as T;
        }
        const text = await response.text();
        if (response.ok) return JSON.parse(text) as T;
        // SkyRL's long poll ran out: the job still runs
        if (poll.pollAgain && response.status === 408) return POLL_AGAIN as T;
        failure = new LearnerError(`learner ${verb} refused (HTTP ${response.status}): ${errorMessage(text)}`, {
          status: response.status,
          retryable: TRANSIENT_STATUS.has(response.status),
        });
      } catch (error) {
        if (poll.pollAgain && (error as Error).name === 'TimeoutError') return POLL_AGAIN as T;
        failure = new LearnerError(`learner at ${this.url} unreachable (${verb}): ${(error as Error).message}`, {
          cause: error,
          retryable: true,
        });
      }
      const crash = this.options.crashed?.();
      if (crash) throw crash;
      if (!failure.retryable || attempt >= maxRetries) {
        // A refusal's message names the verb and the status but not the server; an unreachable one names it already.
        const where = failure.status === undefined ? '' : ` at ${this.url}`;
        if (failure.retryable) failure.message = `${failure.message} (gave up after ${attempt + 1} tries${where})`;
        throw failure;
      }
      await sleep(Math.min((this.options.retryDelayMs ?? 250) * 2 ** attempt, 8_000));
      const lateCrash = this.options.crashed?.();
      if (lateCrash) throw lateCrash;
    }
  }

  private fetch(url: string, init: RequestInit): Promise<Response> {
    return (this.options.fetch ?? fetch)(url, init);
  }
}

/** What a retrieve_future poll answers when it should simply be polled again. */
const POLL_AGAIN: Record<string, unknown> = Object.freeze({ type: 'poll_again' });

/** The message of an error body: ours ({error}), FastAPI's ({detail}: a string, or validation errors). */
function errorMessage(text: string): string {
  try {
    const parsed = JSON.parse(text) as { error?: unknown; detail?: unknown };
    if (typeof parsed.error === 'string') return parsed.error;
    if (typeof parsed.detail === 'string') return parsed.detail;
    if (Array.isArray(parsed.detail)) {
      return parsed.detail
        .map((d: { loc?: unknown[]; msg?: string }) => `${(d.loc ?? []).join('.')}: ${d.msg ?? '?'}`)
        .join('; ');
    }
  } catch {
    // not JSON: show the raw text below
  }
  return text.slice(0, 300);
}

/** Our SampleOptions as Tinker's SampleRequest. `stop` holds strings or token ids, never both (Tinker's
 * and SkyRL's types): with both, a server without `mixed_stop` gets strings only, each stop token as its
 * text (`stopTokenTexts`), since a code fence has no single token id. */
export function toSampleRequest(
  options: SampleOptions,
  server: { mixedStop: boolean } = { mixedStop: true },
): SampleRequest {
  const strings = options.stopStrings ?? [];
  const ids = options.stopTokenIds ?? [];
  let stop: (string | number)[] = [...strings, ...ids];
  if (strings.length && ids.length && !server.mixedStop) {
    if (options.stopTokenTexts?.length !== ids.length) {
      throw new ConfigError([
        {
          path: 'sample.stopTokenTexts',
          message: 'this learner takes stop strings or stop token ids, not both',
          fix: 'pass stopTokenTexts (the text of each stop token id)',
        },
      ]);
    }
    stop = [...new Set([...strings, ...options.stopTokenTexts])];
  }
  return {
    prompt: { chunks: [{ type: 'encoded_text', tokens: [...options.promptTokens] }] },
    num_samples: options.numSamples ?? 1,
    sampling_params: {
      max_tokens: options.maxTokens,
      temperature: options.temperature ?? 1,
      top_p: options.topP ?? 1,
      top_k: options.topK ?? -1,
      ...(options.seed === undefined ? {} : { seed: options.seed }),
      ...(stop.length ? { stop } : {}),
    },
    ...(options.modelId ? { model_id: options.modelId } : {}),
    ...(options.modelPath ? { model_path: options.modelPath } : {}),
    ...(options.baseModel ? { base_model: options.baseModel } : {}),
  };
}

/** A Datum for one sequence: inputs are tokens[0..n-1], targets tokens[1..n]; per-target arrays go with it. */
export function makeDatum(
  tokens: readonly number[],
  perTarget: {
    weights?: readonly number[];
    logprobs?: readonly number[];
    advantages?: readonly number[];
    returns?: readonly number[];
  } = {},
) {
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
      ...floats('weights', perTarget.weights),
      ...floats('logprobs', perTarget.logprobs),
      ...floats('advantages', perTarget.advantages),
      ...floats('returns', perTarget.returns),
    },
  };
}

/** A remote learner's URL and key from explicit options, else R1CI_LEARNER_URL / R1CI_LEARNER_API_KEY
 * (TINKER_API_KEY also accepted); undefined when no URL is set (use the local launcher). */
export function resolveLearnerConnection(
  options: Partial<LearnerConnection> = {},
  env: NodeJS.ProcessEnv = process.env,
): LearnerConnection | undefined {
  const url = options.url ?? env.R1CI_LEARNER_URL;
  if (!url) return undefined;
  const apiKey = options.apiKey ?? env.R1CI_LEARNER_API_KEY ?? env.TINKER_API_KEY;
  if (!apiKey)
    throw new ConfigError([
      {
        path: 'learner.apiKey',
        message: `no API key for the learner at ${url}`,
        fix: 'set R1CI_LEARNER_API_KEY or pass apiKey',
      },
    ]);
  return { url, apiKey };
}
