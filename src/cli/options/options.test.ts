// Each command's schema and its commander flags stay in step: the schema covers exactly the flags,
// commander gives no defaults of its own (they live in the schema or the library), and a bad
// value becomes one problem naming its flag.
import { describe, expect, it } from 'vitest';
import type { Command } from 'commander';
import type { z } from 'zod';
import { buildProgram } from '../main.js';
import { ConfigError } from '../../core/index.js';
import { buildLossConfig } from '../../train/rl/index.js';
import { DEMO_FLAGS } from './demo.js';
import { EVAL_FLAGS, resolveEvalFlags, resolveSynthFlags, SYNTH_FLAGS } from './eval.js';
import { optionKeys } from './flags.js';
import { resolveRlFlags, RL_FLAGS } from './rl.js';
import { resolveSftFlags, SFT_FLAGS } from './sft.js';
import { TASKS_EXPORT_FLAGS, TASKS_LIST_FLAGS, TASKS_SAMPLE_FLAGS, TASKS_VERIFY_FLAGS } from './tasks.js';
import {
  PLAN_FLAGS,
  resolvePlanFlags,
  resolveServeFlags,
  SANDBOX_CHECK_FLAGS,
  SANDBOX_EXEC_FLAGS,
  SANDBOX_SERVE_FLAGS,
  SERVE_FLAGS,
  TASKS_CHECK_FLAGS,
} from './tools.js';

const SCHEMAS: Record<string, z.ZodObject> = {
  rl: RL_FLAGS,
  sft: SFT_FLAGS,
  eval: EVAL_FLAGS,
  synth: SYNTH_FLAGS,
  demo: DEMO_FLAGS,
  plan: PLAN_FLAGS,
  serve: SERVE_FLAGS,
  'tasks list': TASKS_LIST_FLAGS,
  'tasks sample': TASKS_SAMPLE_FLAGS,
  'tasks verify': TASKS_VERIFY_FLAGS,
  'tasks export': TASKS_EXPORT_FLAGS,
  'tasks check': TASKS_CHECK_FLAGS,
  'sandbox exec': SANDBOX_EXEC_FLAGS,
  'sandbox check': SANDBOX_CHECK_FLAGS,
  'sandbox serve': SANDBOX_SERVE_FLAGS,
};

/** A (sub)command by its words, e.g. 'sandbox serve'. */
function commandOf(program: Command, path: string): Command {
  return path.split(' ').reduce((parent, name) => parent.commands.find((c) => c.name() === name)!, program);
}

