// The RL config refuses what would make a run silently wrong, and resolves the newer options'
// defaults to the paper's behaviour.
import { describe, expect, it } from 'vitest';
import { resolveRlConfig } from './config.js';

describe('resolveRlConfig, the sampling distribution', () => {
  it('takes a rollout temperature > 0 (trained on logits / T); refuses greedy rollouts and top-p < 1', () => {
    expect(resolveRlConfig().agent.temperature).toBe(1);
    expect(resolveRlConfig({ agent: { temperature: 0.7 } }).agent.temperature).toBe(0.7);
    expect(() => resolveRlConfig({ agent: { temperature: 0 } })).toThrow(
      /rl.agent.temperature: bad value 0 \(.*greedy rollouts do not explore/,
    );
    expect(() => resolveRlConfig({ agent: { topP: 0.9 } })).toThrow(/rl.agent.topP: bad value 0.9 \(leave top-p at 1/);
    expect(resolveRlConfig({ agent: { temperature: 1, topP: 1 } }).agent.topP).toBe(1);
  });
});

describe('resolveRlConfig, the agent limits', () => {
  it('refuses a bad agent limit itself, so runRl refuses it before it creates a model', () => {
    expect(() => resolveRlConfig({ agent: { maxExecCalls: -1 } })).toThrow(/^rl\.agent\.maxExecCalls: bad value -1/);
    expect(() => resolveRlConfig({ agent: { maxTokensPerTurn: 0, execTimeoutMs: 1.5 } })).toThrow(
      /rl\.agent\.execTimeoutMs: .*; rl\.agent\.maxTokensPerTurn: /,
    );
    expect(resolveRlConfig({ agent: { maxExecCalls: 0 } }).agent.maxExecCalls).toBe(0);
  });
});
