// RL options → a frozen resolved config. Defaults follow the paper (group 5, temperature 1.0,
// KL 0.001, clip 0.8/1.2, masked interpreter output) with a learning rate of the tiny model's own.
import { ConfigError, type ConfigProblem } from '../../core/index.js';
import { REWARD_DEFAULTS } from '../algos/index.js';
import { resolveAgentConfig, type AgentOptions } from '../../agent/index.js';
import type { ResolvedRlConfig, RlOptions } from './types.js';

/** The paper's learning rate for real models; the tiny random model needs a far larger one. */
export const PAPER_LEARNING_RATE = 1e-6;
export const TINY_LEARNING_RATE = 1e-4;

const DEFAULTS: Omit<ResolvedRlConfig, 'reward' | 'curriculum' | 'agent'> = {
  taskIds: ['rg.arithmetic.chain_sum'],
  taskOptions: {},
  questionsPerTask: 200,
  questionSeed: 8,
  estimator: 'grpo',
  groupSize: 5,
  questionsPerStep: 8,
  taskMix: 'pooled',
  steps: 20,
  learningRate: TINY_LEARNING_RATE,
  gradClipNorm: 1,
  loraRank: 0,
  klCoef: 0.001,
  clipLow: 0.8,
  clipHigh: 1.2,
  trainOnObservation: false,
  lossAggregation: 'token-mean',
  divideByStd: true,
  filterUniformGroups: false,
  shuffleRewards: false,
  gamma: 1,
  lambda: 1,
  valueCoef: 0.5,
  valueClip: 0.5,
  miniBatches: 1,
  epochs: 1,
  dualClip: 0,
  tisCap: 0,
  maskTruncated: false,
  dynamicSampling: false,
  maxSamplingRounds: 4,
  lrSchedule: 'constant',
  warmupSteps: 0,
  sampling: 'on-policy',
  evalEvery: 0,
  evalQuestionsPerTask: 20,
  evalSeed: 9,
  checkpointEvery: 10,
  saveEvery: 1,
  concurrency: 8,
  seed: 0,
};

/** The curriculum's fourth agent by default: the ci loop told to check its answer with code before giving it. */
export const CHECKING_AGENT_PROMPT_SUFFIX = '\nBefore giving the final answer, run code that checks it.';
const CURRICULUM_DEFAULTS = {
  enabled: false,
  stages: 4,
  stepsPerStage: 150,
  samplesPerAgent: 5,
  online: false,
  fourthAgent: { mode: 'ci' as const, promptSuffix: CHECKING_AGENT_PROMPT_SUFFIX },
};

