// The r1ci library: everything the CLI does is available here, the recipes (whole commands as
// functions) and the library they are built from.
export * from './core/index.js';
export * from './tasks/index.js';
export * from './sandbox/index.js';
export * from './backends/index.js';
export * from './learner/index.js';
export * from './agent/index.js';
export * from './eval/index.js';
export * from './train/index.js';
export * from './service/index.js';
export * from './recipes/index.js';
// Two modules name a StopReason: an episode's (why it ended) is the package's; a learner sample's is
// SampleStopReason.
export type { StopReason } from './agent/index.js';
export type { StopReason as SampleStopReason } from './learner/index.js';
