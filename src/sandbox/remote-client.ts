// A Sandbox that runs snippets on remote servers speaking SandboxFusion's run_code API (an r1ci
// `sandbox serve` or a real SandboxFusion deployment): spreads load over several URLs, retries
// only what is safe to retry (connection refused before sending, 503), per-request timeouts.
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
  /** Injectable fetch (default: global fetch). */
  fetch?: typeof fetch;
};

type Outcome = { kind: 'result'; result: ExecResult } | { kind: 'retry'; error: SandboxUnavailableError } | { kind: 'fail'; error: SandboxUnavailableError };

export function createRemoteSandbox(options: RemoteSandboxOptions): RemoteSandbox {
  return new RemoteSandbox(options);
}

export class RemoteSandbox implements Sandbox {
  private readonly urls: string[];
  private readonly inFlight: number[];
  private next = 0;
  private closed = false;
  private readonly fetchImpl: typeof fetch;

  constructor(private readonly options: RemoteSandboxOptions) {
    if (!options.urls.length) throw new ConfigError([{ path: 'sandbox.urls', message: 'needs at least one URL', fix: 'e.g. http://127.0.0.1:8080' }]);
    this.urls = options.urls.map((url) => {
      try {
        return new URL(url).toString().replace(/\/+$/, '');
      } catch (error) {
        throw new ConfigError([{ path: 'sandbox.urls', message: `not a URL: ${url}` }], { cause: error });
      }
    });
    this.inFlight = this.urls.map(() => 0);
    this.fetchImpl = options.fetch ?? fetch;
  }

  async exec(request: ExecRequest): Promise<ExecResult> {
    if (this.closed) throw new SandboxUnavailableError('the remote sandbox client is closed');
    const attempts = this.options.attempts ?? 4;
    let last: SandboxUnavailableError | undefined;
    const tried = new Set<number>();
    for (let attempt = 0; attempt < attempts; attempt++) {
      if (attempt > 0) await sleep((this.options.backoffMs ?? 100) * 2 ** (attempt - 1));
      const index = this.pick(tried);
      tried.add(index);
      this.inFlight[index]++;
      const outcome = await this.tryOnce(this.urls[index], request).finally(() => this.inFlight[index]--);
      if (outcome.kind === 'result') return outcome.result;
      if (outcome.kind === 'fail') throw outcome.error;
      last = outcome.error;
    }
    throw last!;
  }

  async close(): Promise<void> {
    this.closed = true;
  }

  /** Least in-flight URL not yet tried by this request (all again once each was tried), ties round-robin. */
  private pick(tried: Set<number>): number {
    const start = this.next++ % this.urls.length;
    const fresh = tried.size >= this.urls.length ? () => true : (index: number) => !tried.has(index);
    let best = -1;
    for (let k = 0; k < this.urls.length; k++) {
      const index = (start + k) % this.urls.length;
      if (fresh(index) && (best < 0 || this.inFlight[index] < this.inFlight[best])) best = index;
    }
    return best;
  }

  private async tryOnce(base: string, request: ExecRequest): Promise<Outcome> {
    const timeoutMs = request.timeoutMs ?? this.options.timeoutMs ?? 60_000;
    const token = this.options.token ?? process.env.R1CI_SANDBOX_TOKEN;
    let response: Response;
    try {
      response = await this.fetchImpl(`${base}/run_code`, {
        method: 'POST',
        headers: { 'content-type': 'application/json', ...(token ? { authorization: `Bearer ${token}` } : {}) },
        body: JSON.stringify(mapRequestToFusion(request, timeoutMs)),
        signal: AbortSignal.timeout(timeoutMs + (this.options.requestOverheadMs ?? 10_000)),
      });
    } catch (error) {
      // Only a refused connection proves the request was never sent; anything else may have run it.
      const refused = connectionRefused(error);
      const wrapped = new SandboxUnavailableError(`sandbox server ${base} ${refused ? 'refused the connection' : `failed: ${(error as Error).message}`}`, { cause: error, retryable: true });
      return refused ? { kind: 'retry', error: wrapped } : { kind: 'fail', error: wrapped };
    }
    const text = await response.text();
    if (response.status === 503) return { kind: 'retry', error: new SandboxUnavailableError(`sandbox server ${base} is busy (503): ${messageOf(text)}`, { retryable: true }) };
    if (response.status !== 200) {
      return { kind: 'fail', error: new SandboxUnavailableError(`sandbox server ${base} answered ${response.status}: ${messageOf(text)}`, { retryable: response.status >= 500 }) };
    }
    let body: FusionRunCodeResponse;
    try {
      body = JSON.parse(text) as FusionRunCodeResponse;
    } catch (error) {
      return { kind: 'fail', error: new SandboxUnavailableError(`sandbox server ${base} sent a body that is not JSON`, { cause: error }) };
    }
    const result = mapFusionToResult(body);
    if (!result) return { kind: 'fail', error: new SandboxUnavailableError(`sandbox server ${base} reported a sandbox error: ${body.message || 'no message'}`, { retryable: true }) };
    return { kind: 'result', result };
  }
}

function connectionRefused(error: unknown): boolean {
  for (let e = error as { code?: string; cause?: unknown } | undefined; e; e = e.cause as typeof e) {
    if (e.code === 'ECONNREFUSED') return true;
  }
  return false;
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
