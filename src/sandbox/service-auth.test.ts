// Authentication of r1ci's HTTP services: which combinations start, and which headers pass.
import { describe, expect, it } from 'vitest';
import { isAuthorized, resolveServiceAuth } from './service-auth.js';

const basic = (user: string, secret: string) => `Basic ${Buffer.from(`${user}:${secret}`).toString('base64')}`;

describe('resolveServiceAuth', () => {
  it('refuses a non-loopback address without a token, and warns when told to serve it open', () => {
    expect(() => resolveServiceAuth({ host: '0.0.0.0' }, () => undefined)).toThrow(
      /--host: serving 0\.0\.0\.0 without a token would let anyone who reaches it run code \(pass --token/,
    );
    const warnings: string[] = [];
    expect(resolveServiceAuth({ host: '10.0.0.5', insecureNoAuth: true }, (line) => warnings.push(line))).toEqual({
      token: undefined,
      header: 'authorization',
    });
    expect(warnings).toEqual([
      'r1ci serve: WARNING: 10.0.0.5 is served WITHOUT authentication (--insecure-no-auth): ' +
        'anyone who can reach this address can run code in the sandbox',
    ]);
    expect(resolveServiceAuth({ host: '127.0.0.1' }, () => undefined)).toEqual({
      token: undefined,
      header: 'authorization',
    });
    expect(() => resolveServiceAuth({ host: '0.0.0.0', token: 'short' }, () => undefined)).toThrow(/shorter than 8/);
  });
});

describe('isAuthorized', () => {
  const auth = resolveServiceAuth({ host: '0.0.0.0', token: 'secret-token' }, () => undefined);
  it('takes a Bearer token or a Basic password (URL credentials), nothing else', () => {
    expect(isAuthorized({ authorization: 'Bearer secret-token' }, auth)).toBe(true);
    expect(isAuthorized({ authorization: basic('r1ci', 'secret-token') }, auth)).toBe(true);
    expect(isAuthorized({ authorization: basic('secret-token', '') }, auth)).toBe(false);
    expect(isAuthorized({ authorization: 'Bearer secret-tokeN' }, auth)).toBe(false);
    expect(isAuthorized({}, auth)).toBe(false);
  });
  it('reads a configured header instead', () => {
    const options = { host: '0.0.0.0', token: 'secret-token', tokenHeader: 'X-Api-Key' };
    const custom = resolveServiceAuth(options, () => undefined);
    expect(isAuthorized({ 'x-api-key': 'secret-token' }, custom)).toBe(true);
    expect(isAuthorized({ authorization: 'Bearer secret-token' }, custom)).toBe(false);
  });
});
