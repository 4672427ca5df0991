// Finds the Python interpreter that model-written code, reference solutions and the learner run
// on: R1CI_PYTHON when set, else the first candidate that has the modules asked for among
// Debian's python3, PATH's and the project's virtualenv (.venv, made by scripts/setup.sh).
import { execFileSync } from 'node:child_process';
import { existsSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { R1ciError } from './errors.js';

/** Raised when no usable interpreter exists; the message says how to install one. */
export class PythonNotFoundError extends R1ciError {}

export const SCIENTIFIC_MODULES = ['numpy', 'sympy', 'scipy', 'networkx'] as const;

export type ResolvePythonOptions = {
  /** Modules the interpreter must have (default: numpy, sympy, scipy, networkx). */
  modules?: readonly string[];
  /** Environment to read R1CI_PYTHON from (default: process.env). */
  env?: NodeJS.ProcessEnv;
  /** Try the project's virtualenv (.venv, torch 2.x) before the system interpreters: the learner
   * does. The sandbox does not: its jailed snippets run under other uids, which often cannot read
   * a virtualenv's base interpreter under a home folder (default: false). */
  preferVenv?: boolean;
};

const cache = new Map<string, string>();

/** The real path of a Python interpreter that has `modules` installed; throws PythonNotFoundError. */
export function resolvePython(options: ResolvePythonOptions = {}): string {
  const modules = options.modules ?? SCIENTIFIC_MODULES;
  const env = options.env ?? process.env;
  const explicit = env.R1CI_PYTHON;
  const key = `${explicit ?? ''}|${modules.join(',')}|${options.preferVenv ? 'venv' : 'system'}`;
  const hit = cache.get(key);
  if (hit) return hit;
  const venv = projectVenvPython();
  const system = ['/usr/bin/python3', 'python3', 'python'];
  const candidates = explicit
    ? [explicit]
    : !venv
      ? system
      : options.preferVenv
        ? [venv, ...system]
        : [...system, venv];
  const problems: string[] = [];
  for (const candidate of candidates) {
    if (candidate.startsWith('/') && !existsSync(candidate)) continue;
    const found = probe(candidate, modules);
    if (found.ok) {
      cache.set(key, found.executable);
      return found.executable;
    }
    problems.push(`${candidate}: ${found.problem}`);
  }
  const hint =
    `install them with \`bash scripts/setup.sh\` (Debian: apt-get install python3-numpy python3-sympy ` +
    `python3-scipy python3-networkx${modules.includes('torch') ? ' python3-torch' : ''}) or set R1CI_PYTHON to an ` +
    `interpreter that has them`;
  if (explicit)
    throw new PythonNotFoundError(
      `R1CI_PYTHON=${explicit} cannot be used (${problems.join('; ') || 'not found'}); ${hint}`,
    );
  throw new PythonNotFoundError(
    `no python3 with ${modules.join(', ')} found (${problems.join('; ') || 'no python3 on PATH'}); ${hint}`,
  );
}

/** `.venv/bin/python` of the package root above this file, when setup.sh made one. */
export function projectVenvPython(): string | undefined {
  let dir = dirname(fileURLToPath(import.meta.url));
  for (let i = 0; i < 6; i++) {
    if (existsSync(join(dir, 'package.json'))) {
      const python = join(dir, '.venv', 'bin', 'python');
      return existsSync(python) ? python : undefined;
    }
    const parent = dirname(dir);
    if (parent === dir) break;
    dir = parent;
  }
  return undefined;
}

function probe(
  candidate: string,
  modules: readonly string[],
): { ok: true; executable: string } | { ok: false; problem: string } {
  // find_spec locates a module without running it: importing torch or sympy to probe costs 1–2 s
  // of CPU in every process that starts a learner or a sandbox.
  const script =
    `import sys, importlib.util\nmissing=[m for m in ${JSON.stringify(modules)} ` +
    `if importlib.util.find_spec(m) is None]\nprint(sys.executable if not missing else ` +
    `'MISSING ' + ' '.join(missing))`;
  try {
    const out = execFileSync(candidate, ['-c', script], {
      encoding: 'utf8',
      timeout: 60_000,
      stdio: ['ignore', 'pipe', 'ignore'],
    }).trim();
    if (out.startsWith('MISSING ')) return { ok: false, problem: `lacks ${out.slice(8).split(' ').join(', ')}` };
    return { ok: true, executable: out || candidate };
  } catch (error) {
    return { ok: false, problem: (error as NodeJS.ErrnoException).code === 'ENOENT' ? 'not found' : 'does not run' };
  }
}
