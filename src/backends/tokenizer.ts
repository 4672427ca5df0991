// A Hugging Face tokenizer (tokenizer.json + tokenizer_config.json with its chat template) in
// TypeScript: @huggingface/tokenizers encodes, @huggingface/jinja renders the template.
import { existsSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { Template } from '@huggingface/jinja';
import { Tokenizer as HfTokenizerImpl } from '@huggingface/tokenizers';
import { ConfigError } from '../core/index.js';
import type { ChatMessage, Tokenizer } from './types.js';

export type TokenizerFiles = {
  /** Parsed tokenizer.json. */
  tokenizerJson: Record<string, unknown>;
  /** Parsed tokenizer_config.json (holds chat_template, eos_token). */
  tokenizerConfig: Record<string, unknown>;
};

/** Reads tokenizer.json and tokenizer_config.json from a Hugging Face model folder. */
export function readTokenizerFiles(folder: string): TokenizerFiles {
  const jsonPath = join(folder, 'tokenizer.json');
  const configPath = join(folder, 'tokenizer_config.json');
  if (!existsSync(jsonPath))
    throw new ConfigError([
      {
        path: 'model',
        message: `${folder} has no tokenizer.json`,
        fix: 'point at a Hugging Face model folder that includes its tokenizer',
      },
    ]);
  const tokenizerJson = JSON.parse(readFileSync(jsonPath, 'utf8')) as Record<string, unknown>;
  const tokenizerConfig = existsSync(configPath)
    ? (JSON.parse(readFileSync(configPath, 'utf8')) as Record<string, unknown>)
    : {};
  return { tokenizerJson, tokenizerConfig };
}

export function loadTokenizer(folder: string): Tokenizer {
  return createTokenizer(readTokenizerFiles(folder));
}

function tokenText(value: unknown): string | undefined {
  if (typeof value === 'string') return value;
  if (value && typeof value === 'object' && typeof (value as { content?: unknown }).content === 'string')
    return (value as { content: string }).content;
  return undefined;
}

export function createTokenizer(files: TokenizerFiles): Tokenizer {
  const impl = new HfTokenizerImpl(files.tokenizerJson, files.tokenizerConfig);
  const source = files.tokenizerConfig.chat_template;
  const templateSource =
    typeof source === 'string'
      ? source
      : Array.isArray(source)
        ? (source.find((t: { name?: string }) => t.name === 'default') as { template?: string } | undefined)?.template
        : undefined;
  const template = templateSource ? new Template(templateSource) : undefined;
  const eosNames = new Set<string>();
  const eos = tokenText(files.tokenizerConfig.eos_token);
  if (eos) eosNames.add(eos);
  for (const name of ['<|im_end|>', '<|endoftext|>', '<|eot_id|>'])
    if (impl.token_to_id(name) !== undefined) eosNames.add(name);
  const eosTokenIds = [...eosNames]
    .map((name) => impl.token_to_id(name))
    .filter((id): id is number => id !== undefined);
  const specials = {
    bos_token: tokenText(files.tokenizerConfig.bos_token) ?? '',
    eos_token: eos ?? '',
  };
  return {
    eosTokenIds,
    encode: (text) => impl.encode(text, { add_special_tokens: false }).ids,
    // The library throws on an empty list; an episode whose first sample failed has no tokens to decode.
    decode: (ids) => (ids.length === 0 ? '' : impl.decode(ids as number[], { skip_special_tokens: false })),
    renderChat(messages: readonly ChatMessage[], options = {}) {
      if (!template) return renderChatMl(messages, options.addGenerationPrompt ?? false);
      return template.render({ messages, add_generation_prompt: options.addGenerationPrompt ?? false, ...specials });
    },
  };
}

/** ChatML, the fallback when a tokenizer ships no template. */
export function renderChatMl(messages: readonly ChatMessage[], addGenerationPrompt: boolean): string {
  let text = '';
  for (const message of messages) text += `<|im_start|>${message.role}\n${message.content}<|im_end|>\n`;
  if (addGenerationPrompt) text += '<|im_start|>assistant\n';
  return text;
}
