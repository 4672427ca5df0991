// The local sandbox: a bounded queue in front of one warm parent that forks a fresh, jailed
// process per snippet. Replaces the warm parent when it dies; only a broken sandbox throws.
import { resolvePython, SandboxUnavailableError, R1ciError, ConfigError } from '../core/index.js';
import { resolveLocalSandboxConfig, type LocalSandboxOptions, type ResolvedLocalSandboxConfig } from './config.js';
import { findBwrap } from './isolation.js';
import { SampleWindow, type SandboxMetrics } from './metrics.js';
import type { ExecRequest, ExecResult, ExecStatus, Sandbox } from './types.js';
import { WarmParent, type WarmParentInfo } from './warm-parent.js';

/** How a running pool is confined, as `r1ci sandbox check` reports it. */
export type IsolationReport = {
  mode: 'bwrap' | 'none';
  bwrap?: string;
  /** True when snippets get per-slot uids, private tmpfs dirs and per-uid process limits (root). */
  privileged: boolean;
  python: string;
  pythonVersion: string;
  modules: Record<string, string>;
  limits: {
    timeoutMs: number;
    memoryMb: number;
    maxOutputBytes: number;
    fileSizeMb: number;
    processes: number | 'not limited';
    openFiles: number;
  };
  notes: string[];
};

type Queued = { request: ExecRequest; enqueued: number; resolve: (r: ExecResult) => void; reject: (e: Error) => void };

const BACKSTOP_MS = 5000;
const START_TIMEOUT_MS = 120_000;
const MAX_FAILED_STARTS = 3;

/** Starts a warm pool; resolves once the libraries are imported and spares are forked. */
export async function createLocalSandbox(
  options: LocalSandboxOptions & { warn?: (line: string) => void } = {},
): Promise<LocalSandbox> {
  const { warn, ...rest } = options;
  const sandbox = new LocalSandbox(
    resolveLocalSandboxConfig(rest),
    warn ?? ((line) => process.stderr.write(`${line}\n`)),
  );
  await sandbox.start();
  return sandbox;
}

export class LocalSandbox implements Sandbox {
  readonly config: ResolvedLocalSandboxConfig;
  private readonly python: string;
  private readonly bwrap?: string;
  private parent?: WarmParent;
  private info?: WarmParentInfo;
  private ready = false;
  private closed = false;
  private failedStarts = 0;
  private readonly queue: Queued[] = [];
  private running = 0;
  private readonly counts: Record<ExecStatus, number> = {
    exited: 0,
    timeout: 0,
    'memory-limit': 0,
    'output-limit': 0,
    killed: 0,
  };
  private failed = 0;
  private restarts = 0;
  private forkServerRestarts = 0;
  private readonly queueWait = new SampleWindow();
  private readonly runTime = new SampleWindow();

  constructor(
    config: ResolvedLocalSandboxConfig,
    private readonly warn: (line: string) => void,
  ) {
    this.config = config;
    try {
      this.python =
        config.python ?? resolvePython({ modules: [...new Set(config.modules.map((m) => m.split('.')[0]))] });
    } catch (error) {
      throw new SandboxUnavailableError((error as Error).message, { cause: error });
    }
    this.bwrap = findBwrap(config.bwrapPath);
    if (config.isolation === 'bwrap' && !this.bwrap) {
      throw new SandboxUnavailableError(
        'bubblewrap is not installed, so snippets cannot be jailed: install it (apt-get install bubblewrap, or ' +
          'bash scripts/setup.sh) or choose isolation: none explicitly to run with rlimits only',
      );
    }
    if (config.isolation === 'none') {
      this.warn(
        'r1ci sandbox: WARNING: isolation is none: snippets run with rlimits only, and can reach the network and ' +
          'read the files this user can read',
      );
    }
  }

  async start(): Promise<void> {
    const parent = new WarmParent(this.config, this.python, this.bwrap);
    this.parent = parent;
    parent.onExit = (reason) => this.onParentExit(parent, reason);
    parent.onLog = (message) => {
      if (message.startsWith('the fork server died')) this.forkServerRestarts++;
      this.warn(`r1ci sandbox: ${message}`);
    };
    let timer: NodeJS.Timeout | undefined;
    const timeout = new Promise<never>((_, reject) => {
      timer = setTimeout(
        () =>
          reject(
            new SandboxUnavailableError(`the warm parent did not start within ${START_TIMEOUT_MS / 1000} s`, {
              retryable: true,
            }),
          ),
        START_TIMEOUT_MS,
      );
    });
    try {
      this.info = await Promise.race([parent.info, timeout]);
    } catch (error) {
      parent.kill();
      throw error;
    } finally {
      clearTimeout(timer);
    }
    if (this.config.isolation === 'bwrap' && !this.info.privileged) {
      this.warn(
        'r1ci sandbox: note: not running as root: snippets share one uid, process counts are not limited, and ' +
          'private dirs are per slot',
      );
    }
    this.ready = true;
    this.failedStarts = 0;
    this.pump();
  }

