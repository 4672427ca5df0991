// The experiment's report, computed from the runs' result files: each finding's per-seed numbers,
// their mean with a 95% interval over seeds, the paired difference the finding is about and its
// verdict, a plot per finding, and the wall time of every run. Nothing in it is typed by hand.
import { mkdirSync, writeFileSync } from 'node:fs';
import { basename, dirname, join, relative } from 'node:path';
import { intervalChart } from '../../eval/report/svg.js';
import type { DemoMode } from '../demo/tasks.js';
import { readInvocations, type AnswerRecord, type Invocation, type UnitResult } from './run-experiment.js';
import {
  ARMS,
  CODE_PENALTY,
  QUESTION_KINDS,
  WHEN_TO_CODE_TASKS,
  SPLIT_SEED_OFFSET,
  experimentSettings,
  type QuestionKind,
} from './settings.js';
import { directionOf, estimate, formatEstimate, type Direction, type Estimate } from './stats.js';

/** Accuracy, mean reward and code use (share of answers that wrote code, run or not; results written
 * before answers recorded that count the answers that ran code) over a set of answers. */
export type Rates = { accuracy: number; reward: number; codeUse: number; n: number; infrastructure: number };

export function ratesOf(records: readonly AnswerRecord[], kind?: QuestionKind): Rates {
  const kept = records.filter((r) => !r.infrastructure && (kind === undefined || r.kind === kind));
  const n = kept.length;
  const share = (f: (r: AnswerRecord) => number) => (n ? kept.reduce((a, r) => a + f(r), 0) / n : Number.NaN);
  return {
    accuracy: share((r) => (r.correct ? 1 : 0)),
    reward: share((r) => r.reward),
    codeUse: share((r) => ((r.codeWritten ?? r.codeCalls > 0) ? 1 : 0)),
    n,
    infrastructure: records.length - kept.length,
  };
}

type Metric = 'accuracy' | 'reward' | 'codeUse';

/** Per-seed values of one policy; undefined where a seed lacks the run. */
type Policy = { label: string; value: (seed: number, metric: Metric, kind?: QuestionKind) => number | undefined };

function indexResults(results: readonly UnitResult[]) {
  const byKey = new Map(results.map((r) => [`${r.seed}/${r.arm}`, r]));
  const rates = (seed: number, arm: string, mode: DemoMode, kind?: QuestionKind): Rates | undefined => {
    const records = byKey.get(`${seed}/${arm}`)?.modes[mode];
    return records ? ratesOf(records, kind) : undefined;
  };
  return { byKey, rates };
}

/** A candidate for a constant policy; where `counts` says no on a seed, it did not do as told there. */
type Candidate = { policy: Policy; counts?: (seed: number) => boolean };

/** The share of answers that must do as told (code, or no code) for a told model to count as a constant policy. */
export const OBEYED_SHARE = 0.95;

/** The candidate with the best reward on `seed` among those that count there; undefined where one did not run. */
function bestCandidate(candidates: readonly Candidate[], seed: number): Policy | undefined {
  let best: { policy: Policy; reward: number } | undefined;
  for (const { policy, counts } of candidates) {
    const reward = policy.value(seed, 'reward');
    if (reward === undefined) return undefined;
    if (Number.isNaN(reward) || (counts && !counts(seed))) continue;
    if (!best || reward > best.reward) best = { policy, reward };
  }
  return best?.policy;
}

type Finding = {
  id: string;
  title: string;
  paper: string;
  /** The difference the finding is about, and what the paper leads one to expect of it. */
  difference: { a: Policy; b: Policy; metric: Metric; expect: 'above' | 'equal' | 'not-above' };
  /** The policies its table and plot show. */
  policies: Policy[];
  metrics: Metric[];
};

const SAME_ESTIMATORS = 'GRPO, PPO and REINFORCE++ about equal (qualitative)';

/** A finding about two arms' accuracy in choice mode: `a` − `b`, and what the paper leads one to expect. */
function pair(
  id: string,
  title: string,
  paper: string,
  a: Policy,
  b: Policy,
  expect: Finding['difference']['expect'],
): Finding {
  return {
    id,
    title,
    paper,
    difference: { a, b, metric: 'accuracy', expect },
    policies: [b, a],
    metrics: ['accuracy', 'reward'],
  };
}

