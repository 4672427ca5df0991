// System prompts of the synthesis variants: the ci protocol, plus an instruction that fixes the
// order of text reasoning and code (the paper's forced text→code and code→text prompts).
import { systemPromptFor } from '../../agent/index.js';
import type { PromptVariant } from './types.js';

const STEER: Record<PromptVariant, string> = {
  free: '',
  'text-then-code':
    '\nFor this question, first reason it through in words and reach a tentative answer, then write code that ' +
    'checks or computes it before answering.',
  'code-then-text':
    '\nFor this question, start by writing code that computes the answer, then read its output and explain in ' +
    'words why the answer is right before giving it.',
};

/** The system prompt for a variant, built on `base` (default: the ci agent's prompt). */
export function systemPromptForVariant(variant: PromptVariant, base: string = systemPromptFor('ci')): string {
  return base + STEER[variant];
}
