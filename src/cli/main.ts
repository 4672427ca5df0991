// The r1ci command line: flags → library calls. Each subcommand lives in commands/<name>.ts.
import { Command, CommanderError } from 'commander';
import { registerDataCommands } from './commands/data.js';
import { registerDemoCommand } from './commands/demo.js';
import { registerExperimentCommand } from './commands/experiment.js';
import { registerEvalCommands } from './commands/eval.js';
import { registerTasksCommands } from './commands/tasks.js';
import { registerSandboxCommands } from './commands/sandbox.js';
import { registerRlCommand } from './commands/rl.js';
import { registerSynthCommand } from './commands/synth.js';
import { registerSftCommand } from './commands/sft.js';
import { registerTasksCheckCommand } from './commands/tasks-check.js';
import { registerPlanCommand } from './commands/plan.js';
import { registerServeCommand } from './commands/serve.js';
import { reportError } from './output.js';

export function buildProgram(): Command {
  const program = new Command('r1ci')
    .description('Train and evaluate language models that reason with a code interpreter')
    .version('0.1.0')
    .showHelpAfterError('(run with --help for usage)')
    .exitOverride();
  registerTasksCommands(program);
  registerDataCommands(program);
  registerDemoCommand(program);
  registerExperimentCommand(program);
  registerSandboxCommands(program);
  registerEvalCommands(program);
  registerRlCommand(program);
  registerSynthCommand(program);
  registerSftCommand(program);
  registerTasksCheckCommand(program);
  registerPlanCommand(program);
  registerServeCommand(program);
  return program;
}

export async function main(argv: string[]): Promise<void> {
  try {
    await buildProgram().parseAsync(argv);
  } catch (error) {
    if (error instanceof CommanderError) {
      process.exitCode = error.exitCode;
      return;
    }
    process.exitCode = reportError(error);
  }
}
