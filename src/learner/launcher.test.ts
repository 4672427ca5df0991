// The local learner never outlives the process that started it: SIGKILL the launching Node process
// (no exit hook runs) and the learner server notices its parent is gone and exits. Its malloc
// settings (one arena, no trimming) reach it, under the user's own.
import { spawn } from 'node:child_process';
import { readFileSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';
import { LEARNER_MALLOC_ENV, learnerEnv, startLocalLearner } from './launcher.js';
import { alive } from '../../test/helpers/processes.js';

const launcher = join(dirname(fileURLToPath(import.meta.url)), 'launcher.ts');

describe('local learner lifetime', () => {
  it('exits when its launcher is killed with SIGKILL', async () => {
    // The pid goes out as plain text: console.log would colour it under FORCE_COLOR.
    const script =
      `import { startLocalLearner } from ${JSON.stringify(launcher)};\n` +
      `const l = await startLocalLearner({ threads: 1 });\n` +
      `process.stdout.write(String(l.child.pid) + '\\n');\nsetInterval(() => {}, 1000);\n`;
    const parent = spawn(process.execPath, ['--import', 'tsx', '--input-type=module', '-e', script], {
      stdio: ['ignore', 'pipe', 'inherit'],
    });
    const learnerPid = await new Promise<number>((resolve, reject) => {
      parent.stdout!.setEncoding('utf8').on('data', (chunk: string) => {
        const pid = Number(chunk.trim());
        if (pid > 0) resolve(pid);
      });
      parent.once('exit', (code) => reject(new Error(`the launching process exited early (${code})`)));
    });
    expect(alive(learnerPid)).toBe(true);
    parent.kill('SIGKILL');
    const deadline = Date.now() + 10_000;
    while (alive(learnerPid) && Date.now() < deadline) await new Promise((r) => setTimeout(r, 100));
    expect(alive(learnerPid)).toBe(false);
  }, 90_000);
});

describe('learner malloc environment', () => {
  it('adds one arena and the no-trim tunables, keeping what the user set', () => {
    expect(learnerEnv({ PATH: '/bin' })).toEqual({ PATH: '/bin', ...LEARNER_MALLOC_ENV });
    const mine = learnerEnv({
      MALLOC_ARENA_MAX: '4',
      GLIBC_TUNABLES: 'glibc.malloc.trim_threshold=1024:glibc.cpu.hwcaps=-AVX2',
    });
    expect(mine.MALLOC_ARENA_MAX).toBe('4');
    expect(mine.GLIBC_TUNABLES).toBe(
      'glibc.malloc.trim_threshold=1024:glibc.cpu.hwcaps=-AVX2:glibc.malloc.mmap_threshold=4294967296',
    );
    expect(learnerEnv({ R1CI_LEARNER_MALLOC: 'default' })).toEqual({ R1CI_LEARNER_MALLOC: 'default' });
  });

  it.runIf(process.platform === 'linux')(
    'reaches the learner process',
    async () => {
      const learner = await startLocalLearner({ threads: 1 });
      try {
        const environ = readFileSync(`/proc/${learner.child.pid}/environ`, 'utf8').split('\0');
        expect(environ).toContain(`MALLOC_ARENA_MAX=${LEARNER_MALLOC_ENV.MALLOC_ARENA_MAX}`);
        // glibc 2.36 writes a NUL over the first ':' of the original string as it parses it, so
        // /proc/PID/environ shows the first tunable only (the process itself sees them all).
        const tunables = environ.find((e) => e.startsWith('GLIBC_TUNABLES='));
        expect(LEARNER_MALLOC_ENV.GLIBC_TUNABLES.startsWith(tunables!.slice('GLIBC_TUNABLES='.length))).toBe(true);
        expect(tunables).toMatch(/^GLIBC_TUNABLES=glibc\.malloc\./);
        expect(environ).toContain('OPENBLAS_NUM_THREADS=1');
      } finally {
        await learner.stop();
      }
    },
    90_000,
  );
});
