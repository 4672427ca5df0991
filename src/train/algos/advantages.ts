// Advantage estimators as pure functions over plain arrays: GRPO (normalised within each group of
// answers to one question), REINFORCE++ (normalised over the whole batch) and GAE for PPO's critic.
// Legend: _G one value per answer in a group, _B one per answer in the batch, _T one per trained token.

/** Mean and sample standard deviation (n − 1 in the denominator, as torch.std and VeRL use). */
export function computeMeanStd(values: readonly number[], weights?: readonly number[]): { mean: number; std: number } {
  const w = weights ?? values.map(() => 1);
  const total = w.reduce((a, b) => a + b, 0);
  if (total === 0) return { mean: 0, std: 0 };
  const mean = values.reduce((sum, v, i) => sum + w[i] * v, 0) / total;
  if (total <= 1) return { mean, std: 0 };
  const squares = values.reduce((sum, v, i) => sum + w[i] * (v - mean) ** 2, 0);
  return { mean, std: Math.sqrt(squares / (total - 1)) };
}

export type NormaliseOptions = {
  /** Divide by the standard deviation (default true; false gives Dr. GRPO's mean-only baseline). */
  divideByStd?: boolean;
  /** Added to the standard deviation (default 1e-6), so a group of equal rewards gets advantages 0. */
  epsilon?: number;
};

/** GRPO: A_i = (r_i − mean(r_G)) / (std(r_G) + ε) within one group of answers to the same question. */
export function computeGrpoAdvantages(rewards_G: readonly number[], options: NormaliseOptions = {}): number[] {
  const { mean, std } = computeMeanStd(rewards_G);
  const scale = options.divideByStd === false ? 1 : std + (options.epsilon ?? 1e-6);
  return rewards_G.map((r) => (r - mean) / scale);
}

/**
 * REINFORCE++ (Hu, 2025) with the KL as a loss term rather than a reward term: the return of each
 * token is the episode's reward (γ = 1), and returns are whitened over every trained token of the
 * batch. With `tokens_B` each answer counts once per trained token (VeRL's masked whitening);
 * without, once per answer.
 */
export function computeReinforcePlusPlusAdvantages(
  rewards_B: readonly number[],
  tokens_B?: readonly number[],
  options: NormaliseOptions = {},
): number[] {
  const { mean, std } = computeMeanStd(rewards_B, tokens_B);
  const scale = options.divideByStd === false ? 1 : std + (options.epsilon ?? 1e-6);
  return rewards_B.map((r) => (r - mean) / scale);
}

/**
 * Generalised advantage estimation (Schulman et al., 2016) over the trained tokens of one answer,
 * in order. The reward arrives at the last token; V_T (after the end) is 0.
 *   δ_t = r_t + γ V_{t+1} − V_t,   A_t = δ_t + γ λ A_{t+1},   returns_t = A_t + V_t.
 */
export function computeGae(
  rewards_T: readonly number[],
  values_T: readonly number[],
  options: { gamma?: number; lambda?: number } = {},
): { advantages: number[]; returns: number[] } {
  const gamma = options.gamma ?? 1;
  const lambda = options.lambda ?? 1;
  const n = rewards_T.length;
  const advantages = new Array<number>(n).fill(0);
  let next = 0;
  for (let t = n - 1; t >= 0; t--) {
    const nextValue = t + 1 < n ? values_T[t + 1] : 0;
    const delta = rewards_T[t] + gamma * nextValue - values_T[t];
    next = delta + gamma * lambda * next;
    advantages[t] = next;
  }
  return { advantages, returns: advantages.map((a, t) => a + values_T[t]) };
}

/** Whitens token advantages over a batch (PPO's usual step after GAE); shape preserved. */
export function computeWhitened(advantages_B_T: readonly (readonly number[])[], epsilon = 1e-6): number[][] {
  const flat = advantages_B_T.flat();
  const { mean, std } = computeMeanStd(flat);
  return advantages_B_T.map((row) => row.map((a) => (a - mean) / (std + epsilon)));
}
