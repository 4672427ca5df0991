// The nouns of the agent loop: modes, the resolved loop config, turns, the token trajectory, and
// the episode record with the reason it ended.
import type { FinishReason } from '../backends/types.js';
import type { ExecResult } from '../sandbox/types.js';
import type { TaskInstance, VerifyResult } from '../tasks/types.js';

/** How much interpreter output the model is shown (render-exec-result truncates to it). */
export type TruncationBudget = {
  /** What the budget counts: characters, or tokens of the model's tokenizer. */
  unit: 'chars' | 'tokens';
  /** Most units of output shown; the middle of longer output is replaced by a marker. */
  budget: number;
};

/** The paper's agents: the code-interpreter loop, text only, one script whose output is the answer. */
export type AgentMode = 'ci' | 'text' | 'code';

/** Why an episode ended. Every episode records one; there is no silent end. */
export type StopReason =
  | 'final-answer' // the model finished and gave <<<…>>>
  | 'no-answer' // the model finished without <<<…>>> (or, in code mode, the script printed nothing usable)
  | 'max-exec-calls' // the model wanted to run more code than allowed
  | 'max-tokens' // the per-turn or total token budget ran out
  | 'max-turns' // too many generation calls without progress
  | 'backend-error' // the model backend failed after its retries
  | 'sandbox-error'; // the sandbox itself failed (not the model's code)

/**
 * Stop reasons caused by infrastructure, not by the model: such an episode is never stored as
 * finished, never scored and never trained on. Eval and synth redo it on resume; RL drops it from
 * the batch and counts it in the step's metrics.
 */
export const INFRASTRUCTURE_STOPS: ReadonlySet<StopReason> = new Set<StopReason>(['backend-error', 'sandbox-error']);

/** True when the episode ended because of infrastructure (see INFRASTRUCTURE_STOPS). */
export function isInfrastructureStop(reason: StopReason): boolean {
  return INFRASTRUCTURE_STOPS.has(reason);
}

export type AgentOptions = {
  mode?: AgentMode;
  /** Most code calls per answer (paper: 8). */
  maxExecCalls?: number;
  /** Wall-clock limit per code call in ms (paper: 60 s). */
  execTimeoutMs?: number;
  /** Memory limit per code call in MiB. */
  execMemoryMb?: number;
  /** Most tokens sampled in one generation call. */
  maxTokensPerTurn?: number;
  /** Most response tokens in all (sampled + inserted feedback). */
  maxTotalTokens?: number;
  /** Most generation calls per episode (guards against a model that never stops). */
  maxGenerations?: number;
  /** Sampling temperature (paper: 0.6 at test time, 1.0 in RL). */
  temperature?: number;
  topP?: number;
  /** How much execution output the model sees. */
  truncation?: TruncationBudget;
  /** Replaces the mode's system prompt. */
  systemPrompt?: string;
  /** Keep the token trajectory in the episode record (needed for training). */
  recordTokens?: boolean;
};

export type ResolvedAgentConfig = Readonly<
  Required<Omit<AgentOptions, 'systemPrompt' | 'topP'>> & { systemPrompt?: string; topP?: number }
>;

export const AGENT_DEFAULTS: ResolvedAgentConfig = Object.freeze({
  mode: 'ci',
  maxExecCalls: 8,
  execTimeoutMs: 60_000,
  execMemoryMb: 4096,
  maxTokensPerTurn: 4096,
  maxTotalTokens: 16_384,
  maxGenerations: 32,
  temperature: 0.6,
  truncation: { unit: 'chars' as const, budget: 4000 },
  recordTokens: false,
});

/** One generation call and, when it closed a code block, the execution that followed. */
export type Turn = {
  /** The text the model produced in this call (kept part only). */
  text: string;
  finishReason: FinishReason;
  /** Text produced after the first closed block and discarded (a backend that ignored the stop). */
  discarded?: string;
  /** The code run after this turn, if any. */
  code?: string;
  exec?: ExecResult;
  /** The feedback text inserted after the code block. */
  feedback?: string;
  /** Sampled token count and inserted (feedback) token count, for token backends. */
  sampledTokens?: number;
  observationTokens?: number;
};

/** The whole interaction as tokens: prompt (mask 0), sampled (mask 1, with logprobs), feedback (mask 0). */
export type TokenTrajectory = {
  promptTokens: number[];
  /** Response tokens after the prompt. */
  tokens: number[];
  /** 1 for sampled tokens (trained on), 0 for inserted feedback. Same length as tokens. */
  mask: number[];
  /** Sampling logprob per response token (0 where mask is 0). */
  logprobs: number[];
};

/** Re-tokenising the final text and comparing with the trajectory: drift is reported, not fixed. */
export type TokenDrift = {
  equal: boolean;
  firstMismatch: number | null;
  trajectoryLength: number;
  retokenizedLength: number;
};

export type Episode = {
  /** `${taskId}#${index}#${sample}`. */
  id: string;
  taskId: string;
  index: number;
  seed: number;
  sample: number;
  mode: AgentMode;
  backend: string;
  system: string;
  question: string;
  turns: Turn[];
  /** The model's final answer (text of the last <<<…>>> outside code; in code mode from the script's output). */
  answer: string | null;
  verdict: VerifyResult;
  stopReason: StopReason;
  codeCalls: number;
  usage: { promptTokens: number; sampledTokens: number; observationTokens: number };
  timing: { totalMs: number; generateMs: number; execMs: number };
  trajectory?: TokenTrajectory;
  drift?: TokenDrift;
  error?: string;
};

export type EpisodeInput = { instance: TaskInstance; sample?: number };
