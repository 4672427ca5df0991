// `--model SPEC` → a backend for each episode. Specs: `oracle`, `scripted:FILE`, `openai:MODEL`,
// `chat:MODEL@URL` (any OpenAI-compatible chat server), `vllm:MODEL@URL` (token-in/token-out
// completions; needs a tokenizer folder), `learner:DIR` (a Hugging Face folder, e.g. `r1ci sft`'s
// final/, sampled on a learner its caller starts and stops: the recipes do, with withLearner). Keys
// come only from the environment.
import { resolve } from 'node:path';
import { BackendError, ConfigError } from '../core/index.js';
import {
  createOpenAiChatBackend,
  createOpenAiCompletionsBackend,
  loadTokenizer,
  OPENAI_BASE_URL,
  readScriptFile,
  ScriptedBackend,
  type Backend,
  type TokenBackend,
  type Tokenizer,
} from '../backends/index.js';
import { createOracleBackend, type AgentMode } from '../agent/index.js';
import type { Task, TaskInstance } from '../tasks/index.js';
import { createLearnerTokenBackend, type TrainingClient } from '../learner/index.js';

export type ModelForEpisode = { backend: Backend; tokenizer?: Tokenizer };

export type ModelFactory = {
  /** A readable name for reports. */
  name: string;
  /** The backend for one episode (shared or fresh, depending on the kind). */
  forEpisode(task: Task, instance: TaskInstance, mode: AgentMode): ModelForEpisode;
  /** Fails fast with a one-line error when the server is unreachable or the key is refused. */
  preflight(): Promise<void>;
  /** What this model lacks to answer a task in a mode (the oracle: a reference solution); null when nothing. */
  checkTask?(task: Task, mode: AgentMode): { message: string; fix: string } | null;
  /** True for `learner:DIR`: it samples on the learner given as ModelSpecOptions.learner, which
   * its caller starts before the run and stops after (withModel in src/recipes does both). */
  needsLearner?: boolean;
};

export type ModelSpecOptions = {
  /** Hugging Face folder whose tokenizer.json and chat template a token backend uses. */
  tokenizerDir?: string;
  env?: NodeJS.ProcessEnv;
  fetch?: typeof fetch;
  /** Requests in flight per HTTP backend. */
  concurrency?: number;
  /** The learner a `learner:DIR` model samples on, read when it first samples: its caller starts it
   * after parsing (so a bad spec starts nothing) and stops it when the run ends. */
  learner?: () => Pick<TrainingClient, 'sample'>;
};

const SPEC_HELP = 'use oracle, scripted:FILE, openai:MODEL, chat:MODEL@URL, vllm:MODEL@URL or learner:DIR';

