// Hostile snippets and what each must yield, shared by the local-pool and the service tests. Each
// check asserts the status and that the host stayed intact.
import { existsSync, readdirSync, readFileSync } from 'node:fs';
import { expect } from 'vitest';
import type { ExecRequest, ExecResult } from '../../src/sandbox/index.js';

export type HostileContext = {
  secret: string;
  port: number;
  projectDir: string;
  marker: string;
  connections: () => number;
};
export type HostileCase = {
  name: string;
  request: (ctx: HostileContext) => ExecRequest;
  check: (result: ExecResult, ctx: HostileContext) => void;
};

/** Python that tries `ops` (name → statement) and prints `name: blocked|ALLOWED` for each. */
function attempts(ops: Record<string, string>): string {
  return Object.entries(ops)
    .map(
      ([name, statement]) =>
        `try:\n    ${statement}\n    print(${JSON.stringify(name)} + ': ALLOWED')\nexcept BaseException as ` +
        `e:\n    print(${JSON.stringify(name)} + ': blocked')`,
    )
    .join('\n');
}

/** Command lines of all processes on the host whose command line contains `needle`. */
export function processesMatching(needle: string): string[] {
  const found: string[] = [];
  for (const pid of readdirSync('/proc').filter((name) => /^\d+$/.test(name))) {
    try {
      const cmdline = readFileSync(`/proc/${pid}/cmdline`, 'utf8').replaceAll('\0', ' ');
      if (cmdline.includes(needle) && !cmdline.includes('vitest')) found.push(`${pid}: ${cmdline.slice(0, 80)}`);
    } catch {
      // the process ended while we looked
    }
  }
  return found;
}

