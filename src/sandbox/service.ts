// `r1ci sandbox serve`: the pool over HTTP with SandboxFusion's `run_code` request/response shape.
// Loopback by default, a bearer token, a request size limit (413), 503 when the queue is full.
import { createServer, type IncomingMessage, type Server, type ServerResponse } from 'node:http';
import { timingSafeEqual } from 'node:crypto';
import { R1ciError } from '../core/index.js';
import { mapResultToFusion, type FusionRunCodeRequest } from './fusion-wire.js';
import type { Sandbox } from './types.js';

export type SandboxServiceOptions = {
  sandbox: Sandbox;
  /** Required bearer token; undefined serves without authentication (loopback only). */
  token?: string;
  /** Largest accepted request body in bytes (default 1 MiB). */
  maxBodyBytes?: number;
  /** Largest accepted run_timeout in seconds (default 300). */
  maxTimeoutSeconds?: number;
};

export const DEFAULT_MAX_BODY_BYTES = 1 << 20;

/** An http.Server (not yet listening) that serves POST /run_code and GET /v1/ping. */
export function createSandboxServer(options: SandboxServiceOptions): Server {
  return createServer((request, response) => {
    handle(options, request, response).catch((error: Error) => reply(response, 500, sandboxError(`internal error: ${error.message}`)));
  });
}

async function handle(options: SandboxServiceOptions, request: IncomingMessage, response: ServerResponse): Promise<void> {
  const path = (request.url ?? '/').split('?')[0];
  if (request.method === 'GET' && (path === '/v1/ping' || path === '/health')) return reply(response, 200, 'pong');
  if (request.method !== 'POST' || (path !== '/run_code' && path !== '/v1/run_code')) return reply(response, 404, sandboxError(`no route ${request.method} ${path}; use POST /run_code`));
  if (options.token !== undefined && !tokenMatches(request.headers.authorization, options.token)) {
    return reply(response, 401, sandboxError('missing or wrong bearer token (send Authorization: Bearer <token>)'));
  }
  const limit = options.maxBodyBytes ?? DEFAULT_MAX_BODY_BYTES;
  const body = await readBody(request, limit);
  if (body === undefined) {
    response.setHeader('connection', 'close');
    return reply(response, 413, sandboxError(`request body exceeds ${limit} bytes; send smaller code or raise --max-body-bytes`));
  }
  const parsed = parseRequest(body, options.maxTimeoutSeconds ?? 300);
  if (typeof parsed === 'string') return reply(response, 400, sandboxError(parsed));
  try {
    const result = await options.sandbox.exec({
      code: parsed.code, stdin: parsed.stdin ?? undefined, timeoutMs: Math.round((parsed.run_timeout ?? 10) * 1000),
      memoryMb: parsed.memory_limit_MB !== undefined && parsed.memory_limit_MB > 0 ? parsed.memory_limit_MB : undefined,
    });
    reply(response, 200, mapResultToFusion(result));
  } catch (error) {
    const retryable = error instanceof R1ciError && error.retryable;
    reply(response, retryable ? 503 : 500, sandboxError((error as Error).message));
  }
}

function parseRequest(body: string, maxTimeoutSeconds: number): FusionRunCodeRequest | string {
  let value: FusionRunCodeRequest;
  try {
    value = JSON.parse(body) as FusionRunCodeRequest;
  } catch {
    return 'request body is not JSON; send {"code": "...", "language": "python"}';
  }
  if (typeof value !== 'object' || value === null || typeof value.code !== 'string') return 'field code must be a string of Python source';
  if (value.language !== 'python') return `language ${JSON.stringify(value.language)} is not supported; this server runs python only`;
  const timeout = value.run_timeout;
  if (timeout !== undefined && (typeof timeout !== 'number' || !(timeout > 0) || timeout > maxTimeoutSeconds)) return `run_timeout must be a number of seconds in (0, ${maxTimeoutSeconds}]`;
  if (value.stdin !== undefined && value.stdin !== null && typeof value.stdin !== 'string') return 'stdin must be a string';
  if (value.memory_limit_MB !== undefined && !Number.isInteger(value.memory_limit_MB)) return 'memory_limit_MB must be an integer (-1 for the default)';
  if (value.files && Object.keys(value.files).length) return 'files are not supported by this server';
  return value;
}

function tokenMatches(header: string | undefined, token: string): boolean {
  const given = Buffer.from(header?.startsWith('Bearer ') ? header.slice(7) : '');
  const wanted = Buffer.from(token);
  return given.length === wanted.length && timingSafeEqual(given, wanted);
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

function sandboxError(message: string) {
  return { status: 'SandboxError', message, compile_result: null, run_result: null, executor_pod_name: null, files: {} };
}

function reply(response: ServerResponse, status: number, body: unknown): void {
  if (response.headersSent) return;
  const text = typeof body === 'string' ? body : JSON.stringify(body);
  response.writeHead(status, { 'content-type': typeof body === 'string' ? 'text/plain' : 'application/json', 'content-length': Buffer.byteLength(text) });
  response.end(text);
}
