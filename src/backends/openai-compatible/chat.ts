// Chat completions over an OpenAI-compatible API: for API models in evaluation and synthesis.
import { BackendError } from '../../core/index.js';
import { ConcurrencyLimiter, withRetry, type RetryOptions } from '../retry.js';
import type { ChatBackend, ChatRequest, ChatResponse, FinishReason } from '../types.js';
import { createOpenAiClient, mapOpenAiError, OPENAI_BASE_URL, type OpenAiEndpointOptions } from './client.js';

export type OpenAiChatOptions = OpenAiEndpointOptions & { retry?: RetryOptions; concurrency?: number };

export function mapFinishReason(raw: string | null | undefined): FinishReason {
  const value = raw ?? 'unknown';
  if (value === 'stop' || value === 'eos') return { unified: 'stop', raw: value };
  if (value === 'length') return { unified: 'length', raw: value };
  if (value === 'content_filter') return { unified: 'content-filter', raw: value };
  return { unified: 'other', raw: value };
}

export function createOpenAiChatBackend(options: OpenAiChatOptions): ChatBackend {
  const client = createOpenAiClient(options);
  const baseUrl = options.baseUrl ?? OPENAI_BASE_URL;
  const limiter = new ConcurrencyLimiter(options.concurrency ?? 16);
  return {
    kind: 'chat',
    name: `${options.model}@${baseUrl}`,
    chat(request: ChatRequest, signal?: AbortSignal): Promise<ChatResponse> {
      return limiter.run(() =>
        withRetry(
          async (attemptSignal) => {
            try {
              const completion = await client.chat.completions.create(
                {
                  model: options.model,
                  messages: request.messages.map((m) => ({ role: m.role, content: m.content })),
                  max_completion_tokens: request.maxTokens,
                  temperature: request.temperature,
                  ...(request.topP !== undefined ? { top_p: request.topP } : {}),
                  ...(request.stop?.length ? { stop: [...request.stop].slice(0, 4) } : {}),
                  ...(request.seed !== undefined ? { seed: request.seed } : {}),
                },
                { signal: attemptSignal },
              );
              const choice = completion.choices?.[0];
              if (!choice || typeof choice.message?.content !== 'string')
                throw new BackendError(`malformed response from ${baseUrl}: no choices[0].message.content`, {
                  retryable: true,
                });
              return {
                text: choice.message.content,
                finishReason: mapFinishReason(choice.finish_reason),
                usage: completion.usage
                  ? {
                      promptTokens: completion.usage.prompt_tokens,
                      completionTokens: completion.usage.completion_tokens,
                    }
                  : undefined,
              };
            } catch (error) {
              throw mapOpenAiError(error, baseUrl);
            }
          },
          options.retry,
          signal,
        ),
      );
    },
  };
}
