// The loop against scripted models and the real sandbox pool: transcripts and stop reasons.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { ScriptedBackend } from '../backends/index.js';
import { createLocalSandbox } from '../sandbox/index.js';
import type { Sandbox } from '../sandbox/types.js';
import { getTask, type TaskInstance } from '../tasks/index.js';
import { resolveAgentConfig } from './config.js';
import { runEpisode } from './run-episode.js';
import type { AgentOptions } from './types.js';

const task = getTask('symbench.number_multiply');
const instance: TaskInstance = task.generate(task.resolveOptions(), 0, 0); // gold: instance.answer
let sandbox: Sandbox;

beforeAll(async () => {
  sandbox = await createLocalSandbox({ concurrency: 2 });
});
afterAll(async () => {
  await sandbox?.close();
});

const block = (code: string) => '```python\n' + code + '\n```\n';

function run(script: string[] | ((call: unknown, i: number) => string), options: AgentOptions = {}, honourStop = true) {
  const backend = new ScriptedBackend({ script: script as string[], honourStop });
  return runEpisode({
    task,
    instance,
    backend,
    sandbox,
    config: resolveAgentConfig({ execTimeoutMs: 5000, ...options }),
  }).then((episode) => ({ episode, backend }));
}

describe('the code-interpreter loop (chat backend)', () => {
  it('runs a two-call episode and feeds each output back', async () => {
    const { episode, backend } = await run([
      `First a check.\n${block('print(6 * 7)')}`,
      `Now the product.\n${block(`print(${(instance.metadata.numbers as number[]).join(' * ')})`)}`,
      `So the answer is <<<${instance.answer}>>>`,
    ]);
    expect(episode.stopReason).toBe('final-answer');
    expect(episode.codeCalls).toBe(2);
    expect(episode.turns.map((t) => t.feedback)).toEqual([
      'Code Execution Results:\n42\n',
      `Code Execution Results:\n${instance.answer}\n`,
      undefined,
    ]);
    expect(episode.answer).toBe(instance.answer);
    expect(episode.verdict.correct).toBe(true);
    // The second call saw the first block and its output as assistant + user messages.
    const second = backend.calls[1];
    expect(second.kind === 'chat' && second.messages.slice(2)).toEqual([
      { role: 'assistant', content: `First a check.\n${block('print(6 * 7)')}` },
      { role: 'user', content: 'Code Execution Results:\n42\n' },
    ]);
  });

  it('feeds a timeout back to the model, which can react', async () => {
    const { episode } = await run(
      [block('import time\ntime.sleep(30)'), 'It timed out; I will answer directly. <<<1>>>'],
      { execTimeoutMs: 1000 },
    );
    expect(episode.turns[0].exec?.status).toBe('timeout');
    expect(episode.turns[0].feedback).toBe(
      'Code Execution Results:\nError: the code timed out: it did not finish within 1 second and was stopped.\n',
    );
    expect(episode.stopReason).toBe('final-answer');
    expect(episode.answer).toBe('1');
  });

  it('a CRLF closing fence followed by text runs the block and keeps the answer', async () => {
    const { episode } = await run(['```python\r\nprint(5)\r\n```\r\nSo <<<5>>>', 'So <<<5>>>']);
    expect(episode.codeCalls).toBe(1);
    expect(episode.turns[0].exec?.stdout).toBe('5\n');
    expect(episode.answer).toBe('5');
  });

  it('does not run an unclosed fence', async () => {
    const { episode } = await run(['```python\nprint(1)\n']);
    expect(episode.codeCalls).toBe(0);
    expect(episode.stopReason).toBe('no-answer');
  });

  it('a fence inside a string does not close the block', async () => {
    const { episode } = await run([block('print("```")\nprint("done")'), '<<<0>>>']);
    expect(episode.turns[0].code).toBe('print("```")\nprint("done")');
    expect(episode.turns[0].exec?.stdout).toBe('```\ndone\n');
  });

  it('runs only the first of several blocks in one turn and records the rest as discarded', async () => {
    const second = block('print(2)') + 'Code Execution Results:\n2\n<<<2>>>';
    const { episode } = await run([block('print(1)') + second, '<<<1>>>'], {}, false);
    expect(episode.codeCalls).toBe(1);
    expect(episode.turns[0].code).toBe('print(1)');
    expect(episode.turns[0].discarded).toBe(second);
    expect(episode.answer).toBe('1');
  });

  it("an answer printed by code is not the model's answer", async () => {
    const { episode } = await run([block('print("<<<42>>>")'), 'Done.']);
    expect(episode.turns[0].exec?.stdout).toBe('<<<42>>>\n');
    expect(episode.answer).toBeNull();
    expect(episode.stopReason).toBe('no-answer');
  });

  it('<<< inside code is ignored; the answer comes from the prose', async () => {
    const { episode } = await run([block('x = "<<<"\nprint(x + "7>>>")'), 'The answer: <<<7>>>']);
    expect(episode.answer).toBe('7');
    const { episode: noProse } = await run([block('x = "<<<"\nprint(x + "7>>>")'), 'I am not sure.']);
    expect(noProse.answer).toBeNull();
  });

  it('an empty response ends with no answer', async () => {
    const { episode } = await run(['']);
    expect(episode).toMatchObject({ stopReason: 'no-answer', codeCalls: 0, answer: null });
    expect(episode.verdict.outcome).toBe('no-answer');
  });

  it('10,000 tiny blocks: the call limit ends the episode quickly', async () => {
    const huge = Array.from({ length: 10_000 }, (_, i) => block(`print(${i})`)).join('');
    const started = performance.now();
    const { episode } = await run(() => huge, { maxTotalTokens: 1_000_000 }, false);
    expect(episode.codeCalls).toBe(8);
    expect(episode.stopReason).toBe('max-exec-calls');
    expect(episode.turns.slice(0, 8).map((t) => t.exec?.stdout)).toEqual(Array.from({ length: 8 }, () => '0\n'));
    expect(performance.now() - started).toBeLessThan(20_000);
  });

  it('a 5 MB output reaches the model cut in the middle with a marker', async () => {
    const { episode } = await run([block('print("A" * 5_000_000)\nprint("END")'), '<<<0>>>'], {
      truncation: { unit: 'chars', budget: 1000 },
    });
    const feedback = episode.turns[0].feedback!;
    expect(feedback.length).toBeLessThan(1200);
    expect(feedback).toMatch(/^Code Execution Results:\nA{400,}\n\.\.\. \[\d+ characters of output omitted\] \.\.\.\n/);
    expect(episode.stopReason).toBe('final-answer');
  });

  it('text mode runs no code; code mode takes the script output as the answer', async () => {
    const { episode: text } = await run([`${block('print(1)')}<<<5>>>`], { mode: 'text' });
    expect(text).toMatchObject({ codeCalls: 0, answer: '5', stopReason: 'final-answer' });
    const { episode: code } = await run([block(`print(${(instance.metadata.numbers as number[]).join(' * ')})`)], {
      mode: 'code',
    });
    expect(code).toMatchObject({ codeCalls: 1, answer: instance.answer, stopReason: 'final-answer' });
    expect(code.verdict.correct).toBe(true);
  });

  it('a backend failure ends the episode with backend-error, recorded', async () => {
    const backend = new ScriptedBackend({
      script: () => {
        throw new Error('connection reset');
      },
    });
    const episode = await runEpisode({ task, instance, backend, sandbox, config: resolveAgentConfig() });
    expect(episode).toMatchObject({ stopReason: 'backend-error', error: 'connection reset' });
  });
});
