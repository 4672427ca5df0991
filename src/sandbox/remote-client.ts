// A Sandbox that runs snippets on remote servers speaking SandboxFusion's run_code API (an r1ci
// `sandbox serve` or a real SandboxFusion deployment): spreads load over several URLs, sets a server
// that failed aside for a while, and retries only what is safe to retry (see `tryOnce`).
import { ConfigError, SandboxUnavailableError } from '../core/index.js';
import { mapFusionToResult, mapRequestToFusion, type FusionRunCodeResponse } from './fusion-wire.js';
import type { ExecRequest, ExecResult, Sandbox } from './types.js';

export type RemoteSandboxOptions = {
  /** Base URLs (e.g. http://127.0.0.1:8080); `/run_code` is appended. */
  urls: readonly string[];
  /** Bearer token sent as `Authorization: Bearer …` (default: $R1CI_SANDBOX_TOKEN). */
  token?: string;
  /** Default snippet timeout in ms when a request has none (default 60,000). */
  timeoutMs?: number;
  /** Extra time the HTTP request may take beyond the snippet's timeout (default 10,000 ms). */
  requestOverheadMs?: number;
  /** Tries per request for safely retryable failures (default 4). */
  attempts?: number;
  /** Delay before the first retry, doubled each time (default 100 ms). */
  backoffMs?: number;
  /** How long a server that refused or dropped a connection is passed over (default 5,000 ms). */
  downMs?: number;
  /** Injectable fetch (default: global fetch). */
  fetch?: typeof fetch;
};

type Outcome =
  | { kind: 'result'; result: ExecResult }
  | { kind: 'retry'; error: SandboxUnavailableError; elsewhereOnly: boolean }
  | { kind: 'fail'; error: SandboxUnavailableError };

export function createRemoteSandbox(options: RemoteSandboxOptions): RemoteSandbox {
  return new RemoteSandbox(options);
}

export class RemoteSandbox implements Sandbox {
  private readonly urls: string[];
  private readonly inFlight: number[];
  private readonly downUntil: number[];
  private next = 0;
  private closed = false;
  private readonly fetchImpl: typeof fetch;

  constructor(private readonly options: RemoteSandboxOptions) {
    if (!options.urls.length) {
      const fix = 'e.g. http://127.0.0.1:8080';
      throw new ConfigError([{ path: 'sandbox.urls', message: 'needs at least one URL', fix }]);
    }
    this.urls = options.urls.map((url) => {
      try {
        return new URL(url).toString().replace(/\/+$/, '');
      } catch (error) {
        throw new ConfigError([{ path: 'sandbox.urls', message: `not a URL: ${url}` }], { cause: error });
      }
    });
    this.inFlight = this.urls.map(() => 0);
    this.downUntil = this.urls.map(() => 0);
    this.fetchImpl = options.fetch ?? fetch;
  }

  /** Checks that at least one server answers GET /v1/ping; throws SandboxUnavailableError otherwise. */
  async ping(): Promise<void> {
    const ping = (base: string) =>
      this.fetchImpl(`${base}/v1/ping`, { signal: AbortSignal.timeout(10_000) }).then(
        (response) => response.ok,
        () => false,
      );
    const answers = await Promise.all(this.urls.map(ping));
    if (!answers.some(Boolean)) {
      const where = this.urls.join(', ');
      throw new SandboxUnavailableError(`no sandbox server answers at ${where}; start one with r1ci sandbox serve`);
    }
  }

  async exec(request: ExecRequest): Promise<ExecResult> {
    if (this.closed) throw new SandboxUnavailableError('the remote sandbox client is closed');
    const attempts = this.options.attempts ?? 4;
    let last: SandboxUnavailableError | undefined;
    const tried = new Set<number>();
    let mustMove = false;
    for (let attempt = 0; attempt < attempts; attempt++) {
      if (attempt > 0) await sleep((this.options.backoffMs ?? 100) * 2 ** (attempt - 1));
      const index = this.pick(tried, mustMove);
      if (index < 0) break;
      tried.add(index);
      this.inFlight[index]++;
      const outcome = await this.tryOnce(this.urls[index], request).finally(() => this.inFlight[index]--);
      if (outcome.kind === 'result') return outcome.result;
      if (outcome.kind === 'fail') throw outcome.error;
      this.downUntil[index] = Date.now() + (this.options.downMs ?? 5000);
      mustMove ||= outcome.elsewhereOnly;
      last = outcome.error;
    }
    throw last ?? new SandboxUnavailableError('no other sandbox server to retry on', { retryable: true });
  }

