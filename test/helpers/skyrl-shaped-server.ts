// A test server shaped like SkyRL-tx's Tinker API (skyrl/tinker/api.py, checked at NovaSky-AI/SkyRL
// a9564572e): the same routes and methods, the same request models (required fields, types, stop lists of
// one kind, loss_fn_config keys, checkpoint names, tinker:// paths, seq_id deduplication, load only first),
// FastAPI's error shapes (404/405 {detail}, 422 {detail: [...]}, 400/409 {detail}), its result shapes, its
// protobuf forward_backward (forward_only; dense tensors only; results as protobuf when Accept asks), and
// a 408 when a long poll runs out. It fronts a local r1ci learner for the maths and lists no extension.
import { createServer, type IncomingMessage, type ServerResponse } from 'node:http';
import type { AddressInfo } from 'node:net';
import {
  decodeForwardBackwardRequest,
  encodeForwardBackwardOutput,
  PROTO_CONTENT_TYPE,
} from '../../src/learner/wire.js';
import type { ForwardBackwardOutput } from '../../src/learner/types.js';
import { validate, type Issue } from './skyrl-shaped-models.js';

export type SkyrlShapedOptions = {
  /** The local learner behind it (its URL and bearer token). */
  learnerUrl: string;
  learnerKey: string;
  /** The model it serves (SkyRL serves one base model; get_server_capabilities lists it). */
  baseModel: string;
  /** retrieve_future's long poll before a 408 (SkyRL: 300 s). */
  longPollMs?: number;
  /** When set, X-API-Key must equal it (the Tinker service's auth; SkyRL itself checks none). */
  apiKey?: string;
  /** Failure injection: answer the next n requests on these paths with 503 (a 5xx burst). */
  faults?: Fault[];
  /** Slow jobs: a future of this verb (as queued: 'forward_backward', 'optim_step', ...) stays unfinished at least
   * this many ms after it is queued, however soon the learner behind is done (it runs the job at once, in order). */
  holdMs?: Record<string, number>;
};

/** A 5xx burst: after letting `after` requests on `path` through (default 0), the next `count` get `status` (503). */
export type Fault = { path: string; count: number; status?: number; after?: number };

export type LoggedRequest = {
  method: string;
  path: string;
  status: number;
  headers: Record<string, string | string[] | undefined>;
  body: unknown;
};

export type SkyrlShapedServer = {
  url: string;
  log: LoggedRequest[];
  /** The live fault list: a fault pushed here applies from the next request on. */
  faults: Fault[];
  close(): Promise<void>;
};

type Future = { forward?: boolean; done: Promise<{ ok: true; value: unknown } | { ok: false; error: string }> };
type Model = { learnerId: string; sessionId: string; requests: number };
type Datum = { model_input: unknown; loss_fn_inputs: Record<string, { data: number[] }> };
type FbInput = { data: Datum[]; loss_fn: string; loss_fn_config?: Record<string, number> | null };
/** The fields of every request model, as validate() let them through. */
type Req = {
  session_id: string;
  model_id: string;
  request_id: string;
  base_model?: string | null;
  model_path?: string | null;
  path?: string | null;
  lora_config: { rank: number; seed?: number | null };
  seq_id?: number | null;
  sampling_session_seq_id?: number | null;
  sampling_session_id?: string | null;
  optimizer?: boolean;
  forward_only?: boolean;
  adam_params: Record<string, unknown>;
  sampling_params: { max_tokens?: number | null } & Record<string, unknown>;
  prompt: unknown;
  num_samples?: number;
  forward_backward_input?: FbInput;
  forward_input?: FbInput;
};
class HttpError extends Error {
  constructor(
    readonly status: number,
    readonly detail: unknown,
  ) {
    super(typeof detail === 'string' ? detail : 'validation');
  }
}

const GET = new Set(['/api/v1/healthz', '/api/v1/get_server_capabilities']);
const POST = new Set(
  [
    'client/config',
    'create_session',
    'session_heartbeat',
    'create_sampling_session',
    'create_model',
    'unload_model',
    'get_info',
    'forward_backward',
    'forward',
    'optim_step',
    'load_weights',
    'save_weights',
    'save_weights_for_sampler',
    'asample',
    'retrieve_future',
    'telemetry',
  ].map((verb) => `/api/v1/${verb}`),
);

