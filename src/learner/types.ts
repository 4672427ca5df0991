// The nouns of the training API: Tinker's JSON wire shapes (snake_case, as sent) for the verbs we
// serve, plus our extensions (marked), and the client-side shapes the rest of r1ci uses.

/** Tinker's TensorData: a flat array with dtype and shape. */
export type TensorData = { data: number[]; dtype: 'int64' | 'float32'; shape?: number[] };

/** Tinker's ModelInput: token chunks (we use only encoded_text). */
export type ModelInput = { chunks: { type: 'encoded_text'; tokens: number[] }[] };

/** Per-position inputs of a loss; every array has one value per input token. */
export type LossFnInputs = {
  /** The token to predict at each position (usually the input shifted by one). */
  target_tokens: TensorData;
  /** 0 masks a position out; missing means 1 everywhere. */
  weights?: TensorData;
  /** Sampling-time logprobs of target_tokens (importance_sampling, ppo). */
  logprobs?: TensorData;
  /** Per-position advantages (importance_sampling, ppo). */
  advantages?: TensorData;
  /** Extension: value targets for the critic (with value_coef). */
  returns?: TensorData;
  /** Extension: the critic's values at sampling time, for value clipping. */
  values?: TensorData;
};

export type Datum = { model_input: ModelInput; loss_fn_inputs: LossFnInputs };

export type LossFn = 'cross_entropy' | 'importance_sampling' | 'ppo';

/** Numbers that configure a loss. Tinker: clip thresholds on the ratio; the rest are extensions. */
export type LossFnConfig = {
  /** PPO lower ratio bound (default 0.8). */
  clip_low_threshold?: number;
  /** PPO upper ratio bound (default 1.2). */
  clip_high_threshold?: number;
  /** Extension: coefficient of the low-variance KL to the frozen reference (0 = off). */
  kl_coef?: number;
  /** Extension: coefficient of the value loss (needs a value head; 0 = off). */
  value_coef?: number;
  /** Extension: clip range of the value loss around the sampling-time values (0 = off). */
  value_clip?: number;
  /** Extension: 1 to report entropy:mean (default on for policy-gradient losses). */
  compute_entropy?: number;
};

export type ForwardBackwardInput = { data: Datum[]; loss_fn: LossFn; loss_fn_config?: LossFnConfig };

/** Tinker's ForwardBackwardOutput; per-datum outputs hold `logprobs`, `elementwise_loss` (and `values`). */
export type ForwardBackwardOutput = {
  loss_fn_output_type: string;
  loss_fn_outputs: Record<string, TensorData>[];
  /** loss:sum, tokens, and when computed entropy:mean, clip_fraction:mean, kl:mean, value_error:mean, ratio:mean. */
  metrics: Record<string, number>;
};

/** Tinker's AdamParams (decoupled weight decay; grad_clip_norm 0 = no clipping). The learning rate is
 * required: our learner refuses a step without one rather than guess (learner/wire_types.py). */
export type AdamParams = {
  learning_rate: number;
  beta1?: number;
  beta2?: number;
  eps?: number;
  weight_decay?: number;
  grad_clip_norm?: number;
};

export type OptimStepResponse = { metrics: Record<string, number> };

/** Tinker's LoraConfig plus our extensions `alpha` and `target_modules`. */
export type LoraConfig = {
  rank: number;
  /** Extension: LoRA alpha (default 32); the update is scaled by alpha / rank. */
  alpha?: number;
  /** Extension: linear layer names to adapt (default: all attention and MLP projections). */
  target_modules?: string[];
  seed?: number;
  train_attn?: boolean;
  train_mlp?: boolean;
};

export type CreateModelRequest = {
  session_id?: string;
  model_seq_id?: number;
  /** 'tiny' (the preset) or the path of a Hugging Face model folder on the server. */
  base_model: string;
  lora_config?: LoraConfig;
  user_metadata?: Record<string, unknown>;
  /** Extension: add a value head (PPO's critic). */
  value_head?: boolean;
  /** Extension: keep a frozen copy of the initial weights for kl_coef (LoRA models need none). */
  reference_model?: boolean;
};

export type GetInfoResponse = {
  model_id: string;
  model_name?: string;
  is_lora?: boolean;
  lora_rank?: number | null;
  /** tokenizer_id is the server-side folder holding tokenizer.json and tokenizer_config.json. */
  model_data: { arch?: string; model_name?: string; tokenizer_id?: string };
  /** Extensions. */
  vocab_size?: number;
  value_head?: boolean;
  steps?: number;
};

/** Tinker's SamplingParams; `stop` holds strings or token ids (a mix only with our `mixed_stop` extension). */
export type SamplingParams = {
  max_tokens?: number;
  seed?: number;
  stop?: string | (string | number)[];
  temperature?: number;
  top_k?: number;
  top_p?: number;
};

export type SampleRequest = {
  prompt: ModelInput;
  num_samples?: number;
  sampling_params: SamplingParams;
  /** Extension: sample from a training model's current weights. */
  model_id?: string;
  /** What save_weights_for_sampler answered (a folder here, a tinker:// path on a remote server). */
  model_path?: string;
  base_model?: string;
  /** A sampling session (create_sampling_session) and the request's number in it. */
  sampling_session_id?: string;
  seq_id?: number;
  /** Also return the logprob of every prompt token (the first is null). */
  prompt_logprobs?: boolean;
};

export type StopReason = 'stop' | 'length';

export type SampledSequence = { tokens: number[]; logprobs: number[]; stop_reason: StopReason };

export type SampleResponse = { sequences: SampledSequence[] };

export type ServerCapabilities = {
  supported_models: { model_name?: string; max_context_length?: number }[];
  /** Extension: names of the extensions this server speaks (absent on a remote Tinker). */
  extensions?: string[];
  device?: string;
};

/** Tinker's ClientConfigResponse (POST client/config), the flag we read: absent means off. */
export type ClientConfigResponse = {
  /** zstd-compressed protobuf forward_backward bodies (Content-Encoding: zstd) are accepted. */
  proto_compress_fwdbwd?: boolean;
};

/** What retrieve_future answers while a request is still running. */
export type TryAgainResponse = { type: 'try_again'; request_id: string; queue_state: string };

/** Tinker's RequestFailedResponse. */
export type RequestFailedResponse = { type?: 'request_failed'; error: string; category: 'user' | 'server' | 'unknown' };

// --- Client-side shapes --------------------------------------------------------------------------

/** One sampling call in our terms (camelCase); see LearnerClient.sample. */
export type SampleOptions = {
  /** Prompt token ids (already tokenised and templated by the caller). */
  promptTokens: readonly number[];
  numSamples?: number;
  maxTokens: number;
  temperature?: number;
  topP?: number;
  topK?: number;
  seed?: number;
  /** Stop when the sampled text contains one of these (matched on token bytes; the completing token is kept). */
  stopStrings?: readonly string[];
  /** Stop after one of these tokens (it is kept). */
  stopTokenIds?: readonly number[];
  /** The text of each stop token id, sent instead of the ids to a learner that takes one kind of stop only. */
  stopTokenTexts?: readonly string[];
  /** Which weights: a training model (default when the client has one), a sampler path, or a base model. */
  modelId?: string;
  modelPath?: string;
  baseModel?: string;
};

/** One sampled continuation. */
export type Sample = { tokens: number[]; logprobs: number[]; stopReason: StopReason };

/** Where a learner listens and how to authenticate. */
export type LearnerConnection = { url: string; apiKey: string };
