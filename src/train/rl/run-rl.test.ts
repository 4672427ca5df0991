// The RL loop's optional paths on the tiny model: stale-by-one-step sampling (step k+1 sampled from
// a snapshot taken before step k's update) and the offline IP curriculum (p estimated by 4 agents,
// stored, stage 1 drawing only from group 1). Plus the hidden-execution measure, by hand.
import { existsSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startTinyModelFixture, type TinyModelFixture } from '../../../test/helpers/training-fixtures.js';
import { type TokenSampleRequest, type Tokenizer } from '../../backends/index.js';
import { createLearnerTokenBackend, type LearnerSamplingTarget, type LocalLearner } from '../../learner/index.js';
import type { Sandbox } from '../../sandbox/types.js';
import { overlap, union } from './activity.js';
import { resolveRlConfig } from './config.js';
import { pickQuestions, runRl } from './run-rl.js';
import type { RunState } from './types.js';

let dir: string, base: string, tokenizer: Tokenizer, sandbox: Sandbox, learner: LocalLearner;
let fixture: TinyModelFixture | undefined;

beforeAll(async () => {
  fixture = await startTinyModelFixture('r1ci-rl-loop-', 4);
  ({ dir, base, tokenizer, sandbox, learner } = fixture);
}, 120_000);

afterAll(async () => {
  await fixture?.close();
});

const small = {
  groupSize: 2,
  questionsPerStep: 2,
  concurrency: 4,
  learningRate: 1e-3,
  agent: { systemPrompt: 'Use Python.', maxTokensPerTurn: 12, maxTotalTokens: 24 },
};

describe('runRl', () => {
  it('stale-1 sampling: step 2 samples the snapshot taken before step 1 trained', async () => {
    const runDir = join(dir, 'stale');
    const config = resolveRlConfig({ ...small, steps: 2, sampling: 'stale-1' });
    const sampled: string[] = [];
    const rolloutBackend = (target: LearnerSamplingTarget) => {
      const inner = createLearnerTokenBackend(learner.client, target);
      return {
        ...inner,
        sample: (request: TokenSampleRequest) => {
          sampled.push(
            target.modelPath
              ? `${target.modelPath.split('/').pop()} ${existsSync(join(target.modelPath, 'config.json'))}`
              : `live ${target.modelId}`,
          );
          return inner.sample(request);
        },
      };
    };
    const result = await runRl({
      config,
      client: learner.client,
      init: base,
      tokenizer,
      sandbox,
      runDir,
      rolloutBackend,
    });
    expect(result.metrics.map((m) => m.step)).toEqual([1, 2]);
    // Step 1 samples the live weights; step 2 (prefetched while step 1 trained) the saved snapshot.
    expect([...new Set(sampled)]).toEqual([`live ${result.modelId}`, 'sampler-000000 true']);
    const state = JSON.parse(readFileSync(join(runDir, 'state.json'), 'utf8')) as RunState;
    expect(state.step).toBe(2);
    expect(existsSync(join(runDir, 'report.html'))).toBe(true);
  }, 60_000);

  it('offline curriculum: estimates p with 4 agents, stores the groups, and stage 1 draws from group 1', async () => {
    const runDir = join(dir, 'curriculum');
    const config = resolveRlConfig({
      ...small,
      steps: 1,
      questionsPerTask: 4,
      curriculum: { enabled: true, stages: 2, stepsPerStage: 1, samplesPerAgent: 1 },
    });
    await runRl({ config, client: learner.client, init: base, tokenizer, sandbox, runDir });
    const file = JSON.parse(readFileSync(join(runDir, 'curriculum.json'), 'utf8')) as {
      groups: { question: { index: number }; p: number; ip: number }[][];
    };
    expect(file.groups.map((g) => g.length)).toEqual([2, 2]);
    for (const item of file.groups.flat()) expect(item.ip).toBeCloseTo(4 * item.p * (1 - item.p), 12);
    const ips = file.groups.flat().map((item) => item.ip);
    expect(ips).toEqual([...ips].sort((a, b) => b - a));
    const stage1 = file.groups[0].map((item) => item.question);
    expect(
      pickQuestions(stage1 as never, config, 1).every((q) =>
        stage1.some((s) => s.index === (q as { index: number }).index),
      ),
    ).toBe(true);
  }, 90_000);
});

describe('runRl with the online curriculum', () => {
  it('re-estimates p from the current policy at the start of every stage', async () => {
    const runDir = join(dir, 'online');
    const config = resolveRlConfig({
      ...small,
      steps: 2,
      questionsPerTask: 2,
      curriculum: { enabled: true, online: true, stages: 2, stepsPerStage: 1, samplesPerAgent: 1 },
    });
    // Text-mode calls (no stop string) are the estimate's; record how many steps had committed at each.
    let committed = 0;
    const estimateCalls: number[] = [];
    const rolloutBackend = (target: LearnerSamplingTarget) => {
      const inner = createLearnerTokenBackend(learner.client, target);
      return {
        ...inner,
        sample: (request: TokenSampleRequest) => {
          if (!request.stop) estimateCalls.push(committed);
          return inner.sample(request);
        },
      };
    };
    await runRl({
      config,
      client: learner.client,
      init: base,
      tokenizer,
      sandbox,
      runDir,
      rolloutBackend,
      onStep: (m) => {
        committed = m.step;
      },
    });
    // One text sample per question per stage: stage 1's before any update, stage 2's after step 1.
    expect(estimateCalls).toEqual([0, 0, 1, 1]);
    expect(existsSync(join(runDir, 'curriculum.json'))).toBe(false);
    for (const stage of [1, 2]) {
      const file = JSON.parse(readFileSync(join(runDir, `curriculum-stage-${stage}.json`), 'utf8')) as {
        stage: number;
        groups: unknown[][];
      };
      expect([file.stage, file.groups.flat().length]).toEqual([stage, 2]);
    }
  }, 90_000);
});

describe('runRl with LoRA', () => {
  it('trains rank-r adapters; the KL needs no reference copy (the adapters-off model is the reference)', async () => {
    const config = resolveRlConfig({ ...small, steps: 1, loraRank: 2, klCoef: 0.001 });
    const result = await runRl({
      config,
      client: learner.client,
      init: base,
      tokenizer,
      sandbox,
      runDir: join(dir, 'lora'),
    });
    const info = await learner.client.getInfo(result.modelId);
    expect([info.is_lora, info.lora_rank]).toEqual([true, 2]);
    expect(result.metrics[0].kl).not.toBeNull();
  }, 60_000);
});

describe('hidden execution', () => {
  it('measures the overlap of execution with generation', () => {
    const generation = union([
      { start: 0, end: 10 },
      { start: 5, end: 12 },
      { start: 20, end: 30 },
    ]);
    expect(generation).toEqual([
      [0, 12],
      [20, 30],
    ]);
    const execution = union([
      { start: 8, end: 14 },
      { start: 25, end: 35 },
    ]);
    // Overlaps: [8,12] = 4 and [25,30] = 5 of 16 ms of execution.
    expect(overlap(execution, generation)).toBe(9);
  });
});