export async function startSkyrlShapedServer(options: SkyrlShapedOptions): Promise<SkyrlShapedServer> {
  const log: LoggedRequest[] = [];
  const sessions = new Set<string>();
  const samplingSessions = new Map<string, { modelPath?: string; baseModel?: string }>();
  const models = new Map<string, Model>();
  const checkpoints = new Map<string, string>(); // `${model}/${kind}/${name}` -> the learner's folder
  const sequenced = new Map<string, { body: string; requestId: string }>();
  const futures = new Map<string, Future>();
  let nextId = 1;
  const faults = (options.faults ?? []).map((f) => ({ ...f }));

  async function learner<T>(verb: string, body: object): Promise<T> {
    const response = await fetch(`${options.learnerUrl}/api/v1/${verb}`, {
      method: 'POST',
      headers: { 'Content-Type': 'application/json', Authorization: `Bearer ${options.learnerKey}` },
      body: JSON.stringify(body),
    });
    const out = (await response.json()) as T & { error?: string };
    if (!response.ok) throw new HttpError(response.status === 404 ? 404 : 400, out.error ?? 'learner refused');
    return out;
  }

  /** Runs a learner future to its end; the result (or error) is kept under a SkyRL-style integer id. */
  function enqueue(
    verb: string,
    body: object,
    translate: (out: Record<string, unknown>) => unknown = (out) => out,
    forward = false,
  ): string {
    const id = String(nextId++);
    const held = new Promise((resolve) => setTimeout(resolve, options.holdMs?.[verb] ?? 0));
    const job = (async () => {
      try {
        const { request_id: learnerId } = await learner<{ request_id: string }>(verb, body);
        for (;;) {
          const out = await learner<Record<string, unknown>>('retrieve_future', { request_id: learnerId, wait_s: 5 });
          if (out.type === 'try_again') continue;
          if (out.type === 'request_failed') return { ok: false as const, error: String(out.error) };
          return { ok: true as const, value: translate(out) };
        }
      } catch (error) {
        return { ok: false as const, error: (error as Error).message };
      }
    })();
    const done = Promise.all([job, held]).then(([outcome]) => outcome);
    futures.set(id, { done, forward });
    return id;
  }

  function model(id: string): Model {
    const found = models.get(id);
    if (!found) throw new HttpError(404, 'Model not found');
    return found;
  }

  /** create_future's deduplication: a retried (model_id, seq_id) gets its first request id; a reuse is a 409. */
  function sequencedFuture(
    modelId: string,
    seqId: unknown,
    verb: string,
    body: object,
    translate?: (out: Record<string, unknown>) => unknown,
    forward = false,
  ): string {
    const key = `${modelId}:${String(seqId)}`;
    const text = JSON.stringify({ verb, body });
    if (seqId !== null && seqId !== undefined) {
      const seen = sequenced.get(key);
      if (seen && seen.body !== text) throw new HttpError(409, 'Training request sequence number was reused');
      if (seen) return seen.requestId;
    }
    model(modelId).requests++;
    const requestId = enqueue(verb, body, translate, forward);
    if (seqId !== null && seqId !== undefined) sequenced.set(key, { body: text, requestId });
    return requestId;
  }

  function samplerFolder(path: string): string {
    const match = /^tinker:\/\/([^/]+)\/(?:sampler_weights\/)?([^/]+)$/.exec(path);
    if (!match)
      throw new HttpError(
        400,
        'model_path must be tinker://model_id/checkpoint_id or tinker://model_id/sampler_weights/checkpoint_id',
      );
    model(match[1]);
    const folder = checkpoints.get(`${match[1]}/sampler/${match[2]}`);
    if (!folder) throw new HttpError(404, `Checkpoint not found: ${match[1]}/${match[2]}`);
    return folder;
  }

  const routes: Record<string, (body: Req) => Promise<unknown> | unknown> = {
    '/api/v1/client/config': () => ({ pjwt_auth_enabled: false }),
    '/api/v1/healthz': () => ({ status: 'ok' }),
    '/api/v1/get_server_capabilities': () => ({ supported_models: [{ model_name: options.baseModel }] }),
    '/api/v1/telemetry': () => ({ status: 'accepted' }),
    '/api/v1/create_session': () => {
      const id = `session_${String(sessions.size + 1).padStart(8, '0')}`;
      sessions.add(id);
      return { type: 'create_session', info_message: null, warning_message: null, error_message: null, session_id: id };
    },
    '/api/v1/session_heartbeat': (b) => {
      if (!sessions.has(b.session_id)) throw new HttpError(404, 'Session not found');
      return { type: 'session_heartbeat' };
    },
    '/api/v1/create_sampling_session': (b) => {
      if (!sessions.has(b.session_id)) throw new HttpError(404, 'Session not found');
      if ((b.base_model == null) === (b.model_path == null))
        throw new HttpError(400, 'Exactly one of base_model or model_path must be provided');
      const id = `sampling_${String(samplingSessions.size + 1).padStart(8, '0')}`;
      samplingSessions.set(id, { modelPath: b.model_path ?? undefined, baseModel: b.base_model ?? undefined });
      return { type: 'create_sampling_session', sampling_session_id: id };
    },
    '/api/v1/create_model': async (b) => {
      if (!sessions.has(b.session_id)) throw new HttpError(404, 'Session not found');
      const created = enqueue('create_model', {
        base_model: b.base_model,
        lora_config: { rank: b.lora_config.rank, seed: b.lora_config.seed ?? 0 },
      });
      const outcome = await futures.get(created)!.done;
      if (!outcome.ok) throw new HttpError(400, outcome.error);
      const modelId = (outcome.value as { model_id: string }).model_id;
      models.set(modelId, { learnerId: modelId, sessionId: b.session_id, requests: 0 });
      const value = {
        model_id: modelId,
        base_model: b.base_model,
        lora_config: { rank: b.lora_config.rank, alpha: 32, seed: b.lora_config.seed ?? 0 },
      };
      const requestId = String(nextId++);
      futures.set(requestId, { done: Promise.resolve({ ok: true, value }) });
      return {
        model_id: modelId,
        base_model: b.base_model,
        lora_config: b.lora_config,
        status: 'created',
        request_id: requestId,
      };
    },
    '/api/v1/get_info': (b) => {
      model(b.model_id);
      return {
        model_id: b.model_id,
        status: 'created',
        model_data: { base_model: options.baseModel, lora_config: null, model_name: options.baseModel },
      };
    },
    '/api/v1/unload_model': (b) => {
      model(b.model_id);
      const requestId = enqueue('unload_model', { model_id: b.model_id }, () => ({
        model_id: b.model_id,
        status: 'unloaded',
        type: 'unload_model',
      }));
      return { request_id: requestId, model_id: b.model_id };
    },
    '/api/v1/forward_backward': (b) =>
      pass(b, b.forward_only ? 'forward' : 'forward_backward', 'forward_backward_input'),
    '/api/v1/forward': (b) => pass(b, 'forward', 'forward_input'),
    '/api/v1/optim_step': (b) => {
      model(b.model_id);
      const adam = {
        learning_rate: 1e-4,
        beta1: 0.9,
        beta2: 0.95,
        eps: 1e-12,
        weight_decay: 0,
        ...pick(b.adam_params, ['learning_rate', 'beta1', 'beta2', 'eps', 'weight_decay']),
      };
      return future(
        sequencedFuture(b.model_id, b.seq_id, 'optim_step', { model_id: b.model_id, adam_params: adam }, (out) => ({
          metrics: out.metrics,
        })),
      );
    },
    '/api/v1/save_weights': (b) => {
      model(b.model_id);
      const key = `${b.model_id}/training/${b.path}`;
      if (checkpoints.has(key))
        throw new HttpError(409, `Checkpoint '${b.path}' already exists for model '${b.model_id}'`);
      checkpoints.set(key, '');
      return future(
        sequencedFuture(b.model_id, null, 'save_weights', { model_id: b.model_id, path: b.path }, (out) => {
          checkpoints.set(key, String(out.path));
          return { path: `tinker://${b.model_id}/weights/${b.path}`, type: 'save_weights' };
        }),
      );
    },
    '/api/v1/load_weights': (b) => {
      const target = model(b.model_id);
      if (target.requests > 0)
        throw new HttpError(400, `LoadWeights is not permitted with seq_id ${b.seq_id ?? target.requests + 1}`);
      const match = /^tinker:\/\/([^/]+)\/weights\/([^/]+)$/.exec(String(b.path));
      if (!match)
        throw new HttpError(400, 'request.path must be in format tinker://source_model_id/weights/checkpoint_id');
      const folder = checkpoints.get(`${match[1]}/training/${match[2]}`);
      if (!folder) throw new HttpError(404, `Checkpoint not found: ${match[1]}/${match[2]}`);
      return future(
        sequencedFuture(
          b.model_id,
          null,
          'load_weights',
          { model_id: b.model_id, path: folder, optimizer: b.optimizer ?? true },
          () => ({ type: 'load_weights' }),
        ),
      );
    },
    '/api/v1/save_weights_for_sampler': (b) => {
      model(b.model_id);
      const name = b.path ?? `ss${b.sampling_session_seq_id}_seq${b.seq_id}`;
      const key = `${b.model_id}/sampler/${String(name)}`;
      if (checkpoints.has(key))
        throw new HttpError(409, `Checkpoint '${name}' already exists for model '${b.model_id}'`);
      checkpoints.set(key, '');
      const transient = b.sampling_session_seq_id != null && b.seq_id != null;
      return future(
        sequencedFuture(
          b.model_id,
          b.seq_id,
          'save_weights_for_sampler',
          { model_id: b.model_id, path: name },
          (out) => {
            checkpoints.set(key, String(out.path));
            return {
              path: transient ? null : `tinker://${b.model_id}/${name}`,
              type: 'save_weights_for_sampler',
              sampling_session_id: null,
            };
          },
        ),
      );
    },
    '/api/v1/asample': (b) => {
      const params = b.sampling_params;
      if (params.max_tokens == null) throw new HttpError(400, 'max_tokens is currently required');
      if (params.max_tokens <= 0) throw new HttpError(400, 'max_tokens must be a positive number');
      let source: { model_path?: string; base_model?: string } =
        b.model_path != null ? { model_path: b.model_path } : { base_model: b.base_model ?? undefined };
      if (b.sampling_session_id != null) {
        const session = samplingSessions.get(b.sampling_session_id);
        if (!session) throw new HttpError(404, 'Sampling session not found');
        source = session.modelPath ? { model_path: session.modelPath } : { base_model: session.baseModel };
      }
      const where = source.model_path
        ? { model_path: samplerFolder(source.model_path) }
        : { base_model: source.base_model };
      const request = {
        prompt: b.prompt,
        num_samples: b.num_samples ?? 1,
        sampling_params: pick(params, ['max_tokens', 'seed', 'stop', 'temperature', 'top_k', 'top_p']),
        ...where,
      };
      return future(
        enqueue('asample', request, (out) => ({
          sequences: out.sequences,
          prompt_logprobs: null,
          topk_prompt_logprobs: null,
        })),
      );
    },
  };

  function pass(b: Req, verb: string, key: 'forward_backward_input' | 'forward_input') {
    model(b.model_id);
    const input = b[key]!;
    // SkyRL's Datum keeps the known loss inputs as bare {data} lists, weights defaulting to ones.
    const data = input.data.map((d) => ({
      model_input: d.model_input,
      loss_fn_inputs: Object.fromEntries(
        Object.entries(d.loss_fn_inputs)
          .filter(([k]) => ['target_tokens', 'weights', 'advantages', 'logprobs', 'values', 'returns'].includes(k))
          .map(([k, v]) => [k, { data: v.data }]),
      ),
    }));
    const body = {
      model_id: b.model_id,
      [verb === 'forward' ? 'forward_input' : 'forward_backward_input']: {
        data,
        loss_fn: input.loss_fn,
        loss_fn_config: input.loss_fn_config ?? {},
      },
    };
    return future(
      sequencedFuture(
        b.model_id,
        b.seq_id,
        verb,
        body,
        (out) => ({
          loss_fn_output_type: 'scalar',
          metrics: {}, // SkyRL's JAX backend reports no metrics
          loss_fn_outputs: (out.loss_fn_outputs as Record<string, unknown>[]).map((o) => ({
            elementwise_loss: o.elementwise_loss,
            logprobs: o.logprobs,
          })),
        }),
        true,
      ),
    );
  }

  const future = (requestId: string) => ({ future_id: requestId, status: 'pending', request_id: requestId });

  async function retrieve(b: Req, req: IncomingMessage, res: ServerResponse): Promise<[number, unknown]> {
    const found = futures.get(String(b.request_id));
    if (!found) return [404, { detail: 'Future not found' }];
    let timer: NodeJS.Timeout | undefined;
    const timeout = new Promise<null>((resolve) => {
      timer = setTimeout(() => resolve(null), options.longPollMs ?? 300_000);
    });
    const gone = new Promise<null>((resolve) => res.once('close', () => resolve(null)));
    const outcome = await Promise.race([found.done, timeout, gone]);
    clearTimeout(timer);
    if (outcome === null) return [408, { detail: 'Timeout waiting for result' }];
    if (!outcome.ok) return [400, { detail: outcome.error }];
    // SkyRL answers forward/forward_backward results as protobuf when the SDK asks for it.
    if (found.forward && req.headers.accept?.includes(PROTO_CONTENT_TYPE))
      return [200, encodeForwardBackwardOutput(outcome.value as ForwardBackwardOutput)];
    return [200, outcome.value];
  }

  async function handle(req: IncomingMessage, res: ServerResponse, bytes: Buffer): Promise<[number, unknown]> {
    const raw = bytes.toString('utf8');
    const path = (req.url ?? '').split('?')[0];
    const allowed = GET.has(path) ? 'GET' : POST.has(path) ? 'POST' : undefined;
    if (!allowed) return [404, { detail: 'Not Found' }];
    if (req.method !== allowed) return [405, { detail: 'Method Not Allowed' }];
    if (options.apiKey !== undefined && req.headers['x-api-key'] !== options.apiKey)
      return [401, { detail: 'Invalid or missing X-API-Key' }];
    const fault = faults.find((f) => f.path === path && f.count > 0);
    if (fault && (fault.after ?? 0) > 0) fault.after!--;
    else if (fault) {
      fault.count--;
      return [fault.status ?? 503, { detail: 'Service Unavailable' }];
    }
    let body: unknown = {};
    if (
      allowed === 'POST' &&
      path === '/api/v1/forward_backward' &&
      req.headers['content-type']?.includes(PROTO_CONTENT_TYPE)
    ) {
      try {
        const decoded = decodeForwardBackwardRequest(bytes);
        body = {
          model_id: decoded.model_id,
          seq_id: decoded.seq_id ?? null,
          forward_backward_input: decoded.input,
          forward_only: decoded.forward_only,
        };
      } catch (error) {
        return [422, { detail: `Invalid proto forward_backward body: ${(error as Error).message}` }];
      }
      const issues: Issue[] = validate(path, body);
      if (issues.length) return [422, { detail: issues }];
    } else if (allowed === 'POST') {
      try {
        body = JSON.parse(raw);
      } catch {
        return [422, { detail: [{ type: 'json_invalid', loc: ['body', 0], msg: 'JSON decode error', input: {} }] }];
      }
      const issues: Issue[] = validate(path, body);
      if (issues.length) return [422, { detail: issues }];
    }
    if (path === '/api/v1/retrieve_future') return retrieve(body as Req, req, res);
    return [200, await routes[path](body as Req)];
  }

  const server = createServer((req, res) => {
    const chunks: Buffer[] = [];
    req.on('data', (c: Buffer) => chunks.push(c));
    req.on('end', () => {
      const bytes = Buffer.concat(chunks);
      const proto = req.headers['content-type']?.includes(PROTO_CONTENT_TYPE);
      const raw = proto ? '' : bytes.toString('utf8');
      handle(req, res, bytes)
        .catch(
          (error: unknown) =>
            (error instanceof HttpError
              ? [error.status, { detail: error.detail }]
              : [500, { detail: 'Internal Server Error' }]) as [number, unknown],
        )
        .then(([status, out]) => {
          let parsed: unknown = raw;
          try {
            parsed = raw ? JSON.parse(raw) : undefined;
          } catch {
            /* logged raw */
          }
          log.push({
            method: req.method ?? '',
            path: (req.url ?? '').split('?')[0],
            status,
            headers: req.headers,
            body: proto ? logged(bytes) : parsed,
          });
          if (res.destroyed) return;
          const binary = out instanceof Uint8Array;
          res.writeHead(status, { 'Content-Type': binary ? PROTO_CONTENT_TYPE : 'application/json' });
          res.end(binary ? out : JSON.stringify(out));
        });
    });
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const { port } = server.address() as AddressInfo;
  return {
    url: `http://127.0.0.1:${port}`,
    log,
    faults,
    close: () =>
      new Promise<void>((resolve) => {
        server.closeAllConnections();
        server.close(() => resolve());
      }),
  };
}

function logged(bytes: Buffer): unknown {
  try {
    return decodeForwardBackwardRequest(bytes);
  } catch {
    return '(malformed protobuf)';
  }
}

function pick(source: Record<string, unknown> | undefined, keys: string[]): Record<string, unknown> {
  return Object.fromEntries(
    keys.filter((k) => source?.[k] !== undefined && source[k] !== null).map((k) => [k, source![k]]),
  );
}
