// Who may call r1ci's HTTP services. Loopback is open unless a token is set; any other address
// needs a token or an explicit, loudly warned `insecureNoAuth` for a private network.
import { timingSafeEqual } from 'node:crypto';
import type { IncomingHttpHeaders } from 'node:http';
import { ConfigError } from '../core/index.js';

export type ServiceAuthOptions = {
  /** Address the server binds. */
  host: string;
  /** Secret clients must present (default none). */
  token?: string;
  /** Header carrying it (default `authorization`: `Bearer <token>`, or Basic with the token as password). */
  tokenHeader?: string;
  /** Serve a non-loopback address without a token (a private network only). */
  insecureNoAuth?: boolean;
};

export type ResolvedServiceAuth = Readonly<{ token?: string; header: string }>;

const LOOPBACK = new Set(['127.0.0.1', '::1', 'localhost']);

export function isLoopbackHost(host: string): boolean {
  return LOOPBACK.has(host) || host.startsWith('127.');
}

/** Checks the combination and warns about an open non-loopback server; throws ConfigError when unsafe. */
export function resolveServiceAuth(options: ServiceAuthOptions, warn: (line: string) => void): ResolvedServiceAuth {
  const header = (options.tokenHeader ?? 'authorization').toLowerCase();
  if (!/^[a-z0-9-]+$/.test(header)) {
    throw new ConfigError([{ path: '--token-header', message: `not a header name: ${options.tokenHeader}` }]);
  }
  if (options.token !== undefined && options.token.length < 8) {
    const fix = 'use a long random token';
    throw new ConfigError([{ path: '--token', message: 'is shorter than 8 characters', fix }]);
  }
  if (options.token && options.insecureNoAuth) {
    throw new ConfigError([{ path: '--insecure-no-auth', message: 'contradicts --token', fix: 'pass one of them' }]);
  }
  if (!options.token && !isLoopbackHost(options.host)) {
    if (!options.insecureNoAuth) {
      throw new ConfigError([
        {
          path: '--host',
          message: `serving ${options.host} without a token would let anyone who reaches it run code`,
          fix: 'pass --token (or set R1CI_SANDBOX_TOKEN), or --insecure-no-auth on a private network',
        },
      ]);
    }
    warn(
      `r1ci serve: WARNING: ${options.host} is served WITHOUT authentication (--insecure-no-auth): ` +
        'anyone who can reach this address can run code in the sandbox',
    );
  }
  return Object.freeze({ token: options.token || undefined, header });
}

/** True when the request carries the token (or none is required). */
export function isAuthorized(headers: IncomingHttpHeaders, auth: ResolvedServiceAuth): boolean {
  if (auth.token === undefined) return true;
  const value = headers[auth.header];
  const given = Array.isArray(value) ? value[0] : value;
  if (!given) return false;
  return presented(given).some((candidate) => sameSecret(candidate, auth.token!));
}

/** The secrets a header value may carry: the bare value, a Bearer token, a Basic password. */
function presented(value: string): string[] {
  const candidates = [value];
  if (/^bearer /i.test(value)) candidates.push(value.slice(7).trim());
  if (/^basic /i.test(value)) {
    const decoded = Buffer.from(value.slice(6).trim(), 'base64').toString('utf8');
    const colon = decoded.indexOf(':');
    if (colon >= 0) candidates.push(decoded.slice(colon + 1));
  }
  return candidates;
}

function sameSecret(given: string, wanted: string): boolean {
  const a = Buffer.from(given);
  const b = Buffer.from(wanted);
  return a.length === b.length && timingSafeEqual(a, b);
}

/** The one-line 401 message, naming the header this server reads. */
export function unauthorizedMessage(auth: ResolvedServiceAuth): string {
  return auth.header === 'authorization'
    ? 'missing or wrong token (send Authorization: Bearer <token>, or put it in the URL as http://r1ci:<token>@host/)'
    : `missing or wrong token (send it in the ${auth.header} header)`;
}
