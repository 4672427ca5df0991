// Starts an r1ci HTTP service (`sandbox serve` or `serve`) as a real child process and waits for
// the URL it prints; stops it with SIGTERM (or kills it, for the tests of a dying server).
import type { ChildProcess } from 'node:child_process';
import { spawnCli } from './cli.js';

export type Served = { url: string; child: ChildProcess; output: () => string; stop: () => Promise<void> };

export async function startServe(args: readonly string[], env: NodeJS.ProcessEnv = {}): Promise<Served> {
  const child = spawnCli(args, env);
  child.stdin!.end();
  let output = '';
  const url = await new Promise<string>((resolve, reject) => {
    child.stdout!.on('data', (chunk: Buffer) => {
      output += chunk.toString();
      const match = /listening on (http:\/\/\S+)/.exec(output);
      if (match) resolve(match[1]);
    });
    child.stderr!.on('data', (chunk: Buffer) => (output += chunk.toString()));
    child.on('exit', (code) => reject(new Error(`${args.join(' ')} exited with ${code}: ${output}`)));
  });
  const stop = async () => {
    if (child.exitCode !== null || child.signalCode !== null) return;
    const gone = new Promise((resolve) => child.once('exit', resolve));
    child.kill('SIGTERM');
    await gone;
  };
  return { url, child, output: () => output, stop };
}
