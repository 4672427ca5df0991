// Evaluating one model in several modes at once: the episodes run in one pool, and each mode's
// summary holds exactly its own episodes (a fake learner answers by which system prompt it sees).
// The eval stage also writes each model's episodes in each mode beside the table.
import { mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import type { Tokenizer } from '../../backends/types.js';
import type { LearnerClient } from '../../learner/index.js';
import type { Sandbox } from '../../sandbox/types.js';
import { resolveDemoSettings } from './run-demo.js';
import { evalStage, evaluateModes } from './stages.js';
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

function fakeDemo(inFlight = { now: 0, most: 0 }, overrides: Partial<DemoContext> = {}): DemoContext {
  const client = {
    async sample(options: { promptTokens: number[] }) {
      inFlight.now++;
      inFlight.most = Math.max(inFlight.most, inFlight.now);
      await new Promise((resolve) => setTimeout(resolve, 5));
      inFlight.now--;
      const prompt = bytes.decode(options.promptTokens);
      const mode = (Object.keys(DEMO_MODES) as DemoMode[]).find((m) =>
        prompt.startsWith(`<system>${DEMO_MODES[m].prompt}\n`),
      )!;
      return [{ tokens: [...bytes.encode(answerOf[mode]), EOS], logprobs: [], stopReason: 'stop' }];
    },
  } as unknown as LearnerClient;
  return {
    settings: resolveDemoSettings(false, { evalQuestions: 3, evalConcurrency: 64 }),
    client,
    tokenizer: bytes,
    sandbox: {} as Sandbox,
    log: () => {},
    progress: () => {},
    ...overrides,
  } as unknown as DemoContext;
}

const dir = mkdtempSync(join(tmpdir(), 'r1ci-demo-eval-'));
afterAll(() => rmSync(dir, { recursive: true, force: true }));

describe('evaluateModes', () => {
  it('runs every mode in one pool and hands each mode its own episodes, in order', async () => {
    const inFlight = { now: 0, most: 0 };
    const ctx = fakeDemo(inFlight);
    const modes: DemoMode[] = ['ci', 'choice', 'text'];
    const runs = await evaluateModes(ctx, { label: 'm', target: { modelId: 'm' } }, modes);
    expect(runs.map((r) => r.label)).toEqual(['m (ci)', 'm (choice)', 'm (text)']);
    runs.forEach((run, i) => {
      expect(run.episodes).toHaveLength(ctx.settings.tasks.length * 3);
      expect(new Set(run.episodes.map((e) => e.turns.at(-1)!.text))).toEqual(new Set([answerOf[modes[i]]]));
      expect(run.manifest.mode).toBe(DEMO_MODES[modes[i]].agentMode);
    });
    expect(inFlight.most).toBe(ctx.settings.tasks.length * 3 * modes.length); // one pool, not one mode after another
  });

  it("the eval stage writes each model and mode's episodes to eval/<model>-<mode>.jsonl", async () => {
    const ctx = fakeDemo(undefined, {
      outDir: dir,
      models: [{ label: 'sft', target: { modelId: 'm' } }],
      evals: new Map(),
    } as Partial<DemoContext>);
    await evalStage.run(ctx);
    for (const mode of Object.keys(DEMO_MODES) as DemoMode[]) {
      const lines = readFileSync(join(dir, 'eval', `sft-${mode}.jsonl`), 'utf8')
        .trim()
        .split('\n');
      const episodes = lines.map((line) => JSON.parse(line) as Record<string, unknown>);
      expect(episodes).toHaveLength(ctx.settings.tasks.length * 3);
      expect(episodes.map((e) => e.answer)).toEqual(episodes.map(() => answerOf[mode].slice(3, -3)));
      expect(episodes.every((e) => e.question && !('trajectory' in e))).toBe(true);
    }
  });
});
