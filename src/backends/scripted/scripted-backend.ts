// A scripted backend: replays a list of turns (or a function of the call) as a chat backend or,
// with a tokenizer, as a token backend. Records every call it receives. For tests, demos,
// benchmarks (optional per-token latency) and debugging prompts.
import { readFileSync } from 'node:fs';
import { ConfigError } from '../../core/index.js';
import type {
  ChatBackend,
  ChatMessage,
  ChatRequest,
  ChatResponse,
  FinishReason,
  TokenBackend,
  TokenSample,
  TokenSampleRequest,
  Tokenizer,
} from '../types.js';

export type ScriptedCall =
  { kind: 'chat'; messages: ChatMessage[]; stop: string[] } | { kind: 'token'; promptTokens: number[]; stop: string[] };

/** The next text to emit, given the call number and the call itself. */
export type ScriptResponder = (call: ScriptedCall, callIndex: number) => string;

export type ScriptedBackendOptions = {
  /** Texts returned in order (one per call), or a function computing the next one. */
  script: readonly string[] | ScriptResponder;
  /**
   * Cut output at the first stop string (kept in the output) and carry the rest to the next call, as a model would
   * (default true).
   */
  honourStop?: boolean;
  /** Simulated generation latency per output token, in ms (benchmarks). */
  latencyPerTokenMs?: number;
  /** Required for the token-backend face. */
  tokenizer?: Tokenizer;
  name?: string;
};

const STOP: FinishReason = { unified: 'stop', raw: 'stop' };
const STOP_STRING: FinishReason = { unified: 'stop-string', raw: 'stop' };

export class ScriptedBackend implements ChatBackend {
  readonly kind = 'chat' as const;
  readonly name: string;
  readonly calls: ScriptedCall[] = [];
  private carry = '';
  private next = 0;

  constructor(private readonly options: ScriptedBackendOptions) {
    this.name = options.name ?? 'scripted';
  }

  /** The same script as a token backend (needs options.tokenizer). */
  asTokenBackend(): TokenBackend {
    const tokenizer = this.options.tokenizer;
    if (!tokenizer) throw new ConfigError('a scripted token backend needs a tokenizer');
    return {
      kind: 'token',
      name: this.name,
      sample: async (request: TokenSampleRequest): Promise<TokenSample> => {
        const call: ScriptedCall = {
          kind: 'token',
          promptTokens: [...request.promptTokens],
          stop: [...(request.stop ?? [])],
        };
        const { text, finishReason } = this.take(call);
        let tokens = tokenizer.encode(text);
        let reason = finishReason;
        if (tokens.length > request.maxTokens) {
          tokens = tokens.slice(0, request.maxTokens);
          reason = { unified: 'length', raw: 'length' };
        } else if (reason.unified === 'stop' && tokenizer.eosTokenIds.length && this.exhausted())
          tokens.push(tokenizer.eosTokenIds[0]);
        await this.delay(tokens.length);
        return { tokens, logprobs: tokens.map(() => 0), finishReason: reason };
      },
    };
  }

  async chat(request: ChatRequest): Promise<ChatResponse> {
    const call: ScriptedCall = {
      kind: 'chat',
      messages: request.messages.map((m) => ({ ...m })),
      stop: [...(request.stop ?? [])],
    };
    const { text, finishReason } = await this.emit(call, request.maxTokens);
    // Chat APIs drop the matched stop string from the returned text.
    const visible = finishReason.unified === 'stop-string' ? dropStop(text, call.stop) : text;
    return { text: visible, finishReason: finishReason.unified === 'stop-string' ? STOP : finishReason };
  }

  private exhausted(): boolean {
    return this.carry.length === 0 && Array.isArray(this.options.script) && this.next >= this.options.script.length;
  }

  private nextText(call: ScriptedCall): string {
    const script = this.options.script;
    const index = this.next++;
    if (typeof script === 'function') return script(call, index);
    return index < script.length ? script[index] : '';
  }

  /** The next text and why it ends, honouring stop strings (the rest is carried to the next call). */
  private take(call: ScriptedCall): { text: string; finishReason: FinishReason } {
    this.calls.push(call);
    let text = this.carry.length ? this.carry : this.nextText(call);
    this.carry = '';
    if (this.options.honourStop === false) return { text, finishReason: STOP };
    const cut = firstStop(text, call.stop);
    if (cut === undefined) return { text, finishReason: STOP };
    this.carry = text.slice(cut);
    text = text.slice(0, cut);
    return { text, finishReason: STOP_STRING };
  }

  private async delay(tokens: number): Promise<void> {
    if (this.options.latencyPerTokenMs)
      await new Promise((resolve) => setTimeout(resolve, tokens * this.options.latencyPerTokenMs!));
  }

  private async emit(call: ScriptedCall, maxTokens: number): Promise<{ text: string; finishReason: FinishReason }> {
    const { text, finishReason } = this.take(call);
    const estimate = (t: string) => Math.ceil(t.length / 4);
    await this.delay(estimate(text));
    if (estimate(text) > maxTokens)
      return { text: text.slice(0, maxTokens * 4), finishReason: { unified: 'length', raw: 'length' } };
    return { text, finishReason };
  }
}

/** The end index (exclusive) of the earliest stop string in text, or undefined. */
function firstStop(text: string, stops: readonly string[]): number | undefined {
  let best: number | undefined;
  for (const stop of stops) {
    const at = text.indexOf(stop);
    if (at >= 0 && (best === undefined || at + stop.length < best)) best = at + stop.length;
  }
  return best;
}

function dropStop(text: string, stops: readonly string[]): string {
  for (const stop of stops) if (text.endsWith(stop)) return text.slice(0, -stop.length);
  return text;
}

/**
 * Reads a script file: a JSON array of turn texts, a JSON object `{"turns": [...]}`, or JSONL
 * with one `{"text": ...}` (or a bare string) per turn.
 */
export function readScriptFile(path: string): string[] {
  let raw: string;
  try {
    raw = readFileSync(path, 'utf8');
  } catch (error) {
    throw new ConfigError(
      [
        {
          path: 'model',
          message: `cannot read script file ${path}`,
          fix: 'give scripted:<file> with a JSON array of turn texts',
        },
      ],
      { cause: error },
    );
  }
  const trimmed = raw.trim();
  try {
    const whole = JSON.parse(trimmed) as unknown;
    if (Array.isArray(whole) && whole.every((t) => typeof t === 'string')) return whole as string[];
    if (whole && typeof whole === 'object' && Array.isArray((whole as { turns?: unknown }).turns))
      return (whole as { turns: string[] }).turns.map(String);
  } catch {
    // not one JSON document: read it as JSONL below
  }
  const turns: string[] = [];
  for (const [n, line] of trimmed.split('\n').entries()) {
    if (!line.trim()) continue;
    let value: unknown;
    try {
      value = JSON.parse(line);
    } catch (error) {
      throw new ConfigError(
        [{ path: 'model', message: `${path}:${n + 1} is not JSON`, fix: 'write one {"text": "..."} per line' }],
        { cause: error },
      );
    }
    if (typeof value === 'string') turns.push(value);
    else if (value && typeof (value as { text?: unknown }).text === 'string')
      turns.push((value as { text: string }).text);
    else
      throw new ConfigError([
        { path: 'model', message: `${path}:${n + 1} has no "text"`, fix: 'write one {"text": "..."} per line' },
      ]);
  }
  return turns;
}
