// `r1ci serve`: one HTTP server with the verification route (POST /verify, batches) and, when a
// sandbox is given, SandboxFusion's POST /run_code beside it. Same authentication for both.
import { createServer, type IncomingMessage, type Server, type ServerResponse } from 'node:http';
import { ConfigError } from '../core/index.js';
import {
  createSandboxHandler,
  isAuthorized,
  readJsonBody,
  reply,
  unauthorizedMessage,
  type ResolvedServiceAuth,
  type SandboxServiceOptions,
} from '../sandbox/index.js';
import type { VerifyBatchResponse } from './types.js';
import type { Verifier } from './verifier.js';

export type ServiceOptions = {
  verifier: Verifier;
  auth: ResolvedServiceAuth;
  /** Largest /verify body in bytes (default 64 MiB: 256 long responses fit). */
  maxVerifyBodyBytes?: number;
  /** Serve /run_code too, with these settings. */
  sandbox?: Omit<SandboxServiceOptions, 'auth'>;
};

export const DEFAULT_MAX_VERIFY_BODY_BYTES = 64 << 20;

export function createR1ciServer(options: ServiceOptions): Server {
  const sandbox = options.sandbox ? createSandboxHandler({ ...options.sandbox, auth: options.auth }) : undefined;
  return createServer((request, response) => {
    route(options, sandbox, request, response).catch((error: Error) => {
      reply(response, 500, { message: `internal error: ${error.message}` });
    });
  });
}

async function route(
  options: ServiceOptions,
  sandbox: ReturnType<typeof createSandboxHandler> | undefined,
  request: IncomingMessage,
  response: ServerResponse,
): Promise<void> {
  const path = (request.url ?? '/').split('?')[0];
  if (request.method === 'GET' && (path === '/v1/ping' || path === '/health')) return reply(response, 200, 'pong');
  if (path === '/verify' || path === '/v1/verify') {
    if (request.method !== 'POST') return reply(response, 405, { message: 'use POST /verify' });
    if (!isAuthorized(request.headers, options.auth)) {
      return reply(response, 401, { message: unauthorizedMessage(options.auth) });
    }
    const body = await readJsonBody(request, response, options.maxVerifyBodyBytes ?? DEFAULT_MAX_VERIFY_BODY_BYTES);
    if (body === undefined) return;
    const items = (body as { items?: unknown })?.items;
    if (!Array.isArray(items)) {
      return reply(response, 400, { message: 'send {"items": [{"task_id", "index", "seed", "response"}, …]}' });
    }
    try {
      const answer: VerifyBatchResponse = { results: options.verifier.verifyBatch(items) };
      return reply(response, 200, answer);
    } catch (error) {
      if (error instanceof ConfigError) return reply(response, 400, { message: error.message });
      throw error;
    }
  }
  if (sandbox && (path === '/run_code' || path === '/v1/run_code')) return sandbox(request, response);
  const routes = sandbox ? 'POST /verify or POST /run_code' : 'POST /verify';
  reply(response, 404, { message: `no route ${request.method} ${path}; use ${routes}` });
}
