// One writer per run: a run folder (or an output file) is claimed by a lock file naming the process
// that writes it. A second run on the same --out is refused in one line before it starts anything;
// a lock whose process is gone (killed with -9, or its pid now someone else's) is taken over, so a
// rerun after a crash resumes as before. The same process may claim its own lock again (nested).
import { mkdirSync, readFileSync, rmdirSync, rmSync, writeFileSync } from 'node:fs';
import { hostname } from 'node:os';
import { dirname, join, resolve } from 'node:path';
import { R1ciError } from './errors.js';

/** Another live process holds the lock; `retryable`: it is free again once that run ends. */
export class RunBusyError extends R1ciError {
  constructor(message: string) {
    super(message, { retryable: true });
  }
}

/** What a lock file says about its holder. */
export type LockHolder = { pid: number; host: string; processStart?: string; since: string; command: string };

export type RunLock = { readonly path: string; release(): void };

// lock path → how many times this process holds it, and the first folder its claim created
const held = new Map<string, { count: number; created?: string }>();
let exitHookInstalled = false;

/** A process's state letter and the kernel's start time (/proc/PID/stat fields 3 and 22): the
 * start time tells a reused pid apart, the state a killed process its parent has not yet reaped. */
function processStat(pid: number): { state: string; start: string } | undefined {
  try {
    const stat = readFileSync(`/proc/${pid}/stat`, 'utf8');
    const fields = stat.slice(stat.lastIndexOf(')') + 2).split(' ');
    return { state: fields[0], start: fields[19] };
  } catch {
    return undefined;
  }
}

/** Whether the holder may still be writing: always true for another host, which we cannot see. */
function holderAlive(holder: LockHolder): boolean {
  if (holder.host !== hostname()) return true;
  try {
    process.kill(holder.pid, 0);
  } catch (error) {
    if ((error as NodeJS.ErrnoException).code !== 'EPERM') return false;
  }
  const stat = processStat(holder.pid);
  if (stat && (stat.state === 'Z' || stat.state === 'X')) return false;
  return !(holder.processStart && stat && stat.start !== holder.processStart);
}

function readHolder(path: string): LockHolder | undefined {
  try {
    const holder = JSON.parse(readFileSync(path, 'utf8')) as LockHolder;
    return Number.isInteger(holder.pid) && typeof holder.host === 'string' ? holder : undefined;
  } catch {
    return undefined; // unreadable or half written: its writer died between open and write
  }
}

/**
 * Claims `path` (e.g. `<out>/.lock`) for this process; `label` names what it guards in the error
 * ("run folder runs/a"). Throws RunBusyError, naming the holder, when a live process has it.
 */
export function acquireRunLock(path: string, label: string): RunLock {
  const lock: RunLock = { path, release: () => releaseRunLock(path) };
  const mine = held.get(path);
  if (mine) {
    mine.count++;
    return lock;
  }
  const created = mkdirSync(dirname(path), { recursive: true });
  const me: LockHolder = {
    pid: process.pid,
    host: hostname(),
    processStart: processStat(process.pid)?.start,
    since: new Date().toISOString(),
    command: process.argv.slice(1).join(' '),
  };
  for (let attempt = 0; ; attempt++) {
    try {
      writeFileSync(path, `${JSON.stringify(me)}\n`, { flag: 'wx' });
      break;
    } catch (error) {
      if ((error as NodeJS.ErrnoException).code !== 'EEXIST') throw error;
    }
    const holder = readHolder(path);
    if (attempt > 0 || (holder && holderAlive(holder))) {
      removeEmptyFolders(path, created);
      const who = holder ? `pid ${holder.pid} on ${holder.host}, since ${holder.since}` : 'a process that just took it';
      throw new RunBusyError(
        `${label} is in use by another r1ci run (${who}); wait for it to end or use another --out ` +
          `(if no run uses it, delete ${path})`,
      );
    }
    rmSync(path, { force: true }); // its process is gone: take the lock over
  }
  held.set(path, { count: 1, created });
  if (!exitHookInstalled) {
    exitHookInstalled = true;
    process.once('exit', () => {
      for (const lockPath of held.keys()) removeIfMine(lockPath);
    });
  }
  return lock;
}

function releaseRunLock(path: string): void {
  const mine = held.get(path);
  if (!mine) return;
  if (--mine.count > 0) return;
  held.delete(path);
  removeIfMine(path);
  removeEmptyFolders(path, mine.created);
}

/** Removes the folders the claim created, deepest first, while they are empty: a run refused
 * before it wrote anything leaves no folder behind. */
function removeEmptyFolders(path: string, created: string | undefined): void {
  if (!created) return;
  for (let dir = dirname(path); dir.startsWith(created); dir = dirname(dir)) {
    try {
      rmdirSync(dir);
    } catch {
      return; // not empty: the run wrote something there
    }
  }
}

function removeIfMine(path: string): void {
  const holder = readHolder(path);
  if (holder?.pid === process.pid && holder.host === hostname()) rmSync(path, { force: true });
}

/** Runs `work` holding the lock, released however it ends. */
export async function withRunLock<T>(path: string, label: string, work: () => Promise<T>): Promise<T> {
  const lock = acquireRunLock(path, label);
  try {
    return await work();
  } finally {
    lock.release();
  }
}

/** Runs `work` as the one writer of run folder `dir` (its lock: `<dir>/.lock`). */
export function withRunFolder<T>(dir: string, work: () => Promise<T>): Promise<T> {
  return withRunLock(join(resolve(dir), '.lock'), `run folder ${dir}`, work);
}

/** Runs `work` as the one writer of output file `file` (its lock: `<file>.lock` beside it). */
export function withOutputFile<T>(file: string, work: () => Promise<T>): Promise<T> {
  return withRunLock(`${resolve(file)}.lock`, `output file ${file}`, work);
}
