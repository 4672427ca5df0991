// Acceptance of the local pool against hostile snippets, on real processes in the real jail: each
// gets the right status, the host stays intact, and the pool survives timeouts and a killed parent.
import { createServer, type Server } from 'node:net';
import { dirname, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createLocalSandbox, type LocalSandbox } from '../../src/sandbox/index.js';
import { HOSTILE_CASES, type HostileContext } from './hostile-cases.js';
import { descendants, isAlive } from './process-tree.js';

const SECRET = `r1ci-fake-secret-${process.pid}-4f1c9`;
process.env.R1CI_SANDBOX_TEST_SECRET = SECRET;

let sandbox: LocalSandbox;
const warnings: string[] = [];
let server: Server;
let connections = 0;
let ctx: HostileContext;

beforeAll(async () => {
  server = createServer((socket) => {
    connections++;
    socket.destroy();
  });
  await new Promise<void>((done) => server.listen(0, '127.0.0.1', done));
  const port = (server.address() as { port: number }).port;
  ctx = {
    secret: SECRET,
    port,
    projectDir: resolve(dirname(fileURLToPath(import.meta.url)), '..', '..'),
    marker: `r1ci-marker-${process.pid}`,
    connections: () => connections,
  };
  sandbox = await createLocalSandbox({ concurrency: 2, warn: (line) => warnings.push(line) });
});
afterAll(async () => {
  await sandbox?.close();
  server?.close();
});

async function printLatencies(count: number): Promise<number> {
  const times: number[] = [];
  for (let i = 0; i < count; i++) {
    const started = performance.now();
    expect((await sandbox.exec({ code: 'print(1)' })).stdout).toBe('1\n');
    times.push(performance.now() - started);
  }
  return times.sort((a, b) => a - b)[Math.floor(count / 2)];
}

async function waitUntil<T>(read: () => T, done: (value: T) => boolean, limitMs: number): Promise<T> {
  const end = Date.now() + limitMs;
  let value = read();
  while (!done(value) && Date.now() < end) {
    await new Promise((resolve) => setTimeout(resolve, 50));
    value = read();
  }
  return value;
}

describe('hostile snippets in the local pool', () => {
  it('each gets the right status and leaves the host intact', async () => {
    const results = await Promise.all(HOSTILE_CASES.map((c) => sandbox.exec(c.request(ctx))));
    HOSTILE_CASES.forEach((c, i) => {
      try {
        c.check(results[i], ctx);
      } catch (error) {
        throw new Error(`${c.name}: ${(error as Error).message}\n${JSON.stringify(results[i]).slice(0, 600)}`, {
          cause: error,
        });
      }
    });
    expect(sandbox.metrics().restarts).toBe(0);
    expect((await sandbox.exec({ code: 'print("alive")' })).stdout).toBe('alive\n');
  });

  it('after 100 timeouts: no zombie or leftover process, and latency has not degraded', async () => {
    const parent = sandbox.parentPid!;
    const before = await printLatencies(15);
    await new Promise((done) => setTimeout(done, 300)); // at rest, as below: spares are refilled asynchronously
    const baseline = descendants(parent).length;
    const timeouts = await Promise.all(
      Array.from({ length: 100 }, (_, i) =>
        sandbox.exec({ code: i % 2 ? 'while True: pass' : 'import time; time.sleep(60)', timeoutMs: 50 }),
      ),
    );
    expect(timeouts.map((r) => r.status)).toEqual(Array(100).fill('timeout'));
    await new Promise((done) => setTimeout(done, 300));
    const after = descendants(parent);
    expect(after.filter((p) => p.state === 'Z')).toEqual([]);
    expect(after.length).toBeLessThanOrEqual(baseline);
    const later = await printLatencies(15);
    expect(later).toBeLessThan(before * 2 + 10);
    expect(sandbox.metrics().restarts).toBe(0);
  });

  it('recovers from a killed fork server: its running snippet is failed and the pool answers', async () => {
    const zygote = () => descendants(sandbox.parentPid!).find((p) => p.name === 'r1ci-zygote');
    const first = zygote();
    expect(first).toBeDefined();
    const running = sandbox.exec({
      code: 'import time\nprint("started", flush=True)\ntime.sleep(30)',
      timeoutMs: 20_000,
    });
    await new Promise((done) => setTimeout(done, 300));
    process.kill(first!.pid, 'SIGKILL');
    const result = await running;
    expect([result.status, result.stdout]).toEqual(['killed', 'started\n']);
    expect(result.durationMs).toBeLessThan(10_000);
    expect((await sandbox.exec({ code: 'print("back")' })).stdout).toBe('back\n');
    const second = zygote();
    expect(second).toBeDefined();
    expect(second!.pid).not.toBe(first!.pid);
    expect(isAlive(first!.pid)).toBe(false);
    const zombies = await waitUntil(
      () => descendants(sandbox.parentPid!).filter((p) => p.state === 'Z'),
      (z) => z.length === 0,
      2000,
    );
    expect(zombies).toEqual([]);
    expect(sandbox.metrics().restarts).toBe(0);
    // The parent's notice reached the pool's warn hook and its metrics.
    expect(warnings.filter((w) => w.includes('fork server died'))).toHaveLength(1);
    expect(sandbox.metrics().forkServerRestarts).toBe(1);
  });

  it('recovers from a killed warm parent', async () => {
    const bwrap = sandbox.parentPid!;
    const python = descendants(bwrap).find((p) => p.name.startsWith('python'))!;
    expect(python).toBeDefined();
    process.kill(python.pid, 'SIGKILL');
    await new Promise((done) => setTimeout(done, 200));
    const result = await sandbox.exec({ code: 'print("back")' });
    expect(result.stdout).toBe('back\n');
    expect(sandbox.metrics().restarts).toBe(1);
    expect(isAlive(bwrap)).toBe(false);
  });

  it('close() leaves no process behind', async () => {
    const bwrap = sandbox.parentPid!;
    const tree = descendants(bwrap).map((p) => p.pid);
    expect(tree.length).toBeGreaterThan(1);
    await sandbox.close();
    // bwrap's inner process is reaped by the host's init, which may take a moment
    const left = await waitUntil(
      () => [bwrap, ...tree].filter(isAlive),
      (pids) => pids.length === 0,
      5000,
    );
    expect(left).toEqual([]);
    await expect(sandbox.exec({ code: 'print(1)' })).rejects.toThrow('closed');
  });
});
