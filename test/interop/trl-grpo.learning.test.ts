// TRL end to end: examples/trl/train_grpo.py runs a few GRPOTrainer steps on a tiny random model
// (r1ci's tiny preset, a Qwen2 folder) with r1ci's reward function over a real `r1ci serve` and
// questions from `r1ci tasks export --format trl`. Needs a Python with trl: $R1CI_TRL_PYTHON or
// .venv-trl/bin/python; skipped with a message otherwise. Minutes of CPU: run by npm run test:learning.
import { execFileSync, spawn } from 'node:child_process';
import { existsSync, mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { ROOT, runCli } from '../helpers/cli.js';
import { startServe, type Served } from '../helpers/serve.js';

function trlPython(): string | undefined {
  const candidates = [process.env.R1CI_TRL_PYTHON, join(ROOT, '.venv-trl', 'bin', 'python')].filter(
    (p): p is string => !!p,
  );
  for (const python of candidates) {
    if (!existsSync(python)) continue;
    try {
      execFileSync(python, ['-c', 'import trl, datasets, torch'], { stdio: 'ignore', timeout: 60_000 });
      return python;
    } catch {
      continue;
    }
  }
  console.warn(
    'skipping the TRL end-to-end test: no Python with trl, datasets and torch ' +
      '(set R1CI_TRL_PYTHON, or create .venv-trl: see examples/trl/README.md)',
  );
  return undefined;
}

const python = trlPython();

describe.skipIf(!python)('TRL GRPOTrainer with r1ci questions and reward', () => {
  let served: Served | undefined;
  afterAll(async () => served?.stop());

  it('runs GRPO steps that call the reward function through the service', async () => {
    const dir = mkdtempSync(join(tmpdir(), 'r1ci-trl-'));
    const data = join(dir, 'questions.jsonl');
    const tasks = 'rg.arithmetic.chain_sum,rg.arithmetic.basic_arithmetic';
    const exported = await runCli([
      'tasks',
      'export',
      '--tasks',
      tasks,
      '--per-task',
      '8',
      '--format',
      'trl',
      '--no-system-prompt',
      '--out',
      data,
    ]);
    expect(exported.code, exported.stderr).toBe(0);
    const learnerPath = { ...process.env, PYTHONPATH: join(ROOT, 'learner') };
    execFileSync(python!, ['-m', 'learner.tiny', join(dir, 'tiny')], { cwd: ROOT, env: learnerPath });
    served = await startServe(['serve', '--port', '0', '--no-sandbox']);
    const result = await new Promise<{ code: number | null; stdout: string; stderr: string }>((resolve) => {
      const args = [
        join(ROOT, 'examples', 'trl', 'train_grpo.py'),
        '--model',
        join(dir, 'tiny'),
        '--data',
        data,
        '--out',
        join(dir, 'grpo'),
        '--steps',
        '2',
        '--max-completion-length',
        '16',
        '--cpu',
      ];
      const env = { ...process.env, R1CI_VERIFY_URL: served!.url, OMP_NUM_THREADS: '2' };
      const child = spawn(python!, args, { cwd: dir, env, stdio: ['ignore', 'pipe', 'pipe'] });
      let stdout = '',
        stderr = '';
      child.stdout.setEncoding('utf8').on('data', (chunk: string) => (stdout += chunk));
      child.stderr.setEncoding('utf8').on('data', (chunk: string) => (stderr += chunk));
      child.on('close', (code) => resolve({ code, stdout, stderr }));
    });
    expect(result.code, result.stderr.slice(-2000)).toBe(0);
    const lines = result.stdout
      .trim()
      .split('\n')
      .filter((line) => line.startsWith('{"'))
      .map((line) => JSON.parse(line));
    const steps = lines.filter((line) => 'rewards/reward/mean' in line);
    expect(steps.map((line) => line.step)).toEqual([1, 2]);
    for (const line of steps) expect(line['rewards/reward/mean']).toBeGreaterThanOrEqual(0);
    expect(lines.at(-1)).toEqual({ steps: 2 });
  }, 600_000);
});
