// Kills a resumable CLI command with SIGKILL at seeded random moments, then lets it finish: the
// crash-anywhere check. A kill during a write leaves a prefix of the line being written; that is
// timing-improbable on a fast disk, so some kills also cut the log's last line at a random byte.
import { existsSync, readFileSync, statSync, truncateSync } from 'node:fs';
import { createRng } from '../../src/core/index.js';
import { runCli, spawnCli } from './cli.js';

export type CrashLoopOptions = {
  args: readonly string[];
  /** The append-only log whose growth shows the command is at work. */
  log: string;
  kills: number;
  seed: number;
  /** Most milliseconds between the log's first growth and the kill. */
  maxDelayMs: number;
  /**
   * A file the command commits after its log lines (synth's state file): a tear is emulated only
   * when the log changed after it, as only then can the kill have landed inside that last write.
   */
  commitFile?: string;
  env?: NodeJS.ProcessEnv;
};

export type CrashLoopReport = {
  kills: number;
  tears: number;
  finishedEarly: number;
  final: Awaited<ReturnType<typeof runCli>>;
};

const size = (path: string) => (existsSync(path) ? statSync(path).size : 0);
const sleep = (ms: number) => new Promise((resolve) => setTimeout(resolve, ms));

/**
 * Runs `args` once to the end, timing its work: from the log's first growth to its exit. A kill
 * delay drawn up to a fraction of this leaves work for every kill on a fast machine or a slow one.
 */
export async function timeWork(
  args: readonly string[],
  log: string,
  env?: NodeJS.ProcessEnv,
): Promise<{ code: number | null; workMs: number }> {
  const child = spawnCli(args, env);
  child.stdout!.resume();
  child.stderr!.resume();
  let code: number | null | undefined;
  const exited = new Promise<void>((resolve) =>
    child.on('close', (c) => {
      code = c;
      resolve();
    }),
  );
  while (code === undefined && size(log) === 0) await sleep(5);
  const start = Date.now();
  await exited;
  return { code: code ?? null, workMs: Date.now() - start };
}

/** The kill delay cap for a command whose work takes `workMs`: all kills together use about a quarter of it. */
export function killDelayFor(workMs: number, kills: number): number {
  return Math.max(5, Math.floor(workMs / (2 * kills)));
}

/** Runs `args` again and again, killing it `kills` times, then once to the end. */
export async function runCrashLoop(options: CrashLoopOptions): Promise<CrashLoopReport> {
  const rng = createRng('crash-loop', options.seed);
  let kills = 0,
    tears = 0,
    finishedEarly = 0;
  while (kills < options.kills) {
    const child = spawnCli(options.args, options.env);
    child.stdout!.resume();
    child.stderr!.resume();
    const exited = new Promise<void>((resolve) => child.on('close', () => resolve()));
    let done = false;
    void exited.then(() => (done = true));
    const before = size(options.log);
    while (!done && size(options.log) === before) await sleep(10);
    if (done) {
      finishedEarly++;
      break; // the run ended before this kill: nothing left to interrupt
    }
    await sleep(rng.int(0, options.maxDelayMs));
    child.kill('SIGKILL');
    await exited;
    kills++;
    const inWindow =
      !options.commitFile ||
      !existsSync(options.commitFile) ||
      statSync(options.log).mtimeMs > statSync(options.commitFile).mtimeMs;
    if (rng.next() < 0.5 && inWindow) {
      const text = readFileSync(options.log);
      const lastStart = text.lastIndexOf(0x0a, text.length - 2) + 1;
      if (text.length - lastStart > 2) {
        truncateSync(options.log, rng.int(lastStart + 1, text.length - 1)); // killed mid-write of its last line
        tears++;
      }
    }
  }
  const final = await runCli(options.args, { env: options.env });
  return { kills, tears, finishedEarly, final };
}
