// Rollouts for one step: every question's group of answers through the async pipeline (code runs
// while other episodes generate), sampled from the given backend, with seeds fixed by
// (run seed, step, question, answer) so a resumed step samples exactly what the lost one would have.
import { hashKeys } from '../../core/index.js';
import type { TokenBackend, Tokenizer } from '../../backends/index.js';
import type { Sandbox } from '../../sandbox/types.js';
import { getTask, type TaskInstance } from '../../tasks/index.js';
import {
  resolveAgentConfig,
  runEpisodes,
  type AgentOptions,
  type Episode,
  type EpisodeContext,
} from '../../agent/index.js';
import { ActivityRecorder } from './activity.js';
import type { RolloutGroup } from './batch.js';

/** A training or held-out question: task id, task options (default: the task's), and index under a seed. */
export type QuestionRef = { taskId: string; index: number; seed: number; options?: Record<string, unknown> };

export const questionKey = (q: QuestionRef): string => `${q.taskId}#${q.seed}#${q.index}`;

export function instanceOf(q: QuestionRef): TaskInstance {
  const task = getTask(q.taskId);
  return task.generate(task.resolveOptions(q.options), q.seed, q.index);
}

export type RolloutOptions = {
  backend: TokenBackend;
  tokenizer: Tokenizer;
  sandbox: Sandbox;
  agent: AgentOptions;
  concurrency: number;
  /** Seeds of the episodes derive from these keys. */
  seedKeys: (string | number)[];
};

export type RolloutResult = {
  groups: RolloutGroup[];
  wallSeconds: number;
  generationSeconds: number;
  executionSeconds: number;
  hiddenExecution: number | null;
};

/** Runs `samples` answers to each question; groups come back in question order. */
export async function runRollouts(
  questions: readonly QuestionRef[],
  samples: number,
  options: RolloutOptions,
): Promise<RolloutResult> {
  const recorder = new ActivityRecorder();
  const backend = recorder.wrapBackend(options.backend);
  const sandbox = recorder.wrapSandbox(options.sandbox);
  const config = resolveAgentConfig({ ...options.agent, recordTokens: true });
  const contexts: (() => EpisodeContext)[] = [];
  for (const q of questions) {
    const task = getTask(q.taskId);
    for (let sample = 0; sample < samples; sample++) {
      contexts.push(() => ({
        task,
        instance: instanceOf(q),
        sample,
        backend,
        tokenizer: options.tokenizer,
        sandbox,
        config,
        seed: hashKeys([...options.seedKeys, questionKey(q), sample]) % 2_147_483_647,
      }));
    }
  }
  const started = performance.now();
  const episodes = await runEpisodes(contexts, { concurrency: options.concurrency });
  const wallSeconds = (performance.now() - started) / 1000;
  const groups = questions.map((q, i) => ({
    key: questionKey(q),
    episodes: episodes.slice(i * samples, (i + 1) * samples),
  }));
  return { groups, wallSeconds, ...recorder.summary() };
}

/** Accuracy and code use of one sample per held-out question at the test temperature (0.6). */
export async function runHeldOutEval(
  questions: readonly QuestionRef[],
  options: RolloutOptions,
): Promise<{ accuracy: number; codeUseRate: number; questions: number; episodes: Episode[] }> {
  const result = await runRollouts(questions, 1, { ...options, agent: { ...options.agent, temperature: 0.6 } });
  const episodes = result.groups.flatMap((g) => g.episodes);
  const rate = (f: (e: Episode) => boolean) => (episodes.length ? episodes.filter(f).length / episodes.length : 0);
  return {
    accuracy: rate((e) => e.verdict.correct),
    codeUseRate: rate((e) => e.codeCalls > 0),
    questions: episodes.length,
    episodes,
  };
}
