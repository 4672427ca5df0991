// Runs the local learner: finds python with torch, starts the server on a free loopback port with
// a fresh token, waits for health, and stops it with SIGTERM then SIGKILL (the whole group).
// A crash becomes a LearnerProcessError carrying exit code, signal and the tail of stderr.
import { spawn, type ChildProcess } from 'node:child_process';
import { randomBytes } from 'node:crypto';
import { mkdirSync } from 'node:fs';
import { createServer } from 'node:net';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { setTimeout as sleep } from 'node:timers/promises';
import { LearnerError, PythonNotFoundError, resolvePython } from '../core/index.js';
import { LearnerClient } from './client.js';
import { learnerRoot } from './locate.js';

/** The learner process died: how, and what it said last. */
export class LearnerProcessError extends LearnerError {
  readonly exitCode: number | null;
  readonly signal: NodeJS.Signals | null;
  readonly stderrTail: string;
  constructor(exitCode: number | null, signal: NodeJS.Signals | null, stderrTail: string) {
    const how = signal ? `was killed by ${signal}` : `exited with code ${exitCode}`;
    super(`the learner process ${how}; last stderr:\n${stderrTail.trim() || '(empty)'}`);
    this.exitCode = exitCode;
    this.signal = signal;
    this.stderrTail = stderrTail;
  }
}

export type LocalLearnerOptions = {
  /** Interpreter with torch (default: resolvePython({modules: ['torch']}), R1CI_PYTHON overrides). */
  python?: string;
  /** Checkpoints and presets (default: a fresh folder under the OS temp dir). */
  stateDir?: string;
  /** torch CPU threads for sampling and training alike (default: the server's choice: on torch 2.x
   * every core that no other process, such as the sandbox, kept busy over the last half second). */
  threads?: number;
  /** Batch concurrent sample requests for the same weights (default true). false serves them one
   * at a time, so sampled tokens and logprobs are bit-identical however requests interleave. */
  batchRequests?: boolean;
  /** 'cpu' or 'cuda' (default: cuda when available). */
  device?: string;
  /** Micro-batch size bound in tokens (default 8192). */
  maxTokensPerMicrobatch?: number;
  /** How long to wait for the health check (default 60 s). */
  startTimeoutMs?: number;
  /** Extra environment for the server. */
  env?: NodeJS.ProcessEnv;
};

const STDERR_TAIL_BYTES = 8_192;
const live = new Set<ChildProcess>();
let exitHookInstalled = false;

/** A running local learner; `client` talks to it, `stop()` ends it. */
export class LocalLearner {
  readonly client: LearnerClient;
  private exit?: { code: number | null; signal: NodeJS.Signals | null };
  private tail = '';
  private readonly exited: Promise<void>;

  constructor(
    readonly child: ChildProcess,
    readonly url: string,
    readonly apiKey: string,
    readonly stateDir: string,
  ) {
    child.stderr?.setEncoding('utf8');
    child.stderr?.on('data', (chunk: string) => {
      this.tail = (this.tail + chunk).slice(-STDERR_TAIL_BYTES);
    });
    this.exited = new Promise((resolveExit) =>
      child.once('exit', (code, signal) => {
        this.exit = { code, signal };
        live.delete(child);
        resolveExit();
      }),
    );
    this.client = new LearnerClient({ url, apiKey, crashed: () => this.crashError() });
  }

  /** The process's crash as an error, once it has exited (undefined while it runs). */
  crashError(): LearnerProcessError | undefined {
    return this.exit ? new LearnerProcessError(this.exit.code, this.exit.signal, this.tail) : undefined;
  }

  get stderrTail(): string {
    return this.tail;
  }

  /** SIGTERM to the process group, then SIGKILL after `graceMs`; resolves once it has exited. */
  async stop(graceMs = 3_000): Promise<void> {
    if (this.exit) return;
    signalGroup(this.child, 'SIGTERM');
    const done = await Promise.race([this.exited.then(() => true), sleep(graceMs).then(() => false)]);
    if (!done) {
      signalGroup(this.child, 'SIGKILL');
      await this.exited;
    }
  }

  /** Resolves when the server answers health, or throws if the process dies or time runs out. */
  async waitForHealth(timeoutMs: number): Promise<void> {
    const deadline = Date.now() + timeoutMs;
    while (Date.now() < deadline) {
      const crash = this.crashError();
      if (crash) throw crash;
      if (await this.client.health()) return;
      await sleep(100);
    }
    await this.stop();
    throw new LearnerError(
      `the learner did not answer its health check within ${timeoutMs} ms; last stderr:\n${this.tail.trim()}`,
    );
  }
}