export const HOSTILE_CASES: HostileCase[] = [
  {
    name: 'infinite loop',
    request: () => ({ code: 'while True:\n    pass', timeoutMs: 1000 }),
    check: (r) => expect([r.status, r.exitCode]).toEqual(['timeout', null]),
  },
  {
    name: 'sleep past the timeout',
    request: () => ({ code: 'import time\nprint("start", flush=True)\ntime.sleep(30)', timeoutMs: 1000 }),
    check: (r) => {
      expect([r.status, r.stdout]).toEqual(['timeout', 'start\n']);
      expect(r.durationMs).toBeLessThan(3000);
    },
  },
  {
    name: 'memory bomb',
    request: () => ({
      code: 'chunks = []\nwhile True:\n    chunks.append(bytearray(50 * 2**20))',
      timeoutMs: 5000,
      memoryMb: 256,
    }),
    check: (r) => {
      expect(r.status).toBe('memory-limit');
      expect(r.stderr).toContain('MemoryError');
    },
  },
  {
    name: 'fork bomb',
    request: () => ({
      code: 'import os\nwhile True:\n    try:\n        os.fork()\n    except OSError:\n        pass',
      timeoutMs: 1500,
    }),
    check: (r) => expect(r.status).toBe('timeout'),
  },
  {
    name: 'threads and subprocesses that outlive the snippet',
    request: (ctx) => ({
      code:
        `import os, subprocess, threading, time\nsubprocess.Popen(['/bin/sh', '-c', 'sleep 300 ` +
        `# ${ctx.marker}'])\nthreading.Thread(target=time.sleep, args=(300,), daemon=True).start()\nif os.fork() ` +
        `== 0:\n    os.setsid()\n    os.execv('/bin/sh', ['/bin/sh', '-c', 'sleep 301 ` +
        `# ${ctx.marker}'])\nprint('left them running')`,
      timeoutMs: 10_000, // it exits at once; the margin is for a loaded machine (another case may be a fork bomb)
    }),
    check: (r, ctx) => {
      expect([r.status, r.exitCode, r.stdout]).toEqual(['exited', 0, 'left them running\n']);
      expect(processesMatching(ctx.marker)).toEqual([]);
    },
  },
  {
    name: '100 MB of output',
    request: () => ({
      code: 'import sys\nchunk = "x" * 1000000\nfor _ in range(100):\n    sys.stdout.write(chunk)',
      timeoutMs: 5000,
    }),
    check: (r) => {
      expect([r.status, r.truncated]).toEqual(['output-limit', true]);
      expect(r.stdout.length).toBeLessThan(2 * 2 ** 20);
      expect(r.stdout).toMatch(/\[stdout truncated: more than \d+ bytes\]\n$/);
    },
  },
  {
    name: 'filling the disk',
    request: () => ({
      code:
        'import os\nfor path in ["big", "/tmp/big"]:\n    try:\n        with open(path, "wb") as f:\n ' +
        '           while True:\n                f.write(b"0" * 2**20)\n    except OSError as e:\n ' +
        '       print(path, "stopped:", e.strerror)',
      timeoutMs: 5000,
    }),
    check: (r) => {
      expect(r.status).toBe('exited');
      const stopped = '(File too large|No space left on device)';
      expect(r.stdout).toMatch(new RegExp(`^big stopped: ${stopped}\n/tmp/big stopped: ${stopped}\n$`));
    },
  },
  {
    name: 'reading and writing outside the private dir',
    request: (ctx) => ({
      code: attempts({
        'read project': `open(${JSON.stringify(`${ctx.projectDir}/package.json`)}).read()`,
        'write project': `open(${JSON.stringify(`${ctx.projectDir}/${ctx.marker}`)}, 'w').write('x')`,
        'list /root': `__import__('os').listdir('/root')`,
        'write /root': `open('/root/${ctx.marker}', 'w').write('x')`,
        'read /etc/shadow': `open('/etc/shadow').read()`,
        'write /etc': `open('/etc/${ctx.marker}', 'w').write('x')`,
        'write /usr': `open('/usr/${ctx.marker}', 'w').write('x')`,
      }),
      timeoutMs: 5000,
    }),
    check: (r, ctx) => {
      expect(
        r.stdout
          .split('\n')
          .filter(Boolean)
          .map((line) => line.split(': ')[1]),
      ).toEqual(Array(7).fill('blocked'));
      for (const path of [
        `${ctx.projectDir}/${ctx.marker}`,
        `/root/${ctx.marker}`,
        `/etc/${ctx.marker}`,
        `/usr/${ctx.marker}`,
      ])
        expect(existsSync(path)).toBe(false);
    },
  },
  {
    name: "reading the parent's environment",
    request: () => ({
      code:
        'import os, glob\nseen = str(dict(os.environ))\nfor path in glob.glob("/proc/*/environ"):\n    try:\n ' +
        '       seen += open(path, "rb").read().decode(errors="replace")\n    except OSError:\n ' +
        '       pass\nprint(seen)',
      timeoutMs: 5000,
    }),
    check: (r, ctx) => {
      expect(r.status).toBe('exited');
      expect(r.stdout).toContain('PATH');
      expect(r.stdout).not.toContain(ctx.secret);
    },
  },
  {
    name: 'signalling and killing the parent',
    request: () => ({
      code:
        'import os, signal\nfor target in [os.getppid(), 1, -1]:\n    try:\n        os.kill(target, ' +
        'signal.SIGKILL)\n    except OSError:\n        pass\nfor pid in [int(p) for p in os.listdir("/proc") if ' +
        'p.isdigit() and int(p) != os.getpid()]:\n    try:\n        os.kill(pid, signal.SIGKILL)\n    except ' +
        'OSError:\n        pass\nprint("still here")',
      timeoutMs: 5000,
    }),
    check: (r) => expect([r.status, r.stdout]).toEqual(['exited', 'still here\n']),
  },
  {
    name: 'segfault via ctypes',
    request: () => ({ code: 'import ctypes\nctypes.string_at(0)', timeoutMs: 5000 }),
    check: (r) => {
      expect([r.status, r.exitCode]).toEqual(['killed', null]);
      expect(r.stderr).toContain('SIGSEGV');
    },
  },
  {
    name: "connecting to a listener on the host's loopback",
    request: (ctx) => ({
      code:
        `import socket\ntry:\n    socket.create_connection(("127.0.0.1", ${ctx.port}), timeout=1)\n    ` +
        `print("CONNECTED")\nexcept OSError as e:\n    print("blocked")`,
      timeoutMs: 5000,
    }),
    check: (r, ctx) => {
      expect([r.status, r.stdout]).toEqual(['exited', 'blocked\n']);
      expect(ctx.connections()).toBe(0);
    },
  },
];
