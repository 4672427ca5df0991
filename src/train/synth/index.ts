// SFT data synthesis: rejection sampling through the real loop, records, and exports.
export * from './types.js';
export * from './variants.js';
export * from './record.js';
export * from './run-synth.js';
export * from './exports.js';
export * from './parquet.js';
export * from './write-exports.js';