function signalGroup(child: ChildProcess, signal: NodeJS.Signals): void {
  if (child.pid === undefined) return;
  try {
    process.kill(-child.pid, signal);
  } catch {
    child.kill(signal); // no group (already gone or not a leader): signal the process itself
  }
}

/** A port the OS reports free on loopback (closed again before the server binds it). */
export async function freePort(): Promise<number> {
  return new Promise((resolvePort, reject) => {
    const server = createServer();
    server.once('error', reject);
    server.listen(0, '127.0.0.1', () => {
      const address = server.address();
      const port = typeof address === 'object' && address ? address.port : 0;
      server.close(() => resolvePort(port));
    });
  });
}

/** The interpreter for the learner, or a LearnerError that says how to install torch. */
export function resolveLearnerPython(python?: string): string {
  if (python) return python;
  try {
    return resolvePython({ modules: ['torch'], preferVenv: true });
  } catch (error) {
    if (error instanceof PythonNotFoundError) {
      throw new LearnerError(`the local learner needs Python with PyTorch: ${error.message} (pip: pip install torch)`, {
        cause: error,
      });
    }
    throw error;
  }
}

/** glibc malloc settings for the learner: one arena, and freed memory kept rather than handed back
 * (no trimming, large blocks from the heap instead of fresh mmaps). A training step allocates and
 * frees the same few hundred MB of activations every time; with the defaults each step faults those
 * pages in afresh, which on some VMs costs more than the arithmetic (RL-shaped steps 2.5-3.5x slower
 * on a 2-core VM; docs/benchmarks.md, "Learner memory"). The cost: the process keeps its peak heap. */
export const LEARNER_MALLOC_ENV = {
  MALLOC_ARENA_MAX: '1',
  GLIBC_TUNABLES: 'glibc.malloc.mmap_threshold=4294967296:glibc.malloc.trim_threshold=4294967296',
} as const;

/** The learner's environment: `base` plus LEARNER_MALLOC_ENV where `base` does not already say
 * otherwise (a user's own GLIBC_TUNABLES keeps its values; ours fill the ones it lacks).
 * R1CI_LEARNER_MALLOC=default leaves malloc as it is. */
export function learnerEnv(base: NodeJS.ProcessEnv): NodeJS.ProcessEnv {
  const env: NodeJS.ProcessEnv = { ...base };
  if (env.R1CI_LEARNER_MALLOC === 'default') return env;
  env.MALLOC_ARENA_MAX ??= LEARNER_MALLOC_ENV.MALLOC_ARENA_MAX;
  const own = (env.GLIBC_TUNABLES ?? '').split(':').filter(Boolean);
  const named = new Set(own.map((t) => t.split('=')[0]));
  const ours = LEARNER_MALLOC_ENV.GLIBC_TUNABLES.split(':').filter((t) => !named.has(t.split('=')[0]));
  env.GLIBC_TUNABLES = [...own, ...ours].join(':');
  return env;
}

export async function startLocalLearner(options: LocalLearnerOptions = {}): Promise<LocalLearner> {
  const python = resolveLearnerPython(options.python);
  const root = learnerRoot();
  const stateDir = options.stateDir ?? join(tmpdir(), `r1ci-learner-${process.pid}-${randomBytes(4).toString('hex')}`);
  mkdirSync(stateDir, { recursive: true });
  const port = await freePort();
  const apiKey = randomBytes(24).toString('hex');
  const args = [
    '-m',
    'learner.server',
    '--host',
    '127.0.0.1',
    '--port',
    String(port),
    '--state-dir',
    stateDir,
    '--parent-pid',
    String(process.pid),
  ];
  if (options.threads) {
    const n = String(options.threads);
    args.push('--threads', n, '--train-threads', n, '--sample-threads', n);
  }
  if (options.device) args.push('--device', options.device);
  if (options.batchRequests === false) args.push('--no-batch-requests');
  if (options.maxTokensPerMicrobatch) args.push('--max-tokens-per-microbatch', String(options.maxTokensPerMicrobatch));
  const child = spawn(python, args, {
    cwd: root,
    detached: true, // its own process group, so stop() reaps anything it started
    stdio: ['ignore', 'ignore', 'pipe'],
    env: {
      ...learnerEnv({ ...process.env, OPENBLAS_NUM_THREADS: '1', ...options.env }),
      R1CI_LEARNER_TOKEN: apiKey,
      PYTHONPATH: root,
    },
  });
  live.add(child);
  installExitHook();
  const learner = new LocalLearner(child, `http://127.0.0.1:${port}`, apiKey, stateDir);
  await learner.waitForHealth(options.startTimeoutMs ?? 60_000);
  return learner;
}

function installExitHook(): void {
  if (exitHookInstalled) return;
  exitHookInstalled = true;
  process.once('exit', () => {
    for (const child of live) signalGroup(child, 'SIGKILL');
  });
}
