// Estimating each training question's success rate p for the IP curriculum: 4 agents (text, code,
// ci and a configurable fourth) × samples each, from the policy being trained, through the async
// pipeline. The result is stored in the run folder so a resumed run reuses it (offline curriculum).
import { existsSync, readFileSync, writeFileSync } from 'node:fs';
import { groupByImprovementPotential, type ScoredQuestion } from './curriculum.js';
import { runRollouts, questionKey, type QuestionRef, type RolloutOptions } from './rl/rollouts.js';
import type { CurriculumAgent, ResolvedCurriculum } from './rl/types.js';

/** The fourth agent by default: the ci loop told to check its answer with code before giving it. */
export const CHECKING_AGENT_PROMPT_SUFFIX = '\nBefore giving the final answer, run code that checks it.';

export function curriculumAgents(curriculum: ResolvedCurriculum): CurriculumAgent[] {
  return [{ mode: 'text' }, { mode: 'code' }, { mode: 'ci' }, curriculum.fourthAgent];
}

/** p per question: the fraction of correct answers over every agent's samples. */
export async function estimateSuccessRates(questions: readonly QuestionRef[], curriculum: ResolvedCurriculum, options: RolloutOptions): Promise<Map<string, number>> {
  const correct = new Map<string, number>(questions.map((q) => [questionKey(q), 0]));
  const agents = curriculumAgents(curriculum);
  for (const [a, agent] of agents.entries()) {
    const result = await runRollouts(questions, curriculum.samplesPerAgent, { ...options, agent: { ...options.agent, mode: agent.mode, systemPrompt: agent.systemPrompt }, seedKeys: [...options.seedKeys, 'agent', a] });
    for (const group of result.groups) correct.set(group.key, correct.get(group.key)! + group.episodes.filter((e) => e.verdict.correct).length);
  }
  const total = agents.length * curriculum.samplesPerAgent;
  return new Map([...correct].map(([key, n]) => [key, n / total]));
}

export type CurriculumFile = { stage: number; groups: ScoredQuestion<QuestionRef>[][] };

/** The groups for a stage: read from `path` when present, else estimated and written there. */
export async function loadOrEstimateCurriculum(path: string, stage: number, questions: readonly QuestionRef[], curriculum: ResolvedCurriculum, options: RolloutOptions): Promise<ScoredQuestion<QuestionRef>[][]> {
  if (existsSync(path)) return (JSON.parse(readFileSync(path, 'utf8')) as CurriculumFile).groups;
  const rates = await estimateSuccessRates(questions, curriculum, { ...options, seedKeys: [...options.seedKeys, 'curriculum', stage] });
  const groups = groupByImprovementPotential(questions.map((q) => ({ question: q, p: rates.get(questionKey(q))! })), curriculum.stages);
  writeFileSync(path, `${JSON.stringify({ stage, groups } satisfies CurriculumFile)}\n`);
  return groups;
}
