// Prompt tokens for token backends: the chat template rendered and encoded. The system message's
// rendering ends next to a special token (<|im_start|>), where tokenisation splits anyway, so its
// tokens are cached per system prompt; the first use checks the split against a full encode and
// the cache is only used when they agree.
import type { ChatMessage, Tokenizer } from '../backends/types.js';

type CachedPrefix = { text: string; ids: number[]; safe: boolean };
const cache = new WeakMap<Tokenizer, Map<string, CachedPrefix>>();

export function encodePrompt(tokenizer: Tokenizer, messages: readonly ChatMessage[]): number[] {
  const text = tokenizer.renderChat(messages, { addGenerationPrompt: true });
  const system = messages[0]?.role === 'system' ? messages[0].content : null;
  if (system === null) return tokenizer.encode(text);
  let perTokenizer = cache.get(tokenizer);
  if (!perTokenizer) cache.set(tokenizer, (perTokenizer = new Map()));
  let prefix = perTokenizer.get(system);
  if (!prefix) {
    const prefixText = tokenizer.renderChat([messages[0]], { addGenerationPrompt: false });
    const full = tokenizer.encode(text);
    const ids = tokenizer.encode(prefixText);
    const safe =
      text.startsWith(prefixText) && sameIds(full, ids.concat(tokenizer.encode(text.slice(prefixText.length))));
    prefix = { text: prefixText, ids, safe };
    perTokenizer.set(system, prefix);
    return full;
  }
  if (!prefix.safe || !text.startsWith(prefix.text)) return tokenizer.encode(text);
  return prefix.ids.concat(tokenizer.encode(text.slice(prefix.text.length)));
}

function sameIds(a: readonly number[], b: readonly number[]): boolean {
  return a.length === b.length && a.every((id, i) => id === b[i]);
}
