// One warm parent: the jailed Python process that holds the imported libraries and forks a child
// per snippet. A typed set of messages over its stdin/stdout; stopped with SIGTERM then SIGKILL.
import { spawn, type ChildProcess } from 'node:child_process';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { SandboxUnavailableError } from '../core/index.js';
import type { ResolvedLocalSandboxConfig } from './config.js';
import { buildBwrapArgs, readDriverSource, SANDBOX_ENV, SANDBOX_WORK_DIR } from './isolation.js';
import type { ExecResult } from './types.js';

/** What the warm parent reports once its libraries are imported. */
export type WarmParentInfo = { privileged: boolean; python: string; modules: Record<string, string>; pid: number };

export type WarmRequest = { code: string; stdin?: string; timeoutMs: number; memoryMb: number };

type Pending = { resolve: (result: ExecResult) => void; reject: (error: Error) => void };

const STDERR_TAIL = 4000;

export class WarmParent {
  readonly info: Promise<WarmParentInfo>;
  /** Called once when the process ends for any reason (not after stop()). */
  onExit: (reason: string) => void = () => {};
  /**
   * The parent's own notices (the fork server died and was replaced, a spare failed its setup); they also join the
   * stderr tail.
   */
  onLog: (message: string) => void = () => {};
  private readonly child: ChildProcess;
  private readonly pending = new Map<number, Pending>();
  private nextId = 1;
  private buffer = '';
  private stderrTail = '';
  private exited = false;
  private stopping = false;
  private scratch?: string;

  constructor(config: ResolvedLocalSandboxConfig, python: string, bwrap: string | undefined) {
    const driver = readDriverSource();
    if (config.isolation === 'bwrap') {
      if (!bwrap)
        throw new SandboxUnavailableError(
          'isolation is bwrap but bubblewrap is not installed (apt-get install bubblewrap), or choose isolation: ' +
            'none explicitly',
        );
      this.child = spawn(bwrap, buildBwrapArgs(python, driver), {
        stdio: ['pipe', 'pipe', 'pipe'],
        env: {},
        detached: true,
      });
    } else {
      this.scratch = mkdtempSync(join(tmpdir(), 'r1ci-sandbox-'));
      this.child = spawn(python, ['-I', '-c', driver], {
        stdio: ['pipe', 'pipe', 'pipe'],
        env: { ...SANDBOX_ENV, HOME: this.scratch },
        cwd: this.scratch,
        detached: true,
      });
    }
    this.info = new Promise((resolve, reject) => {
      this.pending.set(0, { resolve: resolve as unknown as Pending['resolve'], reject });
    });
    this.info.catch(() => {});
    this.child.stdout!.setEncoding('utf8').on('data', (chunk: string) => this.onData(chunk));
    this.child.stderr!.setEncoding('utf8').on('data', (chunk: string) => {
      this.stderrTail = (this.stderrTail + chunk).slice(-STDERR_TAIL);
    });
    this.child.stdin!.on('error', () => {});
    this.child.on('error', (error) => this.fail(`cannot start the sandbox (${error.message})`));
    this.child.on('exit', (code, signal) =>
      this.fail(`the warm parent exited (${signal ? `signal ${signal}` : `code ${code}`})`),
    );
    const config_ = {
      concurrency: config.concurrency,
      spares: config.spares,
      modules: config.modules,
      memoryMb: config.memoryMb,
      maxOutputBytes: config.maxOutputBytes,
      fileSizeMb: config.fileSizeMb,
      tmpfsMb: config.tmpfsMb,
      processes: config.processes,
      openFiles: config.openFiles,
      uidBase: config.uidBase,
      workDir: SANDBOX_WORK_DIR,
      scratchDir: this.scratch ?? '/tmp',
      privileged: config.isolation === 'bwrap', // per-slot uids and tmpfs dirs need the jail's /sandbox mount point
    };
    this.child.stdin!.write(`${JSON.stringify(config_)}\n`);
  }

