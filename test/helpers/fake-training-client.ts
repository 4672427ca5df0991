// In-memory doubles for unit tests of the training loops' bookkeeping (steps, checkpoints, resume,
// metrics), with no Python: a TrainingClient that counts steps and writes checkpoint folders, a
// byte-level tokenizer, a token policy that answers at once, and a sandbox nothing may call.
// Numbers they return (logprobs −1, grad norm 1) are placeholders, not a model: tests of what a
// model learns or of the losses use the real learner.
import { mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import type { TokenBackend, Tokenizer } from '../../src/backends/index.js';
import type {
  AdamParams,
  CreateModelRequest,
  ForwardBackwardInput,
  ForwardBackwardOutput,
  GetInfoResponse,
  OptimStepResponse,
  Sample,
  ServerCapabilities,
  TrainingClient,
} from '../../src/learner/index.js';
import type { Sandbox } from '../../src/sandbox/types.js';
import type { SynthRecord } from '../../src/train/synth/types.js';

type FakeModel = { base: string; steps: number; pendingGradients: boolean; lora: number | null };

/** One call the fake received, for assertions on the order of verbs. */
export type FakeCall = { verb: string; modelId?: string; path?: string };

export class FakeTrainingClient implements TrainingClient {
  readonly calls: FakeCall[] = [];
  private readonly models = new Map<string, FakeModel>();
  private nextId = 1;

  constructor(
    private readonly extensions: string[] = ['low_var_kl', 'value_head', 'sample_from_model_id', 'full_finetune'],
  ) {}

  async capabilities(): Promise<ServerCapabilities> {
    return { supported_models: [{ model_name: 'fake' }], extensions: [...this.extensions] };
  }

  async createModel(request: CreateModelRequest): Promise<string> {
    const id = `fake-${this.nextId++}`;
    this.models.set(id, {
      base: request.base_model,
      steps: 0,
      pendingGradients: false,
      lora: request.lora_config?.rank ?? null,
    });
    this.calls.push({ verb: 'create_model', modelId: id });
    return id;
  }

  async getInfo(modelId: string): Promise<GetInfoResponse> {
    const model = this.model(modelId);
    return {
      model_id: modelId,
      is_lora: model.lora !== null,
      lora_rank: model.lora,
      model_data: { model_name: model.base },
      steps: model.steps,
    } as GetInfoResponse;
  }

  async forward(modelId: string, input: ForwardBackwardInput): Promise<ForwardBackwardOutput> {
    this.model(modelId);
    this.calls.push({ verb: 'forward', modelId });
    return outputFor(input);
  }

  async forwardBackward(modelId: string, input: ForwardBackwardInput): Promise<ForwardBackwardOutput> {
    this.model(modelId).pendingGradients = true;
    this.calls.push({ verb: 'forward_backward', modelId });
    return outputFor(input);
  }

  async optimStep(modelId: string, adam: AdamParams): Promise<OptimStepResponse> {
    const model = this.model(modelId);
    if (!model.pendingGradients)
      throw new Error('fake learner: optim_step without gradients (call forwardBackward first)');
    if (!(adam.learning_rate > 0)) throw new Error(`fake learner: bad learning rate ${adam.learning_rate}`);
    model.pendingGradients = false;
    model.steps++;
    this.calls.push({ verb: 'optim_step', modelId });
    return { metrics: { grad_norm: 1, learning_rate: adam.learning_rate } };
  }

  /** Writes `<path>/fake-state.json` with the step count, so loadWeights restores it. */
  async saveWeights(modelId: string, path?: string): Promise<string> {
    const model = this.model(modelId);
    const folder = path ?? `fake-checkpoint-${model.steps}`;
    mkdirSync(folder, { recursive: true });
    writeFileSync(join(folder, 'fake-state.json'), JSON.stringify({ steps: model.steps }));
    this.calls.push({ verb: 'save_weights', modelId, path: folder });
    return folder;
  }

  async loadWeights(modelId: string, path: string): Promise<void> {
    this.model(modelId).steps = (
      JSON.parse(readFileSync(join(path, 'fake-state.json'), 'utf8')) as { steps: number }
    ).steps;
    this.calls.push({ verb: 'load_weights', modelId, path });
  }

  async saveWeightsForSampler(modelId: string, path?: string): Promise<string> {
    const folder = path ?? `fake-sampler-${this.model(modelId).steps}`;
    mkdirSync(folder, { recursive: true });
    this.calls.push({ verb: 'save_weights_for_sampler', modelId, path: folder });
    return folder;
  }

  async unloadModel(modelId: string): Promise<void> {
    this.model(modelId);
    this.models.delete(modelId);
  }

  async sample(): Promise<Sample[]> {
    throw new Error('fake learner: sample is not served; pass a rolloutBackend (e.g. answeringPolicy)');
  }

  steps(modelId: string): number {
    return this.model(modelId).steps;
  }

  private model(modelId: string): FakeModel {
    const model = this.models.get(modelId);
    if (!model) throw new Error(`fake learner: no model ${modelId}`);
    return model;
  }
}

/** Per datum a logprob of −1 per target (and a value of 0); loss:sum is the trained weight. */
function outputFor(input: ForwardBackwardInput): ForwardBackwardOutput {
  const loss_fn_outputs = input.data.map((d) => {
    const n = d.loss_fn_inputs.target_tokens.data.length;
    return {
      logprobs: { data: Array.from({ length: n }, () => -1), dtype: 'float32' as const, shape: [n] },
      values: { data: Array.from({ length: n }, () => 0), dtype: 'float32' as const, shape: [n] },
    };
  });
  const weight = input.data.reduce(
    (sum, d) => sum + (d.loss_fn_inputs.weights?.data ?? []).reduce((a, w) => a + w, 0),
    0,
  );
  return { loss_fn_output_type: 'fake', loss_fn_outputs, metrics: { 'loss:sum': weight } };
}

const EOS = 258;

/** Bytes as tokens (0..255) and 258 as end of turn; chat rendered as ChatML text. */
export const byteTokenizer: Tokenizer = {
  encode: (text) => [...Buffer.from(text, 'utf8')],
  decode: (ids) => Buffer.from(ids.filter((id) => id < 256)).toString('utf8'),
  renderChat: (messages, options = {}) =>
    messages.map((m) => `<|im_start|>${m.role}\n${m.content}<|im_end|>\n`).join('') +
    (options.addGenerationPrompt ? '<|im_start|>assistant\n' : ''),
  eosTokenIds: [EOS],
};

/** A policy that answers `<<<answer>>>` at once and ends its turn (logprob −1 per token). */
export function answeringPolicy(answer = '7'): TokenBackend {
  return {
    kind: 'token',
    name: 'fake-policy',
    sample: async (request) => {
      const tokens = [...byteTokenizer.encode(`<<<${answer}>>>`).slice(0, Math.max(0, request.maxTokens - 1)), EOS];
      return { tokens, logprobs: tokens.map(() => -1), finishReason: { unified: 'stop', raw: 'stop' } };
    },
  };
}

/** A sandbox for runs whose policy never writes code: any call is a test failure. */
export const unusedSandbox: Sandbox = {
  exec: async () => {
    throw new Error('fake sandbox: the policy wrote no code, so nothing should run');
  },
  close: async () => {},
};

/** A one-turn SFT record answering `i + 1`: data for the SFT loop's bookkeeping tests. */
export const sftRecord = (i: number) =>
  ({
    id: `t#${i}`,
    system: 'Use Python.',
    question: `What is ${i} + 1?`,
    segments: [{ role: 'model', text: `<<<${i + 1}>>>`, train: true }],
  }) as unknown as SynthRecord;
