// Replays recorded, secret-free HTTP responses through an injected fetch: success, 429 with
// retry-after, 500, a timeout, a malformed body, a body cut in half; and the token-id mapping.
import { describe, expect, it } from 'vitest';
import { BackendError, BackendTimeoutError, RateLimitedError } from '../../core/index.js';
import { createOpenAiChatBackend } from './chat.js';
import { createOpenAiCompletionsBackend } from './completions.js';

const CHAT_OK = {
  id: 'chatcmpl-1',
  object: 'chat.completion',
  created: 1,
  model: 'm',
  choices: [{ index: 0, message: { role: 'assistant', content: 'Hello <<<1>>>' }, finish_reason: 'stop' }],
  usage: { prompt_tokens: 9, completion_tokens: 4, total_tokens: 13 },
};
const COMPLETION_OK = {
  id: 'cmpl-1',
  object: 'text_completion',
  created: 1,
  model: 'm',
  choices: [
    {
      index: 0,
      text: 'x```\n',
      finish_reason: 'stop',
      stop_reason: '```\n',
      logprobs: { tokens: ['token_id:87', 'token_id:73594'], token_logprobs: [-0.5, -0.25] },
    },
  ],
};

type Recorded = { status: number; body: string; headers?: Record<string, string> } | 'hang' | 'reset';

/** A fetch that replays responses in order and records the requests it got. */
function replay(responses: Recorded[]) {
  const requests: { url: string; body: unknown; auth: string | null }[] = [];
  const fetchImpl = (async (input: string | URL | Request, init?: RequestInit) => {
    const request = new Request(input, init);
    requests.push({
      url: request.url,
      body: init?.body ? JSON.parse(String(init.body)) : null,
      auth: request.headers.get('authorization'),
    });
    const next = responses.shift();
    if (!next) throw new Error('no more recorded responses');
    if (next === 'hang') {
      return new Promise<Response>((_, reject) =>
        init?.signal?.addEventListener('abort', () => reject(init.signal!.reason ?? new Error('aborted'))),
      );
    }
    if (next === 'reset') throw new TypeError('fetch failed: socket hang up');
    return new Response(next.body, {
      status: next.status,
      headers: { 'content-type': 'application/json', ...(next.headers ?? {}) },
    });
  }) as typeof fetch;
  return { fetchImpl, requests };
}

const sleeps: number[] = [];
const retry = {
  sleep: async (ms: number) => {
    sleeps.push(ms);
  },
  baseDelayMs: 10,
  maxAttempts: 3,
};
const request = { messages: [{ role: 'user' as const, content: 'Hi' }], maxTokens: 8, temperature: 0 };

function chatBackend(responses: Recorded[], extra: object = {}) {
  const { fetchImpl, requests } = replay(responses);
  const backend = createOpenAiChatBackend({
    model: 'm',
    baseUrl: 'http://127.0.0.1:9/v1',
    fetch: fetchImpl,
    env: { R1CI_API_KEY: 'sk-test' },
    apiKeyEnv: 'R1CI_API_KEY',
    retry: { ...retry, ...extra },
  });
  return { backend, requests };
}

