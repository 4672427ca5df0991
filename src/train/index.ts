// Training: SFT and RL loops over the learner API, and the pieces they share.
export * from './types.js';
export * from './sequence.js';
