// `r1ci serve`: the verification service (POST /verify, batches) and, unless --no-sandbox, the
// sandbox's SandboxFusion run_code route on the same port: r1ci as the environment of another trainer.
import type { Command } from 'commander';
import { ConfigError } from '../../core/index.js';
import { setDataDir } from '../../tasks/index.js';
import { createLocalSandbox, type IsolationMode, type LocalSandbox } from '../../sandbox/index.js';
import { createR1ciServer, Verifier } from '../../service/index.js';
import { addServiceFlags, listen, resolveServiceFlags, untilStopped, type ServiceFlags } from '../service-flags.js';

type ServeFlags = ServiceFlags & {
  port: string; sandbox: boolean; workers?: string; isolation?: string; dataDir?: string;
};

export function registerServeCommand(program: Command): void {
  const command = program
    .command('serve')
    .description('serve verification (POST /verify) and the sandbox (POST /run_code, SandboxFusion shape) over HTTP')
    .option('--port <port>', 'TCP port (0 picks a free one)', '8090')
    .option('--no-sandbox', 'verification only: no /run_code and no sandbox pool')
    .option('--workers <n>', 'snippets running at once (default: the cores)')
    .option('--isolation <mode>', 'bwrap (default) or none (rlimits only)')
    .option('--data-dir <dir>', 'data directory for data-backed tasks');
  addServiceFlags(command).action(async (flags: ServeFlags) => {
    setDataDir(flags.dataDir);
    const service = resolveServiceFlags(flags);
    const port = Number(flags.port);
    if (!Number.isInteger(port) || port < 0) {
      throw new ConfigError([{ path: '--port', message: `bad port '${flags.port}'` }]);
    }
    const workers = flags.workers === undefined ? undefined : Number(flags.workers);
    let pool: LocalSandbox | undefined;
    const isolation = flags.isolation as IsolationMode | undefined;
    if (flags.sandbox) pool = await createLocalSandbox({ isolation, concurrency: workers });
    const server = createR1ciServer({
      verifier: new Verifier(), auth: service.sandbox.auth,
      ...(pool ? { sandbox: { ...service.sandbox, sandbox: pool } } : {}),
    });
    await listen(server, port, flags.host);
    const address = server.address() as { port: number };
    const routes = pool ? '/verify and /run_code' : '/verify';
    process.stdout.write(`r1ci serve: listening on http://${flags.host}:${address.port} (${routes}`
      + `${service.sandbox.auth.token ? ', token required' : ''})\n`);
    await untilStopped();
    server.close();
    await pool?.close();
  });
}
