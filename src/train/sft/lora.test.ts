// `r1ci sft --lora-rank 4` on the tiny model and six short hand-written records, as a real child
// process with a real local learner: the loss falls; a checkpoint holds the adapters alone (the base
// is not copied into every save), and only adapter-targeted tensors of the merged export differ from
// the base model's; a run stopped after a checkpoint resumes
// from its adapters (the steps after it repeat an uninterrupted run's losses); `r1ci rl --init` takes
// the LoRA checkpoint; and the exported PEFT folder loads in PEFT with the merged export's logits.
import { spawnSync } from 'node:child_process';
import { existsSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { runCli } from '../../../test/helpers/cli.js';
import { readSafetensors } from '../../../test/helpers/safetensors.js';
import { resolvePython } from '../../core/index.js';
import { createTinyPreset, startLocalLearner, type LocalLearner } from '../../learner/index.js';
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

/** A short record in `r1ci synth`'s format: code, the interpreter's output (not trained on), the answer. */
const record = (a: number, b: number) => ({
  id: `sum#${a}-${b}`,
  taskId: 'sum',
  index: a * 10 + b,
  seed: 0,
  variant: 'free',
  teacher: 'hand',
  system: 'Use Python.',
  question: `What is ${a} + ${b}?`,
  answer: String(a + b),
  gold: String(a + b),
  codeCalls: 1,
  generations: 2,
  messages: [],
  segments: [
    { role: 'model', text: `\`\`\`python\nprint(${a} + ${b})\n\`\`\`\n`, train: true },
    { role: 'interpreter', text: `Code Execution Results:\n${a + b}\n`, train: false },
    { role: 'model', text: `<<<${a + b}>>>`, train: true },
  ],
});

let dir: string;
let learner: LocalLearner | undefined;
let base: string;
let out: string;
let uninterrupted: SftStepMetrics[];
let summary: { steps: number; final: string; adapter: string | null; checkpoint: string };
const env = () => ({ R1CI_LEARNER_URL: learner!.url, R1CI_LEARNER_API_KEY: learner!.apiKey });
const args = () => [
  'sft',
  '--data',
  join(dir, 'data.jsonl'),
  '--out',
  out,
  '--model',
  base,
  '--lora-rank',
  '4',
  '--batch-size',
  '2',
  '--epochs',
  '4',
  '--lr',
  '1e-2',
  '--warmup',
  '0',
  '--checkpoint-every',
  '6',
  '--eval-every',
  '100',
  '--held-out',
  '0',
  '--json',
];
const steps = (from: number, to: number) => Array.from({ length: to - from + 1 }, (_, i) => from + i);
const readMetrics = () =>
  readFileSync(join(out, 'metrics.jsonl'), 'utf8')
    .trim()
    .split('\n')
    .map((l) => JSON.parse(l) as SftStepMetrics);

beforeAll(async () => {
  dir = mkdtempSync(join(tmpdir(), 'r1ci-sft-lora-'));
  const sums = [
    [3, 4],
    [2, 5],
    [6, 1],
    [4, 4],
    [5, 3],
    [1, 7],
  ];
  writeFileSync(join(dir, 'data.jsonl'), sums.map(([a, b]) => `${JSON.stringify(record(a, b))}\n`).join(''));
  // On the CPU in float32: a GPU learner would hold the frozen base in bf16, not the folder's float32 bits.
  learner = await startLocalLearner({ threads: 1, stateDir: join(dir, 'learner'), device: 'cpu' });
  base = await createTinyPreset(join(dir, 'base'), { seed: 5 });
  out = join(dir, 'run');
  const run = await runCli(args(), { env: env() });
  expect(run.code, run.stderr).toBe(0);
  summary = JSON.parse(run.stdout) as typeof summary;
  uninterrupted = readMetrics();
}, 120_000);
afterAll(async () => {
  await learner?.stop();
  rmSync(dir, { recursive: true, force: true });
});

describe('r1ci sft --lora-rank 4', () => {
  it('trains: the loss over the last epoch is well below that over the first (the same six records)', () => {
    expect(uninterrupted.map((m) => m.step)).toEqual(steps(1, 12));
    const mean = (rows: SftStepMetrics[]) => rows.reduce((n, m) => n + m.loss, 0) / rows.length;
    expect(mean(uninterrupted.slice(-3))).toBeLessThan(0.7 * mean(uninterrupted.slice(0, 3)));
  });

  it('checkpoints the adapters alone, and changes nothing of the base but what they add to', () => {
    const meta = JSON.parse(readFileSync(join(summary.checkpoint, 'meta.json'), 'utf8')) as Record<string, unknown>;
    expect(meta).toMatchObject({ lora_rank: 4, base_omitted: true, base_model: base });
    const saved = readSafetensors(join(summary.checkpoint, 'weights.safetensors'));
    const adapters = [...saved.keys()];
    expect(adapters.length).toBeGreaterThan(0);
    expect(adapters.filter((name) => !/\.lora_[AB]$/.test(name))).toEqual([]);
    // B starts at zero (Hu et al.): a non-zero B is an adapter that trained.
    const trainedB = adapters.filter((name) => name.endsWith('lora_B') && saved.get(name)!.bytes.some((b) => b !== 0));
    expect(trainedB.length).toBe(adapters.length / 2);
    // The merged export differs from the base exactly in the weights that carry an adapter.
    const before = readSafetensors(join(base, 'model.safetensors'));
    const merged = readSafetensors(join(out, 'final', 'model.safetensors'));
    const adapted = new Set(adapters.map((name) => name.replace(/\.lora_[AB]$/, '.weight')));
    for (const [name, tensor] of merged) {
      const original =
        before.get(name) ?? (name === 'lm_head.weight' ? before.get('model.embed_tokens.weight') : undefined);
      expect(original, `${name} is not in the base model`).toBeDefined();
      expect(tensor.bytes.equals(original!.bytes), `${name}: changed ${!adapted.has(name)}`).toBe(!adapted.has(name));
    }
  });

  it('resumes from the adapters: stopped after step 6, the rerun repeats an uninterrupted run', async () => {
    // The state a run killed between steps 6 and 12 leaves (resume.test.ts kills a real one): the
    // checkpoint of step 6 is the last one written; the logged steps after it are dropped on resume.
    const statePath = join(out, 'sft-state.json');
    const state = JSON.parse(readFileSync(statePath, 'utf8')) as SftState;
    const checkpoint = join(out, 'checkpoints', 'step-000006');
    writeFileSync(statePath, JSON.stringify({ ...state, step: 6, checkpoint }));
    const rerun = await runCli(args(), { env: env() });
    expect(rerun.code, rerun.stderr).toBe(0);
    expect(JSON.parse(rerun.stdout)).toMatchObject({ steps: 12, resumedFrom: 6 });
    const resumed = readMetrics();
    expect(resumed.map((m) => m.step)).toEqual(steps(1, 12));
    for (let i = 6; i < 12; i++) expect(resumed[i].loss).toBeCloseTo(uninterrupted[i].loss, 5);
  }, 90_000);

  it('exports merged weights and a PEFT adapter folder', () => {
    expect(summary.final).toBe(join(out, 'final'));
    expect(summary.adapter).toBe(join(out, 'final-adapter'));
    expect(existsSync(join(out, 'final', 'config.json'))).toBe(true);
    const configPath = join(out, 'final-adapter', 'adapter_config.json');
    const config = JSON.parse(readFileSync(configPath, 'utf8')) as Record<string, unknown>;
    expect(config).toMatchObject({ peft_type: 'LORA', r: 4, base_model_name_or_path: base });
  });

  it('r1ci rl --init takes the LoRA training checkpoint: converted, it equals the merged export', async () => {
    const converted = await resolveInitModel(learner!.client, summary.checkpoint, join(dir, 'init-model'));
    const ours = readSafetensors(join(converted, 'model.safetensors'));
    const merged = readSafetensors(join(out, 'final', 'model.safetensors'));
    expect([...ours.keys()].sort()).toEqual([...merged.keys()].sort());
    for (const [name, tensor] of merged) expect(ours.get(name)!.bytes.equals(tensor.bytes), name).toBe(true);
  }, 60_000);

  it.skipIf(!PEFT_PYTHON)(
    'the PEFT folder loads in PEFT, with the logits of the merged export',
    () => {
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
      const folders = [base, join(out, 'final-adapter'), join(out, 'final')];
      const run = spawnSync(PEFT_PYTHON!, ['-c', script, ...folders], { encoding: 'utf8', timeout: 80_000 });
      expect(run.status, run.stderr).toBe(0);
      const diff = JSON.parse(run.stdout.trim().split('\n').at(-1)!) as { vs_merged: number; vs_base: number };
      expect(diff.vs_merged).toBeLessThan(1e-4);
      expect(diff.vs_base).toBeGreaterThan(1e-2); // the adapter is not the identity: PEFT applied it
    },
    90_000,
  );
});
