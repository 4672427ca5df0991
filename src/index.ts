// The r1ci library: everything the CLI does is available here.
export * from './core/index.js';
export * from './tasks/index.js';
export * from './recipes/index.js';
