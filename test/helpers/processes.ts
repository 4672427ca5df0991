// Process checks for tests that start and stop servers.

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
