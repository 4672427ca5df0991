// The sandbox a recipe runs code on: remote `r1ci sandbox serve` / SandboxFusion servers when URLs
// are given (or in $R1CI_SANDBOX_URLS), else the local warm pool.
import { createLocalSandbox, createRemoteSandbox, type Sandbox } from '../sandbox/index.js';

/** The URLs of a comma-separated list, else of $R1CI_SANDBOX_URLS; empty for the local pool. */
export function sandboxUrls(urls: string | undefined, env: NodeJS.ProcessEnv = process.env): string[] {
  const text = urls ?? env.R1CI_SANDBOX_URLS ?? '';
  return text
    .split(',')
    .map((url) => url.trim())
    .filter(Boolean);
}

/** Opens the sandbox (pinging remote servers first, so a dead one is one error before the run). */
export async function openSandbox(urls: string | undefined): Promise<Sandbox> {
  const list = sandboxUrls(urls);
  if (!list.length) return createLocalSandbox();
  const remote = createRemoteSandbox({ urls: list });
  await remote.ping();
  return remote;
}
