// Recipes: what the commands do, as functions a TypeScript user can call. Each takes a typed config
// (what its command's schema resolves to), owns the processes it starts (learner, sandbox), reports
// through RecipeEvents and returns its result; the CLI only parses flags and prints.
export * from './types.js';
export * from './open-sandbox.js';
export * from './with-model.js';
export * from './sft.js';
export * from './rl.js';
export * from './eval.js';
export * from './synth.js';
export * from './demo/index.js';
export * from './experiment/index.js';
