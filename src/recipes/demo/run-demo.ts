// `r1ci demo` as a library call: start a local learner and a sandbox, run the stages in order
// (model → synthesis → sft → rl → eval → report), time each, and always shut both down.
import { mkdirSync } from 'node:fs';
import { resolve } from 'node:path';
import { withRunFolder, type OnProgress } from '../../core/index.js';
import { createLocalSandbox } from '../../sandbox/index.js';
import { withLearner } from '../../learner/index.js';
import { FULL_DEMO, QUICK_DEMO, type DemoContext, type DemoSettings, type DemoStage } from './context.js';
import { reportStage } from './report.js';
import { evalStage, modelStage, sftStage, synthesisStage } from './stages.js';
import { createRlDemoStage } from './rl-stage.js';
import { DEMO_CHOICE_PROMPT, DEMO_TASKS, QUICK_DEMO_TASKS } from './tasks.js';

export const DEMO_STAGES: readonly DemoStage[] = [
  modelStage,
  synthesisStage,
  sftStage,
  createRlDemoStage(DEMO_CHOICE_PROMPT),
  evalStage,
  reportStage,
];

export type DemoOptions = {
  outDir: string;
  /** The long version: four tasks, more data, steps and held-out questions (default: the short one). */
  full?: boolean;
  /** Overrides of the preset's settings. */
  settings?: Partial<DemoSettings>;
  /** The stages to run (default DEMO_STAGES); insert a stage to extend the demo. */
  stages?: readonly DemoStage[];
  log?: (line: string) => void;
  /** Progress of the long stages (default: none). */
  progress?: OnProgress;
};

export function resolveDemoSettings(full: boolean, overrides: Partial<DemoSettings> = {}): DemoSettings {
  const preset = full ? { ...FULL_DEMO, tasks: DEMO_TASKS } : { ...QUICK_DEMO, tasks: QUICK_DEMO_TASKS };
  return { ...preset, ...overrides, sft: { ...preset.sft, ...overrides.sft }, rl: { ...preset.rl, ...overrides.rl } };
}

export async function runDemo(options: DemoOptions): Promise<DemoContext> {
  // Absolute: the learner is another process, with another working directory, and refuses relative paths.
  const outDir = resolve(options.outDir);
  mkdirSync(outDir, { recursive: true });
  const settings = resolveDemoSettings(options.full ?? false, options.settings);
  return withRunFolder(outDir, () =>
    withLearner({ local: { stateDir: `${outDir}/learner-state` } }, async (learner) => {
      const sandbox = await createLocalSandbox({ concurrency: 2 });
      const ctx: DemoContext = {
        settings,
        outDir,
        log: options.log ?? (() => {}),
        progress: options.progress ?? (() => {}),
        client: learner.client,
        sandbox,
        models: [],
        evals: new Map(),
        timings: {},
      };
      try {
        for (const stage of options.stages ?? DEMO_STAGES) {
          const started = performance.now();
          await stage.run(ctx);
          ctx.timings[stage.name] = performance.now() - started;
          ctx.log(`stage ${stage.name}: ${(ctx.timings[stage.name] / 1000).toFixed(1)} s`);
        }
      } finally {
        await sandbox.close();
      }
      return ctx;
    }),
  );
}
