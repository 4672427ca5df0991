import { defineConfig } from 'vitest/config';
import ProcessesFirst from './test/sequencer.js';

export default defineConfig({
  test: {
    include: ['src/**/*.test.ts', 'test/**/*.test.ts'],
    // Learning checks (a model must learn something; minutes of CPU) run by `npm run test:learning`.
    exclude: [
      '**/node_modules/**',
      '**/dist/**',
      ...(process.env.R1CI_LEARNING_TESTS ? [] : ['**/*.learning.test.ts']),
    ],
    testTimeout: 60_000,
    hookTimeout: 60_000,
    pool: 'forks',
    maxWorkers: 2,
    // A worker runs its files one after another in one process: modules are imported and caches
    // filled once per worker, not once per file (decision 0024). Test files keep no state they
    // do not reset: test/setup.ts runs before every file.
    isolate: false,
    setupFiles: ['test/setup.ts'],
    // A fresh clone has no recorded durations: files that start processes go first (test/sequencer.ts).
    sequence: { sequencer: ProcessesFirst },
  },
});
