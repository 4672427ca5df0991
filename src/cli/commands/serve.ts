// `r1ci serve`: the verification service (POST /verify, batches) and, unless --no-sandbox, the
// sandbox's SandboxFusion run_code route on the same port: r1ci as the environment of another trainer.
import type { Command } from 'commander';
import { setDataDir } from '../../tasks/index.js';
import { createLocalSandbox, type LocalSandbox } from '../../sandbox/index.js';
import { createR1ciServer, Verifier } from '../../service/index.js';
import { resolveServeFlags, TOOL_DEFAULTS } from '../options/tools.js';
import { addServiceFlags, listen, resolveServiceFlags, untilStopped } from '../service-flags.js';

export function registerServeCommand(program: Command): void {
  const command = program
    .command('serve')
    .description('serve verification (POST /verify) and the sandbox (POST /run_code, SandboxFusion shape) over HTTP')
    .option('--port <port>', `TCP port (0 picks a free one; default ${TOOL_DEFAULTS.servePort})`)
    .option('--no-sandbox', 'verification only: no /run_code and no sandbox pool')
    .option('--workers <n>', 'snippets running at once (default: the cores)')
    .option('--isolation <mode>', 'bwrap (default) or none (rlimits only)')
    .option('--data-dir <dir>', 'data directory for data-backed tasks');
  addServiceFlags(command).action(async (raw: unknown) => {
    const flags = resolveServeFlags(raw);
    setDataDir(flags.dataDir);
    const service = resolveServiceFlags(flags);
    const port = flags.port;
    let pool: LocalSandbox | undefined;
    if (flags.sandbox) pool = await createLocalSandbox({ isolation: flags.isolation, concurrency: flags.workers });
    const server = createR1ciServer({
      verifier: new Verifier(),
      auth: service.sandbox.auth,
      ...(pool ? { sandbox: { ...service.sandbox, sandbox: pool } } : {}),
    });
    await listen(server, port, flags.host);
    const address = server.address() as { port: number };
    const routes = pool ? '/verify and /run_code' : '/verify';
    process.stdout.write(
      `r1ci serve: listening on http://${flags.host}:${address.port} (${routes}` +
        `${service.sandbox.auth.token ? ', token required' : ''})\n`,
    );
    await untilStopped();
    server.close();
    await pool?.close();
  });
}
