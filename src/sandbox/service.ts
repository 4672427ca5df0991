// `r1ci sandbox serve`: the pool over HTTP with SandboxFusion's `run_code` request/response shape
// (python and bash, files in and out, raw stderr, signal exit codes). Authentication in
// service-auth.ts; a request size limit (413); 503 when the queue is full.
import { createServer, type IncomingMessage, type Server, type ServerResponse } from 'node:http';
import { R1ciError } from '../core/index.js';
import { buildFusionProgram, takeFetchedFiles } from './fusion-program.js';
import { FUSION_LANGUAGES, mapResultToFusion, type FusionLanguage, type FusionRunCodeRequest } from './fusion-wire.js';
import { isAuthorized, unauthorizedMessage, type ResolvedServiceAuth } from './service-auth.js';
import type { Sandbox } from './types.js';

export type SandboxServiceOptions = {
  sandbox: Sandbox;
  /** Who may call (resolveServiceAuth); undefined: no token required. */
  auth?: ResolvedServiceAuth;
  /** Largest accepted request body in bytes (default 1 MiB). */
  maxBodyBytes?: number;
  /** Cap on run_timeout in seconds: longer requests run for this long (default 600). */
  maxRunTimeoutSeconds?: number;
  /** Largest total size of fetch_files returned, in bytes (default 512 KiB). */
  maxFetchBytes?: number;
};

export const DEFAULT_MAX_BODY_BYTES = 1 << 20;
export const DEFAULT_MAX_RUN_TIMEOUT_SECONDS = 600;
export const DEFAULT_MAX_FETCH_BYTES = 512 << 10;
/** SandboxFusion's default run_timeout, in seconds. */
const FUSION_DEFAULT_RUN_TIMEOUT = 10;

type Handler = (request: IncomingMessage, response: ServerResponse) => Promise<void>;
type Parsed = {
  code: string;
  language: FusionLanguage;
  timeoutSeconds: number;
  clamped: boolean;
  memoryMb?: number;
  stdin?: string;
  files: Record<string, string>;
  fetchFiles: string[];
};

/** An http.Server (not yet listening) that serves POST /run_code and GET /v1/ping. */
export function createSandboxServer(options: SandboxServiceOptions): Server {
  const handler = createSandboxHandler(options);
  return createServer((request, response) => {
    handler(request, response).catch((error: Error) => {
      reply(response, 500, sandboxError(`internal error: ${error.message}`));
    });
  });
}

/** The request handler alone, for servers that add routes of their own (r1ci serve). */
export function createSandboxHandler(options: SandboxServiceOptions): Handler {
  return async (request, response) => {
    const path = (request.url ?? '/').split('?')[0];
    if (request.method === 'GET' && (path === '/v1/ping' || path === '/health')) return reply(response, 200, 'pong');
    if (request.method !== 'POST' || (path !== '/run_code' && path !== '/v1/run_code')) {
      return reply(response, 404, sandboxError(`no route ${request.method} ${path}; use POST /run_code`));
    }
    if (options.auth && !isAuthorized(request.headers, options.auth)) {
      return reply(response, 401, sandboxError(unauthorizedMessage(options.auth)));
    }
    const body = await readJsonBody(request, response, options.maxBodyBytes ?? DEFAULT_MAX_BODY_BYTES);
    if (body === undefined) return;
    const parsed = parseRunCode(body, options.maxRunTimeoutSeconds ?? DEFAULT_MAX_RUN_TIMEOUT_SECONDS);
    if (typeof parsed === 'string') return reply(response, 400, sandboxError(parsed));
    await runCode(options, parsed, response);
  };
}

async function runCode(options: SandboxServiceOptions, parsed: Parsed, response: ServerResponse): Promise<void> {
  const program = buildFusionProgram({
    code: parsed.code,
    language: parsed.language,
    files: parsed.files,
    fetchFiles: parsed.fetchFiles,
    maxFetchBytes: options.maxFetchBytes ?? DEFAULT_MAX_FETCH_BYTES,
  });
  try {
    const result = await options.sandbox.exec({
      code: program.code,
      stdin: parsed.stdin,
      timeoutMs: Math.round(parsed.timeoutSeconds * 1000),
      memoryMb: parsed.memoryMb,
    });
    const fetched = takeFetchedFiles(result.stderr, program.marker);
    const body = mapResultToFusion({ ...result, stderr: fetched.stderr }, fetched.files);
    if (fetched.omitted.length) {
      body.message =
        `fetch_files over the ${options.maxFetchBytes ?? DEFAULT_MAX_FETCH_BYTES}-byte cap were left out: ` +
        fetched.omitted.join(', ');
    }
    if (parsed.clamped) response.setHeader('x-r1ci-run-timeout', String(parsed.timeoutSeconds));
    reply(response, 200, body);
  } catch (error) {
    const retryable = error instanceof R1ciError && error.retryable;
    reply(response, retryable ? 503 : 500, sandboxError((error as Error).message));
  }
}

