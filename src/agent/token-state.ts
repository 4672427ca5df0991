// The token side of an episode: prompt tokens, then sampled tokens (mask 1, with logprobs) and
// inserted feedback tokens (mask 0). Sampled tokens are never re-tokenised.
import type { Tokenizer } from '../backends/types.js';
import type { TokenDrift, TokenTrajectory } from './types.js';

export class TokenState {
  private readonly tokens: number[] = [];
  private readonly mask: number[] = [];
  private readonly logprobs: number[] = [];
  private segmentStart = 0;
  private observation = 0;

  constructor(
    private readonly tokenizer: Tokenizer,
    private readonly prompt: number[],
  ) {}

  /** Response tokens so far. */
  get length(): number {
    return this.tokens.length;
  }

  /** Everything the model is conditioned on next: prompt + response so far. */
  all(): number[] {
    return this.prompt.concat(this.tokens);
  }

  appendSampled(tokens: readonly number[], logprobs: readonly number[]): void {
    for (let i = 0; i < tokens.length; i++) {
      this.tokens.push(tokens[i]);
      this.mask.push(1);
      this.logprobs.push(logprobs[i] ?? 0);
    }
  }

  /** The decoded text of the sampled tokens since the last feedback. */
  decodeSegment(): string {
    let end = this.tokens.length;
    while (end > this.segmentStart && this.tokenizer.eosTokenIds.includes(this.tokens[end - 1])) end--;
    return this.tokenizer.decode(this.tokens.slice(this.segmentStart, end));
  }

  /** Drops sampled tokens of the current segment past the first `chars` characters (whole tokens kept). */
  cutSegmentAt(chars: number): void {
    const segment = this.tokens.slice(this.segmentStart);
    let lo = 1,
      hi = segment.length;
    while (lo < hi) {
      const mid = (lo + hi) >> 1;
      if (this.tokenizer.decode(segment.slice(0, mid)).length >= chars) hi = mid;
      else lo = mid + 1;
    }
    const keep = this.segmentStart + lo;
    this.tokens.length = keep;
    this.mask.length = keep;
    this.logprobs.length = keep;
  }

  /** A model that closed a block and then emitted EOS still gets its code run: the EOS is dropped. */
  dropTrailingEos(): void {
    const last = this.tokens.length - 1;
    if (last >= this.segmentStart && this.tokenizer.eosTokenIds.includes(this.tokens[last])) {
      this.tokens.pop();
      this.mask.pop();
      this.logprobs.pop();
    }
  }

  closeSegment(): void {
    this.segmentStart = this.tokens.length;
  }

  /** Tokenises feedback text and appends it with mask 0; returns the count added. */
  appendObservation(text: string): number {
    const ids = this.tokenizer.encode(text);
    for (const id of ids) {
      this.tokens.push(id);
      this.mask.push(0);
      this.logprobs.push(0);
    }
    this.observation += ids.length;
    this.segmentStart = this.tokens.length;
    return ids.length;
  }

  usage(): { promptTokens: number; sampledTokens: number; observationTokens: number } {
    return {
      promptTokens: this.prompt.length,
      sampledTokens: this.tokens.length - this.observation,
      observationTokens: this.observation,
    };
  }

  trajectory(): TokenTrajectory {
    return {
      promptTokens: [...this.prompt],
      tokens: [...this.tokens],
      mask: [...this.mask],
      logprobs: [...this.logprobs],
    };
  }

  /** Re-tokenises the decoded response and compares it with the trajectory. */
  drift(): TokenDrift {
    const retokenized = this.tokenizer.encode(this.tokenizer.decode(this.tokens));
    let firstMismatch: number | null = null;
    const n = Math.max(retokenized.length, this.tokens.length);
    for (let i = 0; i < n; i++) {
      if (retokenized[i] !== this.tokens[i]) {
        firstMismatch = i;
        break;
      }
    }
    return {
      equal: firstMismatch === null,
      firstMismatch,
      trajectoryLength: this.tokens.length,
      retokenizedLength: retokenized.length,
    };
  }
}