  exec(request: ExecRequest): Promise<ExecResult> {
    if (typeof request?.code !== 'string')
      return Promise.reject(new ConfigError([{ path: 'exec.code', message: 'must be a string of Python source' }]));
    if (this.closed) return Promise.reject(new SandboxUnavailableError('the sandbox is closed'));
    if (this.queue.length >= this.config.maxQueue) {
      this.failed++;
      return Promise.reject(
        new SandboxUnavailableError(`the sandbox queue is full (${this.config.maxQueue} waiting); retry later`, {
          retryable: true,
        }),
      );
    }
    return new Promise((resolve, reject) => {
      this.queue.push({ request, enqueued: performance.now(), resolve, reject });
      this.pump();
    });
  }

  metrics(): SandboxMetrics {
    return {
      completed: { ...this.counts },
      failed: this.failed,
      restarts: this.restarts,
      forkServerRestarts: this.forkServerRestarts,
      running: this.running,
      queued: this.queue.length,
      queueWait: this.queueWait.summary(),
      run: this.runTime.summary(),
    };
  }

  /** The confinement actually in force (after start). */
  isolation(): IsolationReport {
    const privileged = this.info?.privileged ?? false;
    const c = this.config;
    const notes: string[] = [];
    if (c.isolation === 'none')
      notes.push('NO JAIL: network, host files and other processes of this user are reachable; rlimits only');
    else
      notes.push(
        'network: own namespace (loopback only)',
        'filesystem: read-only /usr and a few /etc files; no project, home or host /tmp',
        'environment: cleared',
      );
    notes.push(
      privileged
        ? 'per snippet: own uid, private tmpfs working dir, /tmp and /dev/shm, killed as a whole'
        : 'per snippet: private dir per slot, same uid as the pool, orphans killed',
    );
    return {
      mode: c.isolation,
      bwrap: c.isolation === 'bwrap' ? this.bwrap : undefined,
      privileged,
      python: this.python,
      pythonVersion: this.info?.python ?? '',
      modules: this.info?.modules ?? {},
      limits: {
        timeoutMs: c.timeoutMs,
        memoryMb: c.memoryMb,
        maxOutputBytes: c.maxOutputBytes,
        fileSizeMb: c.fileSizeMb,
        processes: privileged && c.processes > 0 ? c.processes : 'not limited',
        openFiles: c.openFiles,
      },
      notes,
    };
  }

  /** The warm parent's process id (for tests and diagnostics). */
  get parentPid(): number | undefined {
    return this.parent?.pid;
  }

  async close(): Promise<void> {
    this.closed = true;
    for (const item of this.queue.splice(0)) item.reject(new SandboxUnavailableError('the sandbox was closed'));
    await this.parent?.stop();
  }

  private pump(): void {
    while (this.ready && !this.closed && this.running < this.config.concurrency && this.queue.length) {
      this.dispatch(this.queue.shift()!);
    }
  }

  private dispatch(item: Queued): void {
    const parent = this.parent!;
    const started = performance.now();
    this.queueWait.add(started - item.enqueued);
    this.running++;
    const timeoutMs = item.request.timeoutMs ?? this.config.timeoutMs;
    const backstop = setTimeout(() => {
      this.warn(`r1ci sandbox: the warm parent did not answer within ${timeoutMs + BACKSTOP_MS} ms; replacing it`);
      parent.kill();
    }, timeoutMs + BACKSTOP_MS);
    parent
      .exec({
        code: item.request.code,
        stdin: item.request.stdin,
        timeoutMs,
        memoryMb: item.request.memoryMb ?? this.config.memoryMb,
      })
      .then(
        (result) => {
          this.runTime.add(performance.now() - started);
          this.counts[result.status]++;
          item.resolve(result);
        },
        (error: Error) => {
          this.failed++;
          item.reject(
            error instanceof R1ciError
              ? error
              : new SandboxUnavailableError(error.message, { cause: error, retryable: true }),
          );
        },
      )
      .finally(() => {
        clearTimeout(backstop);
        this.running--;
        this.pump();
      });
  }

  private onParentExit(parent: WarmParent, reason: string): void {
    if (this.closed || parent !== this.parent || !this.ready) return; // a failed start is reported by start()
    this.ready = false;
    this.restarts++;
    this.warn(`r1ci sandbox: ${reason}; starting a new warm parent`);
    this.restart();
  }

  private restart(): void {
    this.start().catch((error: Error) => {
      this.failedStarts++;
      if (this.failedStarts < MAX_FAILED_STARTS && !this.closed) return this.restart();
      for (const item of this.queue.splice(0))
        item.reject(new SandboxUnavailableError(`the sandbox cannot start: ${error.message}`, { cause: error }));
    });
  }
}
