// Estimating each training question's success rate p for the IP curriculum: 4 agents (text, code,
// ci under the run's own prompt, and a configurable fourth) × samples each, from the policy being
// trained, through the async pipeline. The result is stored in the run folder so a resumed run reuses
// it (offline curriculum).
import { existsSync, readFileSync, writeFileSync } from 'node:fs';
import { systemPromptFor } from '../agent/index.js';
import { groupByImprovementPotential, type ScoredQuestion } from './curriculum.js';
import { runRollouts, questionKey, type QuestionRef, type RolloutOptions } from './rl/rollouts.js';
import type { CurriculumAgent, ResolvedCurriculum } from './rl/types.js';

export { CHECKING_AGENT_PROMPT_SUFFIX } from './rl/config.js';

/**
 * The four agents with their system prompts: text and code their mode's own; ci the run's prompt
 * (the one the policy is trained under); the fourth its own prompt, or the ci prompt with its suffix.
 */
export function curriculumAgents(curriculum: ResolvedCurriculum, runPrompt?: string): CurriculumAgent[] {
  const fourth = curriculum.fourthAgent;
  const base = fourth.mode === 'ci' ? runPrompt : undefined;
  const fourthPrompt =
    fourth.systemPrompt ??
    (fourth.promptSuffix ? `${base ?? systemPromptFor(fourth.mode)}${fourth.promptSuffix}` : base);
  return [
    { mode: 'text' },
    { mode: 'code' },
    { mode: 'ci', systemPrompt: runPrompt },
    { mode: fourth.mode, systemPrompt: fourthPrompt },
  ];
}

/** p per question: the fraction of correct answers over every agent's samples. */
export async function estimateSuccessRates(
  questions: readonly QuestionRef[],
  curriculum: ResolvedCurriculum,
  options: RolloutOptions,
): Promise<Map<string, number>> {
  const correct = new Map<string, number>(questions.map((q) => [questionKey(q), 0]));
  const agents = curriculumAgents(curriculum, options.agent.systemPrompt);
  for (const [a, agent] of agents.entries()) {
    const result = await runRollouts(questions, curriculum.samplesPerAgent, {
      ...options,
      agent: { ...options.agent, mode: agent.mode, systemPrompt: agent.systemPrompt },
      seedKeys: [...options.seedKeys, 'agent', a],
    });
    for (const group of result.groups)
      correct.set(group.key, correct.get(group.key)! + group.episodes.filter((e) => e.verdict.correct).length);
  }
  const total = agents.length * curriculum.samplesPerAgent;
  return new Map([...correct].map(([key, n]) => [key, n / total]));
}

export type CurriculumFile = { stage: number; groups: ScoredQuestion<QuestionRef>[][] };

/** The groups for a stage: read from `path` when present, else estimated and written there. */
export async function loadOrEstimateCurriculum(
  path: string,
  stage: number,
  questions: readonly QuestionRef[],
  curriculum: ResolvedCurriculum,
  options: RolloutOptions,
): Promise<ScoredQuestion<QuestionRef>[][]> {
  if (existsSync(path)) return (JSON.parse(readFileSync(path, 'utf8')) as CurriculumFile).groups;
  const rates = await estimateSuccessRates(questions, curriculum, {
    ...options,
    seedKeys: [...options.seedKeys, 'curriculum', stage],
  });
  const groups = groupByImprovementPotential(
    questions.map((q) => ({ question: q, p: rates.get(questionKey(q))! })),
    curriculum.stages,
  );
  writeFileSync(path, `${JSON.stringify({ stage, groups } satisfies CurriculumFile)}\n`);
  return groups;
}
