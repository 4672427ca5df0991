// The one place backend calls are retried: exponential backoff with jitter from a seeded stream,
// honouring `retry-after`, only for errors marked retryable; a per-request timeout; and a
// concurrency limit per backend.
import { BackendError, BackendTimeoutError, RateLimitedError, createRng } from '../core/index.js';

export type RetryOptions = {
  /** Attempts in all, including the first (default 4). */
  maxAttempts?: number;
  /** First backoff delay in ms (default 500), doubled each attempt. */
  baseDelayMs?: number;
  /** Longest backoff delay in ms (default 30,000). */
  maxDelayMs?: number;
  /** Per-attempt timeout in ms (default 600,000). */
  timeoutMs?: number;
  /** Replaces setTimeout-based sleeping (tests). */
  sleep?: (ms: number) => Promise<void>;
};

export type ResolvedRetryOptions = Required<RetryOptions>;

export function resolveRetryOptions(options: RetryOptions = {}): ResolvedRetryOptions {
  return {
    maxAttempts: options.maxAttempts ?? 4,
    baseDelayMs: options.baseDelayMs ?? 500,
    maxDelayMs: options.maxDelayMs ?? 30_000,
    timeoutMs: options.timeoutMs ?? 600_000,
    sleep: options.sleep ?? ((ms) => new Promise((resolve) => setTimeout(resolve, ms))),
  };
}

const jitter = createRng('backend-retry-jitter');

/**
 * Calls `attempt` with an AbortSignal that fires after the timeout; retries retryable errors.
 * A timeout becomes BackendTimeoutError (retryable).
 */
export async function withRetry<T>(
  attempt: (signal: AbortSignal) => Promise<T>,
  options: RetryOptions = {},
  outer?: AbortSignal,
): Promise<T> {
  const resolved = resolveRetryOptions(options);
  let lastError: unknown;
  for (let i = 0; i < resolved.maxAttempts; i++) {
    if (outer?.aborted) throw new BackendError('request aborted', { cause: outer.reason });
    const controller = new AbortController();
    const timer = setTimeout(
      () => controller.abort(new BackendTimeoutError(`request timed out after ${resolved.timeoutMs} ms`)),
      resolved.timeoutMs,
    );
    const onOuterAbort = () => controller.abort(outer?.reason);
    outer?.addEventListener('abort', onOuterAbort, { once: true });
    try {
      return await attempt(controller.signal);
    } catch (error) {
      const mapped =
        controller.signal.aborted &&
        controller.signal.reason instanceof BackendTimeoutError &&
        !(error instanceof BackendError)
          ? controller.signal.reason
          : error;
      lastError = mapped;
      const retryable = mapped instanceof BackendError && mapped.retryable;
      if (!retryable || i === resolved.maxAttempts - 1 || outer?.aborted) throw mapped;
      await resolved.sleep(backoffDelay(mapped, i, resolved));
    } finally {
      clearTimeout(timer);
      outer?.removeEventListener('abort', onOuterAbort);
    }
  }
  throw lastError;
}

function backoffDelay(error: BackendError, attempt: number, options: ResolvedRetryOptions): number {
  if (error instanceof RateLimitedError && error.retryAfterMs !== undefined)
    return Math.min(error.retryAfterMs, options.maxDelayMs);
  const exponential = Math.min(options.maxDelayMs, options.baseDelayMs * 2 ** attempt);
  return exponential * (0.5 + jitter.next() / 2);
}

/** Parses a `retry-after` header (seconds or an HTTP date) into milliseconds. */
export function parseRetryAfter(value: string | null | undefined, now = Date.now()): number | undefined {
  if (!value) return undefined;
  const seconds = Number(value);
  if (Number.isFinite(seconds)) return Math.max(0, seconds * 1000);
  const date = Date.parse(value);
  return Number.isFinite(date) ? Math.max(0, date - now) : undefined;
}

/** Builds the typed error for an HTTP status, in one place. */
export function errorFromStatus(
  status: number,
  message: string,
  headers?: { get(name: string): string | null },
  cause?: unknown,
): BackendError {
  if (status === 429)
    return new RateLimitedError(`rate limited (HTTP 429): ${message}`, {
      status,
      retryAfterMs: parseRetryAfter(headers?.get('retry-after')),
      cause,
    });
  if (status === 408) return new BackendTimeoutError(`server timed out (HTTP 408): ${message}`, { cause });
  const retryable = status >= 500 || status === 409;
  const hint =
    status === 401 || status === 403
      ? ' (check the API key in the environment)'
      : status === 404
        ? ' (check the model name and base URL)'
        : '';
  return new BackendError(`HTTP ${status}: ${message}${hint}`, { status, retryable, cause });
}

/** A counting semaphore: at most `limit` calls of `run` in flight. */
export class ConcurrencyLimiter {
  private active = 0;
  private readonly waiting: (() => void)[] = [];
  constructor(readonly limit: number) {
    if (!(limit >= 1)) throw new RangeError(`concurrency limit must be ≥ 1, got ${limit}`);
  }
  async run<T>(task: () => Promise<T>): Promise<T> {
    if (this.active >= this.limit) await new Promise<void>((resolve) => this.waiting.push(resolve));
    this.active++;
    try {
      return await task();
    } finally {
      this.active--;
      this.waiting.shift()?.();
    }
  }
}
