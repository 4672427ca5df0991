// Test setup: point the data directory at the shared fixtures when they exist (tests that need
// them skip with a message otherwise), and keep BLAS single-threaded on small machines.
import { setDataDir } from '../src/tasks/data.js';
import { HAS_SHARED_DATA, SHARED_DATA_DIR } from './helpers/shared-data.js';

if (HAS_SHARED_DATA) setDataDir(SHARED_DATA_DIR);
process.env.OPENBLAS_NUM_THREADS ??= '1';
