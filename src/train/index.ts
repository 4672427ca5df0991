// Training: SFT and RL loops over the learner API, and the pieces they share.
export * from './types.js';
export * from './sequence.js';
export * from './algos/index.js';
export * from './curriculum.js';
export * from './curriculum-estimate.js';
export * from './rl/index.js';
export * from './minimal-grpo.js';
export * from './synth/index.js';
export * from './sft/index.js';
export * from './minimal-sft.js';
