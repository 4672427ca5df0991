// The nouns of the sandbox: a request to run a Python snippet, its result, and the Sandbox
// interface that the local pool and remote adapters implement.

/** How a snippet ended. A snippet's failure is a result, never an exception. */
export type ExecStatus = 'exited' | 'timeout' | 'memory-limit' | 'output-limit' | 'killed';

export type ExecRequest = {
  /** Python source, run as a fresh `__main__` script. */
  code: string;
  /** Wall-clock limit in milliseconds (default from the sandbox config; the paper uses 60 s). */
  timeoutMs?: number;
  /** Address-space limit in MiB (default from config). */
  memoryMb?: number;
  /** Text fed to the snippet's stdin. */
  stdin?: string;
};

export type ExecResult = {
  status: ExecStatus;
  /** The process exit code when it exited; null when killed by a signal or limit. */
  exitCode: number | null;
  stdout: string;
  stderr: string;
  /** True when stdout or stderr was cut at the output cap (a visible marker is appended). */
  truncated: boolean;
  durationMs: number;
};

/**
 * Runs untrusted Python. Implementations: the local warm pool, the HTTP client of a remote pool.
 *
 * @example
 * const sandbox = await createLocalSandbox({ concurrency: 2 });
 * const result = await sandbox.exec({ code: 'print(1 + 1)', timeoutMs: 5000 });
 * // result.stdout === '2\n', result.status === 'exited'
 * await sandbox.close();
 */
export interface Sandbox {
  exec(request: ExecRequest): Promise<ExecResult>;
  close(): Promise<void>;
}
