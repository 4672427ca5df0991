// Runs the r1ci CLI as a real child process: the built dist/ when it is newer than every source file
// (the suite builds first; a spawn through tsx costs ~1.5 s more CPU), else the source through tsx.
import { spawn, type ChildProcess } from 'node:child_process';
import { existsSync, readdirSync, statSync } from 'node:fs';
import { join } from 'node:path';

export const ROOT = join(import.meta.dirname, '..', '..');

let entry: string[] | undefined;

function newestSourceMs(dir: string): number {
  let newest = 0;
  for (const item of readdirSync(dir, { withFileTypes: true })) {
    const path = join(dir, item.name);
    if (item.isDirectory()) newest = Math.max(newest, newestSourceMs(path));
    else if (item.name.endsWith('.ts') || item.name.endsWith('.py')) newest = Math.max(newest, statSync(path).mtimeMs);
  }
  return newest;
}

/** Node arguments that start the CLI (before the CLI's own arguments). */
export function cliEntry(): string[] {
  if (!entry) {
    const built = join(ROOT, 'dist', 'cli', 'run.js');
    const fresh = existsSync(built) && statSync(built).mtimeMs >= newestSourceMs(join(ROOT, 'src'));
    entry = fresh ? [built] : ['--import', 'tsx', join(ROOT, 'src', 'cli', 'run.ts')];
  }
  return entry;
}

export function spawnCli(args: readonly string[], env: NodeJS.ProcessEnv = {}): ChildProcess {
  return spawn(process.execPath, [...cliEntry(), ...args], {
    cwd: ROOT,
    env: { ...process.env, ...env },
    stdio: ['pipe', 'pipe', 'pipe'],
  });
}

export async function runCli(
  args: readonly string[],
  options: { env?: NodeJS.ProcessEnv; stdin?: string } = {},
): Promise<{ code: number | null; stdout: string; stderr: string }> {
  const child = spawnCli(args, options.env);
  let stdout = '',
    stderr = '';
  child.stdout!.setEncoding('utf8').on('data', (chunk: string) => (stdout += chunk));
  child.stderr!.setEncoding('utf8').on('data', (chunk: string) => (stderr += chunk));
  child.stdin!.end(options.stdin ?? '');
  const code: number | null = await new Promise((resolve) => child.on('close', resolve));
  return { code, stdout, stderr };
}
