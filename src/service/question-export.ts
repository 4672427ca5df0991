// Question sets in the layouts trainers read directly: verl's RL parquet (data_source, prompt,
// ability, reward_model, extra_info) and a datasets-style JSONL for TRL (conversational `prompt`
// plus the columns TRL passes to reward functions). Both name each question by (task, seed, index).
import { parquetWriteBuffer } from 'hyparquet-writer';
import { systemPromptFor } from '../agent/index.js';
import type { TaskInstance } from '../tasks/index.js';

export const QUESTION_FORMATS = ['jsonl', 'verl', 'trl'] as const;
export type QuestionFormat = (typeof QUESTION_FORMATS)[number];

type Message = { role: string; content: string };

export type VerlQuestionRow = {
  data_source: string;
  prompt: Message[];
  ability: string;
  reward_model: { style: 'rule'; ground_truth: string };
  extra_info: { split: string; index: number; task_id: string; seed: number };
};

export type TrlQuestionRow = { prompt: Message[]; task_id: string; seed: number; index: number; answer: string };

/** The chat prompt: r1ci's code-interpreter system prompt (unless `system` is false) and the question. */
export function questionMessages(instance: TaskInstance, system: boolean): Message[] {
  const user = { role: 'user', content: instance.prompt };
  return system ? [{ role: 'system', content: systemPromptFor('ci') }, user] : [user];
}

export function toVerlQuestionRow(instance: TaskInstance, split: string, system: boolean): VerlQuestionRow {
  return {
    data_source: `r1ci/${instance.taskId}`,
    prompt: questionMessages(instance, system),
    ability: 'code-interpreter-reasoning',
    reward_model: { style: 'rule', ground_truth: instance.answer },
    extra_info: { split, index: instance.index, task_id: instance.taskId, seed: instance.seed },
  };
}

export function toTrlQuestionRow(instance: TaskInstance, system: boolean): TrlQuestionRow {
  return {
    prompt: questionMessages(instance, system),
    task_id: instance.taskId,
    seed: instance.seed,
    index: instance.index,
    answer: instance.answer,
  };
}

const STRING = { type: 'BYTE_ARRAY', converted_type: 'UTF8', repetition_type: 'REQUIRED' } as const;
const INT64 = { type: 'INT64', repetition_type: 'REQUIRED' } as const;

/** The Parquet file's bytes (one row group); `prompt` is a list<struct<role, content>> as verl reads it. */
export function toVerlQuestionParquet(rows: readonly VerlQuestionRow[]): ArrayBuffer {
  const schema = [
    { name: 'root', num_children: 5 },
    { name: 'data_source', ...STRING },
    { name: 'prompt', repetition_type: 'REQUIRED', converted_type: 'LIST', num_children: 1 },
    { name: 'list', repetition_type: 'REPEATED', num_children: 1 },
    { name: 'element', repetition_type: 'REQUIRED', num_children: 2 },
    { name: 'role', ...STRING },
    { name: 'content', ...STRING },
    { name: 'ability', ...STRING },
    { name: 'reward_model', repetition_type: 'REQUIRED', num_children: 2 },
    { name: 'style', ...STRING },
    { name: 'ground_truth', ...STRING },
    { name: 'extra_info', repetition_type: 'REQUIRED', num_children: 4 },
    { name: 'split', ...STRING },
    { name: 'index', ...INT64 },
    { name: 'task_id', ...STRING },
    { name: 'seed', ...INT64 },
  ];
  const columns = ['data_source', 'prompt', 'ability', 'reward_model', 'extra_info'] as const;
  const columnData = columns.map((name) => ({
    name,
    data: rows.map((row) =>
      name === 'extra_info'
        ? { ...row.extra_info, index: BigInt(row.extra_info.index), seed: BigInt(row.extra_info.seed) }
        : row[name],
    ),
  }));
  return parquetWriteBuffer({ columnData, schema: schema as never, rowGroupSize: Math.max(1, rows.length) });
}
