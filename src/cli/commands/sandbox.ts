// `r1ci sandbox`: run a snippet (exec), report the isolation in force (check), serve the pool over HTTP (serve).
import { readFileSync } from 'node:fs';
import type { Command } from 'commander';
import { createLocalSandbox, createSandboxServer, type IsolationMode, type LocalSandbox } from '../../sandbox/index.js';
import { addServiceFlags, listen, resolveServiceFlags, untilStopped } from '../service-flags.js';
import { printJson, readStdin } from '../output.js';
import {
  resolveSandboxCheckFlags,
  resolveSandboxExecFlags,
  resolveSandboxServeFlags,
  TOOL_DEFAULTS,
} from '../options/tools.js';

type PoolFlags = { isolation?: IsolationMode; workers?: number };

function startPool(
  flags: PoolFlags,
  extra: { timeoutMs?: number; concurrency?: number; spares?: number },
): Promise<LocalSandbox> {
  return createLocalSandbox({
    isolation: flags.isolation,
    concurrency: extra.concurrency ?? flags.workers,
    timeoutMs: extra.timeoutMs,
    spares: extra.spares,
  });
}

export function registerSandboxCommands(program: Command): void {
  const sandbox = program.command('sandbox').description('run Python snippets in the warm, jailed process pool');
  sandbox
    .command('exec [file]')
    .description('run a Python file (or - for stdin) in the sandbox and print its output')
    .option('--timeout <ms>', `wall-clock limit in milliseconds (default ${TOOL_DEFAULTS.execTimeoutMs})`)
    .option('--isolation <mode>', 'bwrap (default) or none (rlimits only)')
    .option('--json', 'print the ExecResult as JSON')
    .action(async (file: string | undefined, raw: unknown) => {
      const opts = resolveSandboxExecFlags(raw);
      const code = file === undefined || file === '-' ? await readStdin() : readFileSync(file, 'utf8');
      const timeoutMs = opts.timeout;
      const pool = await startPool(opts, { timeoutMs, concurrency: 1, spares: 0 });
      try {
        const result = await pool.exec({ code, timeoutMs });
        if (opts.json) return printJson(result);
        process.stdout.write(result.stdout);
        process.stderr.write(result.stderr);
        if (result.status !== 'exited') process.stderr.write(`r1ci sandbox: ${result.status}\n`);
        process.exitCode = result.status === 'exited' ? (result.exitCode ?? 1) : 1;
      } finally {
        await pool.close();
      }
    });
  sandbox
    .command('check')
    .description('start the pool, report the isolation in force and probe it with a few hostile snippets')
    .option('--isolation <mode>', 'bwrap (default) or none (rlimits only)')
    .option('--json', 'print JSON')
    .action(async (raw: unknown) => {
      const opts = resolveSandboxCheckFlags(raw);
      const pool = await startPool(opts, { concurrency: 1, spares: 1 });
      try {
        const report = pool.isolation();
        const probes = await runProbes(pool);
        if (opts.json) return printJson({ ...report, probes });
        const lines = [
          `isolation: ${report.mode}` +
            (report.mode === 'none' ? '  <<< WARNING: NOT JAILED, rlimits only >>>' : ` (${report.bwrap})`),
          `privileged: ${report.privileged ? 'yes (per-snippet uid, private tmpfs, process limit)' : 'no'}`,
          `python: ${report.python} ${report.pythonVersion} with ${Object.entries(report.modules)
            .map(([m, v]) => `${m} ${v}`)
            .join(', ')}`,
          `limits: timeout ${report.limits.timeoutMs} ms, memory +${report.limits.memoryMb} MiB, ` +
            `output ${report.limits.maxOutputBytes} B/stream, files ${report.limits.fileSizeMb} MiB, ` +
            `processes ${report.limits.processes}, open files ${report.limits.openFiles}`,
          ...report.notes.map((note) => `- ${note}`),
          'probes:',
          ...probes.map((p) => `  ${p.ok ? 'ok  ' : 'FAIL'} ${p.name}: ${p.detail}`),
        ];
        process.stdout.write(`${lines.join('\n')}\n`);
        if (probes.some((p) => !p.ok)) process.exitCode = 1;
      } finally {
        await pool.close();
      }
    });
  const serve = sandbox
    .command('serve')
    .description("serve the pool over HTTP with SandboxFusion's run_code API (POST /run_code)")
    .option('--port <port>', `TCP port (0 picks a free one; default ${TOOL_DEFAULTS.sandboxPort})`)
    .option('--workers <n>', 'snippets running at once (default: the cores)')
    .option('--isolation <mode>', 'bwrap (default) or none (rlimits only)');
  addServiceFlags(serve).action(async (raw: unknown) => {
    const opts = resolveSandboxServeFlags(raw);
    const service = resolveServiceFlags(opts);
    const pool = await startPool(opts, {});
    const server = createSandboxServer({ sandbox: pool, ...service.sandbox });
    await listen(server, opts.port, opts.host);
    const address = server.address() as { port: number };
    const token = service.sandbox.auth.token ? ', token required' : '';
    process.stdout.write(
      `r1ci sandbox: listening on http://${opts.host}:${address.port} ` +
        `(isolation ${pool.isolation().mode}, workers ${pool.config.concurrency}${token})\n`,
    );
    await untilStopped();
    server.close();
    await pool.close();
  });
}

type Probe = { name: string; ok: boolean; detail: string };

async function runProbes(pool: LocalSandbox): Promise<Probe[]> {
  const probes: { name: string; code: string; expect: string }[] = [
    { name: 'scientific stack imported', code: 'import numpy, sympy, scipy, networkx\nprint("yes")', expect: 'yes' },
    {
      name: 'network unreachable',
      code:
        'import socket\ntry:\n    socket.create_connection(("127.0.0.1", 9), timeout=1)\n' +
        '    print("reachable")\nexcept OSError:\n    print("blocked")',
      expect: 'blocked',
    },
    {
      name: '/etc/shadow unreadable',
      code: 'try:\n    open("/etc/shadow").read()\n    print("readable")\nexcept OSError:\n    print("blocked")',
      expect: 'blocked',
    },
    {
      name: 'system read-only',
      code: 'try:\n    open("/usr/r1ci-probe", "w")\n    print("writable")\nexcept OSError:\n    print("blocked")',
      expect: 'blocked',
    },
    {
      name: 'working dir empty',
      code: 'import os\nprint("empty" if not os.listdir(".") else "not empty")',
      expect: 'empty',
    },
  ];
  const results = await Promise.all(probes.map((p) => pool.exec({ code: p.code, timeoutMs: 10_000 })));
  return probes.map((p, i) => ({
    name: p.name,
    ok: results[i].stdout.trim() === p.expect,
    detail: results[i].stdout.trim() || `${results[i].status}: ${results[i].stderr.trim().split('\n').at(-1)}`,
  }));
}