describe('command schemas', () => {
  const program = buildProgram();
  for (const [name, schema] of Object.entries(SCHEMAS)) {
    it(`${name}: the schema names exactly the command's flags, and commander sets no default`, () => {
      const command = commandOf(program, name);
      expect(optionKeys(command).sort()).toEqual(Object.keys(schema.shape).sort());
      const defaults = command.options.filter((o) => !o.negate && o.defaultValue !== undefined).map((o) => o.long);
      expect(defaults).toEqual([]);
    });
  }

  it('the learning rate has one name: --learning-rate (or --lr) → learningRate → learning_rate', () => {
    for (const name of ['rl', 'sft']) {
      const option = program.commands
        .find((c) => c.name() === name)!
        .options.find((o) => o.attributeName() === 'learningRate')!;
      expect([option.long, option.short]).toEqual(['--learning-rate', '--lr']);
    }
  });

  it('fills the defaults of the schema and of the library', () => {
    const sft = resolveSftFlags({ data: 'd.jsonl', out: 'o' });
    expect(sft.config).toMatchObject({ epochs: 3, batchSize: 32, learningRate: 1e-5 });
    expect(sft.heldOut).toBe(0.05);
    const evalFlags = resolveEvalFlags({ model: 'oracle', out: 'o', progress: true, execTimeout: '2.5' });
    expect(evalFlags).toMatchObject({
      tasks: 'test',
      perTask: 10,
      mode: 'ci',
      concurrency: 8,
      agent: { mode: 'ci', execTimeoutMs: 2500 },
    });
    const { config } = resolveRlFlags({
      out: 'o',
      std: true,
      batchRequests: true,
      learningRate: '3e-5',
      maxExecCalls: '0',
    });
    expect(config).toMatchObject({
      learningRate: 3e-5,
      taskIds: ['rg.arithmetic.chain_sum'],
      groupSize: 5,
      agent: { maxExecCalls: 0 },
    });
  });

  it('--clip-high and --dual-clip reach the loss config sent to the learner; by default 0.8/1.2, no dual clip', () => {
    const rl = { out: 'o', std: true, batchRequests: true, kl: '0' };
    const { config } = resolveRlFlags({ ...rl, clipHigh: '1.28', dualClip: '3' });
    expect(buildLossConfig(config, 10)).toEqual({ clip_low_threshold: 0.8, clip_high_threshold: 1.28, dual_clip: 3 });
    expect(buildLossConfig(resolveRlFlags(rl).config, 10)).toEqual({
      clip_low_threshold: 0.8,
      clip_high_threshold: 1.2,
    });
  });

  it('r1ci rl --reward partial: the words on the command line reach the resolved config', async () => {
    // The command line as the user types it, through commander; the test takes the parsed flags where
    // the command's action would (its action goes on to start a learner).
    const correctness = async (...words: string[]): Promise<string> => {
      const cli = buildProgram();
      let raw: unknown;
      commandOf(cli, 'rl').action((parsed: unknown) => {
        raw = parsed;
      });
      await cli.parseAsync(['rl', '--out', 'o', ...words], { from: 'user' });
      return resolveRlFlags(raw).config.reward.correctness;
    };
    expect(await correctness('--reward', 'partial')).toBe('partial');
    expect(await correctness('--reward=binary')).toBe('binary');
    expect(await correctness()).toBe('binary');
    await expect(correctness('--reward', 'half')).rejects.toThrow(
      /^--reward: bad value "half" \(use binary or partial/,
    );
  });

  it('r1ci rl --code-penalty and --shuffle-rewards reach the resolved config; off by default', async () => {
    const resolved = async (...words: string[]) => {
      const cli = buildProgram();
      let raw: unknown;
      commandOf(cli, 'rl').action((parsed: unknown) => {
        raw = parsed;
      });
      await cli.parseAsync(['rl', '--out', 'o', ...words], { from: 'user' });
      return resolveRlFlags(raw).config;
    };
    const set = await resolved('--code-penalty', '-0.3', '--shuffle-rewards');
    expect([set.reward.codePenalty, set.shuffleRewards]).toEqual([-0.3, true]);
    const unset = await resolved();
    expect([unset.reward.codePenalty, unset.shuffleRewards]).toEqual([0, false]);
  });

  it('--lora-rank: one name and one check for sft and rl; 0 (all weights) by default', () => {
    const base = { sft: { data: 'd.jsonl', out: 'o' }, rl: { out: 'o', std: true, batchRequests: true } };
    expect(resolveSftFlags(base.sft).config.loraRank).toBe(0);
    expect(resolveSftFlags({ ...base.sft, loraRank: '4' }).config.loraRank).toBe(4);
    for (const bad of ['-1', '2.5', 'four']) {
      const message = `--lora-rank: bad value "${bad}" (use an integer ≥ 0)`;
      expect(() => resolveSftFlags({ ...base.sft, loraRank: bad })).toThrow(message);
      expect(() => resolveRlFlags({ ...base.rl, loraRank: bad })).toThrow(message);
    }
  });

  it('lists every bad flag in one error, each under its flag name', () => {
    let error: unknown;
    try {
      resolveRlFlags({
        out: 'o',
        std: true,
        batchRequests: true,
        groupSize: '0',
        estimator: 'dpo',
        learningRate: 'fast',
      });
    } catch (caught) {
      error = caught;
    }
    expect(error).toBeInstanceOf(ConfigError);
    expect((error as ConfigError).problems.map((p) => p.path)).toEqual([
      '--estimator',
      '--group-size',
      '--learning-rate',
    ]);
  });

  it('checks words and lists: modes, temperatures, prompt variants, export formats', () => {
    const evalBase = { model: 'oracle', out: 'o', progress: true };
    expect(() => resolveEvalFlags({ ...evalBase, temperature: 'hot' })).toThrow(
      /^--temperature: bad value "hot" \(use a number ≥ 0 and ≤ 5\)$/,
    );
    expect(() => resolveEvalFlags({ ...evalBase, schedule: 'later' })).toThrow(
      /^--schedule: bad value "later" \(use async or batch\)$/,
    );
    const synthBase = { out: 'o.jsonl', progress: true };
    expect(() => resolveSynthFlags({ ...synthBase, variants: 'free,loud' })).toThrow(
      /^--variants: bad value "free,loud" \(use a comma-separated list of free, /,
    );
    expect(() => resolveSynthFlags({ ...synthBase, export: 'csv' })).toThrow(/^--export: bad value "csv"/);
    expect(resolveSynthFlags({ ...synthBase, export: 'openai, parquet' }).export).toEqual(['openai', 'parquet']);
    expect(resolveSynthFlags(synthBase)).toMatchObject({
      variants: ['free', 'text-then-code', 'code-then-text'],
      agent: { execTimeoutMs: 60_000 },
    });
  });

  it('the smaller commands: sizes, ports, isolation modes and service limits', () => {
    expect(resolvePlanFlags({ checkpointing: true, budget: '80GiB' })).toMatchObject({
      seq: 8192,
      microBatch: 1,
      loraRank: 0,
      budget: '80GiB',
    });
    expect(() => resolvePlanFlags({ checkpointing: true, budget: '80 gigs' })).toThrow(
      /^--budget: bad value "80 gigs" \(write e\.g\. 80GiB/,
    );
    expect(() => resolvePlanFlags({ checkpointing: true, seq: '0' })).toThrow(/^--seq: bad value "0"/);
    const serve = { sandbox: true };
    expect(resolveServeFlags(serve)).toMatchObject({ port: 8090, host: '127.0.0.1' });
    expect(() => resolveServeFlags({ ...serve, port: '70000', isolation: 'docker' })).toThrow(
      new RegExp(
        '^--port: bad value "70000" \\(use an integer ≥ 0 and ≤ 65535\\); ' +
          '--isolation: bad value "docker" \\(use bwrap or none\\)$',
      ),
    );
    expect(() => resolveServeFlags({ ...serve, maxRunTimeout: '-5' })).toThrow(
      /^--max-run-timeout: bad value "-5" \(use a number > 0\)$/,
    );
  });

  it('checks URLs before anything connects', () => {
    const rl = { out: 'o', std: true, batchRequests: true };
    expect(() => resolveRlFlags({ ...rl, sandbox: 'http://a:8080,ftp://b' })).toThrow(
      /^--sandbox: bad value "http:\/\/a:8080,ftp:\/\/b"/,
    );
    expect(() => resolveRlFlags({ ...rl, learner: 'localhost:8000' })).toThrow(
      /^--learner: bad value "localhost:8000" \(write http/,
    );
    expect(resolveRlFlags({ ...rl, sandbox: 'http://a:8080, https://b' }).flags.sandbox).toBe(
      'http://a:8080, https://b',
    );
  });

  it('names the flag of a check across settings made by the library', () => {
    expect(() => resolveRlFlags({ out: 'o', std: true, batchRequests: true, dynamicSampling: true })).toThrow(
      /^--dynamic-sampling: bad value true \(dynamic sampling refills/,
    );
    expect(() => resolveRlFlags({ out: 'o', std: true, batchRequests: true, temperature: '0' })).toThrow(
      /^--temperature: bad value 0 \(use a temperature > 0/,
    );
    expect(
      resolveRlFlags({ out: 'o', std: true, batchRequests: true, temperature: '0.7' }).config.agent.temperature,
    ).toBe(0.7);
    const vllm = { out: 'o', std: true, batchRequests: true, rollouts: 'http://127.0.0.1:8000/v1', loraRank: '8' };
    expect(() => resolveRlFlags({ ...vllm, temperature: '0.7' })).toThrow(
      new RegExp(
        '^--temperature: vLLM rollouts at temperature 0\\.7 return untempered logprobs ' +
          '\\(use --temperature 1 with --rollouts\\)$',
      ),
    );
  });
});
