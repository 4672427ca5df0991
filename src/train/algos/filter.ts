// Dropping groups that teach nothing: when every answer to a question got the same reward, GRPO's
// advantages are all zero (DAPO's dynamic sampling filters them so the batch holds only signal).

/** True when all rewards are equal within `tolerance`. */
export function isUniformGroup(rewards_G: readonly number[], tolerance = 1e-9): boolean {
  return rewards_G.every((r) => Math.abs(r - rewards_G[0]) <= tolerance);
}

/** The groups whose rewards are not all equal, in order. */
export function filterUniformGroups<T>(groups: readonly T[], rewardsOf: (group: T) => readonly number[]): T[] {
  return groups.filter((group) => !isUniformGroup(rewardsOf(group)));
}
