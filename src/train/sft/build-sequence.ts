// SFT record → tokens, built exactly as the agent loop builds them at rollout time: the prompt is
// the chat template rendered and encoded (encodePrompt), each model segment is encoded on its own
// (one generation call), feedback is encoded as inserted text, and the model's EOS ends it.
import type { Tokenizer } from '../../backends/types.js';
import { encodePrompt } from '../../agent/prompt-tokens.js';
import type { TokenTrajectory } from '../../agent/index.js';
import { ConfigError } from '../../core/index.js';
import { trajectoryToSequence } from '../sequence.js';
import type { LossMaskOptions, TrainSequence } from '../types.js';
import type { SynthRecord } from '../synth/types.js';

/** The token trajectory the loop would record had the model produced this record's turns. */
export function recordToTrajectory(
  record: Pick<SynthRecord, 'system' | 'question' | 'segments'>,
  tokenizer: Tokenizer,
): TokenTrajectory {
  if (!tokenizer.eosTokenIds.length)
    throw new ConfigError('the tokenizer has no EOS token, so an SFT example cannot end the way the model will');
  const promptTokens = encodePrompt(tokenizer, [
    { role: 'system', content: record.system },
    { role: 'user', content: record.question },
  ]);
  const tokens: number[] = [],
    mask: number[] = [];
  for (const segment of record.segments) {
    const sampled = segment.role === 'model' ? 1 : 0;
    for (const id of tokenizer.encode(segment.text)) {
      tokens.push(id);
      mask.push(sampled);
    }
  }
  tokens.push(tokenizer.eosTokenIds[0]);
  mask.push(1);
  return { promptTokens, tokens, mask, logprobs: tokens.map(() => 0) };
}

/** The training sequence: weight 0 on the prompt and (unless trainOnObservation) interpreter output. */
export function recordToSequence(
  record: Pick<SynthRecord, 'system' | 'question' | 'segments'>,
  tokenizer: Tokenizer,
  options: LossMaskOptions = {},
): TrainSequence {
  return trajectoryToSequence(recordToTrajectory(record, tokenizer), options);
}
