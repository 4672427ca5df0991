// The nouns of SFT data synthesis: prompt variants, a kept trajectory as text segments with train
// masks (plus its chat-message view), and the options of a synthesis run.
import type { ChatMessage } from '../../backends/types.js';

/** How the system prompt steers the teacher (paper: free choice, forced text→code, forced code→text). */
export type PromptVariant = 'free' | 'text-then-code' | 'code-then-text';

export const PROMPT_VARIANTS: readonly PromptVariant[] = ['free', 'text-then-code', 'code-then-text'];

/** One piece of the response, in order: model text (one generation call) or interpreter feedback. */
export type SynthSegment = {
  role: 'model' | 'interpreter';
  /** Exactly the text the loop kept (model) or inserted (interpreter, starting "Code Execution Results:"). */
  text: string;
  /** Whether SFT puts loss on it by default (model text yes, interpreter output no). */
  train: boolean;
};

/** One kept (verified-correct) trajectory. */
export type SynthRecord = {
  /** `${taskId}#${index}`: one record per question. */
  id: string;
  taskId: string;
  index: number;
  seed: number;
  variant: PromptVariant;
  teacher: string;
  system: string;
  question: string;
  segments: SynthSegment[];
  /** The chat view: system, user, then assistant text and user feedback messages alternating. */
  messages: ChatMessage[];
  answer: string;
  gold: string;
  codeCalls: number;
  generations: number;
};

/**
 * SFT questions use indices from this offset on; evaluation uses 0..perTask−1 and RL must draw
 * below it, so SFT and RL questions never overlap (see docs/decisions/0007-sft-data.md).
 */
export const SFT_INDEX_BASE = 1_000_000;
