// The training demo: stages over a shared context.
export * from './tasks.js';
export * from './context.js';
export * from './stages.js';
export * from './report.js';
export * from './rl-stage.js';
export * from './run-demo.js';
