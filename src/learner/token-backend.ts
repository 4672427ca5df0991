// The learner as a token backend: the agent loop samples from the learner's live (or saved)
// weights with token ids in and out; a stop on a stop token id is EOS, any other stop a stop string.
import type { FinishReason, TokenBackend, TokenSample, TokenSampleRequest, Tokenizer } from '../backends/types.js';
import type { TrainingClient } from './training-client.js';

export type LearnerSamplingTarget = {
  /** Sample the live training weights of this model (no save needed). */
  modelId?: string;
  /** Or weights saved with saveWeightsForSampler. */
  modelPath?: string;
  /** Or a base model ('tiny' or a Hugging Face folder). */
  baseModel?: string;
};

/** `tokenizer` gives the text of each stop token, for a learner that takes stop strings or ids, not both. */
export function createLearnerTokenBackend(
  client: Pick<TrainingClient, 'sample'>,
  target: LearnerSamplingTarget,
  name = 'learner',
  tokenizer?: Pick<Tokenizer, 'decode'>,
): TokenBackend {
  return {
    kind: 'token',
    name,
    async sample(request: TokenSampleRequest): Promise<TokenSample> {
      const [sample] = await client.sample({
        promptTokens: [...request.promptTokens],
        maxTokens: request.maxTokens,
        temperature: request.temperature,
        topP: request.topP,
        seed: request.seed,
        stopStrings: request.stop ? [...request.stop] : undefined,
        stopTokenIds: request.stopTokenIds ? [...request.stopTokenIds] : undefined,
        ...(tokenizer && request.stopTokenIds
          ? { stopTokenTexts: request.stopTokenIds.map((id) => tokenizer.decode([id])) }
          : {}),
        ...target,
      });
      return {
        tokens: sample.tokens,
        logprobs: sample.logprobs,
        finishReason: mapStop(sample.stopReason, sample.tokens, request.stopTokenIds),
      };
    },
  };
}

function mapStop(
  reason: 'stop' | 'length',
  tokens: readonly number[],
  stopIds: readonly number[] | undefined,
): FinishReason {
  if (reason === 'length') return { unified: 'length', raw: 'length' };
  const last = tokens[tokens.length - 1];
  return stopIds?.includes(last) ? { unified: 'stop', raw: 'stop' } : { unified: 'stop-string', raw: 'stop' };
}
