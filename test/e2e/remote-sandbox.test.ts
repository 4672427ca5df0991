// End to end: `r1ci eval --sandbox URL,URL` against two `r1ci sandbox serve` processes, one killed
// (SIGKILL) mid-run, finishes with the accuracy and stop reasons of a run on the local pool.
import { existsSync, mkdtempSync, readFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { ALL_TASKS } from '../../src/tasks/index.js';
import { runCli, spawnCli } from '../helpers/cli.js';
import { startServe, type Served } from '../helpers/serve.js';

const TASKS = ALL_TASKS.filter(
  (task) => task.referenceSolution && !task.dataset && task.id.startsWith('rg.arithmetic.'),
)
  .slice(0, 3)
  .map((task) => task.id)
  .join(',');
const PER_TASK = 8;

function episodeCount(path: string): number {
  return existsSync(path)
    ? readFileSync(path, 'utf8')
        .split('\n')
        .filter((line) => line.trim()).length
    : 0;
}

type Metrics = {
  meanAccuracy: number;
  episodes: number;
  stopReasons: Record<string, number>;
  tasks: { taskId: string; accuracy: number }[];
};

describe('r1ci eval on remote sandboxes', () => {
  const servers: Served[] = [];
  afterAll(async () => {
    await Promise.all(servers.map((server) => server.stop()));
  });

  it('survives one of two servers dying mid-run, with the accuracy of a local run', async () => {
    const serve = () => startServe(['sandbox', 'serve', '--port', '0', '--workers', '1']);
    servers.push(...(await Promise.all([serve(), serve()])));
    const args = [
      'eval',
      '--model',
      'oracle',
      '--tasks',
      TASKS,
      '--per-task',
      String(PER_TASK),
      '--concurrency',
      '2',
      '--no-progress',
      '--json',
    ];
    const remoteOut = mkdtempSync(join(tmpdir(), 'r1ci-remote-'));
    const child = spawnCli([...args, '--out', remoteOut, '--sandbox', servers.map((s) => s.url).join(',')]);
    child.stdin!.end();
    let stdout = '',
      stderr = '';
    child.stdout!.setEncoding('utf8').on('data', (chunk: string) => (stdout += chunk));
    child.stderr!.setEncoding('utf8').on('data', (chunk: string) => (stderr += chunk));
    const closed = new Promise<number | null>((resolve) => child.on('close', resolve));
    let atKill = -1;
    const timer = setInterval(() => {
      if (atKill < 0 && episodeCount(join(remoteOut, 'episodes.jsonl')) >= 4) {
        atKill = episodeCount(join(remoteOut, 'episodes.jsonl'));
        servers[1].child.kill('SIGKILL');
      }
    }, 5);
    const code = await closed;
    clearInterval(timer);
    expect(code, stderr).toBe(0);
    const total = 3 * PER_TASK;
    expect(atKill).toBeGreaterThanOrEqual(4);
    expect(atKill).toBeLessThan(total);
    const remote = (JSON.parse(stdout) as { metrics: Metrics }).metrics;

    const local = await runCli([...args, '--out', mkdtempSync(join(tmpdir(), 'r1ci-local-'))]);
    expect(local.code, local.stderr).toBe(0);
    const localMetrics = (JSON.parse(local.stdout) as { metrics: Metrics }).metrics;
    const summary = (m: Metrics) => ({
      accuracy: m.meanAccuracy,
      episodes: m.episodes,
      stopReasons: m.stopReasons,
      tasks: m.tasks.map((t) => [t.taskId, t.accuracy]),
    });
    expect(summary(remote)).toEqual(summary(localMetrics));
    expect(remote.stopReasons).toEqual({ 'final-answer': total });
  }, 180_000);
});
