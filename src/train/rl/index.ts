// RL with code execution in the loop: config, rollouts, batches, the loop and its report.
export * from './types.js';
export * from './config.js';
export * from './batch.js';
export * from './activity.js';
export * from './rollouts.js';
export * from './train-step.js';
export * from './step-metrics.js';
export * from './run-state.js';
export * from './report.js';
export * from './run-rl.js';
export * from './oracle-warm-start.js';
export * from './init-model.js';
export * from './vllm-rollouts.js';
export * from './schedule.js';
export * from './dynamic-sampling.js';
