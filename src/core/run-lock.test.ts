// One writer per run folder: a live holder in another process refuses the second run in one line;
// a holder killed with -9 (or a lock whose pid now belongs to another process) is taken over; the
// same process may nest its claims; `r1ci eval` on a busy folder starts nothing.
import { spawn, spawnSync, type ChildProcess } from 'node:child_process';
import { existsSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { hostname, tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { cliEntry, ROOT } from '../../test/helpers/cli.js';
import { acquireRunLock, RunBusyError, withRunFolder } from './run-lock.js';

const lockModule = join(import.meta.dirname, 'run-lock.ts');
let dir = '';
let holder: ChildProcess | undefined;
afterEach(() => {
  holder?.kill('SIGKILL');
  holder = undefined;
  if (dir) rmSync(dir, { recursive: true, force: true });
  dir = '';
});

/** Another process that claims `path` and waits; resolves once it holds it. */
async function holdInChild(path: string): Promise<ChildProcess> {
  const script =
    `import { acquireRunLock } from ${JSON.stringify(lockModule)};\n` +
    `acquireRunLock(${JSON.stringify(path)}, 'x');\nprocess.stdout.write('held\\n');\nsetInterval(() => {}, 1000);\n`;
  const child = spawn(process.execPath, ['--import', 'tsx', '--input-type=module', '-e', script], {
    stdio: ['ignore', 'pipe', 'inherit'],
  });
  await new Promise<void>((resolve, reject) => {
    child.stdout!.setEncoding('utf8').on('data', (chunk: string) => chunk.includes('held') && resolve());
    child.once('exit', (code) => reject(new Error(`the holder exited early (${code})`)));
  });
  return child;
}

describe.runIf(process.platform === 'linux')('run locks', () => {
  it('refuses a second writer while the first lives, and takes the lock over once it is killed', async () => {
    dir = mkdtempSync(join(tmpdir(), 'r1ci-lock-'));
    const path = join(dir, '.lock');
    holder = await holdInChild(path);
    expect(() => acquireRunLock(path, 'run folder runs/a')).toThrow(RunBusyError);
    expect(() => acquireRunLock(path, 'run folder runs/a')).toThrow(
      new RegExp(`^run folder runs/a is in use by another r1ci run \\(pid ${holder.pid} on `),
    );
    holder.kill('SIGKILL');
    await new Promise((resolve) => holder!.once('exit', resolve));
    const lock = acquireRunLock(path, 'run folder runs/a');
    expect(JSON.parse(readFileSync(path, 'utf8')).pid).toBe(process.pid);
    lock.release();
    expect(existsSync(path)).toBe(false);
  }, 30_000);

  it('takes over a lock whose pid is alive but started at another time (a reused pid)', () => {
    dir = mkdtempSync(join(tmpdir(), 'r1ci-lock-'));
    const path = join(dir, '.lock');
    const stale = { pid: process.ppid, host: hostname(), processStart: '1', since: 'then', command: 'r1ci eval' };
    writeFileSync(path, JSON.stringify(stale));
    acquireRunLock(path, 'run folder').release();
    expect(existsSync(path)).toBe(false);
  });

  it('takes over a lock whose process is dead but not yet reaped (a zombie)', async () => {
    dir = mkdtempSync(join(tmpdir(), 'r1ci-lock-'));
    const path = join(dir, '.lock');
    // The forked child exits at once; its parent never waits for it, so it stays a zombie.
    const script = 'import os, time\npid = os.fork()\nif pid == 0: os._exit(0)\nprint(pid, flush=True)\ntime.sleep(30)';
    holder = spawn('python3', ['-c', script], { stdio: ['ignore', 'pipe', 'inherit'] });
    const zombie = await new Promise<number>((resolve) =>
      holder!.stdout!.setEncoding('utf8').once('data', (chunk: string) => resolve(Number(chunk.trim()))),
    );
    let stat = '';
    for (let i = 0; i < 50 && !/\) Z /.test(stat); i++) {
      stat = readFileSync(`/proc/${zombie}/stat`, 'utf8');
      await new Promise((resolve) => setTimeout(resolve, 20));
    }
    expect(stat).toMatch(/\) Z /);
    const start = stat.slice(stat.lastIndexOf(')') + 2).split(' ')[19];
    const dead = { pid: zombie, host: hostname(), processStart: start, since: 'then', command: 'r1ci rl' };
    writeFileSync(path, JSON.stringify(dead));
    acquireRunLock(path, 'run folder').release();
    expect(existsSync(path)).toBe(false);
  }, 30_000);

  it('lets the same process nest its claims; the lock goes with the last release, also on a throw', async () => {
    dir = mkdtempSync(join(tmpdir(), 'r1ci-lock-'));
    const path = join(dir, '.lock');
    const outer = acquireRunLock(path, 'run folder');
    const inner = acquireRunLock(path, 'run folder');
    inner.release();
    expect(existsSync(path)).toBe(true);
    outer.release();
    expect(existsSync(path)).toBe(false);
    await expect(
      withRunFolder(dir, async () => {
        expect(existsSync(path)).toBe(true);
        throw new Error('boom');
      }),
    ).rejects.toThrow('boom');
    expect(existsSync(path)).toBe(false);
  });

  it('r1ci eval on a folder another run writes: one line, exit 1, and nothing started or written', async () => {
    dir = mkdtempSync(join(tmpdir(), 'r1ci-lock-'));
    holder = await holdInChild(join(dir, 'run', '.lock'));
    const args = ['eval', '--model', 'oracle', '--tasks', 'rg.arithmetic.chain_sum', '--per-task', '1'];
    const run = spawnSync(process.execPath, [...cliEntry(), ...args, '--out', join(dir, 'run')], {
      cwd: ROOT,
      encoding: 'utf8',
    });
    expect(run.status).toBe(1);
    expect(run.stderr.trim().split('\n')).toEqual([
      expect.stringMatching(new RegExp(`^r1ci: run folder .*/run is in use by another r1ci run \\(pid ${holder.pid} `)),
    ]);
    expect(existsSync(join(dir, 'run', 'run.json'))).toBe(false);
  }, 30_000);
});
