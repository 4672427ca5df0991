// Finds the Python learner package (learner/server.py) from here, both when running from src/
// (vitest, tsx) and from the built dist/: walk up to the package root that holds learner/.
import { existsSync } from 'node:fs';
import { dirname, join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import { LearnerError } from '../core/index.js';

/** The directory that contains `learner/` (R1CI_LEARNER_ROOT overrides). */
export function learnerRoot(env: NodeJS.ProcessEnv = process.env): string {
  const explicit = env.R1CI_LEARNER_ROOT;
  if (explicit) {
    if (!existsSync(join(explicit, 'learner', 'server.py')))
      throw new LearnerError(`R1CI_LEARNER_ROOT=${explicit} has no learner/server.py`);
    return resolve(explicit);
  }
  let dir = dirname(fileURLToPath(import.meta.url));
  for (let i = 0; i < 8; i++) {
    if (existsSync(join(dir, 'learner', 'server.py')) && existsSync(join(dir, 'package.json'))) return dir;
    const parent = dirname(dir);
    if (parent === dir) break;
    dir = parent;
  }
  throw new LearnerError(
    'cannot find the Python learner (learner/server.py) above the r1ci package: reinstall r1ci or set ' +
      'R1CI_LEARNER_ROOT to the folder that contains learner/',
  );
}
