// Evaluation: the harness, metrics, model specs, reports and comparisons.
export * from './types.js';
export * from './metrics.js';
export * from './model-spec.js';
export * from './run-eval.js';
export * from './preflight.js';
export * from './compare.js';
export * from './report/types.js';
export * from './report/html.js';
export * from './report/markdown.js';
export * from './report/write-reports.js';
