// The nouns of model backends: token backends (token ids in, token ids + logprobs out; our own
// models and vLLM/SGLang rollouts) and chat backends (messages in, text out; API models).

/** Why generation stopped, in our words, keeping the backend's own value. */
export type FinishReason = {
  unified: 'stop' | 'stop-string' | 'length' | 'content-filter' | 'other';
  /** The backend's raw value (`"stop"`, `"length"`, `"eos"`…). */
  raw: string;
};

export type TokenSampleRequest = {
  /** The full context so far: prompt tokens plus everything sampled and inserted. */
  promptTokens: readonly number[];
  maxTokens: number;
  temperature: number;
  topP?: number;
  /** Stop strings; matched on decoded text by the backend. The matched string stays in the output. */
  stop?: readonly string[];
  stopTokenIds?: readonly number[];
  seed?: number;
};

export type TokenSample = {
  /** Sampled token ids, exactly as sampled (never re-tokenised). */
  tokens: number[];
  /** The sampling logprob of each token (same length as tokens). */
  logprobs: number[];
  finishReason: FinishReason;
};

/**
 * A model that continues a token sequence.
 *
 * @example
 * const backend: TokenBackend = createOpenAiCompletionsBackend({ baseUrl: 'http://127.0.0.1:8000/v1', model: 'qwen' });
 * const sample = await backend.sample({ promptTokens: [1, 2, 3], maxTokens: 64, temperature: 1 });
 */
export interface TokenBackend {
  readonly kind: 'token';
  readonly name: string;
  sample(request: TokenSampleRequest, signal?: AbortSignal): Promise<TokenSample>;
}

export type ChatRole = 'system' | 'user' | 'assistant';
export type ChatMessage = { role: ChatRole; content: string };

export type ChatRequest = {
  messages: readonly ChatMessage[];
  maxTokens: number;
  temperature: number;
  topP?: number;
  /** Stop strings; chat APIs drop the matched string from the returned text. */
  stop?: readonly string[];
  seed?: number;
};

export type ChatResponse = {
  text: string;
  finishReason: FinishReason;
  usage?: { promptTokens: number; completionTokens: number };
};

/**
 * A model behind a chat API; code feedback goes back as the next user message.
 *
 * @example
 * const backend: ChatBackend = createOpenAiChatBackend({ model: 'gpt-4o' }); // key from OPENAI_API_KEY
 * const reply = await backend.chat({ messages: [{ role: 'user', content: 'Hi' }], maxTokens: 16, temperature: 0 });
 */
export interface ChatBackend {
  readonly kind: 'chat';
  readonly name: string;
  chat(request: ChatRequest, signal?: AbortSignal): Promise<ChatResponse>;
}

export type Backend = TokenBackend | ChatBackend;

/** Turns text into token ids and back, and renders chat messages with the model's template. */
export interface Tokenizer {
  encode(text: string): number[];
  decode(ids: readonly number[]): string;
  /** Renders messages with the chat template; with `addGenerationPrompt`, ends where the assistant starts. */
  renderChat(messages: readonly ChatMessage[], options?: { addGenerationPrompt?: boolean }): string;
  /** Token ids that end generation (e.g. <|im_end|>, <|endoftext|>). */
  readonly eosTokenIds: readonly number[];
}
