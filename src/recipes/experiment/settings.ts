// The experiment set: the "when to use code" setting (questions the tiny model can answer in its head
// beside questions it cannot, and a reward where every code call costs), and the arms that test the
// paper's findings on it, each trained on the same questions with the same budget.
import { InvariantError } from '../../core/index.js';
import type { RlOptions } from '../../train/rl/types.js';
import { QUICK_DEMO, type DemoSettings } from '../demo/context.js';
import { DEMO_RL } from '../demo/rl-stage.js';
import { DEMO_TASKS, DEMO_TEXT_PROMPT, quoted, type DemoMode } from '../demo/tasks.js';

/**
 * The tasks: number_multiply as in the demo (two factors of 2–3 digits: the tiny model cannot multiply
 * in its head) and power_function with exponent 0 (a base of 1–99 to the power 0: the rule "anything to
 * the power 0 is 1" answers it without computing, as a person answers it). So code pays on one kind
 * and costs on the other: neither always nor never is best.
 * Tried first on dev questions, then on the first test run: count_bits of 1..7, 7 facts to learn by
 * heart. The model recalled them at the rate of always writing the commonest count (29–50% on four
 * seeds of five), so always-code was the better policy there and the setting was not the one asked for.
 * Every teacher answer opens by restating the question in its own words ("Question: Compute 12.5^0.")
 * and only then chooses: the choice is made right after words that tell the kinds apart, not after the
 * prompt's shared ending, so GRPO's push on one kind's choice leaks less into the other's.
 */
export const WHEN_TO_CODE_TASKS: DemoSettings['tasks'] = [
  { ...DEMO_TASKS[0], teacherOpening: (instance) => `Question: ${quoted(instance, 'result of ', '?')}.\n` },
  {
    id: 'rg.arithmetic.power_function',
    options: { min_base: 1, max_base: 99, min_exponent: 0, max_exponent: 0 },
    kind: 'compute',
    teacherCode: (instance) =>
      [
        `question = "${quoted(instance, 'Compute ', '. Return')}"`,
        'base, exponent = question.split(" ")[1].split("^")',
        'print(f"<<<{float(base) ** int(exponent):.2e}>>>")',
      ].join('\n'),
    teacherOpening: (instance) => `Question: ${quoted(instance, 'Compute ', '. Return')}.\n`,
  },
];

/**
 * Every code call costs this much reward (the paper has no such term; ours makes code a cost to weigh).
 * Chosen on dev questions of seeds 0 and 1: at 0.2 GRPO kept code on both kinds; at 0.6 (and at 0.3
 * without the teacher's opening) it dropped code on both.
 */
export const CODE_PENALTY = -0.3;

/** The question kinds results are broken down by: a power answered by a rule, or a product to compute. */
export type QuestionKind = 'rule' | 'product';
export const QUESTION_KINDS: readonly QuestionKind[] = ['rule', 'product'];

export function questionKind(taskId: string): QuestionKind {
  if (taskId === 'symbench.number_multiply') return 'product';
  if (taskId === 'rg.arithmetic.power_function') return 'rule';
  throw new InvariantError(`no question kind for ${taskId}`);
}

/**
 * Which questions a run evaluates on. `dev` questions are the ones settings were chosen on; `test`
 * questions come from another seed and were never looked at before a result was reported. Spent test
 * seeds (each looked at once, then settings changed): seed + 900000, 700000, 600000 and 500000.
 */
export type ExperimentSplit = 'dev' | 'test';
export const SPLIT_SEED_OFFSET: Record<ExperimentSplit, number> = { dev: 800_000, test: 400_000 };

/** What an arm starts RL from: the SFT model (code data), the untrained base, or the text-only SFT model. */
export type ArmStart = 'sft' | 'base' | 'text-sft';

export type Arm = {
  id: string;
  /** One line on what it is, for the report. */
  label: string;
  start: ArmStart;
  /** Overrides of the shared RL settings; absent: no RL (the start model itself is evaluated). */
  rl?: RlOptions;
  /** The headline's length (`headlineSteps`) instead of the shared steps. */
  headline?: true;
  /** Modes also evaluated at the shared step count, midway through a headline-length run: the state that
   * the other arms, trained for the shared steps, are compared with. */
  midway?: readonly DemoMode[];
  /** Evaluation modes (choice: code allowed; ci: told to use code; text: no interpreter). */
  modes: readonly DemoMode[];
};

