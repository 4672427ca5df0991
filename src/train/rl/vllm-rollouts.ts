// Rollouts on a vLLM server while the learner trains a LoRA policy. Before a batch of rollouts
// samples anything, the learner writes the current adapters as a PEFT folder, the server loads them
// under a new name (/v1/load_lora_adapter; vLLM started with --enable-lora and
// VLLM_ALLOW_RUNTIME_LORA_UPDATING=True), the previous name is unloaded, and every request of the
// batch names the new adapter: rollouts always sample the weights the learner holds right then.
import { rmSync } from 'node:fs';
import { isAbsolute, join } from 'node:path';
import { BackendError, ConfigError } from '../../core/index.js';
import { createOpenAiCompletionsBackend, type TokenBackend } from '../../backends/index.js';
import type { TrainingClient, LearnerSamplingTarget } from '../../learner/index.js';

export type VllmRolloutOptions = {
  /** The server's base URL, ending in /v1 (e.g. http://127.0.0.1:8000/v1). */
  baseUrl: string;
  /**
   * Where the learner writes adapter `n` (an absolute folder the server can read; a remote learner takes its own
   * names).
   */
  adapterPath: (version: number) => string;
  /**
   * Adapter names are `<prefix>-<n>` (default: r1ci- and this process's start time, so a resumed run never meets its
   * old names).
   */
  namePrefix?: string;
  /** Folders this process may delete once the server has unloaded them (local adapter folders). */
  removeUnloaded?: boolean;
  concurrency?: number;
  env?: NodeJS.ProcessEnv;
  fetch?: typeof fetch;
};

/** What the server has loaded, for logs and tests. */
export type VllmAdapterEvent = { version: number; name: string; path: string };

export type VllmRollouts = {
  /** runRl's `rolloutBackend`: a backend whose first request publishes the learner's current adapters. */
  backendFor: (target: LearnerSamplingTarget) => TokenBackend;
  /** Adapters loaded so far, oldest first. */
  readonly loaded: readonly VllmAdapterEvent[];
};

/** Checks that the learner can write PEFT adapters, then returns the rollout seam for runRl. */
export async function createVllmRollouts(client: TrainingClient, options: VllmRolloutOptions): Promise<VllmRollouts> {
  const extensions = (await client.capabilities()).extensions ?? [];
  if (!extensions.includes('peft_adapter')) {
    throw new ConfigError([
      {
        path: '--rollouts',
        message: 'the learner cannot write LoRA adapters for vLLM (no peft_adapter extension)',
        fix: 'use the local learner, or drop --rollouts to sample through the learner',
      },
    ]);
  }
  const baseUrl = options.baseUrl.replace(/\/+$/, '');
  const prefix = options.namePrefix ?? `r1ci-${Date.now().toString(36)}`;
  const doFetch = options.fetch ?? fetch;
  const env = options.env ?? process.env;
  const loaded: VllmAdapterEvent[] = [];
  let version = 0;

  async function post(route: string, body: object): Promise<void> {
    const key = env.R1CI_API_KEY;
    let response: Response;
    try {
      response = await doFetch(`${baseUrl}/${route}`, {
        method: 'POST',
        headers: { 'content-type': 'application/json', ...(key ? { authorization: `Bearer ${key}` } : {}) },
        body: JSON.stringify(body),
      });
    } catch (error) {
      throw new BackendError(
        `vLLM at ${baseUrl} is unreachable (${(error as Error).message}): start it, or fix --rollouts`,
        { cause: error, retryable: true },
      );
    }
    if (response.ok) return;
    const text = (await response.text()).slice(0, 300);
    const fix =
      response.status === 404
        ? ': start vLLM with --enable-lora --max-lora-rank R and VLLM_ALLOW_RUNTIME_LORA_UPDATING=True'
        : '';
    throw new BackendError(`vLLM ${route} failed with HTTP ${response.status}${fix} (${text})`, {
      status: response.status,
    });
  }

  /** Writes the adapters, loads them under a new name, unloads the previous one. */
  async function publish(modelId: string): Promise<string> {
    const n = ++version;
    const name = `${prefix}-${n}`;
    const path = await client.saveWeightsForSampler(modelId, options.adapterPath(n), { adapterOnly: true });
    await post('load_lora_adapter', { lora_name: name, lora_path: path });
    const previous = loaded.at(-1);
    loaded.push({ version: n, name, path });
    if (previous) {
      await post('unload_lora_adapter', { lora_name: previous.name });
      if (options.removeUnloaded && isAbsolute(previous.path)) rmSync(previous.path, { recursive: true, force: true });
    }
    return name;
  }

  function backendFor(target: LearnerSamplingTarget): TokenBackend {
    if (!target.modelId) {
      throw new ConfigError([
        {
          path: '--rollouts',
          message:
            'vLLM rollouts sample the live LoRA weights; a saved snapshot (--stale, or a learner without live ' +
            'sampling) cannot be loaded as an adapter',
          fix: 'drop --stale',
        },
      ]);
    }
    const modelId = target.modelId;
    let ready: Promise<TokenBackend> | undefined;
    const inner = () =>
      (ready ??= publish(modelId).then((name) =>
        createOpenAiCompletionsBackend({
          model: name,
          baseUrl,
          env,
          apiKeyEnv: 'R1CI_API_KEY',
          fetch: options.fetch,
          concurrency: options.concurrency,
        }),
      ));
    return {
      kind: 'token',
      name: `vllm-lora@${baseUrl}`,
      sample: async (request, signal) => (await inner()).sample(request, signal),
    };
  }

  return { backendFor, loaded };
}

/** Default adapter folders for a local learner: `<runDir>/rollout-adapters/adapter-000001`. */
export function localAdapterPath(runDir: string): (version: number) => string {
  return (version) => join(runDir, 'rollout-adapters', `adapter-${String(version).padStart(6, '0')}`);
}
