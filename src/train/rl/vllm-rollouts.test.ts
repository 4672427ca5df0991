// RL with rollouts on a vLLM-shaped server (loopback): the server below speaks vLLM's runtime LoRA
// routes and its token-id completions, checks that each adapter folder it is asked to load holds the
// learner's weights of that moment, and samples through the learner's live weights (what the adapter holds). The real
// learner trains a LoRA policy.
import { createHash } from 'node:crypto';
import { existsSync, readFileSync } from 'node:fs';
import { createServer, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { runCli } from '../../../test/helpers/cli.js';
import { startTinyModelFixture, type TinyModelFixture } from '../../../test/helpers/training-fixtures.js';
import type { TokenSampleRequest } from '../../backends/index.js';
import { BackendError, ConfigError } from '../../core/index.js';
import { createLearnerTokenBackend } from '../../learner/index.js';
import { resolveRlConfig } from './config.js';
import { runRl } from './run-rl.js';
import { createVllmRollouts, localAdapterPath } from './vllm-rollouts.js';

type Body = Record<string, unknown>;
type FakeVllm = {
  url: string;
  server: Server;
  loads: { name: string; hash: string; rank: number }[];
  unloads: string[];
  completions: string[];
  violations: string[];
  lora: boolean;
  modelId?: string;
};

let fixture: TinyModelFixture;
let fake: FakeVllm;

const hashOf = (folder: string) =>
  createHash('sha256')
    .update(readFileSync(join(folder, 'adapter_model.safetensors')))
    .digest('hex');

async function startFakeVllm(): Promise<FakeVllm> {
  const state: FakeVllm = {
    url: '',
    server: createServer(),
    loads: [],
    unloads: [],
    completions: [],
    violations: [],
    lora: true,
  };
  const live = new Set<string>();
  state.server.on('request', async (req, res) => {
    const chunks: Buffer[] = [];
    for await (const chunk of req) chunks.push(chunk as Buffer);
    const body = JSON.parse(Buffer.concat(chunks).toString() || '{}') as Body;
    const reply = (status: number, payload: unknown) => {
      res.writeHead(status, { 'content-type': 'application/json' });
      res.end(JSON.stringify(payload));
    };
    try {
      if (req.url === '/v1/load_lora_adapter') {
        if (!state.lora) return reply(404, { detail: 'Not Found' });
        const path = String(body.lora_path);
        const config = JSON.parse(readFileSync(join(path, 'adapter_config.json'), 'utf8')) as {
          peft_type: string;
          r: number;
        };
        if (config.peft_type !== 'LORA') return reply(400, { message: 'not a LoRA adapter' });
        const hash = hashOf(path);
        // What the learner holds right now, written aside: the folder to load must be the same.
        const now = await fixture.learner.client.saveWeightsForSampler(
          state.modelId!,
          join(fixture.dir, `check-${state.loads.length}`),
          { adapterOnly: true },
        );
        if (hashOf(now) !== hash)
          state.violations.push(`${String(body.lora_name)} is not the learner's current adapter`);
        live.add(String(body.lora_name));
        state.loads.push({ name: String(body.lora_name), hash, rank: config.r });
        return reply(200, 'Success');
      }
      if (req.url === '/v1/unload_lora_adapter') {
        if (!live.delete(String(body.lora_name))) return reply(404, { message: 'no such adapter' });
        state.unloads.push(String(body.lora_name));
        return reply(200, 'Success');
      }
      if (req.url === '/v1/completions') {
        const model = String(body.model);
        state.completions.push(model);
        if (model !== state.loads.at(-1)?.name || !live.has(model))
          state.violations.push(`${model} is not the adapter loaded last`);
        const request: TokenSampleRequest = {
          promptTokens: body.prompt as number[],
          maxTokens: body.max_tokens as number,
          temperature: body.temperature as number,
          stop: body.stop as string[] | undefined,
          stopTokenIds: body.stop_token_ids as number[] | undefined,
          seed: body.seed as number | undefined,
        };
        const sample = await createLearnerTokenBackend(fixture.learner.client, { modelId: state.modelId! }).sample(
          request,
        );
        const stopString = sample.finishReason.unified === 'stop-string';
        return reply(200, {
          choices: [
            {
              index: 0,
              text: '',
              finish_reason: sample.finishReason.unified === 'length' ? 'length' : 'stop',
              stop_reason: stopString ? 'matched' : null,
              logprobs: { tokens: sample.tokens.map((t) => `token_id:${t}`), token_logprobs: sample.logprobs },
            },
          ],
        });
      }
      return reply(404, { detail: 'Not Found' });
    } catch (error) {
      return reply(500, { message: String(error) });
    }
  });
  await new Promise<void>((done) => state.server.listen(0, '127.0.0.1', done));
  state.url = `http://127.0.0.1:${(state.server.address() as AddressInfo).port}/v1`;
  return state;
}

beforeAll(async () => {
  fixture = await startTinyModelFixture('r1ci-rl-vllm-', 5);
  fake = await startFakeVllm();
}, 120_000);

afterAll(async () => {
  await new Promise((done) => fake?.server.close(done));
  await fixture?.close();
});

describe('RL with rollouts on vLLM (LoRA adapters loaded at runtime)', () => {
  it('each step loads the adapters the learner holds, samples only them, and unloads the previous ones', async () => {
    const runDir = join(fixture.dir, 'vllm-run');
    const vllm = await createVllmRollouts(fixture.learner.client, {
      baseUrl: fake.url,
      adapterPath: localAdapterPath(runDir),
      namePrefix: 'policy',
      removeUnloaded: true,
    });
    const config = resolveRlConfig({
      steps: 2,
      groupSize: 2,
      questionsPerStep: 2,
      concurrency: 4,
      learningRate: 1e-2,
      loraRank: 2,
      agent: { systemPrompt: 'Use Python.', maxTokensPerTurn: 12, maxTotalTokens: 24 },
    });
    const result = await runRl({
      config,
      client: fixture.learner.client,
      init: fixture.base,
      tokenizer: fixture.tokenizer,
      sandbox: fixture.sandbox,
      runDir,
      rolloutBackend: (target) => {
        fake.modelId = target.modelId;
        return vllm.backendFor(target);
      },
    });
    expect(result.metrics.map((m) => m.step)).toEqual([1, 2]);
    expect(result.metrics.every((m) => m.episodes === 4)).toBe(true);
    expect(fake.loads.map((l) => [l.name, l.rank])).toEqual([
      ['policy-1', 2],
      ['policy-2', 2],
    ]);
    expect(fake.unloads).toEqual(['policy-1']);
    expect(fake.completions.length).toBeGreaterThanOrEqual(8);
    expect([...new Set(fake.completions)]).toEqual(['policy-1', 'policy-2']);
    // Every load was the learner's adapter of that moment; every completion named the adapter loaded last.
    expect(fake.violations).toEqual([]);
    expect(vllm.loaded.map((l) => l.version)).toEqual([1, 2]);
    expect(existsSync(vllm.loaded[0].path)).toBe(false); // unloaded, so removed
    expect(existsSync(join(vllm.loaded[1].path, 'adapter_model.safetensors'))).toBe(true);
  }, 120_000);

  it('says how to start vLLM when the runtime LoRA routes are missing, and refuses saved snapshots', async () => {
    const vllm = await createVllmRollouts(fixture.learner.client, {
      baseUrl: fake.url,
      adapterPath: localAdapterPath(join(fixture.dir, 'no-lora')),
    });
    const modelId = await fixture.learner.client.createModel({ base_model: fixture.base, lora_config: { rank: 2 } });
    fake.lora = false;
    try {
      const error = await vllm
        .backendFor({ modelId })
        .sample({ promptTokens: [1, 2], maxTokens: 2, temperature: 1 })
        .catch((e: unknown) => e);
      expect(error).toBeInstanceOf(BackendError);
      expect(String((error as Error).message)).toMatch(
        /HTTP 404.*--enable-lora.*VLLM_ALLOW_RUNTIME_LORA_UPDATING=True/,
      );
    } finally {
      fake.lora = true;
    }
    expect(() => vllm.backendFor({ modelPath: '/somewhere/sampler-000001' })).toThrow(ConfigError);
  }, 60_000);

  it('r1ci rl --rollouts refuses a full-weight policy or --stale in one line, before starting anything', async () => {
    const out = join(fixture.dir, 'cli-refused');
    const { code, stderr } = await runCli(['rl', '--out', out, '--rollouts', fake.url, '--stale']);
    expect(code).not.toBe(0);
    const lines = stderr
      .trim()
      .split('\n')
      .filter((l) => l.includes('--rollouts') || l.includes('--stale'));
    expect(lines).toHaveLength(1);
    expect(lines[0]).toMatch(/--lora-rank 16/);
    expect(lines[0]).toMatch(/drop --stale/);
    expect(existsSync(out)).toBe(false);
  }, 60_000);
});
