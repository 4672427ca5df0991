// Evaluating one model in several modes at once: the episodes run in one pool, and each mode's
// summary holds exactly its own episodes (a fake learner answers by which system prompt it sees).
import { describe, expect, it } from 'vitest';
import type { Tokenizer } from '../../backends/types.js';
import type { LearnerClient } from '../../learner/index.js';
import type { Sandbox } from '../../sandbox/types.js';
import { resolveDemoSettings } from './run-demo.js';
import { evaluateModes } from './stages.js';
import type { DemoContext } from './context.js';
import { DEMO_MODES, type DemoMode } from './tasks.js';

const EOS = 256;
const bytes: Tokenizer = {
  encode: (text) => [...Buffer.from(text, 'utf8')],
  decode: (ids) => Buffer.from(ids.filter((id) => id < 256)).toString('utf8'),
  renderChat: (messages, options) =>
    messages.map((m) => `<${m.role}>${m.content}\n`).join('') + (options?.addGenerationPrompt ? '<assistant>' : ''),
  eosTokenIds: [EOS],
};
const answerOf: Record<DemoMode, string> = { ci: '<<<1>>>', choice: '<<<2>>>', text: '<<<3>>>' };

describe('evaluateModes', () => {
  it('runs every mode in one pool and hands each mode its own episodes, in order', async () => {
    let inFlight = 0,
      most = 0;
    const client = {
      async sample(options: { promptTokens: number[] }) {
        inFlight++;
        most = Math.max(most, inFlight);
        await new Promise((resolve) => setTimeout(resolve, 5));
        inFlight--;
        const prompt = bytes.decode(options.promptTokens);
        const mode = (Object.keys(DEMO_MODES) as DemoMode[]).find((m) =>
          prompt.startsWith(`<system>${DEMO_MODES[m].prompt}\n`),
        )!;
        return [{ tokens: [...bytes.encode(answerOf[mode]), EOS], logprobs: [], stopReason: 'stop' }];
      },
    } as unknown as LearnerClient;
    const settings = resolveDemoSettings(false, { evalQuestions: 3, evalConcurrency: 64 });
    const ctx = {
      settings,
      client,
      tokenizer: bytes,
      sandbox: {} as Sandbox,
      log: () => {},
      progress: () => {},
    } as unknown as DemoContext;
    const modes: DemoMode[] = ['ci', 'choice', 'text'];
    const runs = await evaluateModes(ctx, { label: 'm', target: { modelId: 'm' } }, modes);
    expect(runs.map((r) => r.label)).toEqual(['m (ci)', 'm (choice)', 'm (text)']);
    runs.forEach((run, i) => {
      expect(run.episodes).toHaveLength(settings.tasks.length * 3);
      expect(new Set(run.episodes.map((e) => e.turns.at(-1)!.text))).toEqual(new Set([answerOf[modes[i]]]));
      expect(run.manifest.mode).toBe(DEMO_MODES[modes[i]].agentMode);
    });
    expect(most).toBe(settings.tasks.length * 3 * modes.length); // one pool, not one mode after another
  });
});