const METRIC_NAMES: Record<Metric, string> = { accuracy: 'accuracy', reward: 'reward', codeUse: 'code use' };
const isPercent = (metric: Metric) => metric !== 'reward';

export function verdictOf(direction: Direction, expect: Finding['difference']['expect']): string {
  if (direction === 'unknown') return 'not enough seeds for an interval';
  if (expect === 'above')
    return direction === 'above'
      ? 'reproduces'
      : direction === 'below'
        ? 'fails: the opposite holds'
        : 'cannot be told apart from noise';
  if (expect === 'equal')
    return direction === 'across' ? 'reproduces: no difference found' : `differs (${direction} zero)`;
  return direction === 'above' ? 'the control gains: it fails' : 'no gain, as a control should show';
}

export type ExperimentReport = { file: string; summary: string };

export function writeExperimentReport(
  results: readonly UnitResult[],
  options: { file: string; outDir: string; command: string },
): ExperimentReport {
  const seeds = [...new Set(results.map((r) => r.seed))].sort((a, b) => a - b);
  const { byKey, rates } = indexResults(results);
  const settings = experimentSettings(0);
  const arm = (id: string, mode: DemoMode, label?: string): Policy => ({
    label: label ?? `${ARMS.find((a) => a.id === id)?.label ?? id} (${mode})`,
    value: (seed, metric, kind) => rates(seed, id, mode, kind)?.[metric],
  });
  // The constant policies: per seed, the better by reward of the SFT and SFT+GRPO models when told to
  // use code (always) or told not to (never); the best constant is the better of the two. A model counts
  // as a constant policy only where it did as told (decision 0030): RL trains the choice under the
  // code-optional prompt, and a trained model may carry it into the other prompts, which is then no constant.
  const bestOf = (label: string, candidates: Candidate[]): Policy => ({
    label,
    value: (seed, metric, kind) => {
      const best = bestCandidate(candidates, seed);
      return best === undefined ? undefined : best.value(seed, metric, kind);
    },
  });
  const told = (id: string, mode: DemoMode, obeyed?: (codeUse: number) => boolean): Candidate => {
    const policy = arm(id, mode);
    return { policy, counts: obeyed && ((seed) => obeyed(policy.value(seed, 'codeUse') ?? Number.NaN)) };
  };
  const codes = (codeUse: number) => codeUse >= OBEYED_SHARE;
  const skips = (codeUse: number) => codeUse <= 1 - OBEYED_SHARE;
  const obeyedShare = `${100 * OBEYED_SHARE}%`;
  const always = bestOf(`always code (best of SFT, and SFT+GRPO where ≥ ${obeyedShare} coded, told to use Python)`, [
    told('sft', 'ci'),
    told('grpo', 'ci', codes),
  ]);
  const never = bestOf(`never code (best of SFT, and SFT+GRPO where ≥ ${obeyedShare} did not, told to use no code)`, [
    told('sft', 'text'),
    told('grpo', 'text', skips),
  ]);
  const bestConstant = bestOf('best constant policy', [{ policy: always }, { policy: never }]);
  const sftChoice = arm('sft', 'choice', 'SFT, code optional');
  const grpoChoice = arm('grpo', 'choice', 'SFT + GRPO, code optional');
  // The ablations ran the shared steps: they are compared with the headline run at that step.
  const grpoMidway: Policy = {
    label: `SFT + GRPO, code optional, at step ${settings.rl.steps}`,
    value: (seed, metric, kind) => {
      const records = byKey.get(`${seed}/grpo`)?.midway?.modes.choice;
      return records ? ratesOf(records, kind)[metric] : undefined;
    },
  };
  const choice = (id: string) => arm(id, 'choice', ARMS.find((a) => a.id === id)!.label);

  const findings: Finding[] = [
    {
      id: 'when-to-code',
      title: 'GRPO learns when to use code',
      paper: 'the model learns when code pays rather than always or never using it (qualitative)',
      difference: { a: grpoChoice, b: bestConstant, metric: 'reward', expect: 'above' },
      policies: [never, always, sftChoice, grpoChoice],
      metrics: ['reward', 'accuracy', 'codeUse'],
    },
    {
      id: 'shuffled-control',
      title: 'Control: GRPO on shuffled rewards',
      paper: '(our control; not in the paper)',
      difference: { a: choice('shuffled'), b: bestConstant, metric: 'reward', expect: 'not-above' },
      policies: [bestConstant, sftChoice, choice('shuffled'), grpoChoice],
      metrics: ['reward', 'accuracy', 'codeUse'],
    },
    pair(
      'interpreter',
      'Training with the interpreter beats text-only training',
      'GPT-4o 58.6 text only → 70.9 with the interpreter; R1-CI-14B 72.4 (37 test tasks)',
      grpoMidway,
      arm('text', 'text', 'text-only SFT + GRPO'),
      'above',
    ),
    pair(
      'warm-start',
      'The SFT warm start is essential (cold GRPO gains little)',
      'GRPO from the untuned base gives almost nothing (qualitative)',
      grpoMidway,
      choice('cold'),
      'above',
    ),
    pair(
      'masking',
      'Masking interpreter output is at least as good as training on it',
      'masked beat unmasked (no number in our notes)',
      grpoMidway,
      choice('unmasked'),
      'above',
    ),
    pair('ppo', 'GRPO ≈ PPO', SAME_ESTIMATORS, choice('ppo'), grpoMidway, 'equal'),
    pair('reinforce', 'GRPO ≈ REINFORCE++', SAME_ESTIMATORS, choice('reinforce'), grpoMidway, 'equal'),
    pair(
      'curriculum',
      'The improvement-potential curriculum beats uniform sampling',
      'RL adds +9.3 points with the curriculum against +3.4 without (63.1 → 72.4 against 66.5)',
      choice('curriculum'),
      grpoMidway,
      'above',
    ),
  ];

  const perSeed = (p: Policy, metric: Metric, kind?: QuestionKind) =>
    seeds.map((s) => p.value(s, metric, kind)).filter((v): v is number => v !== undefined && !Number.isNaN(v));
  const differenceOf = (f: Finding): Estimate => {
    const { a, b, metric } = f.difference;
    const diffs = seeds.flatMap((s) => {
      const x = a.value(s, metric);
      const y = b.value(s, metric);
      return x === undefined || y === undefined || Number.isNaN(x) || Number.isNaN(y) ? [] : [x - y];
    });
    return estimate(diffs);
  };
  const fmt = (e: Estimate, metric: Metric) =>
    formatEstimate(e, isPercent(metric)) + (isPercent(metric) && !Number.isNaN(e.mean) ? '%' : '');
  const verdictFor = (f: Finding, d: Estimate) =>
    d.n === 0 ? 'not run' : verdictOf(directionOf(d), f.difference.expect);

  const figuresDir = join(dirname(options.file), basename(options.file, '.md'));
  mkdirSync(figuresDir, { recursive: true });
  const estimatorName =
    settings.rl.estimator !== 'grpo'
      ? settings.rl.estimator
      : settings.rl.divideByStd === false
        ? "GRPO with the mean baseline only (no division by the group's spread)"
        : "GRPO (each group's advantages divided by its spread)";
  const taskMix =
    settings.rl.taskMix === 'balanced'
      ? 'each step asking both tasks equally'
      : "each step's questions drawn from both tasks' pool at once";
  const lines: string[] = [
    "# Experiments: the paper's findings at small scale",
    '',
    `Written by \`r1ci ${options.command}\` from the run folder \`${options.outDir}\` (do not edit by hand: ` +
      'rerun the command). Seeds: ' +
      (seeds.length ? seeds.join(', ') : 'none yet') +
      `. Every number is a mean over seeds with its 95% interval (Student's t over the per-seed values; ` +
      'differences are paired by seed).',
    '',
    '## The setting',
    '',
    `- **Tasks.** ${WHEN_TO_CODE_TASKS.map((t) => `\`${t.id}\` (${JSON.stringify(t.options)})`).join(' and ')}.`,
    '  Question kinds: **rule** (a base of 1–99 to the power 0: many questions, one answer, which the rule',
    '  "anything to the power 0 is 1" gives without computing) and **product** (two factors of 2–3 digits,',
    '  which the tiny model cannot compute in its head).',
    `- **Reward.** The paper's v2 reward (+1 correct, ±0.1 format, −0.1 past 6 turns) plus a code cost of ` +
      `${Math.abs(CODE_PENALTY)} per code call, so that code pays only where it changes the answer.`,
    `- **SFT** (shared by every arm that starts from it): ${settings.demo.perTask} trajectories per task told to ` +
      `use Python, then ${settings.demo.choicePerTask} per task with code optional, of which the teacher answers ` +
      `${100 * settings.demo.directShare}% in its head, chosen at random and blind to the question's kind; ` +
      'every teacher answer first restates the question in its own words ("Question: Compute 12.5^0."), then ' +
      'chooses; ' +
      `and ${settings.textPerTask} per task told to use no code (answered in the head); ` +
      `peak lr ${settings.demo.sft.learningRate}, ${settings.demo.sft.epochs} epochs.`,
    `- **RL** (every arm): ${estimatorName} unless the arm says otherwise, steps of ` +
      `${settings.rl.questionsPerStep} questions × ` +
      `${settings.rl.groupSize} answers at a constant lr ${settings.rl.learningRate}, ${taskMix}, from ` +
      `${settings.rl.questionsPerTask} training questions per task (their own seed), under the code-optional ` +
      `prompt. The headline run (SFT + GRPO) and its shuffled-reward control take ${settings.headlineSteps} ` +
      `steps; every other arm takes ${settings.rl.steps} and is compared with the headline run's state after ` +
      `${settings.rl.steps} steps, evaluated on its way.`,
    `- **Questions.** Settings were chosen on dev questions; every number below is on ${settings.evalQuestions} ` +
      `test questions per task per seed (question seed = seed + ${SPLIT_SEED_OFFSET.test}), greedy, which no ` +
      'setting was chosen on.' +
      ' Answers ended by an infrastructure failure are left out and counted in the wall-time table.',
    '',
    '## Summary',
    '',
    '| finding | in the paper | difference (ours) | verdict |',
    '|---|---|---|---|',
  ];
  for (const f of findings) {
    const d = differenceOf(f);
    lines.push(
      `| [${f.title}](#${f.id}) | ${f.paper} | ${f.difference.a.label} − ${f.difference.b.label}, ` +
        `${METRIC_NAMES[f.difference.metric]}: ${fmt(d, f.difference.metric)} | ` +
        `${verdictFor(f, d)} |`,
    );
  }
  const summaryLines: string[] = [];
  for (const f of findings) {
    const d = differenceOf(f);
    const verdict = verdictFor(f, d);
    summaryLines.push(`${f.title}: ${fmt(d, f.difference.metric)} (${verdict})`);
    lines.push('', `<a id="${f.id}"></a>`, `## ${f.title}`, '', `In the paper: ${f.paper}.`, '');
    lines.push(
      `| policy | ${f.metrics.map((m) => METRIC_NAMES[m]).join(' | ')} | per seed (${METRIC_NAMES[f.metrics[0]]}) |`,
    );
    lines.push(`|---|${f.metrics.map(() => '---').join('|')}|---|`);
    for (const p of f.policies)
      lines.push(
        `| ${p.label} | ${f.metrics.map((m) => fmt(estimate(perSeed(p, m)), m)).join(' | ')} | ` +
          `${seeds.map((s) => formatValue(p.value(s, f.metrics[0]), f.metrics[0])).join(', ')} |`,
      );
    lines.push(
      '',
      `Difference (${f.difference.a.label} − ${f.difference.b.label}), ${METRIC_NAMES[f.difference.metric]}: ` +
        `**${fmt(d, f.difference.metric)}** over ${d.n} seeds: **${verdict}**.`,
    );
    if (f.id === 'when-to-code') {
      // The same difference against the constants defined otherwise, so a reader sees what the definition weighs.
      const against = (constant: Policy) =>
        fmt(differenceOf({ ...f, difference: { ...f.difference, b: constant } }), 'reward');
      const sftOnly = bestOf('', [told('sft', 'ci'), told('sft', 'text')]);
      const anyTold = bestOf('', [told('sft', 'ci'), told('grpo', 'ci'), told('sft', 'text'), told('grpo', 'text')]);
      lines.push(
        '',
        `Against the constants of the SFT model alone: ${against(sftOnly)}. Counting SFT+GRPO told to use ` +
          `Python (or no code) whatever it did: ${against(anyTold)}.`,
        '',
        ...kindTable(f.policies, perSeed, fmt, codeUseMeaning(results)),
      );
    }
    const metric = f.difference.metric;
    const rows = f.policies.map((p) => {
      const e = estimate(perSeed(p, metric));
      return { label: p.label, mean: e.mean, low: e.mean - (e.halfWidth ?? 0), high: e.mean + (e.halfWidth ?? 0) };
    });
    const svg = intervalChart(rows, {
      title: `${f.title}: ${METRIC_NAMES[metric]}, mean and 95% interval over seeds`,
      format: (v) => (isPercent(metric) ? `${(100 * v).toFixed(0)}%` : v.toFixed(2)),
    });
    writeFileSync(join(figuresDir, `${f.id}.svg`), svg);
    lines.push('', `![${f.title}](${relative(dirname(options.file), join(figuresDir, `${f.id}.svg`))})`);
  }
  lines.push('', ...timeTable(results, seeds, byKey), ...invocationLines(readInvocations(options.outDir)), '');
  writeFileSync(options.file, lines.join('\n'));
  return { file: options.file, summary: summaryLines.join('\n') };
}

