// Parquet in verl's layout: the RL columns (data_source, prompt, ability, reward_model, extra_info)
// plus `messages`, the whole conversation verl's multi-turn SFT dataset reads. Written with
// hyparquet-writer (nested lists of structs), read back with hyparquet.
import { parquetWriteBuffer } from 'hyparquet-writer';
import type { SynthRecord } from './types.js';

export type VerlRow = {
  data_source: string;
  prompt: { role: string; content: string }[];
  ability: string;
  reward_model: { style: string; ground_truth: string };
  extra_info: { split: string; index: number; task_id: string; variant: string };
  messages: { role: string; content: string }[];
};

export const VERL_COLUMNS = ['data_source', 'prompt', 'ability', 'reward_model', 'extra_info', 'messages'] as const;

export function toVerlRow(record: SynthRecord): VerlRow {
  return {
    data_source: `r1ci/${record.taskId}`,
    prompt: record.messages.slice(0, 2).map((m) => ({ role: m.role, content: m.content })),
    ability: 'code-interpreter-reasoning',
    reward_model: { style: 'rule', ground_truth: record.gold },
    extra_info: { split: 'train', index: record.index, task_id: record.taskId, variant: record.variant },
    messages: record.messages.map((m) => ({ role: m.role, content: m.content })),
  };
}

const STRING = { type: 'BYTE_ARRAY', converted_type: 'UTF8', repetition_type: 'REQUIRED' } as const;

/** A list<struct<role, content>> column, in Parquet's three-level list layout. */
function messageListSchema(name: string) {
  return [
    { name, repetition_type: 'REQUIRED', converted_type: 'LIST', num_children: 1 },
    { name: 'list', repetition_type: 'REPEATED', num_children: 1 },
    { name: 'element', repetition_type: 'REQUIRED', num_children: 2 },
    { name: 'role', ...STRING },
    { name: 'content', ...STRING },
  ];
}

/** The Parquet file's bytes for these records (one row group of all rows). */
export function toVerlParquet(records: readonly SynthRecord[]): ArrayBuffer {
  const rows = records.map(toVerlRow);
  const schema = [
    { name: 'root', num_children: VERL_COLUMNS.length },
    { name: 'data_source', ...STRING },
    ...messageListSchema('prompt'),
    { name: 'ability', ...STRING },
    { name: 'reward_model', repetition_type: 'REQUIRED', num_children: 2 },
    { name: 'style', ...STRING },
    { name: 'ground_truth', ...STRING },
    { name: 'extra_info', repetition_type: 'REQUIRED', num_children: 4 },
    { name: 'split', ...STRING },
    { name: 'index', type: 'INT64', repetition_type: 'REQUIRED' },
    { name: 'task_id', ...STRING },
    { name: 'variant', ...STRING },
    ...messageListSchema('messages'),
  ];
  const column = (name: (typeof VERL_COLUMNS)[number]) => ({
    name,
    data: rows.map((row) =>
      name === 'extra_info' ? { ...row.extra_info, index: BigInt(row.extra_info.index) } : row[name],
    ),
  });
  return parquetWriteBuffer({
    columnData: VERL_COLUMNS.map(column),
    schema: schema as never,
    rowGroupSize: Math.max(1, rows.length),
  });
}
