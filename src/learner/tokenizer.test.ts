// The tiny preset's tokenizer files work with the TypeScript tokenizer and template libraries,
// and give the ids the Python side uses (byte value = id; specials 256..258).
import { mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { Template } from '@huggingface/jinja';
import { Tokenizer } from '@huggingface/tokenizers';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { TINY_SPECIAL_TOKENS, createTinyPreset } from './tiny-preset.js';

describe('tiny preset folder', () => {
  let folder: string;
  let tokenizer: Tokenizer;
  let config: Record<string, unknown>;
  beforeAll(async () => {
    folder = await createTinyPreset(join(mkdtempSync(join(tmpdir(), 'r1ci-tiny-')), 'tiny'));
    config = JSON.parse(readFileSync(join(folder, 'tokenizer_config.json'), 'utf8')) as Record<string, unknown>;
    tokenizer = new Tokenizer(JSON.parse(readFileSync(join(folder, 'tokenizer.json'), 'utf8')), config);
  });
  afterAll(() => rmSync(join(folder, '..'), { recursive: true, force: true }));

  it('is a Hugging Face folder with a Qwen2 config', () => {
    const modelConfig = JSON.parse(readFileSync(join(folder, 'config.json'), 'utf8')) as Record<string, unknown>;
    expect([modelConfig.architectures, modelConfig.vocab_size, modelConfig.tie_word_embeddings]).toEqual([
      ['Qwen2ForCausalLM'],
      259,
      true,
    ]);
  });

  it('encodes text to its UTF-8 bytes and decodes back', () => {
    for (const text of ['hello world', '  two spaces\n\ttab', 'déjà vu ✓ 数学', 'x = 3 ** 2\nprint(x)']) {
      const ids = tokenizer.encode(text, { add_special_tokens: false }).ids;
      expect(ids).toEqual([...Buffer.from(text, 'utf8')]);
      expect(tokenizer.decode(ids, { skip_special_tokens: false })).toBe(text);
    }
  });

  it('maps the ChatML specials to single ids', () => {
    const ids = tokenizer.encode('<|im_start|>user\nhi<|im_end|>', { add_special_tokens: false }).ids;
    expect(ids).toEqual([
      TINY_SPECIAL_TOKENS['<|im_start|>'],
      ...Buffer.from('user\nhi'),
      TINY_SPECIAL_TOKENS['<|im_end|>'],
    ]);
    expect(tokenizer.token_to_id('<|endoftext|>')).toBe(256);
  });

  it('renders its chat template in ChatML', () => {
    const template = new Template(config.chat_template as string);
    const text = template.render({
      messages: [
        { role: 'system', content: 'Be brief.' },
        { role: 'user', content: '2+2?' },
      ],
      add_generation_prompt: true,
    });
    expect(text).toBe(
      '<|im_start|>system\nBe brief.<|im_end|>\n<|im_start|>user\n2+2?<|im_end|>\n<|im_start|>assistant\n',
    );
    expect(config.eos_token).toBe('<|im_end|>');
  });
});
