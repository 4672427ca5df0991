// The seam the training loops (SFT, RL, the minimal loops) talk to: the verbs they call on a
// learner. LearnerClient speaks them over HTTP; test/helpers/fake-training-client.ts keeps them in
// memory so the loops' bookkeeping is testable without Python.
import type {
  AdamParams,
  CreateModelRequest,
  ForwardBackwardInput,
  ForwardBackwardOutput,
  GetInfoResponse,
  OptimStepResponse,
  Sample,
  SampleOptions,
  ServerCapabilities,
} from './types.js';

/** A queued request: `result()` waits for it. */
export type QueuedRequest<T> = { result: () => Promise<T> };

export interface TrainingClient {
  /** What the learner serves; `extensions` decides which options a run may use. */
  capabilities(): Promise<ServerCapabilities>;
  /** A trainable model; resolves to its id. */
  createModel(request: CreateModelRequest): Promise<string>;
  getInfo(modelId: string): Promise<GetInfoResponse>;
  /** Logprobs (and loss) without gradients. */
  forward(modelId: string, input: ForwardBackwardInput): Promise<ForwardBackwardOutput>;
  /** Accumulates gradients of the named loss; optimStep applies them. */
  forwardBackward(modelId: string, input: ForwardBackwardInput): Promise<ForwardBackwardOutput>;
  optimStep(modelId: string, adam: AdamParams): Promise<OptimStepResponse>;
  /** Optional: queue a forward_backward or optim_step and resolve once the learner has it; the result is
   * polled later. A loop then queues the next step behind the current one, and the learner never waits
   * for the client between steps. Loops fall back to the two calls above without them. */
  submitForwardBackward?(modelId: string, input: ForwardBackwardInput): Promise<QueuedRequest<ForwardBackwardOutput>>;
  submitOptimStep?(modelId: string, adam: AdamParams): Promise<QueuedRequest<OptimStepResponse>>;
  /** A training checkpoint (weights and optimizer state); resolves to its path. */
  saveWeights(modelId: string, path?: string): Promise<string>;
  loadWeights(modelId: string, path: string, options?: { optimizer?: boolean }): Promise<void>;
  /** Weights a sampler loads; resolves to the path to sample with. */
  saveWeightsForSampler(modelId: string, path?: string, options?: { adapterOnly?: boolean }): Promise<string>;
  unloadModel(modelId: string): Promise<void>;
  sample(options: SampleOptions): Promise<Sample[]>;
}
