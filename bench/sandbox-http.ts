// The HTTP half of `npm run bench:sandbox`: run_code over HTTP (r1ci's SandboxFusion service and the
// remote client, loopback, keep-alive) against the in-process pool, same snippets, same run; and
// verifications per second through POST /verify in batches of 256.
import type { AddressInfo } from 'node:net';
import type { Server } from 'node:http';
import { createRemoteSandbox, createSandboxServer, percentile, type LocalSandbox } from '../src/sandbox/index.js';
import { createR1ciServer, Verifier, type VerifyItem } from '../src/service/index.js';
import { getTask, selectTasks } from '../src/tasks/index.js';

/** Latencies, rate, and this process's CPU time per operation (server and client both run here). */
type Cell = { p50: number; p99: number; perSecond: number; cpuMs: number };

async function measure(run: () => Promise<void>, total: number, concurrency: number): Promise<Cell> {
  const latencies: number[] = [];
  let issued = 0;
  const cpu = process.cpuUsage();
  const started = performance.now();
  const worker = async () => {
    while (issued < total) {
      issued++;
      const t = performance.now();
      await run();
      latencies.push(performance.now() - t);
    }
  };
  await Promise.all(Array.from({ length: concurrency }, worker));
  const used = process.cpuUsage(cpu);
  latencies.sort((a, b) => a - b);
  const seconds = (performance.now() - started) / 1000;
  return {
    p50: percentile(latencies, 0.5),
    p99: percentile(latencies, 0.99),
    perSecond: total / seconds,
    cpuMs: (used.user + used.system) / 1000 / total,
  };
}

async function listen(server: Server): Promise<string> {
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  return `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
}

const fmt = (cell: Cell) =>
  `${cell.p50.toFixed(2).padStart(7)} ${cell.p99.toFixed(2).padStart(7)} ` +
  `${cell.perSecond.toFixed(0).padStart(6)} ${cell.cpuMs.toFixed(3).padStart(6)}`;

/** run_code over HTTP against the same pool in process; prints one row per snippet and concurrency. */
export async function benchRunCodeHttp(pool: LocalSandbox, snippets: Record<string, string>): Promise<void> {
  const server = createSandboxServer({ sandbox: pool });
  const client = createRemoteSandbox({ urls: [await listen(server)] });
  console.log('\nrun_code over HTTP (loopback) vs the pool in process, alternating rounds of the same snippets');
  console.log('(cpu ms: Node CPU time per exec in this process, which holds pool client, HTTP server and HTTP client)');
  console.log(
    'snippet  conc | pool p50    p99  exec/s cpu ms | http p50    p99  exec/s cpu ms ' + '| p50 added ms  cpu added ms',
  );
  for (const [name, code] of Object.entries(snippets)) {
    for (const concurrency of [1, 4]) {
      const total = Math.max(200, concurrency * 50);
      const check = (result: { status: string; exitCode: number | null; stderr: string }) => {
        if (result.status !== 'exited' || result.exitCode !== 0) throw new Error(`${result.status} ${result.stderr}`);
      };
      const direct: Cell[] = [],
        http: Cell[] = [];
      for (let round = 0; round < 2; round++) {
        // alternate, so load from elsewhere hits both alike
        direct.push(await measure(async () => check(await pool.exec({ code })), total / 2, concurrency));
        http.push(await measure(async () => check(await client.exec({ code })), total / 2, concurrency));
      }
      const mean = (cells: Cell[]): Cell => ({
        p50: (cells[0].p50 + cells[1].p50) / 2,
        p99: Math.max(cells[0].p99, cells[1].p99),
        perSecond: (cells[0].perSecond + cells[1].perSecond) / 2,
        cpuMs: (cells[0].cpuMs + cells[1].cpuMs) / 2,
      });
      const [a, b] = [mean(direct), mean(http)];
      console.log(
        `${name.padEnd(7)} ${String(concurrency).padStart(5)} | ${fmt(a)}     | ${fmt(b)}     | ` +
          `${(b.p50 - a.p50).toFixed(2).padStart(8)} ` +
          `${(b.cpuMs - a.cpuMs).toFixed(3).padStart(13)}`,
      );
    }
  }
  await client.close();
  await new Promise((resolve) => server.close(resolve));
}

/** Verifications per second through POST /verify, batches of 256 gold answers, 2 requests in flight. */
export async function benchVerifyHttp(): Promise<void> {
  const ids = selectTasks('all').filter((id) => !getTask(id).dataset);
  const items: VerifyItem[] = ids.flatMap((id) => {
    const task = getTask(id);
    const options = task.resolveOptions();
    return Array.from({ length: 8 }, (_, index) => ({
      task_id: id,
      seed: 0,
      index,
      response: `Reasoning ... so the answer is <<<${task.generate(options, 0, index).answer}>>>`,
    }));
  });
  const verifier = new Verifier();
  const server = createR1ciServer({ verifier, auth: { header: 'authorization' } });
  const url = `${await listen(server)}/verify`;
  const batches = Array.from({ length: Math.floor(items.length / 256) }, (_, i) =>
    JSON.stringify({ items: items.slice(i * 256, i * 256 + 256) }),
  );
  const post = async (body: string) => {
    const response = await fetch(url, { method: 'POST', body, headers: { 'content-type': 'application/json' } });
    const results = ((await response.json()) as { results: { score: number }[] }).results;
    if (results.some((r) => r.score !== 1)) throw new Error('a gold answer did not score 1');
  };
  for (const body of batches) await post(body); // warm: questions generated and cached once, as in RL groups
  let next = 0,
    sent = 0;
  const cpu = process.cpuUsage();
  const started = performance.now();
  const worker = async () => {
    while (performance.now() - started < 3000) {
      await post(batches[next++ % batches.length]);
      sent += 256;
    }
  };
  await Promise.all([worker(), worker()]);
  const seconds = (performance.now() - started) / 1000;
  const used = process.cpuUsage(cpu);
  const cpuRate = sent / ((used.user + used.system) / 1e6);
  const direct = performance.now();
  let count = 0;
  while (performance.now() - direct < 1000) {
    count += verifier.verifyBatch(JSON.parse(batches[(count / 256) % batches.length]).items).length;
  }
  const directRate = count / ((performance.now() - direct) / 1000);
  console.log(
    `\nverification: ${(sent / seconds).toFixed(0)} verifications/s through POST /verify (batches of 256, ` +
      `${items.length} distinct questions from ${ids.length} tasks, 2 requests in flight); ` +
      `${cpuRate.toFixed(0)} per CPU-second ` +
      `of this process (server and client); ${directRate.toFixed(0)}/s in process without HTTP`,
  );
  await new Promise((resolve) => server.close(resolve));
}
