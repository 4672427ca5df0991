// The sandbox module: runs model-written Python in a warm, jailed process pool, locally or remotely.
export * from './types.js';
export * from './config.js';
export * from './metrics.js';
export { createLocalSandbox, LocalSandbox, type IsolationReport } from './local-pool.js';
export { createSandboxServer, DEFAULT_MAX_BODY_BYTES, type SandboxServiceOptions } from './service.js';
export { createRemoteSandbox, RemoteSandbox, type RemoteSandboxOptions } from './remote-client.js';
export * from './fusion-wire.js';
