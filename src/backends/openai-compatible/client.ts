// The openai SDK client for any OpenAI-compatible server (OpenAI, vLLM, SGLang, Ollama, llama.cpp),
// with retries turned off in the SDK (they live in backends/retry.ts) and errors mapped to ours.
import OpenAI from 'openai';
import { BackendError, BackendTimeoutError, ConfigError } from '../../core/index.js';
import { errorFromStatus } from '../retry.js';

export type OpenAiEndpointOptions = {
  /** Model name as the server knows it. */
  model: string;
  /** Base URL ending in /v1 (default https://api.openai.com/v1). */
  baseUrl?: string;
  /** Name of the environment variable holding the key (default OPENAI_API_KEY). Keys come only from the environment. */
  apiKeyEnv?: string;
  /** Environment to read the key from (default process.env). */
  env?: NodeJS.ProcessEnv;
  /** Injected fetch (tests replay recorded responses through it). */
  fetch?: typeof fetch;
};

export const OPENAI_BASE_URL = 'https://api.openai.com/v1';

export function createOpenAiClient(options: OpenAiEndpointOptions): OpenAI {
  const baseURL = options.baseUrl ?? OPENAI_BASE_URL;
  const envName = options.apiKeyEnv ?? 'OPENAI_API_KEY';
  const env = options.env ?? process.env;
  let apiKey = env[envName];
  if (!apiKey) {
    if (baseURL === OPENAI_BASE_URL)
      throw new ConfigError([
        { path: 'model', message: `no API key: ${envName} is not set`, fix: `export ${envName}=... before running` },
      ]);
    apiKey = 'EMPTY'; // local servers (vLLM, Ollama) usually need none
  }
  return new OpenAI({ apiKey, baseURL, maxRetries: 0, timeout: 24 * 3600 * 1000, fetch: options.fetch as never });
}

/** Maps whatever the SDK threw into a typed BackendError. */
export function mapOpenAiError(error: unknown, baseUrl: string): BackendError {
  if (error instanceof BackendError) return error;
  if (error instanceof OpenAI.APIConnectionTimeoutError)
    return new BackendTimeoutError(`request to ${baseUrl} timed out`, { cause: error });
  if (error instanceof OpenAI.APIUserAbortError) {
    const reason = (error as { cause?: unknown }).cause;
    return reason instanceof BackendError
      ? reason
      : new BackendTimeoutError(`request to ${baseUrl} was aborted (timeout)`, { cause: error });
  }
  if (error instanceof OpenAI.APIConnectionError)
    return new BackendError(`cannot reach ${baseUrl}: is the server running and the URL right?`, {
      retryable: true,
      cause: error,
    });
  if (error instanceof OpenAI.APIError && typeof error.status === 'number') {
    const body = (error.error as { message?: string } | undefined)?.message ?? error.message;
    return errorFromStatus(error.status, String(body).slice(0, 300), error.headers as Headers | undefined, error);
  }
  if (error instanceof SyntaxError)
    return new BackendError(`malformed response from ${baseUrl}: ${error.message}`, { retryable: true, cause: error });
  const message = error instanceof Error ? error.message : String(error);
  return new BackendError(`request to ${baseUrl} failed: ${message}`, {
    retryable: /terminated|socket|ECONNRESET|premature|aborted/i.test(message),
    cause: error,
  });
}
