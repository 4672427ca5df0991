// The wire shape of SandboxFusion's `run_code` API (POST /run_code) and its mapping to and from
// ours, written from bytedance/SandboxFusion's request/response models. Our service adds an `r1ci`
// field (exact status, the notes r1ci adds to stderr), so nothing is lost on an r1ci round trip.
import type { ExecRequest, ExecResult, ExecStatus } from './types.js';

/** SandboxFusion's RunCodeRequest. `compile_timeout` and `args` are accepted and unused. */
export type FusionRunCodeRequest = {
  code: string;
  language: string;
  /** Seconds (SandboxFusion's default: 10). */
  run_timeout?: number;
  compile_timeout?: number;
  /** -1 means the server's default. */
  memory_limit_MB?: number;
  stdin?: string | null;
  /** Path (relative to the working dir) → base64 content, written before the code runs. */
  files?: Record<string, string | null>;
  /** Paths read back after the code ran, returned base64 in the response's `files`. */
  fetch_files?: string[];
  args?: string[];
};

export type FusionCommandRunStatus = 'Finished' | 'TimeLimitExceeded' | 'Error';
export type FusionRunStatus = 'Success' | 'Failed' | 'SandboxError';

export type FusionCommandRunResult = {
  status: FusionCommandRunStatus;
  /** Seconds. */
  execution_time: number | null;
  /** Null after a time limit; minus the signal number for a process killed by a signal. */
  return_code: number | null;
  stdout: string | null;
  stderr: string | null;
};

/** r1ci's extension: what SandboxFusion's shape cannot say. */
export type FusionR1ciExtension = {
  status: ExecStatus;
  truncated: boolean;
  /** The notes r1ci appends to stderr (time limit, signal, truncation), cut from `stderr`. */
  stderrNote?: string;
  /** Same for stdout (its truncation note). */
  stdoutNote?: string;
};

export type FusionRunCodeResponse = {
  status: FusionRunStatus;
  message: string;
  compile_result: FusionCommandRunResult | null;
  run_result: FusionCommandRunResult | null;
  executor_pod_name: string | null;
  files: Record<string, string>;
  /** Present only from an r1ci server. */
  r1ci?: FusionR1ciExtension;
};

/** The languages an r1ci server runs; SandboxFusion's other languages get a 400 naming these. */
export const FUSION_LANGUAGES = ['python', 'bash'] as const;
export type FusionLanguage = (typeof FUSION_LANGUAGES)[number];

export function mapRequestToFusion(request: ExecRequest, defaultTimeoutMs: number): FusionRunCodeRequest {
  return {
    code: request.code,
    language: 'python',
    run_timeout: (request.timeoutMs ?? defaultTimeoutMs) / 1000,
    memory_limit_MB: request.memoryMb ?? -1,
    stdin: request.stdin ?? null,
  };
}

// The driver's notes, in the order it appends them (see python/driver.py `result`).
const SIGNAL_NOTE = /\n\[process killed by signal (\d+) \(\w+\)\]\n$/;
const TIMEOUT_NOTE = /\n\[timed out after \d+ ms\]\n$/;
const TRUNCATED_NOTE = (stream: string) => new RegExp(`\\n\\[${stream} truncated: more than \\d+ bytes\\]\\n$`);

/** Splits r1ci's trailing notes off a stream: the raw text SandboxFusion would show, and the notes. */
export function splitNotes(text: string, stream: 'stdout' | 'stderr'): { raw: string; note: string; signal?: number } {
  let raw = text;
  let signal: number | undefined;
  const patterns =
    stream === 'stderr' ? [SIGNAL_NOTE, TIMEOUT_NOTE, TRUNCATED_NOTE('stderr')] : [TRUNCATED_NOTE('stdout')];
  for (const pattern of patterns) {
    const match = pattern.exec(raw);
    if (!match) continue;
    if (pattern === SIGNAL_NOTE) signal = Number(match[1]);
    raw = raw.slice(0, match.index);
  }
  return { raw, note: text.slice(raw.length), signal };
}

/**
 * SandboxFusion's return code for our result. Python's MemoryError exits with 1 there too; a signal
 * is reported as minus its number (asyncio's returncode: SandboxFusion's shell execs the interpreter);
 * our output cap kills with SIGKILL; a time limit has no return code.
 */
function fusionReturnCode(result: ExecResult, signal: number | undefined): number | null {
  switch (result.status) {
    case 'exited':
      return result.exitCode;
    case 'memory-limit':
      return 1;
    case 'timeout':
      return null;
    case 'output-limit':
      return -9;
    case 'killed':
      return -(signal ?? 9);
  }
}

export function mapResultToFusion(result: ExecResult, files: Record<string, string> = {}): FusionRunCodeResponse {
  const stderr = splitNotes(result.stderr, 'stderr');
  const stdout = splitNotes(result.stdout, 'stdout');
  const returnCode = fusionReturnCode(result, stderr.signal);
  const finished = result.status !== 'timeout';
  return {
    status: finished && returnCode === 0 ? 'Success' : 'Failed',
    message: '',
    compile_result: null,
    run_result: {
      status: finished ? 'Finished' : 'TimeLimitExceeded',
      execution_time: result.durationMs / 1000,
      return_code: returnCode,
      stdout: stdout.raw,
      stderr: stderr.raw,
    },
    executor_pod_name: null,
    files,
    r1ci: {
      status: result.status,
      truncated: result.truncated,
      ...(stderr.note ? { stderrNote: stderr.note } : {}),
      ...(stdout.note ? { stdoutNote: stdout.note } : {}),
    },
  };
}

/**
 * Maps a response to our result; undefined for a SandboxError (the sandbox, not the snippet, failed).
 * From a plain SandboxFusion server the status is inferred: a time limit is `timeout`, a missing or
 * negative return code is `killed`, anything else `exited`.
 */
export function mapFusionToResult(response: FusionRunCodeResponse): ExecResult | undefined {
  const run = response.run_result;
  if (response.status === 'SandboxError' || !run || run.status === 'Error') return undefined;
  const code = run.return_code;
  const inferred: ExecStatus =
    run.status === 'TimeLimitExceeded' ? 'timeout' : code === null || code < 0 ? 'killed' : 'exited';
  const status = response.r1ci?.status ?? inferred;
  return {
    status,
    exitCode: status === 'exited' ? code : null,
    stdout: (run.stdout ?? '') + (response.r1ci?.stdoutNote ?? ''),
    stderr: (run.stderr ?? '') + (response.r1ci?.stderrNote ?? ''),
    truncated: response.r1ci?.truncated ?? false,
    durationMs: Math.round((run.execution_time ?? 0) * 1e6) / 1e3,
  };
}
