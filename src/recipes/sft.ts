// The SFT recipe (`r1ci sft`): read the synthesised records, hold out a fixed share of questions,
// take a learner (remote from $R1CI_LEARNER_URL, else a local one started here and stopped after),
// fine-tune into the run folder (a rerun resumes after the last checkpoint), save sampler weights.
import { existsSync } from 'node:fs';
import { join, resolve } from 'node:path';
import { ConfigError, hashKeys, withRunFolder } from '../core/index.js';
import { loadTokenizer } from '../backends/index.js';
import { resolveLearnerConnection, withLearner, type LearnerConnection } from '../learner/index.js';
import { readSynthRecords, type SynthRecord } from '../train/synth/index.js';
import { exportSftModel, runSft, sftModelRequest, type SftConfig } from '../train/sft/index.js';
import type { RecipeEvents } from './types.js';

/** What `r1ci sft` resolves its flags to (SFT_FLAGS' output with the resolved training config). */
export type SftRecipeConfig = {
  /** Records JSONL written by `r1ci synth`. */
  data: string;
  /** The run folder (metrics.jsonl, checkpoints/, final/); the same folder resumes. */
  out: string;
  /** 'tiny' or a Hugging Face model folder. */
  model: string;
  /** Fraction of questions whose records are held out for the held-out loss. */
  heldOut: number;
  /** Train on the readable records and warn about the others, instead of refusing. */
  skipBadLines?: boolean;
  /** The training settings, defaults filled in and checked. */
  config: Readonly<SftConfig>;
};

export type SftRecipeResult = {
  steps: number;
  totalSteps: number;
  resumedFrom: number;
  checkpoint: string | null;
  /** The weights to sample with (final/, any LoRA adapters merged). */
  final: string;
  /** The LoRA adapters alone as a PEFT folder (final-adapter/), or null. */
  adapter: string | null;
  tokensPerSecond: number;
  lastLoss: number | null;
};

/** Checks the model folder and reads the records, before a learner starts. */
function readRecords(recipe: SftRecipeConfig, events: RecipeEvents): SynthRecord[] {
  if (recipe.model !== 'tiny' && !existsSync(recipe.model)) {
    const fix = "give a Hugging Face model folder, or 'tiny'";
    throw new ConfigError([{ path: 'model', message: `${recipe.model} does not exist`, fix }]);
  }
  const records = readSynthRecords(recipe.data, {
    skipBadLines: recipe.skipBadLines,
    onSkipped: (lines) => {
      const which = lines.map((l) => `line ${l.line}`).join(', ');
      const count = `${lines.length} unreadable ${lines.length === 1 ? 'line' : 'lines'}`;
      events.warn?.(`sft: skipped ${count} of ${recipe.data} (${which}); training on the rest`);
    },
  });
  if (!records.length) {
    const fix = 'run r1ci synth --out <file> first';
    throw new ConfigError([{ path: 'data', message: `${recipe.data} has no records`, fix }]);
  }
  return records;
}

/** Runs SFT as `r1ci sft` does; `events.progress` gets each step with its loss. */
export async function runSftRecipe(recipe: SftRecipeConfig, events: RecipeEvents = {}): Promise<SftRecipeResult> {
  const records = readRecords(recipe, events);
  const connection = resolveLearnerConnection();
  return withRunFolder(recipe.out, () => sft(recipe, records, connection, events));
}

async function sft(
  recipe: SftRecipeConfig,
  records: SynthRecord[],
  connection: LearnerConnection | undefined,
  events: RecipeEvents,
): Promise<SftRecipeResult> {
  const isHeldOut = (id: string) => hashKeys(['held-out', id]) % 10_000 < recipe.heldOut * 10_000;
  return withLearner({ connection, local: { stateDir: join(recipe.out, 'learner-state') } }, async ({ client }) => {
    const base = recipe.model === 'tiny' ? 'tiny' : resolve(recipe.model);
    const modelId = await client.createModel(sftModelRequest(base, recipe.config));
    const info = await client.getInfo(modelId);
    const tokenizerDir = info.model_data.tokenizer_id ?? base;
    const result = await runSft({
      ...recipe.config,
      client,
      modelId,
      tokenizer: loadTokenizer(tokenizerDir),
      runDir: recipe.out,
      train: records.filter((r) => !isHeldOut(r.id)),
      heldOut: records.filter((r) => isHeldOut(r.id)),
      onStep: (m) =>
        events.progress?.(
          'sft',
          m.step,
          m.totalSteps,
          `loss ${m.loss.toFixed(4)}, ` +
            `lr ${m.learningRate.toExponential(2)}, ${Math.round(m.tokensPerSecond)} tokens/s` +
            `${m.heldOutLoss === undefined ? '' : `, held-out ${m.heldOutLoss.toFixed(4)}`}`,
        ),
    });
    const { final, adapter, adapterMissing } = await exportSftModel(
      client,
      modelId,
      resolve(recipe.out),
      recipe.config,
    );
    if (adapterMissing) events.warn?.(`sft: no final-adapter folder: ${adapterMissing}`);
    return {
      steps: result.steps,
      totalSteps: result.totalSteps,
      resumedFrom: result.resumedFrom,
      checkpoint: result.checkpoint,
      final,
      adapter,
      tokensPerSecond: result.tokensPerSecond,
      lastLoss: result.metrics.at(-1)?.loss ?? null,
    };
  });
}
