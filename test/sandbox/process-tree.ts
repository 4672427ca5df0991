// Reads the host's process table: descendants of a pid with their states (to find leftovers and zombies).
import { readdirSync, readFileSync } from 'node:fs';

export type ProcessInfo = { pid: number; ppid: number; state: string; name: string };

export function processTable(): ProcessInfo[] {
  const table: ProcessInfo[] = [];
  for (const entry of readdirSync('/proc').filter((name) => /^\d+$/.test(name))) {
    try {
      const stat = readFileSync(`/proc/${entry}/stat`, 'utf8');
      const close = stat.lastIndexOf(')');
      const [state, ppid] = stat.slice(close + 2).split(' ');
      table.push({ pid: Number(entry), ppid: Number(ppid), state, name: stat.slice(stat.indexOf('(') + 1, close) });
    } catch {
      // ended while we looked
    }
  }
  return table;
}

/** Every process below `root` (not `root` itself). */
export function descendants(root: number): ProcessInfo[] {
  const table = processTable();
  const found: ProcessInfo[] = [];
  let frontier = [root];
  while (frontier.length) {
    const children = table.filter((p) => frontier.includes(p.ppid));
    found.push(...children);
    frontier = children.map((p) => p.pid);
  }
  return found;
}

export function isAlive(pid: number): boolean {
  try {
    process.kill(pid, 0);
    return true;
  } catch {
    return false;
  }
}