/** The request, checked; a string is the 400 message. */
function parseRunCode(value: unknown, maxTimeoutSeconds: number): Parsed | string {
  if (typeof value !== 'object' || value === null || Array.isArray(value)) return 'request body must be a JSON object';
  const request = value as FusionRunCodeRequest;
  if (typeof request.code !== 'string') return 'field code must be a string';
  if (!FUSION_LANGUAGES.includes(request.language as FusionLanguage)) {
    const supported = FUSION_LANGUAGES.join(' and ');
    return `language ${JSON.stringify(request.language)} is not supported; this server runs ${supported}`;
  }
  const timeout = request.run_timeout ?? FUSION_DEFAULT_RUN_TIMEOUT;
  if (typeof timeout !== 'number' || !(timeout > 0)) return 'run_timeout must be a positive number of seconds';
  const stdin = request.stdin ?? undefined;
  if (stdin !== undefined && typeof stdin !== 'string') return 'stdin must be a string';
  const memory = request.memory_limit_MB;
  const memoryGiven = memory !== undefined && memory !== null;
  if (memoryGiven && !Number.isInteger(memory)) return 'memory_limit_MB must be an integer (-1 for the default)';
  const files = parseFiles(request.files);
  if (typeof files === 'string') return files;
  const fetchFiles = request.fetch_files ?? [];
  if (!Array.isArray(fetchFiles) || fetchFiles.some((name) => typeof name !== 'string')) {
    return 'fetch_files must be a list of paths';
  }
  const badFetch = fetchFiles.find((name) => !isRelativePath(name));
  if (badFetch !== undefined) return `fetch_files path ${JSON.stringify(badFetch)} must be relative, without '..'`;
  return {
    code: request.code,
    language: request.language as FusionLanguage,
    timeoutSeconds: Math.min(timeout, maxTimeoutSeconds),
    clamped: timeout > maxTimeoutSeconds,
    memoryMb: memoryGiven && memory > 0 ? memory : undefined,
    stdin,
    files,
    fetchFiles,
  };
}

/** `files`: relative paths to base64 content; null entries are skipped, as SandboxFusion does. */
function parseFiles(files: unknown): Record<string, string> | string {
  if (files === undefined || files === null) return {};
  if (typeof files !== 'object' || Array.isArray(files)) return 'files must be an object of path to base64 content';
  const out: Record<string, string> = {};
  for (const [name, content] of Object.entries(files as Record<string, unknown>)) {
    if (content === null) continue;
    if (!isRelativePath(name)) return `files path ${JSON.stringify(name)} must be relative, without '..'`;
    if (typeof content !== 'string' || !/^[A-Za-z0-9+/]*={0,2}$/.test(content)) {
      return `files[${JSON.stringify(name)}] must be base64`;
    }
    out[name] = content;
  }
  return out;
}

function isRelativePath(name: string): boolean {
  return name.length > 0 && !name.startsWith('/') && !name.includes('\0') && !name.split('/').includes('..');
}

/** The parsed JSON body, or undefined after replying 413/400 itself. */
export async function readJsonBody(
  request: IncomingMessage,
  response: ServerResponse,
  limit: number,
): Promise<unknown> {
  const body = await readBody(request, limit);
  if (body === undefined) {
    response.setHeader('connection', 'close');
    const message = `request body exceeds ${limit} bytes; send smaller code or raise --max-body-bytes`;
    reply(response, 413, sandboxError(message));
    return undefined;
  }
  try {
    return JSON.parse(body);
  } catch {
    reply(response, 400, sandboxError('request body is not JSON; send {"code": "...", "language": "python"}'));
    return undefined;
  }
}

/** The body as text, or undefined when it is larger than `limit` (reading stops early). */
function readBody(request: IncomingMessage, limit: number): Promise<string | undefined> {
  const declared = Number(request.headers['content-length'] ?? 0);
  if (declared > limit) {
    request.resume();
    return Promise.resolve(undefined);
  }
  return new Promise((resolve, reject) => {
    const chunks: Buffer[] = [];
    let size = 0;
    request.on('data', (chunk: Buffer) => {
      size += chunk.length;
      if (size > limit) {
        request.removeAllListeners('data');
        request.resume();
        resolve(undefined);
      } else chunks.push(chunk);
    });
    request.on('end', () => resolve(size > limit ? undefined : Buffer.concat(chunks).toString('utf8')));
    request.on('error', reject);
  });
}

export function sandboxError(message: string) {
  return {
    status: 'SandboxError',
    message,
    compile_result: null,
    run_result: null,
    executor_pod_name: null,
    files: {},
  };
}

export function reply(response: ServerResponse, status: number, body: unknown): void {
  if (response.headersSent) return;
  const text = typeof body === 'string' ? body : JSON.stringify(body);
  const type = typeof body === 'string' ? 'text/plain' : 'application/json';
  response.writeHead(status, { 'content-type': type, 'content-length': Buffer.byteLength(text) });
  response.end(text);
}
