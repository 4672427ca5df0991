#!/usr/bin/env bash
# The learning checks: runs in which a model must learn something (minutes of CPU each), kept out of
# the fast suite. Files named *.learning.test.ts. Ends with `learning: N passed, N failed`.
set -uo pipefail
cd "$(dirname "$0")/.."
mkdir -p .r1ci
npx --no-install tsc -p tsconfig.build.json || exit 1
R1CI_LEARNING_TESTS=1 npx --no-install vitest run --reporter=default --reporter=json \
  --outputFile.json=.r1ci/vitest-learning.json "$@" $( [ $# -eq 0 ] && echo '.learning.test.ts' )
status=$?
node -e '
  try { const r = JSON.parse(require("fs").readFileSync(".r1ci/vitest-learning.json", "utf8"));
        console.log(`learning: ${r.numPassedTests} passed, ${r.numFailedTests} failed`); }
  catch { console.log("learning: 0 passed, 1 failed"); }'
exit $status
