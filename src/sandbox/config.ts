// The local pool's configuration: user options (all optional) → resolveLocalSandboxConfig → a
// frozen resolved config. Every default of the sandbox lives here.
import { availableParallelism } from 'node:os';
import { ConfigError, type ConfigProblem } from '../core/index.js';

/** How snippets are confined. `bwrap`: bubblewrap namespaces + rlimits; `none`: rlimits only. */
export type IsolationMode = 'bwrap' | 'none';

export type LocalSandboxOptions = {
  /** Snippets running at once (default: the number of cores). */
  concurrency?: number;
  /** Pre-forked spare interpreters kept ready beyond `concurrency` (default 2). */
  spares?: number;
  /** Requests allowed to wait for a free slot; past it exec throws a retryable error (default 1024). */
  maxQueue?: number;
  /** `bwrap` (default; fails when bubblewrap is missing) or `none`, which must be chosen explicitly. */
  isolation?: IsolationMode;
  /** Interpreter path (default: resolvePython(), which honours R1CI_PYTHON). */
  python?: string;
  /**
   * Modules imported once in the warm parent (default numpy, sympy, scipy's common parts, networkx and the stdlib
   * usual suspects).
   */
  modules?: readonly string[];
  /** Default wall-clock limit per snippet in ms (default 60,000, as in the paper). */
  timeoutMs?: number;
  /** Default memory a snippet may add on top of the warm interpreter, in MiB (default 1024). */
  memoryMb?: number;
  /** Cap on each of stdout and stderr, in bytes (default 1 MiB); past it the snippet is stopped. */
  maxOutputBytes?: number;
  /** Largest file a snippet may write, in MiB (default 16). */
  fileSizeMb?: number;
  /** Size of each snippet's private working dir and /tmp (tmpfs), in MiB (default 64). */
  tmpfsMb?: number;
  /** Processes and threads per snippet (RLIMIT_NPROC, per-slot uid; default 64; needs root). */
  processes?: number;
  /** Open files per snippet (default 256). */
  openFiles?: number;
  /** First uid of the per-slot uids snippets run as when the pool runs as root (default 61000). */
  uidBase?: number;
  /** Path of bubblewrap (default /usr/bin/bwrap, else `bwrap` on PATH). */
  bwrapPath?: string;
};

export type ResolvedLocalSandboxConfig = Readonly<
  Required<Omit<LocalSandboxOptions, 'python' | 'bwrapPath'>> & { python?: string; bwrapPath?: string }
>;

export const SANDBOX_DEFAULTS = Object.freeze({
  spares: 2,
  maxQueue: 1024,
  isolation: 'bwrap' as IsolationMode,
  modules: [
    'numpy',
    'sympy',
    'scipy',
    'scipy.optimize',
    'scipy.special',
    'scipy.linalg',
    'scipy.integrate',
    'networkx',
    'math',
    'cmath',
    'itertools',
    'collections',
    'functools',
    'fractions',
    'decimal',
    'heapq',
    'bisect',
    'statistics',
    're',
    'json',
    'random',
    'string',
  ] as readonly string[],
  timeoutMs: 60_000,
  memoryMb: 1024,
  maxOutputBytes: 1 << 20,
  fileSizeMb: 16,
  tmpfsMb: 64,
  processes: 64,
  openFiles: 256,
  uidBase: 61_000,
});

const KNOWN = new Set([
  'concurrency',
  'spares',
  'maxQueue',
  'isolation',
  'python',
  'modules',
  'timeoutMs',
  'memoryMb',
  'maxOutputBytes',
  'fileSizeMb',
  'tmpfsMb',
  'processes',
  'openFiles',
  'uidBase',
  'bwrapPath',
]);

const INTEGER_RANGES: Record<string, [number, number]> = {
  concurrency: [1, 1024],
  spares: [0, 256],
  maxQueue: [0, 1_000_000],
  timeoutMs: [1, 3_600_000],
  memoryMb: [16, 1 << 20],
  maxOutputBytes: [64, 1 << 30],
  fileSizeMb: [0, 1 << 20],
  tmpfsMb: [1, 1 << 20],
  processes: [0, 1 << 16],
  openFiles: [16, 1 << 20],
  uidBase: [1000, 4_000_000_000],
};

/** Applies defaults and checks every field; throws ConfigError listing all problems. */
export function resolveLocalSandboxConfig(options: LocalSandboxOptions = {}): ResolvedLocalSandboxConfig {
  const problems: ConfigProblem[] = [];
  for (const key of Object.keys(options)) {
    if (!KNOWN.has(key))
      problems.push({
        path: `sandbox.${key}`,
        message: 'unknown option',
        fix: `known options: ${[...KNOWN].join(', ')}`,
      });
  }
  const merged = { ...SANDBOX_DEFAULTS, concurrency: availableParallelism(), ...stripUndefined(options) };
  for (const [key, [min, max]] of Object.entries(INTEGER_RANGES)) {
    const value = (merged as Record<string, unknown>)[key];
    if (typeof value !== 'number' || !Number.isInteger(value) || value < min || value > max) {
      problems.push({
        path: `sandbox.${key}`,
        message: `must be an integer from ${min} to ${max}, got ${JSON.stringify(value)}`,
      });
    }
  }
  if (merged.isolation !== 'bwrap' && merged.isolation !== 'none') {
    problems.push({
      path: 'sandbox.isolation',
      message: `must be 'bwrap' or 'none', got ${JSON.stringify(merged.isolation)}`,
    });
  }
  if (
    !Array.isArray(merged.modules) ||
    merged.modules.some((m) => typeof m !== 'string' || !/^[A-Za-z_][\w.]*$/.test(m))
  ) {
    problems.push({ path: 'sandbox.modules', message: 'must be a list of Python module names' });
  }
  if (problems.length) throw new ConfigError(problems);
  return Object.freeze({ ...merged, modules: Object.freeze([...merged.modules]) });
}

function stripUndefined<T extends object>(value: T): Partial<T> {
  return Object.fromEntries(Object.entries(value).filter(([, v]) => v !== undefined)) as Partial<T>;
}
