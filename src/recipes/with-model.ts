// A model spec for the length of a run: parsed (and so checked) before anything starts, and for
// `learner:DIR` a local learner started around the run and stopped after it, however it ends.
import { InvariantError } from '../core/index.js';
import { parseModelSpec, type ModelFactory } from '../eval/index.js';
import { withLearner, type LocalLearnerOptions, type TrainingClient } from '../learner/index.js';

export type WithModelOptions = {
  /** Hugging Face folder with tokenizer.json (vllm: token backends). */
  tokenizer?: string;
  /** Requests in flight per HTTP backend. */
  concurrency?: number;
  /** The local learner a `learner:DIR` model samples on. */
  local?: LocalLearnerOptions;
};

/** Runs `use` with the model of `spec`; the learner a `learner:DIR` spec needs lives exactly as long. */
export async function withModel<T>(
  spec: string,
  options: WithModelOptions,
  use: (model: ModelFactory) => Promise<T>,
): Promise<T> {
  let client: TrainingClient | undefined;
  const learner = () => {
    if (!client) throw new InvariantError('a learner:DIR model sampled before withModel started its learner');
    return client;
  };
  const model = parseModelSpec(spec, { tokenizerDir: options.tokenizer, concurrency: options.concurrency, learner });
  if (!model.needsLearner) return use(model);
  return withLearner({ local: options.local }, async (open) => {
    client = open.client;
    return use(model);
  });
}