function formatValue(v: number | undefined, metric: Metric): string {
  if (v === undefined || Number.isNaN(v)) return '–';
  return isPercent(metric) ? `${(100 * v).toFixed(0)}%` : v.toFixed(2);
}

/** What the report's code use counts: answers that wrote code, or (results from before answers recorded
 * that) answers that ran it. */
function codeUseMeaning(results: readonly UnitResult[]): string {
  const records = results.flatMap((r) => Object.values(r.modes).flatMap((answers) => answers ?? []));
  return records.every((r) => r.codeWritten !== undefined)
    ? 'the share of answers that wrote a python block, run or not'
    : 'the share of answers that ran code';
}

/** Accuracy and code use per question kind, per policy: where the conditional policy shows. */
function kindTable(
  policies: readonly Policy[],
  perSeed: (p: Policy, metric: Metric, kind?: QuestionKind) => number[],
  fmt: (e: Estimate, metric: Metric) => string,
  codeUse: string,
): string[] {
  const lines = [
    `By question kind (accuracy / code use: ${codeUse}):`,
    '',
    `| policy | ${QUESTION_KINDS.join(' | ')} |`,
    `|---|${QUESTION_KINDS.map(() => '---').join('|')}|`,
  ];
  for (const p of policies)
    lines.push(
      `| ${p.label} | ${QUESTION_KINDS.map(
        (k) =>
          `${fmt(estimate(perSeed(p, 'accuracy', k)), 'accuracy')} / ` +
          `${fmt(estimate(perSeed(p, 'codeUse', k)), 'codeUse')}`,
      ).join(' | ')} |`,
    );
  return lines;
}

