#!/usr/bin/env node
// The r1ci command: runs the built CLI (npm run build writes dist/).
import { existsSync } from 'node:fs';
import { fileURLToPath, pathToFileURL } from 'node:url';
import { dirname, join } from 'node:path';

const root = dirname(dirname(fileURLToPath(import.meta.url)));
const entry = join(root, 'dist', 'cli', 'run.js');
if (!existsSync(entry)) {
  process.stderr.write(
    'r1ci: the CLI is not built yet; run `npm run build` (or `bash scripts/setup.sh`) in ' + root + '\n',
  );
  process.exit(2);
}
await import(pathToFileURL(entry).href);