describe('OpenAI-compatible chat backend', () => {
  it('maps a normal reply and sends the key from the environment', async () => {
    const { backend, requests } = chatBackend([{ status: 200, body: JSON.stringify(CHAT_OK) }]);
    expect(await backend.chat(request)).toEqual({
      text: 'Hello <<<1>>>',
      finishReason: { unified: 'stop', raw: 'stop' },
      usage: { promptTokens: 9, completionTokens: 4 },
    });
    expect(requests[0]).toMatchObject({
      url: 'http://127.0.0.1:9/v1/chat/completions',
      auth: 'Bearer sk-test',
      body: { model: 'm', max_completion_tokens: 8, temperature: 0 },
    });
  });

  it('waits as long as retry-after says on 429, then succeeds', async () => {
    sleeps.length = 0;
    const { backend, requests } = chatBackend([
      { status: 429, body: '{"error":{"message":"slow down"}}', headers: { 'retry-after': '2' } },
      { status: 200, body: JSON.stringify(CHAT_OK) },
    ]);
    expect((await backend.chat(request)).text).toBe('Hello <<<1>>>');
    expect(sleeps).toEqual([2000]);
    expect(requests.length).toBe(2);
  });

  it('retries 500 with backoff and gives up with a typed error after the attempts', async () => {
    const { backend, requests } = chatBackend([
      { status: 500, body: '{"error":{"message":"boom"}}' },
      { status: 500, body: '{}' },
      { status: 503, body: '{}' },
    ]);
    const error = await backend.chat(request).catch((e) => e);
    expect(error).toBeInstanceOf(BackendError);
    expect(error.status).toBe(503);
    expect(error.retryable).toBe(true);
    expect(requests.length).toBe(3);
  });

  it('does not retry a 400 or 401, and says to check the key', async () => {
    const { backend, requests } = chatBackend([{ status: 401, body: '{"error":{"message":"bad key"}}' }]);
    const error = await backend.chat(request).catch((e) => e);
    expect(error.message).toMatch(/HTTP 401: bad key \(check the API key in the environment\)/);
    expect(requests.length).toBe(1);
  });

  it('turns a hung request into a timeout, retried', async () => {
    const { backend, requests } = chatBackend(['hang', { status: 200, body: JSON.stringify(CHAT_OK) }], {
      timeoutMs: 50,
    });
    expect((await backend.chat(request)).text).toBe('Hello <<<1>>>');
    expect(requests.length).toBe(2);
    const { backend: always } = chatBackend(['hang', 'hang', 'hang'], { timeoutMs: 30 });
    await expect(always.chat(request)).rejects.toBeInstanceOf(BackendTimeoutError);
  });

  it('treats a malformed body and a body cut in half as retryable errors', async () => {
    const whole = JSON.stringify(CHAT_OK);
    const { backend, requests } = chatBackend([
      { status: 200, body: '<html>proxy error</html>' },
      { status: 200, body: whole.slice(0, whole.length / 2) },
      { status: 200, body: whole },
    ]);
    expect((await backend.chat(request)).text).toBe('Hello <<<1>>>');
    expect(requests.length).toBe(3);
    const { backend: noChoices } = chatBackend([
      { status: 200, body: '{"choices":[]}' },
      { status: 200, body: '{"choices":[]}' },
      { status: 200, body: '{"choices":[]}' },
    ]);
    await expect(noChoices.chat(request)).rejects.toThrow(/malformed response/);
  });

  it('a refused connection says the server is unreachable', async () => {
    const { backend } = chatBackend(['reset', 'reset', 'reset']);
    await expect(backend.chat(request)).rejects.toThrow(/cannot reach http:\/\/127\.0\.0\.1:9\/v1|fetch failed/);
  });

  it('rate-limit errors carry retryAfterMs', async () => {
    const { backend } = chatBackend([{ status: 429, body: '{}', headers: { 'retry-after': '1' } }], { maxAttempts: 1 });
    const error = await backend.chat(request).catch((e) => e);
    expect(error).toBeInstanceOf(RateLimitedError);
    expect(error.retryAfterMs).toBe(1000);
  });
});

describe('OpenAI-compatible completions backend (token ids in and out)', () => {
  it('sends token ids and reads vLLM token ids and logprobs', async () => {
    const { fetchImpl, requests } = replay([{ status: 200, body: JSON.stringify(COMPLETION_OK) }]);
    const backend = createOpenAiCompletionsBackend({
      model: 'm',
      baseUrl: 'http://127.0.0.1:9/v1',
      fetch: fetchImpl,
      env: {},
      retry,
    });
    const sample = await backend.sample({
      promptTokens: [1, 2, 3],
      maxTokens: 16,
      temperature: 1,
      stop: ['```\n'],
      stopTokenIds: [151645],
    });
    expect(sample).toEqual({
      tokens: [87, 73594],
      logprobs: [-0.5, -0.25],
      finishReason: { unified: 'stop-string', raw: 'stop' },
    });
    expect(requests[0].body).toMatchObject({
      prompt: [1, 2, 3],
      max_tokens: 16,
      return_tokens_as_token_ids: true,
      include_stop_str_in_output: true,
      stop: ['```\n'],
      stop_token_ids: [151645],
      logprobs: 0,
    });
  });

  it('rejects a response without token ids', async () => {
    const bad = {
      choices: [{ text: 'x', finish_reason: 'length', logprobs: { tokens: ['x'], token_logprobs: [-1] } }],
    };
    const { fetchImpl } = replay([{ status: 200, body: JSON.stringify(bad) }]);
    const backend = createOpenAiCompletionsBackend({
      model: 'm',
      baseUrl: 'http://127.0.0.1:9/v1',
      fetch: fetchImpl,
      env: {},
      retry,
    });
    await expect(backend.sample({ promptTokens: [1], maxTokens: 4, temperature: 1 })).rejects.toThrow(
      /return_tokens_as_token_ids/,
    );
  });
});
