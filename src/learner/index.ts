// The learner module: the typed client of the Tinker-shaped training API and the local launcher.
export * from './types.js';
export * from './client.js';
export * from './training-client.js';
export * from './launcher.js';
export * from './locate.js';
export * from './tiny-preset.js';
export * from './token-backend.js';
export * from './wire.js';
export * from './zstd.js';
export * from './plan.js';
export * from './with-learner.js';
