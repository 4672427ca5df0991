// The minimal GRPO loop: the whole method on one screen, the spec the full loop (rl/run-rl.ts) must
// agree with. Per step: sample a group of answers per question with the interpreter in the loop,
// score them with the v2 reward, normalise rewards within each group, and take one clipped
// importance-sampling step with a low-variance KL to the frozen start, on sampled tokens only.
//
// Legend: _G one value per answer in a group; _T one value per target token of a sequence.
import type { Tokenizer } from '../backends/index.js';
import { createRng, hashKeys } from '../core/index.js';
import { createLearnerTokenBackend, makeDatum, type Datum, type TrainingClient } from '../learner/index.js';
import type { Sandbox } from '../sandbox/types.js';
import { getTask } from '../tasks/index.js';
import {
  isInfrastructureStop,
  resolveAgentConfig,
  runEpisodes,
  type AgentOptions,
  type Episode,
  type EpisodeContext,
} from '../agent/index.js';

export type MinimalGrpoOptions = {
  client: TrainingClient;
  /** The training model (created by the caller, with reference_model: true when klCoef > 0). */
  modelId: string;
  tokenizer: Tokenizer;
  sandbox: Sandbox;
  taskIds: string[];
  questionsPerTask: number;
  questionSeed: number;
  steps: number;
  questionsPerStep: number;
  /** Paper: 5. */
  groupSize: number;
  learningRate: number;
  /** Paper: 0.001. */
  klCoef: number;
  /** Paper: 1.0. */
  temperature: number;
  /** Ratio bounds of the clipped objective. Paper: 0.8 / 1.2; DAPO's clip-higher raises the upper one. */
  clipLow?: number;
  clipHigh?: number;
  /** Dual-clip's c > 1 (Ye et al., 2020): a negative advantage's loss is capped at −c·A. Paper: off. */
  dualClip?: number;
  agent?: AgentOptions;
  seed?: number;
  onStep?: (step: MinimalStepLog) => void;
};

export type MinimalStepLog = {
  step: number;
  reward: number;
  accuracy: number;
  kl: number;
  clipFraction: number;
  tokens: number;
};

// ---- 1. The reward (paper v2): +1 correct, ±0.1 format, −0.1 past 6 turns -------------------

export function minimalReward(episode: Pick<Episode, 'verdict' | 'stopReason' | 'turns'>): number {
  const correct = episode.verdict.correct ? 1 : 0;
  const formatOk = episode.stopReason === 'final-answer' && episode.turns.every((t) => !t.discarded);
  const tooLong = episode.turns.length > 6;
  return correct + (formatOk ? 0.1 : -0.1) + (tooLong ? -0.1 : 0);
}

// ---- 2. GRPO advantages: normalise within the group (sample std, as torch.std) ----------------

export function minimalGroupAdvantages(rewards_G: readonly number[]): number[] {
  const n = rewards_G.length;
  const mean = rewards_G.reduce((a, b) => a + b, 0) / n;
  const variance = rewards_G.reduce((a, r) => a + (r - mean) ** 2, 0) / Math.max(1, n - 1);
  return rewards_G.map((r) => (r - mean) / (Math.sqrt(variance) + 1e-6));
}

// ---- 3. Episodes → datums: loss on sampled tokens only, token-level (divided by all trained tokens)

export function minimalDatums(
  groups: readonly (readonly Episode[])[],
  options: { maskTruncated?: boolean } = {},
): { data: Datum[]; tokens: number } {
  const rows: { tokens: number[]; weights_T: number[]; logprobs_T: number[]; advantage: number }[] = [];
  for (const group of groups) {
    // An episode that a backend or sandbox failure ended is not the policy's doing: it does not train.
    const withTokens = group.filter(
      (e) => !isInfrastructureStop(e.stopReason) && e.trajectory && e.trajectory.mask.includes(1),
    );
    const advantages_G = minimalGroupAdvantages(withTokens.map(minimalReward));
    withTokens.forEach((episode, i) => {
      const { promptTokens, tokens, mask, logprobs } = episode.trajectory!;
      // Inputs are tokens[0..n−1], targets tokens[1..n]: the prompt's targets carry no loss, and
      // of the response only what the model sampled (mask 1), never the interpreter's output.
      // Overlong masking (DAPO, off by default): an answer cut by the budget carries none at all.
      const pad = new Array<number>(promptTokens.length - 1).fill(0);
      const trained = (m: number) =>
        m === 1 && !(options.maskTruncated && episode.stopReason === 'max-tokens') ? 1 : 0;
      rows.push({
        tokens: [...promptTokens, ...tokens],
        weights_T: [...pad, ...mask.map(trained)],
        logprobs_T: [...pad, ...logprobs.map((lp, t) => (mask[t] === 1 ? lp : 0))],
        advantage: advantages_G[i],
      });
    });
  }
  const total = Math.max(
    1,
    rows.reduce((n, r) => n + r.weights_T.filter((w) => w > 0).length, 0),
  );
  const data = rows.map((r) =>
    makeDatum(r.tokens, {
      weights: r.weights_T,
      logprobs: r.logprobs_T,
      advantages: r.weights_T.map((w) => (w > 0 ? r.advantage / total : 0)),
    }),
  );
  return { data, tokens: total };
}

