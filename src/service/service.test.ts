// The verification service in process: batches of gold answers score 1 and garbage 0 over every
// implemented task; bad items are a 400 naming them; the token is enforced; the export layouts read
// back as verl and TRL expect (parquet through hyparquet).
import type { AddressInfo } from 'node:net';
import { parquetReadObjects } from 'hyparquet';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { selectTasks, getTask, type TaskInstance } from '../tasks/index.js';
import { systemPromptFor } from '../agent/index.js';
import { createR1ciServer } from './server.js';
import { Verifier } from './verifier.js';
import { toTrlQuestionRow, toVerlQuestionParquet, toVerlQuestionRow } from './question-export.js';

const TOKEN = 'verify-token-123';
let base = '';
const server = createR1ciServer({ verifier: new Verifier(), auth: { token: TOKEN, header: 'authorization' } });
beforeAll(async () => {
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  base = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
});
afterAll(() => new Promise<void>((resolve) => server.close(() => resolve())));

async function verify(items: unknown[], token = TOKEN): Promise<{ status: number; body: Record<string, unknown> }> {
  const response = await fetch(`${base}/verify`, {
    method: 'POST',
    headers: { authorization: `Bearer ${token}` },
    body: JSON.stringify({ items }),
  });
  return { status: response.status, body: (await response.json()) as Record<string, unknown> };
}

function questions(perTask: number): TaskInstance[] {
  return selectTasks('all')
    .filter((id) => !getTask(id).dataset)
    .flatMap((id) => {
      const task = getTask(id);
      const options = task.resolveOptions();
      return Array.from({ length: perTask }, (_, i) => task.generate(options, 7, i));
    });
}

describe('POST /verify', () => {
  it('scores gold answers 1 and garbage 0 for every generated task, by name and by record', async () => {
    const all = questions(1);
    expect(all.length).toBeGreaterThan(100);
    const byName = all.map((q) => ({
      task_id: q.taskId,
      seed: q.seed,
      index: q.index,
      response: `so <<<${q.answer}>>>`,
    }));
    const gold = await verify(byName);
    const garbage = await verify(all.map((q) => ({ question: q, response: 'I think <<<r1ci-garbage>>>' })));
    const scores = (body: Record<string, unknown>) => (body.results as { score: number }[]).map((r) => r.score);
    expect([gold.status, garbage.status]).toEqual([200, 200]);
    expect(scores(gold.body)).toEqual(all.map(() => 1));
    expect(scores(garbage.body)).toEqual(all.map(() => 0));
    expect((gold.body.results as unknown[])[0]).toEqual({ correct: true, score: 1, outcome: 'correct' });
  });

  it('refuses a batch with bad items, naming each, and a missing token', async () => {
    const bad = await verify([
      { task_id: 'rg.arithmetic.chain_sum', index: 0, response: '<<<1>>>' },
      { task_id: 'no.such.task', index: 0, response: 'x' },
      { task_id: 'rg.arithmetic.chain_sum', response: 'x' },
    ]);
    expect(bad.status).toBe(400);
    expect(String(bad.body.message)).toMatch(
      /^items\[1\] task id: unknown task id 'no\.such\.task'.*; items\[2\]: needs task_id/,
    );
    expect((await verify([], 'wrong-token')).status).toBe(401);
  });
});

describe('question export layouts', () => {
  const task = getTask('rg.arithmetic.chain_sum');
  const instance = task.generate(task.resolveOptions(), 3, 5);
  it('writes verl parquet that reads back with its columns', async () => {
    const row = toVerlQuestionRow(instance, 'train', true);
    const buffer = toVerlQuestionParquet([row, toVerlQuestionRow(instance, 'train', false)]);
    const read = await parquetReadObjects({ file: buffer });
    expect(read[0]).toEqual({
      data_source: 'r1ci/rg.arithmetic.chain_sum',
      prompt: [
        { role: 'system', content: systemPromptFor('ci') },
        { role: 'user', content: instance.prompt },
      ],
      ability: 'code-interpreter-reasoning',
      reward_model: { style: 'rule', ground_truth: instance.answer },
      extra_info: { split: 'train', index: 5n, task_id: 'rg.arithmetic.chain_sum', seed: 3n },
    });
    expect(read[1].prompt).toEqual([{ role: 'user', content: instance.prompt }]);
  });

  it('writes TRL rows: a conversational prompt and the columns the reward function receives', () => {
    expect(toTrlQuestionRow(instance, false)).toEqual({
      prompt: [{ role: 'user', content: instance.prompt }],
      task_id: 'rg.arithmetic.chain_sum',
      seed: 3,
      index: 5,
      answer: instance.answer,
    });
  });
});