  async close(): Promise<void> {
    this.closed = true;
  }

  /**
   * Least in-flight server, preferring ones not set aside and not yet tried by this request (ties
   * round-robin); -1 when `untriedOnly` and every server was tried.
   */
  private pick(tried: Set<number>, untriedOnly: boolean): number {
    const start = this.next++ % this.urls.length;
    const now = Date.now();
    const rank = (index: number) => (tried.has(index) ? 2 : 0) + (this.downUntil[index] > now ? 1 : 0);
    let best = -1;
    for (let k = 0; k < this.urls.length; k++) {
      const index = (start + k) % this.urls.length;
      if (untriedOnly && tried.has(index)) continue;
      const better =
        best < 0 ||
        rank(index) < rank(best) ||
        (rank(index) === rank(best) && this.inFlight[index] < this.inFlight[best]);
      if (better) best = index;
    }
    return best;
  }

  /**
   * One try. A refused connection proves the request was never sent: retried anywhere. A connection
   * dropped mid-request (the server died) may have run the snippet, but a snippet runs in a fresh
   * jailed process whose only effect is its response, so running it again elsewhere is safe: retried
   * on another server only. A timeout or any other failure is not retried.
   */
  private async tryOnce(base: string, request: ExecRequest): Promise<Outcome> {
    const timeoutMs = request.timeoutMs ?? this.options.timeoutMs ?? 60_000;
    const token = this.options.token ?? process.env.R1CI_SANDBOX_TOKEN;
    let response: Response;
    let text: string;
    try {
      response = await this.fetchImpl(`${base}/run_code`, {
        method: 'POST',
        headers: { 'content-type': 'application/json', ...(token ? { authorization: `Bearer ${token}` } : {}) },
        body: JSON.stringify(mapRequestToFusion(request, timeoutMs)),
        signal: AbortSignal.timeout(timeoutMs + (this.options.requestOverheadMs ?? 10_000)),
      });
      text = await response.text();
    } catch (error) {
      const code = errorCode(error);
      const refused = code === 'ECONNREFUSED';
      const dropped = code !== undefined && DROPPED.has(code);
      const what = refused
        ? 'refused the connection'
        : dropped
          ? `dropped the connection (${code})`
          : `failed: ${(error as Error).message}`;
      const wrapped = new SandboxUnavailableError(`sandbox server ${base} ${what}`, { cause: error, retryable: true });
      if (refused || dropped) return { kind: 'retry', error: wrapped, elsewhereOnly: dropped };
      return { kind: 'fail', error: wrapped };
    }
    if (response.status === 503) {
      const message = `sandbox server ${base} is busy (503): ${messageOf(text)}`;
      const error = new SandboxUnavailableError(message, { retryable: true });
      return { kind: 'retry', error, elsewhereOnly: false };
    }
    if (response.status !== 200) {
      const message = `sandbox server ${base} answered ${response.status}: ${messageOf(text)}`;
      const error = new SandboxUnavailableError(message, { retryable: response.status >= 500 });
      return { kind: 'fail', error };
    }
    let body: FusionRunCodeResponse;
    try {
      body = JSON.parse(text) as FusionRunCodeResponse;
    } catch (error) {
      return {
        kind: 'fail',
        error: new SandboxUnavailableError(`sandbox server ${base} sent a body that is not JSON`, { cause: error }),
      };
    }
    const result = mapFusionToResult(body);
    if (!result) {
      const message = `sandbox server ${base} reported a sandbox error: ${body.message || 'no message'}`;
      return { kind: 'fail', error: new SandboxUnavailableError(message, { retryable: true }) };
    }
    return { kind: 'result', result };
  }
}

/** Error codes of a connection that was open and then lost. */
const DROPPED = new Set(['ECONNRESET', 'EPIPE', 'UND_ERR_SOCKET', 'UND_ERR_CLOSED']);

function errorCode(error: unknown): string | undefined {
  for (let e = error as { code?: string; cause?: unknown } | undefined; e; e = e.cause as typeof e) {
    if (typeof e.code === 'string') return e.code;
  }
  return undefined;
}

function messageOf(text: string): string {
  try {
    return String((JSON.parse(text) as { message?: string }).message ?? text).slice(0, 300);
  } catch {
    return text.slice(0, 300);
  }
}

function sleep(ms: number): Promise<void> {
  return new Promise((resolve) => setTimeout(resolve, ms));
}
