#!/usr/bin/env bash
# The README's main job (npm run demo; setup.sh runs first): build the CLI if needed, then run it.
set -euo pipefail
cd "$(dirname "$0")/.."
if [ ! -f dist/cli/main.js ] || [ -n "$(find src -name '*.ts' -newer dist/cli/main.js -print -quit)" ]; then
  npx --no-install tsc -p tsconfig.build.json
fi
exec node bin/r1ci.js demo "$@"
