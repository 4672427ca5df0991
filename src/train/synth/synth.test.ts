// Synthesis through the real loop and sandbox: only verified answers are kept, multi-turn is
// preferred, SFT indices are disjoint from evaluation's, test-split tasks are refused, a rerun
// resumes; and each export validates against its format (Parquet read back with hyparquet).
import { mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { parquetReadObjects } from 'hyparquet';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { ScriptedBackend } from '../../backends/index.js';
import { createOracleBackend, FEEDBACK_HEADER, ORACLE_DIRECT_OPENING } from '../../agent/index.js';
import { createLocalSandbox, type Sandbox } from '../../sandbox/index.js';
import { listTasks, type Task, type TaskInstance } from '../../tasks/index.js';
import { readSynthRecords, runSynth, type Teacher } from './run-synth.js';
import { shareGptDatasetInfo, toJsonl, toOpenAiChat, toShareGpt } from './exports.js';
import { toVerlParquet, VERL_COLUMNS } from './parquet.js';
import { SFT_INDEX_BASE, type SynthRecord } from './types.js';

const TASKS = ['symbench.number_multiply', 'rg.algorithmic.spell_backward'];
let sandbox: Sandbox;
let dir: string;
let records: SynthRecord[];

/** Every second episode first runs failing code and fixes it (two calls); odd questions get a wrong answer. */
function mixedTeacher(): Teacher {
  let episodes = 0;
  return {
    name: 'mixed',
    forEpisode(task: Task, instance: TaskInstance) {
      const n = episodes++;
      const code = '```python\n' + task.referenceSolution!(instance).trimEnd() + '\n```\n';
      const wrong = instance.index % 4 === 1;
      const script =
        n % 2 === 1
          ? [
              'First a quick try.\n```python\nprint(undefined_name)\n```\n',
              `That failed; the full program:\n${code}`,
              `So the answer is <<<${wrong ? 'nope' : instance.answer}>>>`,
            ]
          : [`One program does it.\n${code}`, `<<<${wrong ? 'nope' : instance.answer}>>>`];
      return { backend: new ScriptedBackend({ name: 'mixed', script }) };
    },
  };
}

beforeAll(async () => {
  sandbox = await createLocalSandbox({ concurrency: 2 });
  dir = mkdtempSync(join(tmpdir(), 'r1ci-synth-'));
  const summary = await runSynth({
    teacher: mixedTeacher(),
    taskIds: TASKS,
    perTask: 3,
    attemptsPerQuestion: 2,
    out: join(dir, 'sft.jsonl'),
    sandbox,
    concurrency: 4,
    agent: { execTimeoutMs: 10_000 },
  });
  records = readSynthRecords(join(dir, 'sft.jsonl'));
  expect(summary.records).toBe(records.length);
}, 60_000);
afterAll(async () => {
  await sandbox?.close();
  rmSync(dir, { recursive: true, force: true });
});

describe('runSynth', () => {
  it('keeps only verified answers, at most perTask per task, from SFT-reserved indices', () => {
    expect(records.length).toBe(6);
    for (const id of TASKS) expect(records.filter((r) => r.taskId === id).length).toBe(3);
    for (const r of records) {
      expect(r.index).toBeGreaterThanOrEqual(SFT_INDEX_BASE);
      expect(r.index % 4).not.toBe(1); // the wrong answers were rejected
      expect(r.answer).toBe(r.gold);
    }
  });

  it('prefers the multi-turn trajectory of a question, with per-segment train masks', () => {
    for (const r of records) {
      expect(r.codeCalls).toBe(2);
      expect(r.segments.map((s) => [s.role, s.train])).toEqual([
        ['model', true],
        ['interpreter', false],
        ['model', true],
        ['interpreter', false],
        ['model', true],
      ]);
      expect(r.segments[1].text).toContain('NameError');
      expect(r.segments[3].text.startsWith(`${FEEDBACK_HEADER}\n`)).toBe(true);
      expect(r.messages.map((m) => m.role)).toEqual([
        'system',
        'user',
        'assistant',
        'user',
        'assistant',
        'user',
        'assistant',
      ]);
    }
  });

  it('refuses test-split tasks', async () => {
    const testTask = listTasks({ implementedOnly: true }).find((e) => e.split === 'test')!.id;
    await expect(
      runSynth({ teacher: mixedTeacher(), taskIds: [testTask], out: join(dir, 'x.jsonl'), sandbox }),
    ).rejects.toThrow(/test split/);
  });

  it('the oracle asked to answer directly states the gold in one turn, without code; kept as verified', async () => {
    const oracle: Teacher = {
      name: 'oracle, half direct',
      forEpisode: (task, instance, mode) => ({
        backend: createOracleBackend(task, instance, mode, { direct: instance.index % 2 === 0 }),
      }),
    };
    await runSynth({
      teacher: oracle,
      taskIds: [TASKS[0]],
      perTask: 4,
      attemptsPerQuestion: 1,
      out: join(dir, 'direct.jsonl'),
      sandbox,
      concurrency: 2,
    });
    const kept = readSynthRecords(join(dir, 'direct.jsonl'));
    expect(kept.map((r) => [r.index % 2 === 0, r.codeCalls, r.segments.length])).toEqual([
      [true, 0, 1],
      [false, 1, 3],
      [true, 0, 1],
      [false, 1, 3],
    ]);
    for (const record of kept) expect(record.answer).toBe(record.gold);
    expect(kept[0].segments[0].text).toBe(`${ORACLE_DIRECT_OPENING} ${kept[0].gold}.\n\n<<<${kept[0].gold}>>>`);
  }, 30_000);

  it('the oracle writes given code, not the reference; an answer printed in <<<>>> is not wrapped again', async () => {
    const code = (instance: TaskInstance): string => {
      const numbers = instance.metadata.numbers as number[];
      return `import math\nprint(f"<<<{math.prod(${JSON.stringify(numbers)})}>>>")`;
    };
    const oracle: Teacher = {
      name: 'oracle, own code',
      forEpisode: (task, instance, mode) => ({
        backend: createOracleBackend(task, instance, mode, { code: code(instance) }),
      }),
    };
    await runSynth({
      teacher: oracle,
      taskIds: [TASKS[0]],
      perTask: 2,
      attemptsPerQuestion: 1,
      out: join(dir, 'own-code.jsonl'),
      sandbox,
      concurrency: 2,
    });
    const kept = readSynthRecords(join(dir, 'own-code.jsonl'));
    expect(kept).toHaveLength(2);
    for (const record of kept) {
      expect(record.segments[0].text).toContain('print(f"<<<{math.prod(');
      expect(record.segments[1].text).toContain(`<<<${record.gold}>>>`);
      expect(record.segments[2].text).toBe(`The code printed the answer.\n\n<<<${record.gold}>>>`);
    }
  }, 30_000);

  it('resumes: a rerun keeps the records, tries no question twice; more perTask starts at the next index', async () => {
    const out = join(dir, 'oracle.jsonl');
    const oracle: Teacher = {
      name: 'oracle',
      forEpisode: (task, instance, mode) => ({ backend: createOracleBackend(task, instance, mode) }),
    };
    const options = { teacher: oracle, taskIds: [TASKS[0]], attemptsPerQuestion: 1, out, sandbox, concurrency: 2 };
    await runSynth({ ...options, perTask: 2 });
    const again = await runSynth({ ...options, perTask: 2 });
    expect([again.resumed, again.perTask[TASKS[0]].tried]).toEqual([2, 2]);
    await runSynth({ ...options, perTask: 4 });
    expect(readSynthRecords(out).map((r) => r.index)).toEqual([0, 1, 2, 3].map((i) => SFT_INDEX_BASE + i));
  }, 30_000);
});

describe('exports', () => {
  it('OpenAI chat JSONL: roles in order, weight only on assistant messages, 0/1', () => {
    const lines = toJsonl(records.map(toOpenAiChat))
      .trim()
      .split('\n')
      .map((l) => JSON.parse(l) as { messages: Record<string, unknown>[] });
    expect(lines.length).toBe(records.length);
    for (const line of lines) {
      expect(Object.keys(line)).toEqual(['messages']);
      expect(line.messages[0].role).toBe('system');
      expect(line.messages[line.messages.length - 1].role).toBe('assistant');
      for (const m of line.messages) {
        expect(['system', 'user', 'assistant']).toContain(m.role);
        expect(typeof m.content).toBe('string');
        expect(Object.keys(m).every((k) => ['role', 'content', 'weight'].includes(k))).toBe(true);
        if ('weight' in m) expect([m.role, [0, 1].includes(m.weight as number)]).toEqual(['assistant', true]);
      }
    }
  });

  it('LLaMA-Factory ShareGPT: human/observation at odd positions, gpt at even, ends with gpt; dataset_info', () => {
    for (const record of records) {
      const line = toShareGpt(record);
      expect(line.system).toBe(record.system);
      line.conversations.forEach((turn, i) =>
        expect(i % 2 === 0 ? ['human', 'observation'] : ['gpt']).toContain(turn.from),
      );
      expect(line.conversations[line.conversations.length - 1].from).toBe('gpt');
      expect(
        line.conversations.filter((t) => t.from === 'observation').every((t) => t.value.startsWith(FEEDBACK_HEADER)),
      ).toBe(true);
    }
    const info = shareGptDatasetInfo('r1ci_sft', 'sft.sharegpt.json') as Record<
      string,
      { formatting: string; tags: Record<string, string> }
    >;
    expect(info.r1ci_sft.formatting).toBe('sharegpt');
    expect(info.r1ci_sft.tags.observation_tag).toBe('observation');
  });

  it('verl Parquet reads back with its columns and rows', async () => {
    const path = join(dir, 'sft.parquet');
    writeFileSync(path, Buffer.from(toVerlParquet(records)));
    const bytes = readFileSync(path);
    const rows = await parquetReadObjects({
      file: bytes.buffer.slice(bytes.byteOffset, bytes.byteOffset + bytes.byteLength),
    });
    expect(rows.length).toBe(records.length);
    expect(Object.keys(rows[0]).sort()).toEqual([...VERL_COLUMNS].sort());
    rows.forEach((row, i) => {
      const r = records[i];
      expect(row.data_source).toBe(`r1ci/${r.taskId}`);
      expect(row.prompt).toEqual([
        { role: 'system', content: r.system },
        { role: 'user', content: r.question },
      ]);
      expect(row.messages).toEqual(r.messages);
      expect(row.reward_model).toEqual({ style: 'rule', ground_truth: r.gold });
      expect({ ...row.extra_info, index: Number(row.extra_info.index) }).toEqual({
        split: 'train',
        index: r.index,
        task_id: r.taskId,
        variant: r.variant,
      });
    });
  });
});