function timeTable(results: readonly UnitResult[], seeds: readonly number[], byKey: Map<string, UnitResult>): string[] {
  const arms = ARMS.filter((a) => results.some((r) => r.arm === a.id));
  const lines = [
    '## Wall time',
    '',
    'Seconds per run (SFT, where the run made the shared SFT model, + RL + evaluation); ' +
      'answers lost to infrastructure failures in brackets where there were any.',
    '',
    `| arm | ${seeds.map((s) => `seed ${s}`).join(' | ')} |`,
    `|---|${seeds.map(() => '---').join('|')}|`,
  ];
  for (const a of arms)
    lines.push(
      `| ${a.id} | ${seeds
        .map((s) => {
          const r = byKey.get(`${s}/${a.id}`);
          if (!r) return '–';
          const lost = Object.values(r.modes).reduce((n, recs) => n + recs.filter((x) => x.infrastructure).length, 0);
          return `${r.seconds.total.toFixed(0)}${lost ? ` (${lost} lost)` : ''}`;
        })
        .join(' | ')} |`,
    );
  const total = results.reduce((a, r) => a + r.seconds.total, 0);
  lines.push('', `Sum of the runs' wall times: ${(total / 60).toFixed(1)} min (runs on parallel lanes overlap).`);
  return lines;
}

/** The command's own wall time: each invocation that ran something (a killed one leaves no line, only its runs). */
function invocationLines(invocations: readonly Invocation[]): string[] {
  if (!invocations.length) return [];
  const total = invocations.reduce((a, i) => a + i.seconds, 0);
  return [
    '',
    `The command, per invocation that finished: ${invocations
      .map(
        (i) => `${(i.seconds / 60).toFixed(1)} min for ${i.runs} runs on ${i.lanes} lanes (${i.split}, ${i.startedAt})`,
      )
      .join('; ')}; in all **${(total / 60).toFixed(1)} min**.`,
  ];
}