function splitAt(rest: string, spec: string): { model: string; url: string } {
  const at = rest.lastIndexOf('@');
  if (at <= 0 || at === rest.length - 1)
    throw new ConfigError([
      {
        path: 'model',
        message: `bad model spec ${JSON.stringify(spec)}: expected MODEL@URL`,
        fix: 'e.g. chat:qwen2.5-7b@http://127.0.0.1:8000/v1',
      },
    ]);
  const url = rest.slice(at + 1).replace(/\/+$/, '');
  if (!/^https?:\/\//.test(url))
    throw new ConfigError([
      { path: 'model', message: `bad URL ${JSON.stringify(url)} in model spec`, fix: 'write http://host:port/v1' },
    ]);
  return { model: rest.slice(0, at), url };
}

export function parseModelSpec(spec: string, options: ModelSpecOptions = {}): ModelFactory {
  const colon = spec.indexOf(':');
  const kind = colon < 0 ? spec : spec.slice(0, colon);
  const rest = colon < 0 ? '' : spec.slice(colon + 1);
  const env = options.env ?? process.env;
  const noPreflight = async () => {};
  switch (kind) {
    case 'oracle':
      return {
        name: 'oracle',
        forEpisode: (task, instance, mode) => ({ backend: createOracleBackend(task, instance, mode) }),
        preflight: noPreflight,
        checkTask: (task, mode) =>
          mode !== 'text' && !task.referenceSolution
            ? {
                message: 'has no reference solution, so the oracle cannot answer it with code',
                fix: 'leave it out, or --mode text',
              }
            : null,
      };
    case 'scripted': {
      if (!rest)
        throw new ConfigError([
          { path: 'model', message: 'scripted needs a file', fix: 'write scripted:path/to/turns.json' },
        ]);
      const turns = readScriptFile(rest);
      return {
        name: `scripted:${rest}`,
        forEpisode: () => ({ backend: new ScriptedBackend({ script: turns, name: `scripted:${rest}` }) }),
        preflight: noPreflight,
      };
    }
    case 'openai':
    case 'chat': {
      const { model, url } = kind === 'openai' ? { model: rest, url: OPENAI_BASE_URL } : splitAt(rest, spec);
      if (!model)
        throw new ConfigError([
          { path: 'model', message: `bad model spec ${JSON.stringify(spec)}: no model name`, fix: SPEC_HELP },
        ]);
      const apiKeyEnv = kind === 'openai' ? 'OPENAI_API_KEY' : 'R1CI_API_KEY';
      const backend = createOpenAiChatBackend({
        model,
        baseUrl: url,
        env,
        apiKeyEnv,
        fetch: options.fetch,
        concurrency: options.concurrency,
      });
      return {
        name: backend.name,
        forEpisode: () => ({ backend }),
        preflight: () => preflightServer(url, env[apiKeyEnv], options.fetch),
      };
    }
    case 'vllm': {
      const { model, url } = splitAt(rest, spec);
      if (!options.tokenizerDir)
        throw new ConfigError([
          {
            path: 'model',
            message: 'a vllm: token backend needs the model tokenizer',
            fix: 'pass --tokenizer <Hugging Face model folder>',
          },
        ]);
      const tokenizer = loadTokenizer(options.tokenizerDir);
      const backend = createOpenAiCompletionsBackend({
        model,
        baseUrl: url,
        env,
        apiKeyEnv: 'R1CI_API_KEY',
        fetch: options.fetch,
        concurrency: options.concurrency,
      });
      return {
        name: backend.name,
        forEpisode: () => ({ backend, tokenizer }),
        preflight: () => preflightServer(url, env.R1CI_API_KEY, options.fetch),
      };
    }
    case 'learner':
      return learnerModel(rest, options.learner);
    default:
      throw new ConfigError([{ path: 'model', message: `unknown model spec ${JSON.stringify(spec)}`, fix: SPEC_HELP }]);
  }
}

/** `learner:DIR`: the folder's weights, sampled on the caller's learner (this starts no process). */
function learnerModel(given: string, learner: ModelSpecOptions['learner']): ModelFactory {
  const folder = given && resolve(given); // absolute: the learner runs in another working directory
  if (!folder) {
    const fix = "write learner:path/to/hf-folder (e.g. an r1ci sft run's final/)";
    throw new ConfigError([{ path: 'model', message: 'learner needs a model folder', fix }]);
  }
  if (!learner) {
    const fix = 'run it through runEvalRecipe or withModel, or pass ModelSpecOptions.learner';
    throw new ConfigError([{ path: 'model', message: 'learner:DIR samples on a learner its caller starts', fix }]);
  }
  const tokenizer = loadTokenizer(folder);
  const name = `learner:${folder}`;
  let bound: TokenBackend | undefined; // built on first use: the learner exists only once the run starts
  const bind = () => (bound ??= createLearnerTokenBackend(learner(), { baseModel: folder }, name));
  const backend: TokenBackend = { kind: 'token', name, sample: (request, signal) => bind().sample(request, signal) };
  const preflight = async () => void learner();
  return { name, forEpisode: () => ({ backend, tokenizer }), preflight, needsLearner: true };
}

/** GET {url}/models: turns "connection refused" and "401" into one clear line before a run starts. */
export async function preflightServer(
  url: string,
  apiKey: string | undefined,
  fetchImpl: typeof fetch = fetch,
): Promise<void> {
  let response: Response;
  try {
    response = await fetchImpl(`${url}/models`, {
      headers: apiKey ? { authorization: `Bearer ${apiKey}` } : {},
      signal: AbortSignal.timeout(10_000),
    });
  } catch (error) {
    throw new BackendError(`cannot reach ${url}: start the server or fix the URL in --model`, { cause: error });
  }
  if (response.status === 401 || response.status === 403)
    throw new BackendError(`${url} refused the API key (HTTP ${response.status}): check the key in the environment`, {
      status: response.status,
    });
}
