// The sandbox module: runs model-written Python in a warm, jailed process pool, locally or remotely.
export * from './types.js';
export * from './config.js';
export * from './metrics.js';
export { createLocalSandbox, LocalSandbox, type IsolationReport } from './local-pool.js';
export {
  createSandboxServer,
  createSandboxHandler,
  readJsonBody,
  reply,
  sandboxError,
  DEFAULT_MAX_BODY_BYTES,
  DEFAULT_MAX_FETCH_BYTES,
  DEFAULT_MAX_RUN_TIMEOUT_SECONDS,
  type SandboxServiceOptions,
} from './service.js';
export * from './service-auth.js';
export { createRemoteSandbox, RemoteSandbox, type RemoteSandboxOptions } from './remote-client.js';
export * from './fusion-wire.js';
