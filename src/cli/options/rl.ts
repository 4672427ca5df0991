// `r1ci rl`'s flags as one schema. Each flag is parsed and range-checked here; the training defaults
// and the checks across settings are the library's (resolveRlConfig), run here too, so that every
// setting, the agent's included, is checked before a learner, sandbox or run folder exists.
import { z } from 'zod';
import { ConfigError } from '../../core/index.js';
import { selectTasks } from '../../tasks/index.js';
import { resolveRlConfig, type CurriculumAgent, type ResolvedRlConfig, type RlOptions } from '../../train/rl/index.js';
import { choiceFlag, flagName, intFlag, numberFlag, parseFlags, textFlag, urlFlag } from './flags.js';
import { secondsToMs } from './eval.js';

export const RL_CLI_DEFAULTS = { init: 'tiny', tasks: 'rg.arithmetic.chain_sum' } as const;

const count = () => intFlag().optional();
const real = () => numberFlag().optional();
const on = () => z.boolean().optional();

/** `--fourth-agent MODE[:SYSTEM PROMPT]`. */
const fourthAgentFlag = z.string().transform((text, ctx): CurriculumAgent => {
  const [mode, ...prompt] = text.split(':');
  if (!['ci', 'text', 'code'].includes(mode)) {
    ctx.addIssue({
      code: 'custom',
      message: `bad value ${JSON.stringify(text)}`,
      params: { fix: 'use ci, text or code, then :PROMPT if you like' },
    });
    return z.NEVER;
  }
  return { mode: mode as CurriculumAgent['mode'], ...(prompt.length ? { systemPrompt: prompt.join(':') } : {}) };
});

export const RL_FLAGS = z.strictObject({
  out: textFlag(),
  init: textFlag().default(RL_CLI_DEFAULTS.init),
  tokenizer: textFlag().optional(),
  tasks: textFlag().default(RL_CLI_DEFAULTS.tasks),
  questionsPerTask: count(),
  estimator: choiceFlag(['grpo', 'reinforce++', 'reinforce++-baseline', 'ppo']).optional(),
  groupSize: count(),
  questionsPerStep: count(),
  steps: count(),
  learningRate: numberFlag({ above: 0, below: 1 }).optional(),
  kl: numberFlag({ min: 0 }).optional(),
  temperature: numberFlag({ min: 0, max: 5 }).optional(),
  clipLow: numberFlag({ above: 0, max: 1 }).optional(),
  clipHigh: numberFlag({ min: 1 }).optional(),
  dualClip: numberFlag({ min: 0 }).optional(),
  miniBatches: count(),
  epochs: count(),
  valueClip: numberFlag({ min: 0 }).optional(),
  tisCap: numberFlag({ min: 0 }).optional(),
  maskTruncated: on(),
  dynamicSampling: on(),
  maxSamplingRounds: count(),
  taskMix: choiceFlag(['pooled', 'balanced']).optional(),
  lrSchedule: choiceFlag(['constant', 'linear', 'cosine']).optional(),
  warmupSteps: intFlag({ min: 0 }).optional(),
  unmasked: on(),
  filterUniform: on(),
  reward: choiceFlag(['binary', 'partial']).optional(),
  lossAgg: choiceFlag(['token-mean', 'sequence-mean']).optional(),
  std: z.boolean().default(true),
  loraRank: intFlag({ min: 0 }).optional(),
  stale: on(),
  rollouts: textFlag().optional(),
  curriculum: on(),
  stepsPerStage: count(),
  curriculumSamples: count(),
  onlineCurriculum: on(),
  fourthAgent: fourthAgentFlag.optional(),
  formatBonus: real(),
  formatPenalty: real(),
  turnPenalty: real(),
  maxTurns: intFlag({ min: 0 }).optional(),
  codePenalty: real(),
  shuffleRewards: on(),
  evalEvery: intFlag({ min: 0 }).optional(),
  evalPerTask: count(),
  checkpointEvery: count(),
  saveEvery: count(),
  maxTokensPerTurn: count(),
  maxTotalTokens: count(),
  maxExecCalls: intFlag({ min: 0 }).optional(),
  execTimeout: numberFlag({ above: 0 }).optional(),
  systemPrompt: z.string().optional(),
  concurrency: count(),
  seed: intFlag({ min: 0 }).optional(),
  learner: urlFlag().optional(),
  batchRequests: z.boolean().default(true),
  sandbox: urlFlag({ list: true }).optional(),
  json: on(),
});

export type RlFlags = z.output<typeof RL_FLAGS>;

