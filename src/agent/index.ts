// The code-interpreter agent loop and the paper's baseline agents.
export * from './types.js';
export * from './prompts.js';
export * from './parse-code-blocks.js';
export * from './render-exec-result.js';
export * from './run-episode.js';
export * from './pipeline.js';
export * from './config.js';
export * from './oracle.js';
