// The remote client's retry rules with a scripted fetch: a request dropped mid-flight (the server
// died) is run again on another server, never twice on the same one; a timeout is not retried.
import { describe, expect, it } from 'vitest';
import { SandboxUnavailableError } from '../core/index.js';
import { mapResultToFusion } from './fusion-wire.js';
import { createRemoteSandbox } from './remote-client.js';

const hi = { status: 'exited' as const, exitCode: 0, stdout: 'hi\n', stderr: '', truncated: false, durationMs: 1 };
const ok = () => new Response(JSON.stringify(mapResultToFusion(hi)), { status: 200 });
const dropped = () => Object.assign(new TypeError('fetch failed'), { cause: { code: 'UND_ERR_SOCKET' } });

describe('RemoteSandbox retries', () => {
  it('runs a request dropped by a dying server on the other server', async () => {
    const calls: string[] = [];
    const fetchScripted: typeof fetch = async (input) => {
      calls.push(String(input));
      if (String(input).startsWith('http://a')) throw dropped();
      return ok();
    };
    const client = createRemoteSandbox({ urls: ['http://a:1', 'http://b:1'], fetch: fetchScripted, backoffMs: 1 });
    expect((await client.exec({ code: 'print("hi")' })).stdout).toBe('hi\n');
    expect((await client.exec({ code: 'print("hi")' })).stdout).toBe('hi\n');
    // The first request tried a (chosen round-robin) then b; a is then set aside, so the second goes to b.
    expect(calls).toEqual(['http://a:1/run_code', 'http://b:1/run_code', 'http://b:1/run_code']);
  });

  it('does not retry a timeout', async () => {
    let calls = 0;
    const slow: typeof fetch = async () => {
      calls++;
      throw new DOMException('The operation was aborted due to timeout', 'TimeoutError');
    };
    const client = createRemoteSandbox({ urls: ['http://a:1', 'http://b:1'], fetch: slow, backoffMs: 1 });
    await expect(client.exec({ code: 'x' })).rejects.toBeInstanceOf(SandboxUnavailableError);
    expect(calls).toBe(1);
  });
});
