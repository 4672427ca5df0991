// The task suite: the task API, the registry, answer extraction and the split.
export * from './types.js';
export * from './answer.js';
export * from './options.js';
export * from './define-task.js';
export * from './catalogue.js';
export * from './split.js';
export * from './registry.js';
export * from './data.js';
export * from './docs.js';
