// Through the real learner: the RL loss ignores interpreter tokens. Changing the targets at
// interpreter-output positions leaves the loss and the update (hence the next logprobs) unchanged;
// with the unmasked option the same change moves them, so the check can fail.
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createTinyPreset, makeDatum, startLocalLearner, type LocalLearner } from '../../learner/index.js';
import { trajectoryToSequence } from '../sequence.js';

let learner: LocalLearner;
let dir: string;
let base: string;

beforeAll(async () => {
  dir = mkdtempSync(join(tmpdir(), 'r1ci-rl-mask-'));
  base = await createTinyPreset(join(dir, 'base'), { seed: 2 });
  learner = await startLocalLearner({ threads: 1, stateDir: join(dir, 'learner') });
}, 120_000);

afterAll(async () => {
  await learner?.stop();
  if (dir) rmSync(dir, { recursive: true, force: true });
});

// Prompt, sampled turn (mask 1), interpreter output (mask 0), sampled answer (mask 1); byte tokens.
const bytes = (text: string) => [...Buffer.from(text)];
const prompt = bytes('Q: 2+3?'),
  code = bytes('print(2+3)'),
  output = bytes('Result: 5'),
  answer = bytes('<<<5>>>');
const trajectory = {
  promptTokens: prompt,
  tokens: [...code, ...output, ...answer],
  mask: [...code.map(() => 1), ...output.map(() => 0), ...answer.map(() => 1)],
  logprobs: [...code.map(() => -5.5), ...output.map(() => 0), ...answer.map(() => -5.5)],
};

/** The datum with the targets at interpreter positions (weight 0 when masked) replaced by other ids. */
function datums(trainOnObservation: boolean) {
  const sequence = trajectoryToSequence(trajectory, { trainOnObservation, advantage: 1 });
  const datum = makeDatum(sequence.tokens, {
    weights: sequence.weights,
    logprobs: sequence.logprobs,
    advantages: sequence.advantages,
  });
  const first = prompt.length - 1 + code.length; // target index of the first output token
  const altered = structuredClone(datum);
  for (let t = first; t < first + output.length; t++) altered.loss_fn_inputs.target_tokens.data[t] = 7;
  return [datum, altered];
}

/** One clipped-IS step with KL on a fresh model; resolves to the loss and the logprobs after the update. */
async function stepOn(datum: ReturnType<typeof makeDatum>) {
  const client = learner.client;
  const id = await client.createModel({ base_model: base, reference_model: true });
  const out = await client.forwardBackward(id, { data: [datum], loss_fn: 'ppo', loss_fn_config: { kl_coef: 0.001 } });
  await client.optimStep(id, { learning_rate: 1e-2 });
  const probe = makeDatum(datum.model_input.chunks[0].tokens.concat(answer[0]));
  const after = await client.forward(id, { data: [probe], loss_fn: 'cross_entropy' });
  await client.unloadModel(id);
  return { loss: out.metrics['loss:sum'], logprobs: after.loss_fn_outputs[0].logprobs.data };
}

describe('the masked RL loss', () => {
  it('is unchanged, loss and update, when interpreter-token targets change', async () => {
    const [original, altered] = datums(false);
    const [a, b] = [await stepOn(original), await stepOn(altered)];
    expect(a.loss).not.toBe(0);
    expect(b.loss).toBe(a.loss);
    expect(b.logprobs).toEqual(a.logprobs);
  }, 60_000);
  it('moves when interpreter output is trained on (the unmasked option)', async () => {
    const [original, altered] = datums(true);
    const [a, b] = [await stepOn(original), await stepOn(altered)];
    expect(b.loss).not.toBe(a.loss);
    expect(b.logprobs).not.toEqual(a.logprobs);
  }, 60_000);
});
