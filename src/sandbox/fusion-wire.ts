// The wire shape of SandboxFusion's `run_code` API (POST /run_code) and its mapping to and from
// ours. Our service adds an `r1ci` field with the exact status, so nothing is lost on a round trip.
import type { ExecRequest, ExecResult, ExecStatus } from './types.js';

/** SandboxFusion's RunCodeRequest (the fields r1ci uses; others are accepted and ignored). */
export type FusionRunCodeRequest = {
  code: string;
  language: string;
  /** Seconds. */
  run_timeout?: number;
  compile_timeout?: number;
  /** -1 means the server's default. */
  memory_limit_MB?: number;
  stdin?: string | null;
  files?: Record<string, string | null>;
  fetch_files?: string[];
};

export type FusionCommandRunStatus = 'Finished' | 'TimeLimitExceeded' | 'Error';
export type FusionRunStatus = 'Success' | 'Failed' | 'SandboxError';

export type FusionCommandRunResult = {
  status: FusionCommandRunStatus;
  /** Seconds. */
  execution_time: number | null;
  return_code: number | null;
  stdout: string | null;
  stderr: string | null;
};

export type FusionRunCodeResponse = {
  status: FusionRunStatus;
  message: string;
  compile_result: FusionCommandRunResult | null;
  run_result: FusionCommandRunResult | null;
  executor_pod_name: string | null;
  files: Record<string, string>;
  /** Present only from an r1ci server: our exact status and truncation flag. */
  r1ci?: { status: ExecStatus; truncated: boolean };
};

export function mapRequestToFusion(request: ExecRequest, defaultTimeoutMs: number): FusionRunCodeRequest {
  return {
    code: request.code,
    language: 'python',
    run_timeout: (request.timeoutMs ?? defaultTimeoutMs) / 1000,
    memory_limit_MB: request.memoryMb ?? -1,
    stdin: request.stdin ?? null,
  };
}

export function mapResultToFusion(result: ExecResult): FusionRunCodeResponse {
  const ok = result.status === 'exited' && result.exitCode === 0;
  return {
    status: ok ? 'Success' : 'Failed',
    message: '',
    compile_result: null,
    run_result: {
      status: result.status === 'timeout' ? 'TimeLimitExceeded' : 'Finished',
      execution_time: result.durationMs / 1000,
      return_code: result.exitCode,
      stdout: result.stdout,
      stderr: result.stderr,
    },
    executor_pod_name: null,
    files: {},
    r1ci: { status: result.status, truncated: result.truncated },
  };
}

/**
 * Maps a response to our result; undefined for a SandboxError (the sandbox, not the snippet, failed).
 * From a plain SandboxFusion server the status is inferred: a time limit is `timeout`, a missing
 * return code is `killed`, anything else `exited`.
 */
export function mapFusionToResult(response: FusionRunCodeResponse): ExecResult | undefined {
  const run = response.run_result;
  if (response.status === 'SandboxError' || !run || run.status === 'Error') return undefined;
  const inferred: ExecStatus = run.status === 'TimeLimitExceeded' ? 'timeout' : run.return_code === null ? 'killed' : 'exited';
  return {
    status: response.r1ci?.status ?? inferred,
    exitCode: run.return_code,
    stdout: run.stdout ?? '',
    stderr: run.stderr ?? '',
    truncated: response.r1ci?.truncated ?? false,
    durationMs: Math.round((run.execution_time ?? 0) * 1e6) / 1e3,
  };
}
