// The experiment set: the paper's findings, reproduced at small scale with seeds, splits and controls.
export * from './settings.js';
export * from './stats.js';
export * from './run-experiment.js';
export * from './report.js';
