// The improvement-potential curriculum (paper v2): a question answered correctly with rate p has
// IP = 4·p·(1−p) (1 at p = ½, 0 when always or never solved); questions sorted from high to low IP
// are cut into groups, and stage s trains on groups 1..s.

/** IP = 4p(1−p). */
export function computeImprovementPotential(p: number): number {
  return 4 * p * (1 - p);
}

export type ScoredQuestion<Q> = { question: Q; p: number; ip: number };

/**
 * Sorts by IP from high to low (ties keep input order) and cuts `groups` groups of near-equal size
 * (the first `n mod groups` groups take one more question).
 */
export function groupByImprovementPotential<Q>(
  items: readonly { question: Q; p: number }[],
  groups = 4,
): ScoredQuestion<Q>[][] {
  if (!Number.isInteger(groups) || groups < 1) throw new RangeError(`groups must be a positive integer, got ${groups}`);
  const scored = items.map((item, order) => ({
    question: item.question,
    p: item.p,
    ip: computeImprovementPotential(item.p),
    order,
  }));
  scored.sort((a, b) => b.ip - a.ip || a.order - b.order);
  const out: ScoredQuestion<Q>[][] = [];
  const base = Math.floor(scored.length / groups),
    extra = scored.length % groups;
  let start = 0;
  for (let g = 0; g < groups; g++) {
    const size = base + (g < extra ? 1 : 0);
    out.push(scored.slice(start, start + size).map(({ question, p, ip }) => ({ question, p, ip })));
    start += size;
  }
  return out;
}

/** The questions stage `stage` (1-based) trains on: groups 1..stage. */
export function questionsForStage<Q>(groups: readonly (readonly ScoredQuestion<Q>[])[], stage: number): Q[] {
  return groups
    .slice(0, Math.max(1, Math.min(stage, groups.length)))
    .flat()
    .map((item) => item.question);
}

/** The stage (1-based) of a 1-based step when each stage lasts `stepsPerStage` steps (the last stage continues). */
export function stageOfStep(step: number, stepsPerStage: number, stages: number): number {
  return Math.min(stages, Math.floor((step - 1) / stepsPerStage) + 1);
}
