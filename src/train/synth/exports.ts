// Exports of kept records for other training stacks: OpenAI fine-tuning chat JSONL (per-message
// `weight`: 1 on model text, 0 on interpreter feedback) and LLaMA-Factory ShareGPT (feedback as
// `observation`, which LLaMA-Factory never trains on), with its dataset_info.json entry.
import type { SynthRecord } from './types.js';

export type OpenAiChatLine = { messages: { role: 'system' | 'user' | 'assistant'; content: string; weight?: 0 | 1 }[] };

/** One OpenAI fine-tuning line: assistant messages carry weight 1 (weight is only allowed on assistant messages). */
export function toOpenAiChat(record: SynthRecord): OpenAiChatLine {
  return {
    messages: record.messages.map((m) =>
      m.role === 'assistant'
        ? { role: m.role, content: m.content, weight: 1 as const }
        : { role: m.role, content: m.content },
    ),
  };
}

export type ShareGptTurn = { from: 'human' | 'gpt' | 'observation'; value: string };
export type ShareGptLine = { conversations: ShareGptTurn[]; system: string };

/** One LLaMA-Factory ShareGPT example: human, then gpt and observation alternating, ending with gpt. */
export function toShareGpt(record: SynthRecord): ShareGptLine {
  const conversations: ShareGptTurn[] = [{ from: 'human', value: record.question }];
  for (const message of record.messages.slice(2))
    conversations.push({ from: message.role === 'assistant' ? 'gpt' : 'observation', value: message.content });
  return { conversations, system: record.system };
}

/** The dataset_info.json entry LLaMA-Factory needs to read the ShareGPT file. */
export function shareGptDatasetInfo(name: string, fileName: string): Record<string, unknown> {
  return {
    [name]: {
      file_name: fileName,
      formatting: 'sharegpt',
      columns: { messages: 'conversations', system: 'system' },
      tags: {
        role_tag: 'from',
        content_tag: 'value',
        user_tag: 'human',
        assistant_tag: 'gpt',
        observation_tag: 'observation',
      },
    },
  };
}

export function toJsonl(rows: readonly unknown[]): string {
  return rows.map((row) => JSON.stringify(row)).join('\n') + (rows.length ? '\n' : '');
}
