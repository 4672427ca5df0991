// `r1ci sandbox serve` as a real process on loopback, driven through the remote client: the hostile
// set, token checks, the body size limit, and safe retries across URLs.
import { spawn, type ChildProcess } from 'node:child_process';
import { createServer, type Server } from 'node:net';
import { dirname, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { SandboxUnavailableError } from '../../src/core/index.js';
import { createRemoteSandbox } from '../../src/sandbox/index.js';
import { cliEntry } from '../helpers/cli.js';
import { HOSTILE_CASES, type HostileContext } from './hostile-cases.js';

const here = dirname(fileURLToPath(import.meta.url));
const TOKEN = `token-${process.pid}`;
const SECRET = `r1ci-fake-secret-serve-${process.pid}`;
let serve: ChildProcess;
let url = '';
let listener: Server;
let connections = 0;
let ctx: HostileContext;

beforeAll(async () => {
  listener = createServer((socket) => {
    connections++;
    socket.destroy();
  });
  await new Promise<void>((done) => listener.listen(0, '127.0.0.1', done));
  ctx = {
    secret: SECRET,
    port: (listener.address() as { port: number }).port,
    projectDir: resolve(here, '..', '..'),
    marker: `r1ci-serve-marker-${process.pid}`,
    connections: () => connections,
  };
  serve = spawn(
    process.execPath,
    [...cliEntry(), 'sandbox', 'serve', '--port', '0', '--workers', '2', '--max-body-bytes', '65536'],
    {
      env: { ...process.env, R1CI_SANDBOX_TOKEN: TOKEN, R1CI_SANDBOX_TEST_SECRET: SECRET },
      stdio: ['ignore', 'pipe', 'pipe'],
    },
  );
  url = await new Promise<string>((done, fail) => {
    let output = '';
    serve.stdout!.on('data', (chunk: Buffer) => {
      output += chunk.toString();
      const match = /listening on (http:\/\/\S+)/.exec(output);
      if (match) done(match[1]);
    });
    serve.stderr!.on('data', (chunk: Buffer) => (output += chunk.toString()));
    serve.on('exit', (code) => fail(new Error(`serve exited with ${code}: ${output}`)));
  });
});
afterAll(async () => {
  if (serve && serve.exitCode === null) {
    const gone = new Promise((done) => serve.once('exit', done));
    serve.kill('SIGTERM');
    await gone;
  }
  listener?.close();
});

describe('r1ci sandbox serve + remote client', () => {
  it('runs the hostile set through the client with the right statuses', async () => {
    const client = createRemoteSandbox({ urls: [url], token: TOKEN });
    const results = await Promise.all(HOSTILE_CASES.map((c) => client.exec(c.request(ctx))));
    HOSTILE_CASES.forEach((c, i) => {
      try {
        c.check(results[i], ctx);
      } catch (error) {
        throw new Error(`${c.name}: ${(error as Error).message}\n${JSON.stringify(results[i]).slice(0, 600)}`, {
          cause: error,
        });
      }
    });
    expect(await client.exec({ code: 'print(input())', stdin: 'via http' })).toMatchObject({
      status: 'exited',
      exitCode: 0,
      stdout: 'via http\n',
    });
  });

  it('refuses a wrong token', async () => {
    const response = await fetch(`${url}/run_code`, {
      method: 'POST',
      headers: { authorization: 'Bearer nope' },
      body: JSON.stringify({ code: 'print(1)', language: 'python' }),
    });
    expect(response.status).toBe(401);
    expect(((await response.json()) as { message: string }).message).toBe(
      'missing or wrong token ' +
        '(send Authorization: Bearer <token>, or put it in the URL as http://r1ci:<token>@host/)',
    );
    const client = createRemoteSandbox({ urls: [url], token: 'nope' });
    await expect(client.exec({ code: 'print(1)' })).rejects.toThrow(/answered 401/);
  });

  it('refuses an oversized request with a message', async () => {
    const response = await fetch(`${url}/run_code`, {
      method: 'POST',
      headers: { authorization: `Bearer ${TOKEN}` },
      body: JSON.stringify({ code: `# ${'x'.repeat(100_000)}`, language: 'python' }),
    });
    expect(response.status).toBe(413);
    expect(((await response.json()) as { message: string }).message).toBe(
      'request body exceeds 65536 bytes; send smaller code or raise --max-body-bytes',
    );
  });

  it('answers in the SandboxFusion run_code shape', async () => {
    const response = await fetch(`${url}/run_code`, {
      method: 'POST',
      headers: { authorization: `Bearer ${TOKEN}` },
      body: JSON.stringify({ code: 'print(2 ** 10)', language: 'python', run_timeout: 5 }),
    });
    const body = (await response.json()) as Record<string, unknown>;
    expect({ ...body, run_result: { ...(body.run_result as object), execution_time: 0 } }).toEqual({
      status: 'Success',
      message: '',
      compile_result: null,
      executor_pod_name: null,
      files: {},
      run_result: { status: 'Finished', execution_time: 0, return_code: 0, stdout: '1024\n', stderr: '' },
      r1ci: { status: 'exited', truncated: false },
    });
  });

  it('moves past a refused URL and a busy server, and does not retry a request that may have run', async () => {
    const closed = createServer();
    await new Promise<void>((done) => closed.listen(0, '127.0.0.1', done));
    const dead = `http://127.0.0.1:${(closed.address() as { port: number }).port}`;
    await new Promise((done) => closed.close(done));
    const client = createRemoteSandbox({ urls: [dead, url], token: TOKEN, backoffMs: 1 });
    for (let i = 0; i < 4; i++) expect((await client.exec({ code: 'print("ok")' })).stdout).toBe('ok\n');
    let calls = 0;
    const busyThenOk: typeof fetch = async (input, init) =>
      ++calls === 1 ? new Response('{"message":"queue full"}', { status: 503 }) : fetch(input, init);
    expect(
      (
        await createRemoteSandbox({ urls: [url], token: TOKEN, fetch: busyThenOk, backoffMs: 1 }).exec({
          code: 'print(1)',
        })
      ).stdout,
    ).toBe('1\n');
    expect(calls).toBe(2);
    let resets = 0;
    const reset: typeof fetch = async () => {
      resets++;
      throw Object.assign(new TypeError('fetch failed'), { cause: { code: 'ECONNRESET' } });
    };
    await expect(createRemoteSandbox({ urls: [url], fetch: reset }).exec({ code: 'print(1)' })).rejects.toBeInstanceOf(
      SandboxUnavailableError,
    );
    expect(resets).toBe(1);
  });
});
