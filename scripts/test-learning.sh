#!/usr/bin/env bash
# The learning checks: runs in which a model must learn something (minutes of CPU each), kept out of
# the fast suite. Files named *.learning.test.ts, and the learner's Python tests on Debian's torch
# 1.13 where the learner itself runs on another torch. Ends with `learning: N passed, N failed`.
set -uo pipefail
cd "$(dirname "$0")/.."
mkdir -p .r1ci
npx --no-install tsc -p tsconfig.build.json || exit 1
py_status=0
if [ $# -eq 0 ]; then
  for py in $(bash scripts/learner-pythons.sh others); do
    echo "== learner tests (python: $py)"
    "$py" learner/run_tests.py --times .r1ci/learner-times-learning.json 2>&1 | tail -n 40
    [ "${PIPESTATUS[0]}" -eq 0 ] || py_status=1
  done
fi
R1CI_LEARNING_TESTS=1 npx --no-install vitest run --reporter=default --reporter=json \
  --outputFile.json=.r1ci/vitest-learning.json "$@" $( [ $# -eq 0 ] && echo '.learning.test.ts' )
status=$?
[ $py_status -eq 0 ] || status=1
node -e '
  try { const r = JSON.parse(require("fs").readFileSync(".r1ci/vitest-learning.json", "utf8"));
        console.log(`learning: ${r.numPassedTests} passed, ${r.numFailedTests} failed`); }
  catch { console.log("learning: 0 passed, 1 failed"); }'
exit $status
