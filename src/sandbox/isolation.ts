// How the warm parent is confined: finds bubblewrap and builds its argument list (no network,
// read-only system, nothing of the project, home or the caller's environment), or the plain
// rlimits-only command line when isolation is 'none'.
import { execFileSync } from 'node:child_process';
import { existsSync, lstatSync, readFileSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { SandboxUnavailableError } from '../core/index.js';

/** The working dir every snippet starts in (a fresh tmpfs per snippet when the pool runs as root). */
export const SANDBOX_WORK_DIR = '/sandbox';

/** Environment of the warm parent and snippets: nothing from the caller's environment. */
export const SANDBOX_ENV: Readonly<Record<string, string>> = Object.freeze({
  PATH: '/usr/local/bin:/usr/bin:/bin',
  HOME: SANDBOX_WORK_DIR,
  LANG: 'C.UTF-8',
  OPENBLAS_NUM_THREADS: '1',
  OMP_NUM_THREADS: '1',
  MKL_NUM_THREADS: '1',
  PYTHONDONTWRITEBYTECODE: '1',
  MPLBACKEND: 'Agg',
});

/** The bubblewrap binary, or undefined when it is not installed. */
export function findBwrap(explicit?: string): string | undefined {
  const candidates = explicit ? [explicit] : ['/usr/bin/bwrap', '/usr/local/bin/bwrap'];
  for (const candidate of candidates) if (existsSync(candidate)) return candidate;
  if (explicit) return undefined;
  try {
    return execFileSync('sh', ['-c', 'command -v bwrap'], { encoding: 'utf8' }).trim() || undefined;
  } catch {
    return undefined;
  }
}

/**
 * The in-sandbox driver's source (spares.py then driver.py); found beside this module (src or dist) or in src from
 * dist.
 */
export function readDriverSource(): string {
  const here = dirname(fileURLToPath(import.meta.url));
  const candidates = [join(here, 'python'), join(here, '..', '..', 'src', 'sandbox', 'python')];
  const files = ['spares.py', 'driver.py'];
  for (const dir of candidates) {
    if (files.every((name) => existsSync(join(dir, name))))
      return files.map((name) => readFileSync(join(dir, name), 'utf8')).join('\n');
  }
  throw new SandboxUnavailableError(
    `the sandbox driver is missing (looked in ${candidates.join(', ')}); rebuild with \`npm run build\``,
  );
}

/** Directories the interpreter needs that live outside /usr (a pyenv or venv prefix), read-only. */
function pythonBinds(python: string): string[] {
  const script =
    'import sys,json; print(json.dumps([sys.prefix, sys.base_prefix, sys.exec_prefix] + [p for p in sys.path if p]))';
  let paths: string[] = [];
  try {
    paths = JSON.parse(execFileSync(python, ['-I', '-c', script], { encoding: 'utf8', timeout: 30_000 })) as string[];
  } catch (error) {
    throw new SandboxUnavailableError(
      `cannot run ${python} to list its paths; set R1CI_PYTHON to a working interpreter`,
      { cause: error },
    );
  }
  const outside = [...new Set([dirname(python), ...paths])].filter(
    (p) => p.startsWith('/') && !p.startsWith('/usr/') && p !== '/usr' && existsSync(p),
  );
  return outside.flatMap((p) => ['--ro-bind', p, p]);
}

/** /bin, /lib, … are symlinks into /usr on merged-/usr systems; mirror whichever this host has. */
function rootEntries(): string[] {
  const args: string[] = [];
  for (const name of ['bin', 'sbin', 'lib', 'lib32', 'lib64', 'libx32']) {
    const path = `/${name}`;
    if (!existsSync(path)) continue;
    const stat = lstatSync(path);
    if (stat.isSymbolicLink()) args.push('--symlink', `usr/${name}`, path);
    else args.push('--ro-bind', path, path);
  }
  return args;
}

const ETC_ENTRIES = [
  'alternatives',
  'ld.so.cache',
  'ld.so.conf',
  'ld.so.conf.d',
  'localtime',
  'python3',
  'python3.11',
  'python3.12',
  'python3.13',
  'mime.types',
];

/** The bubblewrap command line that runs `python -I -c <driver>` jailed. */
export function buildBwrapArgs(python: string, driver: string): string[] {
  const asRoot = process.getuid?.() === 0;
  const args = [
    '--unshare-net',
    '--unshare-pid',
    '--unshare-ipc',
    '--unshare-uts',
    '--unshare-cgroup-try',
    ...(asRoot ? [] : ['--unshare-user']),
    '--die-with-parent',
    '--new-session',
    '--ro-bind',
    '/usr',
    '/usr',
    ...rootEntries(),
    ...ETC_ENTRIES.flatMap((name) => ['--ro-bind-try', `/etc/${name}`, `/etc/${name}`]),
    ...pythonBinds(python),
    '--proc',
    '/proc',
    '--dev',
    '/dev',
    '--tmpfs',
    '/tmp',
    '--dir',
    SANDBOX_WORK_DIR,
    '--clearenv',
    ...Object.entries(SANDBOX_ENV).flatMap(([key, value]) => ['--setenv', key, value]),
    '--chdir',
    '/',
    python,
    '-I',
    '-c',
    driver,
  ];
  return args;
}
