// `r1ci sft --lora-rank 4` on the tiny model, as a real child process with a real local learner: the
// loss falls, only adapter tensors change (every base tensor of the checkpoint is bit-identical to the
// base model's), a run stopped after a checkpoint resumes from its adapters (the steps after it repeat
// an uninterrupted run's losses), and the exported PEFT folder loads in PEFT with the merged export's logits.
import { spawnSync } from 'node:child_process';
import { existsSync, readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { runCli } from '../../../test/helpers/cli.js';
import { readSafetensors } from '../../../test/helpers/safetensors.js';
import { startOracleDataFixture, type OracleDataFixture } from '../../../test/helpers/training-fixtures.js';
import { resolvePython } from '../../core/index.js';
import { createTinyPreset } from '../../learner/index.js';
import { resolveInitModel } from '../rl/index.js';
import type { SftState, SftStepMetrics } from './types.js';

/** An interpreter with PEFT and transformers (the project's .venv), or undefined: that check is skipped. */
function peftPython(): string | undefined {
  try {
    return resolvePython({ modules: ['torch', 'transformers', 'peft'], preferVenv: true });
  } catch {
    return undefined;
  }
}
const PEFT_PYTHON = peftPython();

let fixture: OracleDataFixture | undefined;
let base: string;
let out: string;
let uninterrupted: SftStepMetrics[];
let summary: { steps: number; final: string; adapter: string | null; checkpoint: string };
const env = () => ({ R1CI_LEARNER_URL: fixture!.learner.url, R1CI_LEARNER_API_KEY: fixture!.learner.apiKey });
const args = () => ['sft', '--data', fixture!.data, '--out', out, '--model', base, '--lora-rank', '4', '--batch-size', '1', '--epochs', '1',
  '--lr', '3e-3', '--warmup', '0', '--checkpoint-every', '3', '--eval-every', '100', '--held-out', '0', '--max-steps', '6', '--json'];
const readMetrics = () => readFileSync(join(out, 'metrics.jsonl'), 'utf8').trim().split('\n').map((l) => JSON.parse(l) as SftStepMetrics);

beforeAll(async () => {
  fixture = await startOracleDataFixture('r1ci-sft-lora-', 6);
  base = await createTinyPreset(join(fixture.dir, 'base'), { seed: 5 });
  out = join(fixture.dir, 'run');
  const run = await runCli(args(), { env: env() });
  expect(run.code, run.stderr).toBe(0);
  summary = JSON.parse(run.stdout) as typeof summary;
  uninterrupted = readMetrics();
}, 150_000);
afterAll(async () => {
  await fixture?.close();
});

describe('r1ci sft --lora-rank 4', () => {
  it('trains: the loss of the last steps is well below that of the first', () => {
    expect(uninterrupted.map((m) => m.step)).toEqual([1, 2, 3, 4, 5, 6]);
    const mean = (rows: SftStepMetrics[]) => rows.reduce((n, m) => n + m.loss, 0) / rows.length;
    expect(mean(uninterrupted.slice(-2))).toBeLessThan(0.8 * mean(uninterrupted.slice(0, 2)));
  });

  it('changes only adapters: every base tensor of the checkpoint is bit-identical to the base model', () => {
    expect(JSON.parse(readFileSync(join(summary.checkpoint, 'meta.json'), 'utf8'))).toMatchObject({ lora_rank: 4 });
    const before = readSafetensors(join(base, 'model.safetensors'));
    const after = readSafetensors(join(summary.checkpoint, 'weights.safetensors'));
    const adapters = [...after.keys()].filter((name) => name.includes('.lora_'));
    const frozen = [...after.keys()].filter((name) => !name.includes('.lora_'));
    expect(adapters.length).toBeGreaterThan(0);
    expect(frozen.length).toBeGreaterThan(0);
    for (const name of frozen) {
      const original = before.get(name) ?? (name === 'lm_head.weight' ? before.get('model.embed_tokens.weight') : undefined);
      expect(original, `${name} is not in the base model`).toBeDefined();
      expect(after.get(name)!.bytes.equals(original!.bytes), `${name} changed`).toBe(true);
    }
    // B starts at zero (Hu et al.): a non-zero B is an adapter that trained.
    const trainedB = adapters.filter((name) => name.endsWith('lora_B') && after.get(name)!.bytes.some((b) => b !== 0));
    expect(trainedB.length).toBe(adapters.length / 2);
  });

  it('resumes from the adapters: stopped after step 3, the rerun repeats steps 4-6 of the uninterrupted run', async () => {
    // The state a run killed between steps 3 and 6 leaves (resume.test.ts kills a real one): the
    // checkpoint of step 3 is the last one written; the logged steps after it are dropped on resume.
    const statePath = join(out, 'sft-state.json');
    const state = JSON.parse(readFileSync(statePath, 'utf8')) as SftState;
    writeFileSync(statePath, JSON.stringify({ ...state, step: 3, checkpoint: join(out, 'checkpoints', 'step-000003') }));
    const rerun = await runCli(args(), { env: env() });
    expect(rerun.code, rerun.stderr).toBe(0);
    expect(JSON.parse(rerun.stdout)).toMatchObject({ steps: 6, resumedFrom: 3 });
    const resumed = readMetrics();
    expect(resumed.map((m) => m.step)).toEqual([1, 2, 3, 4, 5, 6]);
    for (let i = 3; i < 6; i++) expect(resumed[i].loss).toBeCloseTo(uninterrupted[i].loss, 5);
  }, 90_000);

  it('exports merged weights and a PEFT adapter folder', () => {
    expect(summary.final).toBe(join(out, 'final'));
    expect(summary.adapter).toBe(join(out, 'final-adapter'));
    expect(existsSync(join(out, 'final', 'config.json'))).toBe(true);
    const config = JSON.parse(readFileSync(join(out, 'final-adapter', 'adapter_config.json'), 'utf8')) as Record<string, unknown>;
    expect(config).toMatchObject({ peft_type: 'LORA', r: 4, base_model_name_or_path: base });
  });

  it('r1ci rl --init takes the LoRA training checkpoint: converted, it equals the merged export', async () => {
    const converted = await resolveInitModel(fixture!.learner.client, summary.checkpoint, join(fixture!.dir, 'init-model'));
    const ours = readSafetensors(join(converted, 'model.safetensors'));
    const merged = readSafetensors(join(out, 'final', 'model.safetensors'));
    expect([...ours.keys()].sort()).toEqual([...merged.keys()].sort());
    for (const [name, tensor] of merged) expect(ours.get(name)!.bytes.equals(tensor.bytes), name).toBe(true);
  }, 60_000);

  it.skipIf(!PEFT_PYTHON)('the PEFT folder loads in PEFT, with the logits of the merged export', () => {
    const script = String.raw`
import json, sys, torch, transformers, peft
transformers.logging.set_verbosity_error()
base, adapter, merged = sys.argv[1:4]
tokens = torch.tensor([[257, 72, 101, 108, 108, 111, 258, 10, 257, 97, 98]])
load = lambda folder: transformers.AutoModelForCausalLM.from_pretrained(folder, dtype=torch.float32).eval()
with torch.no_grad():
    plain = load(base)
    before = plain(input_ids=tokens).logits
    tuned = peft.PeftModel.from_pretrained(plain, adapter).eval()
    ours = tuned(input_ids=tokens).logits
    theirs = load(merged)(input_ids=tokens).logits
print(json.dumps({"vs_merged": float((ours - theirs).abs().max()), "vs_base": float((ours - before).abs().max())}))
`;
    const run = spawnSync(PEFT_PYTHON!, ['-c', script, base, join(out, 'final-adapter'), join(out, 'final')], { encoding: 'utf8', timeout: 60_000 });
    expect(run.status, run.stderr).toBe(0);
    const diff = JSON.parse(run.stdout.trim().split('\n').at(-1)!) as { vs_merged: number; vs_base: number };
    expect(diff.vs_merged).toBeLessThan(1e-4);
    expect(diff.vs_base).toBeGreaterThan(1e-2); // the adapter is not the identity: PEFT applied it
  }, 60_000);
});
