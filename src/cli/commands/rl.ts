// `r1ci rl`: RL with the interpreter in the loop, through the learner API (local, or remote with
// R1CI_LEARNER_URL / R1CI_LEARNER_API_KEY). Flags → RL_FLAGS → runRlRecipe → printed lines; rerun
// with the same --out to resume after a kill.
import type { Command } from 'commander';
import { runRlRecipe } from '../../recipes/index.js';
import { SANDBOX_FLAG_HELP } from '../service-flags.js';
import { namingFlags } from '../options/flags.js';
import { resolveRlFlags, RL_CLI_DEFAULTS } from '../options/rl.js';
import { printJson } from '../output.js';
import { createProgress } from '../progress.js';

/** The flag of each recipe config key its checks name. */
const RL_FLAG_OF = { init: '--init', tokenizer: '--tokenizer', rollouts: '--rollouts', sampling: '--stale' };

export function registerRlCommand(program: Command): void {
  program
    .command('rl')
    .description('RL (GRPO, PPO or REINFORCE++) with code execution in every rollout; resumable')
    .requiredOption(
      '--out <dir>',
      'run folder (config.json, state.json, metrics.jsonl, report.html, checkpoints); rerun to resume',
    )
    .option(
      '--init <path>',
      'start from: an SFT checkpoint (sampler folder or training checkpoint), a base model folder, ' +
        "or 'tiny' (cold start; default tiny)",
    )
    .option('--tokenizer <dir>', 'local folder with tokenizer.json (default: the --init folder)')
    .option(
      '--tasks <selector>',
      `training tasks: ids, prefixes (rg.arithmetic.*) or train (default ${RL_CLI_DEFAULTS.tasks})`,
    )
    .option('--questions-per-task <n>', 'training questions per task')
    .option('--estimator <name>', 'grpo | reinforce++ | reinforce++-baseline (group mean subtracted first) | ppo')
    .option('--group-size <n>', 'answers per question (paper: 5)')
    .option('--questions-per-step <n>', 'questions per step (paper: 128)')
    .option(
      '--task-mix <mix>',
      "pooled (default: each step's questions drawn from all tasks' at once) | balanced (each step asks " +
        'the tasks equally)',
    )
    .option('--steps <n>', 'optimizer steps')
    .option('--lr, --learning-rate <rate>', 'learning rate (paper: 1e-6 for real models; tiny default 1e-4)')
    .option('--kl <coef>', 'low-variance KL coefficient (paper: 0.001)')
    .option(
      '--temperature <t>',
      "rollout temperature (paper: 1); the learner trains on logits / T so its logprobs match the sampler's",
    )
    .option('--clip-low <r>', 'lower ratio bound of the clipped objective (default 0.8)')
    .option('--clip-high <r>', 'upper ratio bound (default 1.2; clip-higher, as DAPO: 1.28)')
    .option('--dual-clip <c>', 'cap the loss of negative advantages at -c·A (verl: 3; default off)')
    .option('--mini-batches <n>', 'optimizer steps per step, one per mini-batch (default 1)')
    .option('--epochs <n>', "passes over each step's batch (default 1)")
    .option('--value-clip <r>', 'PPO: clip range of the critic around its pre-update values (default 0.5; 0 off)')
    .option(
      '--tis-cap <c>',
      'truncated importance sampling against the sampler, weights capped at c (e.g. 2 with --rollouts; default off)',
    )
    .option('--mask-truncated', "answers cut by the token budget carry no loss (DAPO's overlong masking)")
    .option('--dynamic-sampling', 'with --filter-uniform, sample more questions until the batch is full (DAPO)')
    .option('--max-sampling-rounds <n>', 'dynamic sampling: most rounds of sampling per step (default 4)')
    .option('--lr-schedule <name>', 'constant (default) | linear | cosine, decaying to 0 at the last step')
    .option('--warmup-steps <n>', 'linear learning-rate warm-up steps (default 0)')
    .option('--unmasked', "train on interpreter output too (the paper's ablation)")
    .option('--filter-uniform', 'drop groups whose rewards are all equal')
    .option(
      '--reward <kind>',
      "binary (paper: 1 for a correct answer) | partial (the task's partial credit, e.g. Reasoning-Gym's)",
    )
    .option(
      '--loss-agg <mode>',
      'token-mean (default: long answers weigh more) | sequence-mean (every answer weighs the same)',
    )
    .option('--no-std', 'advantages keep the mean baseline only, not divided by the std (Dr. GRPO)')
    .option('--lora-rank <r>', 'train LoRA adapters of rank r instead of all weights (0: full fine-tuning)')
    .option('--stale', 'sample step k+1 while step k trains (off-policy by one step, importance-corrected)')
    .option(
      '--rollouts <url>',
      'sample rollouts on a vLLM server (http://host:port/v1) that loads the LoRA policy each step; needs --lora-rank',
    )
    .option('--curriculum', 'the improvement-potential curriculum (4 stages)')
    .option('--steps-per-stage <n>', 'curriculum steps per stage (paper: 150)')
    .option(
      '--curriculum-samples <n>',
      'answers per agent and question when the curriculum estimates success rates (default 5)',
    )
    .option('--online-curriculum', 're-estimate success rates at each stage')
    .option('--fourth-agent <mode[:prompt]>', "the curriculum's fourth agent beside text, code and ci (default: ci)")
    .option('--format-bonus <r>')
    .option('--format-penalty <r>')
    .option('--turn-penalty <r>')
    .option('--max-turns <n>')
    .option('--code-penalty <r>', 'reward added per code call, e.g. -0.3 (default 0, as in the paper)')
    .option('--shuffle-rewards', "the control: deal each step's rewards to its answers in a random order")
    .option('--eval-every <n>', 'held-out evaluation every n steps')
    .option('--eval-per-task <n>', 'held-out questions per task')
    .option('--checkpoint-every <n>', 'keep a checkpoint every n steps')
    .option(
      '--save-every <n>',
      'write the resume checkpoint (with optimizer state) every n steps and at the last (default 1)',
    )
    .option('--max-tokens-per-turn <n>')
    .option('--max-total-tokens <n>')
    .option('--max-exec-calls <n>')
    .option('--exec-timeout <seconds>')
    .option('--system-prompt <text>', 'replace the ci system prompt')
    .option('--concurrency <n>', 'episodes in flight')
    .option('--seed <n>')
    .option(
      '--learner <url>',
      "a remote learner serving the Tinker API (Tinker, SkyRL-tx, r1ci's); " +
        'key in R1CI_LEARNER_API_KEY or TINKER_API_KEY',
    )
    .option(
      '--no-batch-requests',
      'the local learner samples one request at a time: slower, but bit-identical across reruns',
    )
    .option('--sandbox <urls>', SANDBOX_FLAG_HELP)
    .option('--json', 'print the final metrics as JSON')
    .action(async (raw: unknown) => {
      const { flags, config } = resolveRlFlags(raw);
      // Step lines go to stdout; the bar is drawn only when both streams are a terminal.
      const progress = createProgress({ tty: Boolean(process.stderr.isTTY && process.stdout.isTTY) });
      const events = { log: (line: string) => progress.log(line, process.stdout), progress: progress.update };
      const result = await namingFlags(runRlRecipe({ ...flags, config }, events), RL_FLAG_OF).finally(() =>
        progress.stop(),
      );
      const steps = result.metrics.length;
      if (flags.json) return printJson({ resumedFrom: result.resumedFrom, steps, last: result.metrics.at(-1) });
      const resumed = `resumed after step ${result.resumedFrom}`;
      process.stdout.write(`done: ${steps} steps (${resumed}); report ${result.report}\n`);
    });
}
