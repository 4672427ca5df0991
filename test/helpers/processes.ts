// Process checks for tests that start and stop servers.
import { readdirSync, readFileSync } from 'node:fs';

/** Whether a process with this pid exists (signal 0 probes without signalling). */
export function alive(pid: number | undefined): boolean {
  if (pid === undefined) return false;
  try {
    process.kill(pid, 0);
    return true;
  } catch {
    return false;
  }
}

/** Pids of learner servers started by this process (Linux: read from /proc). */
export function learnerPids(): number[] {
  return readdirSync('/proc')
    .filter((d) => /^\d+$/.test(d))
    .map(Number)
    .filter((pid) => {
      try {
        const cmd = readFileSync(`/proc/${pid}/cmdline`, 'utf8');
        return cmd.includes('learner.server') && cmd.includes(`--parent-pid\0${process.pid}\0`);
      } catch {
        return false;
      }
    });
}
