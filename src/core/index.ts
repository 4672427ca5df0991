// The shared vocabulary of r1ci: errors, seeded randomness, JSON values, the Python interpreter,
// progress reports.
export * from './errors.js';
export * from './rng.js';
export * from './json.js';
export * from './python.js';
export * from './progress.js';
export * from './jsonl-log.js';
export * from './run-lock.js';
