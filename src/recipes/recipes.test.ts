// The recipes as a TypeScript user calls them, from the package entry with typed configs: bad input
// is one ConfigError naming config keys (not flags), thrown before a learner, sandbox or run folder
// exists.
import { existsSync, mkdtempSync, readdirSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import * as r1ci from '../index.js';
import { ConfigError } from '../core/index.js';

const dir = mkdtempSync(join(tmpdir(), 'r1ci-recipes-'));
afterAll(() => rmSync(dir, { recursive: true, force: true }));

/** The problems of the ConfigError a recipe rejects with. */
async function problemsOf(run: Promise<unknown>): Promise<{ path: string; message: string }[]> {
  const error = await run.then(
    () => undefined,
    (e: unknown) => e,
  );
  expect(error).toBeInstanceOf(ConfigError);
  return (error as ConfigError).problems.map(({ path, message }) => ({ path, message }));
}

describe('recipes from the package entry', () => {
  it('exports every recipe and the resolvers that build their configs', () => {
    const names = [
      'runSftRecipe',
      'runRlRecipe',
      'runEvalRecipe',
      'runSynthRecipe',
      'runDemo',
      'withModel',
      'resolveRlConfig',
      'resolveSftConfig',
      'resolveAgentConfig',
    ];
    expect(names.filter((name) => typeof (r1ci as Record<string, unknown>)[name] !== 'function')).toEqual([]);
  });

  it('runRlRecipe lists every folder and rollout problem at once, before anything starts', async () => {
    const out = join(dir, 'rl');
    const config = r1ci.resolveRlConfig({ taskIds: ['rg.arithmetic.chain_sum'], sampling: 'stale-1' });
    const recipe = {
      out,
      init: join(dir, 'no-model'),
      tokenizer: join(dir, 'no-tokenizer'),
      rollouts: 'localhost:8000',
      config,
    };
    expect(await problemsOf(r1ci.runRlRecipe(recipe))).toEqual([
      { path: 'init', message: `${join(dir, 'no-model')} does not exist` },
      { path: 'tokenizer', message: `no tokenizer.json in ${join(dir, 'no-tokenizer')}` },
      { path: 'rollouts', message: 'bad URL "localhost:8000"' },
      { path: 'rollouts', message: 'vLLM rollouts load the policy as a LoRA adapter each step' },
      { path: 'sampling', message: 'vLLM rollouts sample the live adapters, not a snapshot' },
    ]);
    expect(existsSync(out)).toBe(false);
  });

  it('runSftRecipe refuses a missing model folder and a file without records, before a learner starts', async () => {
    const data = join(dir, 'empty.jsonl');
    writeFileSync(data, '');
    const out = join(dir, 'sft');
    const recipe = { data, out, model: 'tiny', heldOut: 0.05, config: r1ci.resolveSftConfig({}) };
    expect(await problemsOf(r1ci.runSftRecipe(recipe))).toEqual([{ path: 'data', message: `${data} has no records` }]);
    const missing = join(dir, 'no-model');
    expect(await problemsOf(r1ci.runSftRecipe({ ...recipe, model: missing }))).toEqual([
      { path: 'model', message: `${missing} does not exist` },
    ]);
    expect(existsSync(out)).toBe(false);
  });

  it('runEvalRecipe and runSynthRecipe refuse a selector that matches no task, before anything starts', async () => {
    const common = { model: 'oracle', tasks: 'zz.*', seed: 0, concurrency: 1, agent: {} };
    const evalRecipe = {
      ...common,
      perTask: 1,
      mode: 'ci' as const,
      samples: 1,
      schedule: 'async' as const,
      out: join(dir, 'eval'),
    };
    const synthRecipe = {
      ...common,
      perTask: 1,
      attempts: 1,
      variants: ['free' as const],
      out: join(dir, 'synth.jsonl'),
    };
    const none = [{ path: 'tasks', message: 'no implemented task matches zz.*' }];
    expect(await problemsOf(r1ci.runEvalRecipe(evalRecipe))).toEqual(none);
    expect(await problemsOf(r1ci.runSynthRecipe(synthRecipe))).toEqual(none);
    expect(readdirSync(dir).filter((name) => name === 'eval' || name.startsWith('synth'))).toEqual([]);
  });
});
