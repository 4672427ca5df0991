// RL algorithms as pure functions: advantage estimators, the reward, group filtering.
export * from './advantages.js';
export * from './reward.js';
export * from './filter.js';
