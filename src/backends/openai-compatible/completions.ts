// Token-in/token-out sampling over an OpenAI-compatible completions endpoint (vLLM, SGLang):
// the prompt goes as token ids; tokens come back as ids with their logprobs (vLLM's
// `return_tokens_as_token_ids`), stop strings kept in the output so tokens and text agree.
import { BackendError } from '../../core/index.js';
import { ConcurrencyLimiter, withRetry, type RetryOptions } from '../retry.js';
import type { TokenBackend, TokenSample, TokenSampleRequest } from '../types.js';
import { mapFinishReason } from './chat.js';
import { createOpenAiClient, mapOpenAiError, type OpenAiEndpointOptions } from './client.js';

export type OpenAiCompletionsOptions = OpenAiEndpointOptions & {
  baseUrl: string;
  retry?: RetryOptions;
  concurrency?: number;
};

type WireLogprobs = { tokens?: string[]; token_logprobs?: (number | null)[] };
type WireChoice = {
  text?: string;
  finish_reason?: string | null;
  stop_reason?: string | number | null;
  logprobs?: WireLogprobs | null;
  token_ids?: number[];
};

/** Reads `token_id:123` strings (vLLM) into ids. */
export function parseTokenIds(tokens: readonly string[]): number[] {
  return tokens.map((token) => {
    const match = /^token_id:(\d+)$/.exec(token);
    if (!match)
      throw new BackendError(
        `malformed response: token ${JSON.stringify(token)} is not "token_id:N" (is return_tokens_as_token_ids ` +
          `supported by the server?)`,
      );
    return Number(match[1]);
  });
}

export function mapCompletionChoice(choice: WireChoice | undefined, baseUrl: string): TokenSample {
  if (!choice || !choice.logprobs?.tokens)
    throw new BackendError(`malformed response from ${baseUrl}: no choices[0].logprobs.tokens`, { retryable: true });
  const tokens = choice.token_ids ?? parseTokenIds(choice.logprobs.tokens);
  const logprobs = (choice.logprobs.token_logprobs ?? []).map((lp) => (typeof lp === 'number' ? lp : 0));
  if (logprobs.length !== tokens.length)
    throw new BackendError(
      `malformed response from ${baseUrl}: ${tokens.length} tokens but ${logprobs.length} logprobs`,
      { retryable: true },
    );
  const finish = mapFinishReason(choice.finish_reason);
  const hitStopString = finish.unified === 'stop' && typeof choice.stop_reason === 'string';
  return { tokens, logprobs, finishReason: hitStopString ? { unified: 'stop-string', raw: 'stop' } : finish };
}

export function createOpenAiCompletionsBackend(options: OpenAiCompletionsOptions): TokenBackend {
  const client = createOpenAiClient(options);
  const limiter = new ConcurrencyLimiter(options.concurrency ?? 64);
  return {
    kind: 'token',
    name: `${options.model}@${options.baseUrl}`,
    sample(request: TokenSampleRequest, signal?: AbortSignal): Promise<TokenSample> {
      return limiter.run(() =>
        withRetry(
          async (attemptSignal) => {
            try {
              const body = {
                model: options.model,
                prompt: [...request.promptTokens],
                max_tokens: request.maxTokens,
                temperature: request.temperature,
                logprobs: 0,
                return_tokens_as_token_ids: true,
                include_stop_str_in_output: true,
                skip_special_tokens: false,
                ...(request.topP !== undefined ? { top_p: request.topP } : {}),
                ...(request.stop?.length ? { stop: [...request.stop] } : {}),
                ...(request.stopTokenIds?.length ? { stop_token_ids: [...request.stopTokenIds] } : {}),
                ...(request.seed !== undefined ? { seed: request.seed } : {}),
              };
              const completion = (await client.completions.create(body as never, {
                signal: attemptSignal,
              })) as unknown as { choices?: WireChoice[] };
              return mapCompletionChoice(completion.choices?.[0], options.baseUrl);
            } catch (error) {
              throw mapOpenAiError(error, options.baseUrl);
            }
          },
          options.retry,
          signal,
        ),
      );
    },
  };
}
