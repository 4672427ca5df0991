// The experiment's parts that need no model: question kinds, the interval and its verdicts, and the
// report computed from result files made here by hand.
import { mkdtempSync, readFileSync, existsSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { getTask } from '../../tasks/index.js';
import { createOracleBackend } from '../../agent/index.js';
import { questionKind, WHEN_TO_CODE_TASKS, type QuestionKind } from './settings.js';
import { directionOf, estimate } from './stats.js';
import { ratesOf, verdictOf, writeExperimentReport } from './report.js';
import type { AnswerRecord, UnitResult } from './run-experiment.js';

describe('question kinds', () => {
  it('power_function to the power 0 is answered by a rule, number_multiply is a product to compute', () => {
    const [product, power] = WHEN_TO_CODE_TASKS.map((t) => ({ task: getTask(t.id), options: t.options }));
    const questions = Array.from({ length: 60 }, (_, i) =>
      power.task.generate(power.task.resolveOptions(power.options), 900_000, i),
    );
    // Many different questions (bases of 1–99 with 4 decimals), one answer: the rule's.
    expect(new Set(questions.map((q) => q.metadata.base)).size).toBeGreaterThan(50);
    expect(new Set(questions.map((q) => q.answer))).toEqual(new Set(['1.00e+0']));
    expect(questions.every((q) => q.metadata.exponent === 0)).toBe(true);
    expect(questionKind(power.task.id)).toBe('rule');
    expect(questionKind(product.task.id)).toBe('product');
    expect(() => questionKind('rg.arithmetic.chain_sum')).toThrow(/no question kind/);
  });
  it("the teacher's power code quotes the question and prints an answer the verifier accepts", () => {
    const demoTask = WHEN_TO_CODE_TASKS[1];
    const task = getTask(demoTask.id);
    const instance = task.generate(task.resolveOptions(demoTask.options), 3, 0);
    const code = demoTask.teacherCode!(instance);
    expect(code).toContain(`question = "Compute ${instance.metadata.base as string}^0"`);
    expect(code).toContain(':.2e}>>>');
    // What Python's format prints for 1.0 with ".2e".
    expect(task.verify(instance, '<<<1.00e+00>>>').correct).toBe(true);
  });
});

describe("the teacher's opening", () => {
  it('restates the question in its own words first, then chooses between code and a direct answer', async () => {
    for (const demoTask of WHEN_TO_CODE_TASKS) {
      const task = getTask(demoTask.id);
      const instance = task.generate(task.resolveOptions(demoTask.options), 5, 0);
      const opening = demoTask.teacherOpening!(instance);
      // The restated words are the question's own, so the model copies them from the prompt.
      expect(instance.prompt).toContain(opening.slice('Question: '.length, -'.\n'.length));
      const reply = async (direct: boolean) =>
        (
          await createOracleBackend(task, instance, 'ci', {
            direct,
            opening,
            code: demoTask.teacherCode!(instance),
          }).chat({ messages: [], maxTokens: 300, temperature: 0 })
        ).text;
      expect(await reply(true)).toBe(
        `${opening}I can answer this without code. The answer is ${instance.answer}.\n\n<<<${instance.answer}>>>`,
      );
      expect(await reply(false)).toMatch(new RegExp(`^${opening.replace(/[.*+?^$()|[\]\\]/g, '\\$&')}Computing beats`));
    }
  });
});

describe('estimates over seeds', () => {
  it("a 95% interval by Student's t: 1..5 gives 3 ± 2.776 · 1.5811 / √5", () => {
    const e = estimate([1, 2, 3, 4, 5]);
    expect(e.mean).toBe(3);
    expect(e.halfWidth).toBeCloseTo((2.776 * Math.sqrt(2.5)) / Math.sqrt(5), 6);
    expect(estimate([0.4]).halfWidth).toBeNull();
  });
  it('the verdict follows where the interval lies, against what the paper leads one to expect', () => {
    expect(verdictOf(directionOf(estimate([0.1, 0.12, 0.09, 0.11, 0.1])), 'above')).toBe('reproduces');
    expect(verdictOf(directionOf(estimate([0.1, -0.12, 0.09, -0.11, 0.1])), 'above')).toBe(
      'cannot be told apart from noise',
    );
    expect(verdictOf(directionOf(estimate([-0.1, -0.12, -0.09, -0.11, -0.1])), 'above')).toBe(
      'fails: the opposite holds',
    );
    expect(verdictOf(directionOf(estimate([0.1, -0.12, 0.09, -0.11, 0.1])), 'equal')).toBe(
      'reproduces: no difference found',
    );
    expect(verdictOf(directionOf(estimate([0.3, 0.31, 0.29, 0.3, 0.3])), 'not-above')).toBe(
      'the control gains: it fails',
    );
  });
});

/** Two answers, one per kind: each correct or not, with or without a code call (reward as the experiment scores). */
const answers = (spec: Record<QuestionKind, { correct: boolean; code: boolean }>): AnswerRecord[] =>
  (Object.entries(spec) as [QuestionKind, { correct: boolean; code: boolean }][]).map(([kind, s], index) => ({
    taskId: kind === 'product' ? 'symbench.number_multiply' : 'rg.arithmetic.power_function',
    index,
    kind,
    correct: s.correct,
    codeCalls: s.code ? 1 : 0,
    reward: (s.correct ? 1 : 0) + 0.1 + (s.code ? -0.3 : 0),
    stopReason: 'final-answer',
    infrastructure: false,
  }));
const ok = { correct: true, code: true };
const head = { correct: true, code: false };
const wrongHead = { correct: false, code: false };
const alwaysCode = answers({ rule: ok, product: ok }); // 0.8 each
const neverCode = answers({ rule: head, product: wrongHead }); // (1.1 + 0.1) / 2 = 0.6
const conditional = answers({ rule: head, product: ok }); // (1.1 + 0.8) / 2 = 0.95

function unit(seed: number, arm: string, modes: UnitResult['modes'], midway?: UnitResult['midway']): UnitResult {
  return { arm, seed, split: 'test', modes, midway, seconds: { sft: 0, rl: 10, eval: 2, total: 12 + seed } };
}

describe('code use in the report', () => {
  it('counts an answer that wrote code as code use even when the code never ran', () => {
    const cutOff = { ...answers({ rule: wrongHead, product: wrongHead })[0], codeWritten: true };
    const inHead = { ...answers({ rule: head, product: head })[0], codeWritten: false };
    expect(ratesOf([cutOff, inHead]).codeUse).toBe(0.5);
  });

  it('falls back to code calls for results written before answers recorded written code', () => {
    expect(ratesOf(conditional).codeUse).toBe(0.5);
  });

  it('is named in the report as written code once every answer records it', () => {
    const flagged = conditional.map((r) => ({ ...r, codeWritten: r.codeCalls > 0 }));
    const results = [0, 1].map((seed) => unit(seed, 'grpo', { choice: flagged, ci: flagged, text: flagged }));
    const file = join(mkdtempSync(join(tmpdir(), 'r1ci-experiment-report-')), 'experiments.md');
    writeExperimentReport(results, { file, outDir: join(file, '..'), command: 'experiment --test' });
    expect(readFileSync(file, 'utf8')).toContain(
      'code use: the share of answers that wrote a python block, run or not',
    );
  });
});

describe('the report', () => {
  it('compares the code-optional policy with the best constant one per seed, and the control with it', () => {
    const results = [0, 1, 2, 3, 4].flatMap((seed) => [
      unit(seed, 'sft', { choice: neverCode, ci: alwaysCode, text: neverCode }),
      unit(seed, 'grpo', { choice: conditional, ci: alwaysCode, text: neverCode }),
      unit(seed, 'shuffled', { choice: seed % 2 ? neverCode : alwaysCode }),
    ]);
    expect(ratesOf(conditional).reward).toBeCloseTo(0.95, 10);
    const dir = mkdtempSync(join(tmpdir(), 'r1ci-experiment-report-'));
    const file = join(dir, 'experiments.md');
    const report = writeExperimentReport(results, { file, outDir: dir, command: 'experiment --test' });
    const text = readFileSync(file, 'utf8');
    // 0.95 − max(0.8, 0.6) = 0.15 on every seed: an interval of width 0 above zero.
    expect(report.summary).toMatch(/GRPO learns when to use code: 0\.150 ± 0\.000 \(reproduces\)/);
    // The control: 0.8 on three seeds and 0.6 on two, never above the best constant (0.8): −0.08 on average.
    expect(report.summary).toMatch(/shuffled rewards: -0\.080 ± 0\.\d+ \(no gain, as a control should show\)/);
    // Findings whose arms did not run say so rather than inventing a number.
    expect(report.summary).toMatch(/GRPO ≈ PPO: – \(not run\)/);
    expect(text).toContain('| rule | product |');
    // These answers predate the written-code flag: the table says its code use counts code that ran.
    expect(text).toContain('code use: the share of answers that ran code');
    expect(existsSync(join(dir, 'experiments', 'when-to-code.svg'))).toBe(true);
    expect(text).toContain('](experiments/when-to-code.svg)');
  });

  it('counts a trained model told to use Python as a constant policy only where it coded', () => {
    // SFT+GRPO told to use Python answers the powers in its head anyway: as good as its choice, and no constant.
    const report = (grpoCi: AnswerRecord[]) => {
      const results = [0, 1, 2].flatMap((seed) => [
        unit(seed, 'sft', { choice: neverCode, ci: alwaysCode, text: neverCode }),
        unit(seed, 'grpo', { choice: conditional, ci: seed === 0 ? grpoCi : alwaysCode, text: neverCode }),
      ]);
      const dir = mkdtempSync(join(tmpdir(), 'r1ci-experiment-report-'));
      const file = join(dir, 'experiments.md');
      return {
        ...writeExperimentReport(results, { file, outDir: dir, command: 'x' }),
        text: readFileSync(file, 'utf8'),
      };
    };
    const disobeys = report(conditional);
    // Seed 0's told model coded half its answers: left out, so its constant is the SFT model's 0.8.
    expect(disobeys.summary).toMatch(/GRPO learns when to use code: 0\.150 ± 0\.000 \(reproduces\)/);
    // Counted whatever it did, it would have been the "constant" at 0.95, and seed 0's gain 0.
    expect(disobeys.text).toMatch(/whatever it did: 0\.100 ± 0\.\d+\./);
    // A told model that codes 95% of the time or more counts: on seed 0 one scoring 0.9 beats the SFT
    // model's 0.8, so the gains are 0.05, 0.15, 0.15.
    const better = alwaysCode.map((r) => ({ ...r, reward: 0.9 }));
    expect(report(better).summary).toMatch(/GRPO learns when to use code: 0\.117 ± 0\.\d+ \(/);
  });

  it('compares the shorter arms with the headline run at their step, not at its end', () => {
    const results = [0, 1, 2].flatMap((seed) => [
      unit(seed, 'grpo', { choice: conditional }, { step: 10, modes: { choice: neverCode }, seconds: 1 }),
      unit(seed, 'ppo', { choice: neverCode }),
    ]);
    const dir = mkdtempSync(join(tmpdir(), 'r1ci-experiment-report-'));
    const file = join(dir, 'experiments.md');
    const report = writeExperimentReport(results, { file, outDir: dir, command: 'x' });
    // PPO's accuracy equals the headline run's at step 10 (50%), not its end (100%).
    expect(report.summary).toMatch(/GRPO ≈ PPO: 0\.0 ± 0\.0% \(reproduces: no difference found\)/);
    expect(readFileSync(file, 'utf8')).toContain('| SFT + GRPO, code optional, at step 10 |');
  });
});