  get pid(): number | undefined {
    return this.child.pid;
  }

  get alive(): boolean {
    return !this.exited;
  }

  exec(request: WarmRequest): Promise<ExecResult> {
    if (this.exited)
      return Promise.reject(new SandboxUnavailableError('the warm parent is not running', { retryable: true }));
    const id = this.nextId++;
    return new Promise((resolve, reject) => {
      this.pending.set(id, { resolve, reject });
      this.child.stdin!.write(`${JSON.stringify({ type: 'exec', id, ...request })}\n`);
    });
  }

  /** SIGTERM, then SIGKILL after `graceMs`; resolves when the process is gone. */
  async stop(graceMs = 2000): Promise<void> {
    this.stopping = true;
    if (!this.exited) {
      const gone = new Promise<void>((resolve) => this.child.once('exit', () => resolve()));
      this.child.stdin!.end(); // the warm parent kills its snippets, reaps them and exits
      const term = setTimeout(() => this.signal('SIGTERM'), graceMs);
      const kill = setTimeout(() => this.signal('SIGKILL'), graceMs + 1000);
      await gone;
      clearTimeout(term);
      clearTimeout(kill);
    }
    this.fail('the sandbox was closed', false);
  }

  /** Kills the whole process group at once (used when the warm parent stops answering). */
  kill(): void {
    this.signal('SIGKILL');
  }

  private signal(name: NodeJS.Signals): void {
    if (this.exited || this.child.pid === undefined) return;
    try {
      process.kill(-this.child.pid, name);
    } catch {
      this.child.kill(name);
    }
  }

  private onData(chunk: string): void {
    this.buffer += chunk;
    let newline = this.buffer.indexOf('\n');
    while (newline >= 0) {
      const line = this.buffer.slice(0, newline);
      this.buffer = this.buffer.slice(newline + 1);
      this.onMessage(line);
      newline = this.buffer.indexOf('\n');
    }
  }

  private onMessage(line: string): void {
    let message: Record<string, unknown>;
    try {
      message = JSON.parse(line) as Record<string, unknown>;
    } catch {
      this.stderrTail = (this.stderrTail + `\n[bad protocol line] ${line.slice(0, 200)}`).slice(-STDERR_TAIL);
      return;
    }
    if (message.type === 'ready') return this.settle(0, message);
    if (message.type === 'log') {
      this.stderrTail = (this.stderrTail + `\n[log] ${String(message.message)}`).slice(-STDERR_TAIL);
      return this.onLog(String(message.message));
    }
    if (message.type === 'fatal') {
      this.fail(String(message.message), false);
      return;
    }
    if (message.type === 'result') {
      const { type: _type, id: _id, ...result } = message;
      return this.settle(Number(message.id), result);
    }
    if (message.type === 'error') {
      const entry = this.pending.get(Number(message.id));
      this.pending.delete(Number(message.id));
      entry?.reject(
        new SandboxUnavailableError(`sandbox refused the request: ${String(message.message)}`, { retryable: true }),
      );
    }
  }

  private settle(id: number, value: unknown): void {
    const entry = this.pending.get(id);
    this.pending.delete(id);
    entry?.resolve(value as ExecResult);
  }

  private fail(reason: string, retryable = true): void {
    const first = !this.exited;
    if (first) this.signal('SIGKILL'); // whatever is left of the process group
    this.exited = true;
    const tail = this.stderrTail.trim().split('\n').slice(-3).join(' | ');
    const message = `${reason}${tail ? ` (stderr: ${tail})` : ''}`;
    for (const [id, entry] of this.pending) {
      this.pending.delete(id);
      entry.reject(new SandboxUnavailableError(message, { retryable }));
    }
    if (this.scratch) rmSync(this.scratch, { recursive: true, force: true });
    if (first && !this.stopping) this.onExit(message);
  }
}
