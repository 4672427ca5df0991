// Contract: `r1ci sandbox serve` driven by a client that sends what verl's SandboxFusion caller and
// SandboxFusion's own clients send (fusion_contract.py, written from their source) and scores as
// verl does. Each expected value is what SandboxFusion answers for the same request.
import { spawn } from 'node:child_process';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { resolvePython } from '../../src/core/index.js';
import { cliEntry, ROOT } from '../helpers/cli.js';
import { startServe, type Served } from '../helpers/serve.js';

const CONTRACT = join(ROOT, 'test', 'interop', 'fusion_contract.py');
const python = resolvePython();

type Ran = { code: number | null; stdout: string; stderr: string };

function run(command: string, args: string[], timeoutMs: number): Promise<Ran> {
  return new Promise((resolve) => {
    const child = spawn(command, args, { cwd: ROOT, stdio: ['ignore', 'pipe', 'pipe'], timeout: timeoutMs });
    let stdout = '',
      stderr = '';
    child.stdout.setEncoding('utf8').on('data', (chunk: string) => (stdout += chunk));
    child.stderr.setEncoding('utf8').on('data', (chunk: string) => (stderr += chunk));
    child.on('close', (code) => resolve({ code, stdout, stderr }));
  });
}

/** What SandboxFusion answers (run_result fields) and what verl scores it, case by case. */
const EXPECTED = {
  ok: { score: true, http: 200, status: 'Finished', return_code: 0, stdout: '42\n', stderr: '' },
  'wrong-answer': { score: false, http: 200, status: 'Finished', return_code: 0, stdout: '41\n', stderr: '' },
  // A traceback on stderr and exit code 1: verl's runtime error.
  'runtime-error': { score: -2, http: 200, status: 'Finished', return_code: 1, stdout: '' },
  // Python's MemoryError is an ordinary exit with code 1 there too (not a null return code).
  'memory-error': { score: -2, http: 200, status: 'Finished', return_code: 1, stdout: '' },
  // TimeLimitExceeded, no return code, and no note of ours on stderr.
  timeout: { score: -3, http: 200, status: 'TimeLimitExceeded', return_code: null, stdout: '', stderr: '' },
  'stderr-only': { score: true, http: 200, status: 'Finished', return_code: 0, stdout: '', stderr: 'careful\n' },
  stdin: { score: true, http: 200, status: 'Finished', return_code: 0, stdout: 'cba\n', stderr: '' },
  // Killed by a signal: minus the signal number (asyncio's returncode), stderr as the process left it.
  sigkill: { score: -2, http: 200, status: 'Finished', return_code: -9, stdout: '', stderr: '' },
};

describe('SandboxFusion contract (verl caller, SandboxFusion client shapes)', () => {
  let served: Served;
  beforeAll(async () => {
    served = await startServe(['sandbox', 'serve', '--port', '0', '--workers', '2']);
  }, 180_000);
  afterAll(async () => served?.stop());

  it('scores every case as verl scores SandboxFusion, with the fields it reads', async () => {
    const result = await run(python, [CONTRACT, `${served.url}/run_code`], 120_000);
    expect(result.stderr).toBe('');
    const observed = JSON.parse(result.stdout) as Record<string, Record<string, unknown>>;
    for (const name of ['runtime-error', 'memory-error'] as const) {
      expect(observed[name].stderr).toMatch(name === 'memory-error' ? /\nMemoryError\n$/ : /\nValueError: bad\n$/);
      delete observed[name].stderr;
    }
    expect({ ...observed, transport: undefined }).toEqual({
      ...EXPECTED,
      transport: undefined,
      files: { http: 200, status: 'Success', stdout: '11\n', files: { 'out.txt': 'HELLO FILES' } },
      bash: { score: -2, http: 200, status: 'Finished', return_code: 3, stdout: 'hi from bash\n', stderr: '' },
      'unsupported-language': {
        score: -1,
        http: 400,
        message: 'language "cpp" is not supported; this server runs python and bash',
      },
      tool: 'out\nerr\n',
    });
  }, 120_000);

  it('passes a run_timeout above the cap as the cap, and says so in a header', async () => {
    const response = await fetch(`${served.url}/run_code`, {
      method: 'POST',
      body: JSON.stringify({ code: 'print(1)', language: 'python', run_timeout: 100_000 }),
    });
    expect([response.status, response.headers.get('x-r1ci-run-timeout')]).toEqual([200, '600']);
  });

  it('refuses files whose path leaves the working dir', async () => {
    const response = await fetch(`${served.url}/run_code`, {
      method: 'POST',
      body: JSON.stringify({ code: 'print(1)', language: 'python', files: { '../x': 'aGk=' } }),
    });
    expect([response.status, ((await response.json()) as { message: string }).message]).toEqual([
      400,
      'files path "../x" must be relative, without \'..\'',
    ]);
  });
});

// The remote case: the service on a non-loopback address inside a network namespace this test
// creates (root only), token configured; verl's caller carries it as URL credentials (Basic auth).
const canNetns = process.getuid?.() === 0;
describe.skipIf(!canNetns)('SandboxFusion contract off loopback, with a token', () => {
  it('scores with the token in the URL and -1 without it', async () => {
    const token = `t-${process.pid}-contract`;
    const script = [
      'set -e',
      'ip link set lo up',
      'ip addr add 10.254.0.1/32 dev lo',
      `R1CI_SANDBOX_TOKEN=${token} "${process.execPath}" ${cliEntry().join(' ')} sandbox serve ` +
        '--host 10.254.0.1 --port 18080 --workers 1 > /dev/null 2>&1 &',
      'for i in $(seq 1 300); do python3 -c "import socket; socket.create_connection((\'10.254.0.1\', 18080), 1)" ' +
        '2>/dev/null && break; sleep 0.2; done',
      `"${python}" ${CONTRACT} http://r1ci:${token}@10.254.0.1:18080/run_code ok,stdin`,
      `"${python}" ${CONTRACT} http://10.254.0.1:18080/run_code ok`,
      'kill %1',
    ].join('\n');
    const result = await run('unshare', ['-n', 'bash', '-c', script], 230_000);
    expect(result.code, result.stderr).toBe(0);
    const parse = (line: string) => JSON.parse(line) as Record<string, unknown>;
    const [withToken, without] = result.stdout.trim().split('\n').map(parse);
    expect([withToken.ok, withToken.stdin]).toEqual([EXPECTED.ok, EXPECTED.stdin]);
    expect(without.ok).toEqual({ score: -1, http: 401 });
  }, 240_000);
});