export function resolveRlConfig(options: RlOptions = {}): ResolvedRlConfig {
  const problems: ConfigProblem[] = [];
  const known = new Set([...Object.keys(DEFAULTS), 'reward', 'curriculum', 'agent']);
  for (const key of Object.keys(options))
    if (!known.has(key))
      problems.push({ path: `rl.${key}`, message: 'unknown option', fix: `options are: ${[...known].join(', ')}` });
  const defined = <T extends object>(o: T | undefined) =>
    Object.fromEntries(Object.entries(o ?? {}).filter(([, v]) => v !== undefined));
  const merged = { ...DEFAULTS, ...defined(options) } as ResolvedRlConfig;
  const reward = { ...REWARD_DEFAULTS, ...defined(options.reward) };
  const curriculum = { ...CURRICULUM_DEFAULTS, ...defined(options.curriculum) };
  const check = (ok: boolean, path: string, fix: string, value: unknown) => {
    if (!ok) problems.push({ path: `rl.${path}`, message: `bad value ${JSON.stringify(value)}`, fix });
  };
  for (const key of [
    'questionsPerTask',
    'groupSize',
    'questionsPerStep',
    'steps',
    'concurrency',
    'evalQuestionsPerTask',
    'checkpointEvery',
    'saveEvery',
    'miniBatches',
    'epochs',
    'maxSamplingRounds',
  ] as const)
    check(Number.isInteger(merged[key]) && merged[key] >= 1, key, 'use a positive integer', merged[key]);
  check(
    Number.isInteger(merged.evalEvery) && merged.evalEvery >= 0,
    'evalEvery',
    'use 0 (never) or a positive integer',
    merged.evalEvery,
  );
  check(
    merged.groupSize >= 2 || merged.estimator !== 'grpo',
    'groupSize',
    'GRPO needs at least 2 answers per question',
    merged.groupSize,
  );
  check(
    ['grpo', 'reinforce++', 'reinforce++-baseline', 'ppo'].includes(merged.estimator),
    'estimator',
    'use grpo, reinforce++, reinforce++-baseline or ppo',
    merged.estimator,
  );
  check(merged.valueClip >= 0, 'valueClip', 'use 0 (off) or a positive clip range', merged.valueClip);
  check(
    merged.dualClip === 0 || merged.dualClip > 1,
    'dualClip',
    'use 0 (off) or a bound above 1 (verl uses 3)',
    merged.dualClip,
  );
  check(merged.tisCap === 0 || merged.tisCap >= 1, 'tisCap', 'use 0 (off) or a cap ≥ 1 (e.g. 2)', merged.tisCap);
  check(
    !merged.dynamicSampling || merged.filterUniformGroups,
    'dynamicSampling',
    'dynamic sampling refills filtered groups: add filterUniformGroups (--filter-uniform)',
    merged.dynamicSampling,
  );
  check(
    merged.saveEvery === 1 || merged.sampling === 'on-policy',
    'saveEvery',
    'stale-1 sampling needs the snapshot of every step: drop --save-every or --stale',
    merged.saveEvery,
  );
  check(['pooled', 'balanced'].includes(merged.taskMix), 'taskMix', 'use pooled or balanced', merged.taskMix);
  check(
    ['constant', 'linear', 'cosine'].includes(merged.lrSchedule),
    'lrSchedule',
    'use constant, linear or cosine',
    merged.lrSchedule,
  );
  check(
    Number.isInteger(merged.warmupSteps) && merged.warmupSteps >= 0,
    'warmupSteps',
    'use a whole number of steps ≥ 0',
    merged.warmupSteps,
  );
  check(
    ['token-mean', 'sequence-mean'].includes(merged.lossAggregation),
    'lossAggregation',
    'use token-mean or sequence-mean',
    merged.lossAggregation,
  );
  check(['on-policy', 'stale-1'].includes(merged.sampling), 'sampling', 'use on-policy or stale-1', merged.sampling);
  check(
    merged.learningRate > 0 && merged.learningRate < 1,
    'learningRate',
    'use a number in (0, 1)',
    merged.learningRate,
  );
  check(
    Number.isInteger(merged.loraRank) && merged.loraRank >= 0,
    'loraRank',
    'use 0 (full fine-tuning) or a positive integer rank',
    merged.loraRank,
  );
  check(merged.klCoef >= 0, 'klCoef', 'use a number ≥ 0', merged.klCoef);
  check(merged.clipLow > 0 && merged.clipLow <= 1 && merged.clipHigh >= 1, 'clip', 'use 0 < clipLow ≤ 1 ≤ clipHigh', [
    merged.clipLow,
    merged.clipHigh,
  ]);
  check(
    merged.gamma > 0 && merged.gamma <= 1 && merged.lambda >= 0 && merged.lambda <= 1,
    'gamma',
    'use γ in (0, 1] and λ in [0, 1]',
    [merged.gamma, merged.lambda],
  );
  check(
    Array.isArray(merged.taskIds) && merged.taskIds.length > 0,
    'taskIds',
    'name at least one training task',
    merged.taskIds,
  );
  check(
    Number.isInteger(curriculum.stages) &&
      curriculum.stages >= 1 &&
      Number.isInteger(curriculum.stepsPerStage) &&
      curriculum.stepsPerStage >= 1 &&
      Number.isInteger(curriculum.samplesPerAgent) &&
      curriculum.samplesPerAgent >= 1,
    'curriculum',
    'use positive integers for stages, stepsPerStage and samplesPerAgent',
    curriculum,
  );
  check(
    ['binary', 'partial'].includes(reward.correctness),
    'reward.correctness',
    'use binary or partial',
    reward.correctness,
  );
  check(
    ['ci', 'text', 'code'].includes(curriculum.fourthAgent.mode),
    'curriculum.fourthAgent.mode',
    'use ci, text or code',
    curriculum.fourthAgent.mode,
  );
  // The importance ratio needs the logprobs of the distribution actually sampled. At T ≠ 1 the learner
  // returns those of softmax(logits / T) and trains on logits / T (verl's practice; extension
  // `temperature`); top-p truncation has no such counterpart, so it would bias every step.
  const agent = { temperature: 1, ...defined(options.agent) } as AgentOptions;
  const sampling =
    'the stored logprobs are those of the untruncated distribution, ' +
    "so the ratio's old policy would not be the sampling one";
  const positive = typeof agent.temperature === 'number' && agent.temperature > 0;
  const greedy = 'use a temperature > 0 for rollouts (paper: 1): greedy rollouts do not explore';
  check(positive, 'agent.temperature', greedy, agent.temperature);
  check(
    agent.topP === undefined || agent.topP === 1,
    'agent.topP',
    `leave top-p at 1 for rollouts: ${sampling}`,
    agent.topP,
  );
  // The agent's own limits too, so a bad one is refused before a learner or sandbox starts.
  try {
    resolveAgentConfig({ ...agent, mode: 'ci' });
  } catch (error) {
    if (!(error instanceof ConfigError)) throw error;
    problems.push(
      ...error.problems
        .filter((p) => p.path !== 'agent.temperature' && p.path !== 'agent.topP')
        .map((p) => ({ ...p, path: `rl.${p.path}` })),
    );
  }
  if (problems.length) throw new ConfigError(problems);
  return Object.freeze({
    ...merged,
    reward: Object.freeze(reward),
    curriculum: Object.freeze(curriculum),
    agent: Object.freeze(agent),
  });
}