/**
 * The arms. `grpo` is the main run; each other arm changes one thing against it. The headline (`grpo`)
 * and its control (`shuffled`) run `headlineSteps`; the ablations run the shared steps and are compared
 * with `grpo` evaluated at that step, on its way (the learning rate is constant, so that state is what a
 * run of the shared length would end at).
 */
export const ARMS: readonly Arm[] = [
  { id: 'sft', label: 'SFT only', start: 'sft', modes: ['choice', 'ci', 'text'] },
  {
    id: 'grpo',
    label: 'SFT + GRPO',
    start: 'sft',
    rl: {},
    headline: true,
    modes: ['choice', 'ci', 'text'],
    midway: ['choice'],
  },
  {
    id: 'shuffled',
    label: 'SFT + GRPO, shuffled rewards',
    start: 'sft',
    rl: { shuffleRewards: true },
    headline: true,
    modes: ['choice'],
  },
  {
    id: 'unmasked',
    label: 'SFT + GRPO, trained on interpreter output',
    start: 'sft',
    rl: { trainOnObservation: true },
    modes: ['choice'],
  },
  { id: 'ppo', label: 'SFT + PPO', start: 'sft', rl: { estimator: 'ppo' }, modes: ['choice'] },
  { id: 'reinforce', label: 'SFT + REINFORCE++', start: 'sft', rl: { estimator: 'reinforce++' }, modes: ['choice'] },
  {
    id: 'curriculum',
    label: 'SFT + GRPO, improvement-potential curriculum',
    start: 'sft',
    rl: { curriculum: { enabled: true, stages: 3, stepsPerStage: 3, samplesPerAgent: 2 } },
    modes: ['choice'],
  },
  { id: 'cold', label: 'GRPO from the base model (no SFT)', start: 'base', rl: {}, modes: ['choice'] },
  {
    id: 'text',
    label: 'text-only SFT + GRPO (no interpreter)',
    start: 'text-sft',
    rl: { agent: { mode: 'text', systemPrompt: DEMO_TEXT_PROMPT } },
    modes: ['text'],
  },
];

export type ExperimentSettings = {
  /** The demo settings the SFT stage runs with (tasks, data sizes, SFT hyperparameters). */
  demo: DemoSettings;
  /** The RL settings every arm shares (an arm's own options override them). */
  rl: RlOptions;
  /** RL steps of the headline arm and its control (the others run `rl.steps`). */
  headlineSteps: number;
  /** SFT trajectories per task under the no-code prompt (answered in the head), so the SFT model follows
   * "use no code" as it follows "use Python" and both constant policies can be asked of it. */
  textPerTask: number;
  /** Evaluation questions per task and split. */
  evalQuestions: number;
  split: ExperimentSplit;
};

/** The settings: the demo's SFT and GRPO recipes with half of the optional-code data answered in the
 * head (the teacher picks at random, blind to the question), 48 training questions per task. */
export type ExperimentOverrides = {
  demo?: Partial<DemoSettings>;
  rl?: RlOptions;
  headlineSteps?: number;
  textPerTask?: number;
  evalQuestions?: number;
};

export function experimentSettings(
  seed: number,
  split: ExperimentSplit = 'test',
  overrides: ExperimentOverrides = {},
): ExperimentSettings {
  const rl = overrides.rl ?? {};
  const demo = overrides.demo ?? {};
  return {
    demo: {
      ...QUICK_DEMO,
      tasks: WHEN_TO_CODE_TASKS,
      directShare: 0.5,
      evalQuestions: 0,
      ...demo,
      sft: { ...QUICK_DEMO.sft, ...demo.sft },
      seed,
    },
    // Chosen on dev questions (decision 0030): each step asks both kinds equally (`balanced`), and each
    // group's advantages are divided by its spread, so that a product group and a power group weigh alike
    // although their reward gaps differ (0.7 against 0.3). The mean baseline (0028) let the products' larger
    // gap move the choice for both kinds together.
    rl: {
      ...DEMO_RL,
      questionsPerTask: 48,
      // 10 steps for the ablations, not the demo's 12: the whole set in under 2 hours on 2 cores.
      steps: 10,
      taskMix: 'balanced',
      divideByStd: true,
      ...rl,
      reward: { codePenalty: CODE_PENALTY, ...rl.reward },
    },
    // The choice comes in two phases (code on the products, then none on the powers); on dev questions
    // the second needed about 20 steps (0029).
    headlineSteps: overrides.headlineSteps ?? 20,
    textPerTask: overrides.textPerTask ?? 150,
    evalQuestions: overrides.evalQuestions ?? 24,
    split,
  };
}