// ---- 4. The loss: clipped importance sampling (old = sampling logprobs) + k3 KL, per token --------
// At T ≠ 1 the learner trains on logits / T, the distribution the sampler drew from and whose
// logprobs it returned (verl's practice), so the first update's ratio is exactly 1. Clip-higher and
// dual-clip change only the numbers the learner's ppo loss reads.

export function minimalLossConfig(
  options: Pick<MinimalGrpoOptions, 'klCoef' | 'temperature' | 'clipLow' | 'clipHigh' | 'dualClip'>,
  tokens: number,
) {
  return {
    clip_low_threshold: options.clipLow ?? 0.8,
    clip_high_threshold: options.clipHigh ?? 1.2,
    ...(options.dualClip ? { dual_clip: options.dualClip } : {}),
    kl_coef: options.klCoef / tokens,
    ...(options.temperature !== 1 ? { temperature: options.temperature } : {}),
  };
}

// ---- 5. The loop ------------------------------------------------------------------------------

export async function runMinimalGrpo(options: MinimalGrpoOptions): Promise<MinimalStepLog[]> {
  const { client, modelId } = options;
  const backend = createLearnerTokenBackend(client, { modelId }); // always the latest weights
  const config = resolveAgentConfig({
    ...options.agent,
    mode: 'ci',
    temperature: options.temperature,
    recordTokens: true,
  });
  const pool = options.taskIds.flatMap((taskId) =>
    Array.from({ length: options.questionsPerTask }, (_, index) => ({ taskId, index })),
  );
  const logs: MinimalStepLog[] = [];
  for (let step = 1; step <= options.steps; step++) {
    // Sample: a group of answers per question, through the async pipeline (code runs while others generate).
    const questions = createRng('rl-questions', options.seed ?? 0, step).sample(
      pool,
      Math.min(options.questionsPerStep, pool.length),
    );
    const contexts: (() => EpisodeContext)[] = questions.flatMap((q) =>
      Array.from({ length: options.groupSize }, (_, sample) => () => {
        const task = getTask(q.taskId);
        const instance = task.generate(task.resolveOptions(), options.questionSeed, q.index);
        const seed =
          hashKeys(['rl', options.seed ?? 0, step, `${q.taskId}#${options.questionSeed}#${q.index}`, sample]) %
          2_147_483_647;
        return {
          task,
          instance,
          sample,
          backend,
          tokenizer: options.tokenizer,
          sandbox: options.sandbox,
          config,
          seed,
        };
      }),
    );
    const episodes = await runEpisodes(contexts, { concurrency: 8 });
    const groups = questions.map((_, i) => episodes.slice(i * options.groupSize, (i + 1) * options.groupSize));

    // Learn: one update on the whole batch.
    const { data, tokens } = minimalDatums(groups);
    const lossConfig = minimalLossConfig(options, tokens);
    const out = await client.forwardBackward(modelId, { data, loss_fn: 'ppo', loss_fn_config: lossConfig });
    await client.optimStep(modelId, { learning_rate: options.learningRate, grad_clip_norm: 1 });

    const log = {
      step,
      reward: episodes.reduce((a, e) => a + minimalReward(e), 0) / episodes.length,
      accuracy: episodes.filter((e) => e.verdict.correct).length / episodes.length,
      kl: out.metrics['kl:mean'] ?? 0,
      clipFraction: out.metrics['clip_fraction:mean'] ?? 0,
      tokens,
    };
    logs.push(log);
    options.onStep?.(log);
  }
  return logs;
}
