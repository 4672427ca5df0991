// Every command checks all its flags before it starts anything: a bad value is one line on stderr
// that names the flag and says how to fix it, exit code 2, and no learner, state folder or run
// folder left behind.
import { existsSync, mkdirSync, mkdtempSync, readdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { runCli } from '../helpers/cli.js';

/** The one stderr line of a refused command. */
async function refusal(args: string[], env: NodeJS.ProcessEnv = {}): Promise<string> {
  const { code, stdout, stderr } = await runCli(args, { env });
  expect(stdout).toBe('');
  expect(code).toBe(2);
  const lines = stderr.trim().split('\n');
  expect(lines).toHaveLength(1);
  return lines[0];
}

describe('flags are checked before anything starts', () => {
  it('r1ci rl: a bad agent setting is one line naming the flag, and no learner starts', async () => {
    const dir = mkdtempSync(join(tmpdir(), 'r1ci-flags-rl-'));
    const out = join(dir, 'run');
    // A stand-in learner package (R1CI_LEARNER_ROOT): a learner process, if one were started, leaves a mark and exits.
    const stub = mkdtempSync(join(tmpdir(), 'r1ci-flags-stub-learner-'));
    mkdirSync(join(stub, 'learner'));
    writeFileSync(join(stub, 'learner', '__init__.py'), '');
    writeFileSync(
      join(stub, 'learner', 'server.py'),
      [
        'import pathlib, sys',
        '(pathlib.Path(__file__).resolve().parent.parent / "spawned").write_text(" ".join(sys.argv))',
        'sys.exit(1)',
      ].join('\n'),
    );
    const env = { R1CI_LEARNER_ROOT: stub, R1CI_LEARNER_URL: '' };
    const line = await refusal(['rl', '--out', out, '--max-exec-calls', '-1', '--steps', '1'], env);
    expect(line).toMatch(/^r1ci: --max-exec-calls: bad value "-1" \(use an integer ≥ 0\)$/);
    expect(existsSync(join(out, 'learner'))).toBe(false);
    expect(existsSync(out)).toBe(false);
    const tokens = await refusal(['rl', '--out', out, '--max-tokens-per-turn', '0'], env);
    expect(tokens).toMatch(/^r1ci: --max-tokens-per-turn: bad value "0" \(use an integer ≥ 1\)$/);
    const timeout = await refusal(['rl', '--out', out, '--exec-timeout', 'soon'], env);
    expect(timeout).toMatch(/^r1ci: --exec-timeout: bad value "soon" \(use a number > 0\)$/);
    const missing = await refusal(['rl', '--out', out, '--init', join(dir, 'no-model')], env);
    expect(missing).toBe(
      `r1ci: --init: ${join(dir, 'no-model')} does not exist (give an SFT checkpoint or model folder, or 'tiny')`,
    );
    expect(readdirSync(dir)).toEqual([]);
    expect(existsSync(join(stub, 'spawned'))).toBe(false);
    // The mark works: good flags do start the (stand-in) learner.
    const started = await runCli(['rl', '--out', join(stub, 'run'), '--steps', '1'], { env });
    expect(started.code).not.toBe(0);
    expect(readFileSync(join(stub, 'spawned'), 'utf8')).toMatch(/learner\/server\.py --host 127\.0\.0\.1 /);
    rmSync(stub, { recursive: true, force: true });
  }, 60_000);

  it("r1ci rl: the recipe's checks of --rollouts are named by flag, before a learner starts", async () => {
    const dir = mkdtempSync(join(tmpdir(), 'r1ci-flags-rl-rollouts-'));
    const line = await refusal(['rl', '--out', join(dir, 'run'), '--rollouts', 'localhost:8000', '--stale']);
    expect(line).toBe(
      'r1ci: --rollouts: bad URL "localhost:8000" (write the server\'s base URL, e.g. http://127.0.0.1:8000/v1); ' +
        '--rollouts: vLLM rollouts load the policy as a LoRA adapter each step (add --lora-rank 16, and start ' +
        'vLLM with --enable-lora --max-lora-rank 16); ' +
        '--stale: vLLM rollouts sample the live adapters, not a snapshot (drop --stale)',
    );
    expect(readdirSync(dir)).toEqual([]);
  }, 60_000);

  it('r1ci sft: a bad number is refused before the learner starts', async () => {
    const dir = mkdtempSync(join(tmpdir(), 'r1ci-flags-sft-'));
    const lines = Array.from({ length: 4 }, (_, i) =>
      JSON.stringify({ id: `symbench.number_multiply#${10_000 + i}`, taskId: 'symbench.number_multiply' }),
    );
    writeFileSync(join(dir, 'data.jsonl'), `${lines.join('\n')}\n`);
    const out = join(dir, 'run');
    const line = await refusal(['sft', '--data', join(dir, 'data.jsonl'), '--out', out, '--epochs', '0']);
    expect(line).toMatch(/^r1ci: --epochs: bad value "0" \(use an integer ≥ 1\)$/);
    expect(existsSync(join(out, 'learner-state'))).toBe(false);
    expect(await refusal(['sft', '--data', join(dir, 'data.jsonl'), '--out', out, '--model', join(dir, 'nope')])).toBe(
      `r1ci: --model: ${join(dir, 'nope')} does not exist (give a Hugging Face model folder, or 'tiny')`,
    );
    expect(await refusal(['sft', '--data', join(dir, 'data.jsonl'), '--out', out, '--lr', '-1e-5'])).toMatch(
      /^r1ci: --learning-rate: bad value "-1e-5" \(use a number > 0\)$/,
    );
  }, 60_000);

  it('r1ci eval names the flag, not an internal option path', async () => {
    const dir = mkdtempSync(join(tmpdir(), 'r1ci-flags-eval-'));
    const evalArgs = [
      'eval',
      '--model',
      'oracle',
      '--tasks',
      'symbench.number_multiply',
      '--out',
      join(dir, 'eval'),
      '--no-progress',
    ];
    expect(await refusal([...evalArgs, '--exec-timeout', 'soon'])).toMatch(
      /^r1ci: --exec-timeout: bad value "soon" \(use a number > 0\)$/,
    );
    expect(await refusal([...evalArgs, '--mode', 'chat'])).toMatch(
      /^r1ci: --mode: bad value "chat" \(use ci, text or code\)$/,
    );
    expect(readdirSync(dir)).toEqual([]);
  }, 60_000);

  it('r1ci synth refuses a seed that is not a number (it used to become 0)', async () => {
    const dir = mkdtempSync(join(tmpdir(), 'r1ci-flags-synth-'));
    const synthArgs = [
      'synth',
      '--tasks',
      'symbench.number_multiply',
      '--out',
      join(dir, 'synth.jsonl'),
      '--no-progress',
    ];
    expect(await refusal([...synthArgs, '--seed', 'abc'])).toMatch(
      /^r1ci: --seed: bad value "abc" \(use an integer ≥ 0\)$/,
    );
    expect(readdirSync(dir)).toEqual([]);
  }, 60_000);

  it('r1ci demo refuses a bad seed before any stage runs', async () => {
    const dir = mkdtempSync(join(tmpdir(), 'r1ci-flags-demo-'));
    expect(await refusal(['demo', '--out', join(dir, 'demo'), '--seed', '1.5'])).toMatch(
      /^r1ci: --seed: bad value "1\.5" \(use an integer ≥ 0\)$/,
    );
    expect(readdirSync(dir)).toEqual([]);
  }, 60_000);
});