/** The option each flag sets, where the names differ (the rest: same name); for error lines. */
const FLAG_OF_OPTION: Record<string, string> = {
  taskIds: '--tasks',
  klCoef: '--kl',
  trainOnObservation: '--unmasked',
  filterUniformGroups: '--filter-uniform',
  sampling: '--stale',
  lossAggregation: '--loss-agg',
  divideByStd: '--no-std',
  evalQuestionsPerTask: '--eval-per-task',
  'reward.correctness': '--reward',
  'curriculum.samplesPerAgent': '--curriculum-samples',
  'curriculum.online': '--online-curriculum',
  'curriculum.fourthAgent.mode': '--fourth-agent',
  'agent.execTimeoutMs': '--exec-timeout',
  clip: '--clip-low/--clip-high',
};

function flagOfProblemPath(path: string): string {
  const key = path.replace(/^rl\./, '');
  return FLAG_OF_OPTION[key] ?? flagName(key.replace(/^(agent|reward|curriculum)\./, ''));
}

/** Checked flags → the library's RL options. */
export function rlOptionsFrom(flags: RlFlags): RlOptions {
  return {
    taskIds: selectTasks(flags.tasks),
    questionsPerTask: flags.questionsPerTask,
    estimator: flags.estimator,
    groupSize: flags.groupSize,
    questionsPerStep: flags.questionsPerStep,
    taskMix: flags.taskMix,
    steps: flags.steps,
    learningRate: flags.learningRate,
    klCoef: flags.kl,
    trainOnObservation: flags.unmasked === true,
    clipLow: flags.clipLow,
    clipHigh: flags.clipHigh,
    dualClip: flags.dualClip,
    tisCap: flags.tisCap,
    miniBatches: flags.miniBatches,
    epochs: flags.epochs,
    valueClip: flags.valueClip,
    maskTruncated: flags.maskTruncated,
    dynamicSampling: flags.dynamicSampling,
    maxSamplingRounds: flags.maxSamplingRounds,
    lrSchedule: flags.lrSchedule,
    warmupSteps: flags.warmupSteps,
    filterUniformGroups: flags.filterUniform === true,
    shuffleRewards: flags.shuffleRewards === true,
    sampling: flags.stale ? 'stale-1' : undefined,
    lossAggregation: flags.lossAgg,
    divideByStd: flags.std ? undefined : false,
    loraRank: flags.loraRank,
    evalEvery: flags.evalEvery,
    evalQuestionsPerTask: flags.evalPerTask,
    checkpointEvery: flags.checkpointEvery,
    saveEvery: flags.saveEvery,
    concurrency: flags.concurrency,
    seed: flags.seed,
    reward: {
      correctness: flags.reward,
      formatBonus: flags.formatBonus,
      formatPenalty: flags.formatPenalty,
      turnPenalty: flags.turnPenalty,
      maxTurns: flags.maxTurns,
      codePenalty: flags.codePenalty,
    },
    curriculum: {
      enabled: flags.curriculum === true,
      stepsPerStage: flags.stepsPerStage,
      samplesPerAgent: flags.curriculumSamples,
      online: flags.onlineCurriculum === true,
      fourthAgent: flags.fourthAgent,
    },
    agent: {
      temperature: flags.temperature,
      maxTokensPerTurn: flags.maxTokensPerTurn,
      maxTotalTokens: flags.maxTotalTokens,
      maxExecCalls: flags.maxExecCalls,
      execTimeoutMs: flags.execTimeout === undefined ? undefined : secondsToMs(flags.execTimeout),
      ...(flags.systemPrompt !== undefined ? { systemPrompt: flags.systemPrompt } : {}),
    },
  };
}

/** Commander's flags → checked flags and the resolved RL config; a problem names its flag. */
export function resolveRlFlags(raw: unknown): { flags: RlFlags; config: ResolvedRlConfig } {
  const flags = parseFlags(RL_FLAGS, raw);
  if (flags.rollouts && flags.temperature !== undefined && flags.temperature !== 1) {
    // vLLM returns logprobs of the raw logits by default, not of logits / T: the ratio would be off.
    const message = `vLLM rollouts at temperature ${flags.temperature} return untempered logprobs`;
    throw new ConfigError([{ path: '--temperature', message, fix: 'use --temperature 1 with --rollouts' }]);
  }
  try {
    return { flags, config: resolveRlConfig(rlOptionsFrom(flags)) };
  } catch (error) {
    if (!(error instanceof ConfigError) || error.name !== 'ConfigError') throw error;
    throw new ConfigError(
      error.problems.map((p) => ({ ...p, path: flagOfProblemPath(p.path) })),
      { cause: error },
    );
  }
}
