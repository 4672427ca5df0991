// The error hierarchy: one base with `retryable` and `cause`; expected failures (a model's bad
// answer, a snippet's crash) are values elsewhere, these are for infrastructure and bad input.

export type ErrorOptions = { cause?: unknown; retryable?: boolean };

/** Base of every error r1ci throws on purpose. */
export class R1ciError extends Error {
  /** True when the same call may succeed if simply tried again later. */
  readonly retryable: boolean;
  constructor(message: string, options: ErrorOptions = {}) {
    super(message, options.cause === undefined ? undefined : { cause: options.cause });
    this.name = new.target.name;
    this.retryable = options.retryable ?? false;
  }
}

/** One problem with user input: where it is, what is wrong, how to fix it. */
export type ConfigProblem = { path: string; message: string; fix?: string };

/** Bad user input (options, config, flags); lists every problem at once. */
export class ConfigError extends R1ciError {
  readonly problems: readonly ConfigProblem[];
  constructor(problems: ConfigProblem[] | string, options: ErrorOptions = {}) {
    const list = typeof problems === 'string' ? [{ path: '', message: problems }] : problems;
    super(list.map(formatProblem).join('; '), options);
    this.problems = list;
  }
}

function formatProblem(problem: ConfigProblem): string {
  const where = problem.path ? `${problem.path}: ` : '';
  return `${where}${problem.message}${problem.fix ? ` (${problem.fix})` : ''}`;
}

/** A name that matches nothing we know (a task id, a model preset); suggests the closest ones. */
export class UnknownNameError extends ConfigError {
  constructor(kind: string, name: string, known: readonly string[]) {
    const near = closestNames(name, known, 3);
    super([
      {
        path: kind,
        message: `unknown ${kind} '${name}'`,
        fix: near.length ? `did you mean ${near.join(', ')}?` : `see the list of ${kind}s`,
      },
    ]);
  }
}

/** Required data (a dataset file, a model folder) is not where we looked. */
export class DataNotFoundError extends R1ciError {}

/** A model backend failed (HTTP status, network, timeout). */
export class BackendError extends R1ciError {
  readonly status?: number;
  constructor(message: string, options: ErrorOptions & { status?: number } = {}) {
    super(message, options);
    this.status = options.status;
  }
}
export class RateLimitedError extends BackendError {
  readonly retryAfterMs?: number;
  constructor(message: string, options: ErrorOptions & { status?: number; retryAfterMs?: number } = {}) {
    super(message, { ...options, retryable: true });
    this.retryAfterMs = options.retryAfterMs;
  }
}
export class BackendTimeoutError extends BackendError {
  constructor(message: string, options: ErrorOptions = {}) {
    super(message, { ...options, retryable: true });
  }
}

/** The sandbox itself is broken or unreachable (not a snippet's failure: that is an ExecResult). */
export class SandboxUnavailableError extends R1ciError {}

/** The learner (training server) failed or refused a request. */
export class LearnerError extends R1ciError {
  readonly status?: number;
  constructor(message: string, options: ErrorOptions & { status?: number } = {}) {
    super(message, options);
    this.status = options.status;
  }
}

/** A broken invariant: this is a bug in r1ci. */
export class InvariantError extends R1ciError {
  constructor(message: string, options: ErrorOptions = {}) {
    super(`this is a bug in r1ci: ${message}`, options);
  }
}

/** The `limit` names in `known` closest to `name` by edit distance (substring matches first). */
export function closestNames(name: string, known: readonly string[], limit: number): string[] {
  const lower = name.toLowerCase();
  const scored = known.map((candidate) => {
    const c = candidate.toLowerCase();
    const contains = c.includes(lower) || lower.includes(c.split('.').pop() ?? c);
    return { candidate, score: (contains ? 0 : 1000) + editDistance(lower, c) };
  });
  scored.sort((a, b) => a.score - b.score || a.candidate.localeCompare(b.candidate));
  return scored.slice(0, limit).map((s) => s.candidate);
}

function editDistance(a: string, b: string): number {
  let previous = Array.from({ length: b.length + 1 }, (_, j) => j);
  for (let i = 1; i <= a.length; i++) {
    const current = [i];
    for (let j = 1; j <= b.length; j++) {
      current[j] = Math.min(previous[j] + 1, current[j - 1] + 1, previous[j - 1] + (a[i - 1] === b[j - 1] ? 0 : 1));
    }
    previous = current;
  }
  return previous[b.length];
}
