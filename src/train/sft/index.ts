// Multi-turn SFT over the learner API.
export * from './types.js';
export * from './build-sequence.js';
export * from './schedule.js';
export * from './run-sft.js';
export * from './model.js';
