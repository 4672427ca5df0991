// Flags shared by the commands that serve HTTP (sandbox serve, serve), and the help of the flag of
// those that run code (eval, synth, rl: `--sandbox URL[,URL…]`; src/recipes/open-sandbox.ts opens it).
import type { Server } from 'node:http';
import type { Command } from 'commander';
import {
  DEFAULT_MAX_BODY_BYTES,
  DEFAULT_MAX_FETCH_BYTES,
  DEFAULT_MAX_RUN_TIMEOUT_SECONDS,
  resolveServiceAuth,
  type ResolvedServiceAuth,
} from '../sandbox/index.js';

/** The HTTP flags after their schema (options/tools.ts) checked them. */
export type ServiceFlags = {
  host: string;
  token?: string;
  tokenHeader?: string;
  insecureNoAuth?: boolean;
  maxBodyBytes?: number;
  maxRunTimeout?: number;
  maxFetchBytes?: number;
};

export type ResolvedServiceFlags = {
  sandbox: { auth: ResolvedServiceAuth; maxBodyBytes: number; maxRunTimeoutSeconds: number; maxFetchBytes: number };
};

export function addServiceFlags(command: Command): Command {
  return command
    .option('--host <host>', 'address to bind (off loopback: a token, or --insecure-no-auth; default 127.0.0.1)')
    .option('--token <token>', 'token clients must send (default: $R1CI_SANDBOX_TOKEN)')
    .option('--token-header <name>', 'header that carries the token (default: Authorization, Bearer or Basic)')
    .option('--insecure-no-auth', 'serve a non-loopback address without a token (private networks only)')
    .option('--max-body-bytes <n>', `largest request body accepted (default ${DEFAULT_MAX_BODY_BYTES})`)
    .option('--max-run-timeout <seconds>', `cap on run_timeout (default ${DEFAULT_MAX_RUN_TIMEOUT_SECONDS})`)
    .option('--max-fetch-bytes <n>', `cap on fetch_files returned per request (default ${DEFAULT_MAX_FETCH_BYTES})`);
}

export function resolveServiceFlags(flags: ServiceFlags): ResolvedServiceFlags {
  const auth = resolveServiceAuth(
    {
      host: flags.host,
      token: flags.token ?? (process.env.R1CI_SANDBOX_TOKEN || undefined),
      tokenHeader: flags.tokenHeader,
      insecureNoAuth: flags.insecureNoAuth,
    },
    (line) => process.stderr.write(`${line}\n`),
  );
  return {
    sandbox: {
      auth,
      maxBodyBytes: flags.maxBodyBytes ?? DEFAULT_MAX_BODY_BYTES,
      maxRunTimeoutSeconds: flags.maxRunTimeout ?? DEFAULT_MAX_RUN_TIMEOUT_SECONDS,
      maxFetchBytes: flags.maxFetchBytes ?? DEFAULT_MAX_FETCH_BYTES,
    },
  };
}

export function listen(server: Server, port: number, host: string): Promise<void> {
  return new Promise((resolve, reject) => {
    server.once('error', reject);
    server.listen(port, host, () => resolve());
  });
}

/** Resolves on SIGINT or SIGTERM. */
export function untilStopped(): Promise<void> {
  return new Promise((resolve) => {
    process.once('SIGINT', () => resolve());
    process.once('SIGTERM', () => resolve());
  });
}

/** `--sandbox` help text, shared by the commands that run code. */
export const SANDBOX_FLAG_HELP =
  'run code on these r1ci sandbox serve / SandboxFusion servers (comma-separated URLs; ' +
  'default: $R1CI_SANDBOX_URLS, else the local pool); token from $R1CI_SANDBOX_TOKEN';
