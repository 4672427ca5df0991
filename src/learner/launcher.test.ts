// The local learner never outlives the process that started it: SIGKILL the launching Node process
// (no exit hook runs) and the learner server notices its parent is gone and exits.
import { spawn } from 'node:child_process';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';

const launcher = join(dirname(fileURLToPath(import.meta.url)), 'launcher.ts');

function alive(pid: number): boolean {
  try {
    process.kill(pid, 0);
    return true;
  } catch {
    return false;
  }
}

describe('local learner lifetime', () => {
  it('exits when its launcher is killed with SIGKILL', async () => {
    const script = `import { startLocalLearner } from ${JSON.stringify(launcher)};\nconst l = await startLocalLearner({ threads: 1 });\nconsole.log(l.child.pid);\nsetInterval(() => {}, 1000);\n`;
    const parent = spawn(process.execPath, ['--import', 'tsx', '--input-type=module', '-e', script], { stdio: ['ignore', 'pipe', 'inherit'] });
    const learnerPid = await new Promise<number>((resolve, reject) => {
      parent.stdout!.setEncoding('utf8').on('data', (chunk: string) => { const pid = Number(chunk.trim()); if (pid > 0) resolve(pid); });
      parent.once('exit', (code) => reject(new Error(`the launching process exited early (${code})`)));
    });
    expect(alive(learnerPid)).toBe(true);
    parent.kill('SIGKILL');
    const deadline = Date.now() + 10_000;
    while (alive(learnerPid) && Date.now() < deadline) await new Promise((r) => setTimeout(r, 100));
    expect(alive(learnerPid)).toBe(false);
  }, 90_000);
});
