// Runs `r1ci sandbox …` from source as a real process, for tests. Only the sandbox commands are
// registered, so the test does not depend on the rest of the CLI loading.
import { Command } from 'commander';
import { registerSandboxCommands } from '../../src/cli/commands/sandbox.js';
import { reportError } from '../../src/cli/output.js';

const program = new Command('r1ci').exitOverride();
registerSandboxCommands(program);
try {
  await program.parseAsync(process.argv);
} catch (error) {
  process.exitCode = (error as { exitCode?: number }).exitCode ?? reportError(error);
}
