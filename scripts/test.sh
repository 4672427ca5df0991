#!/usr/bin/env bash
# The whole test suite: build, type check, lint, the TypeScript tests and the Python learner's
# tests. Ends with one plain line `tests: N passed, N failed`. (npm test runs setup.sh first.)
set -uo pipefail
cd "$(dirname "$0")/.."
mkdir -p .r1ci
status=0
step() { printf '\n== %s\n' "$1"; }

step "build (tsc)";      npx --no-install tsc -p tsconfig.build.json || status=1
step "type check (tsc)"; npx --no-install tsc -p tsconfig.json --noEmit || status=1
step "lint (eslint)";    npx --no-install eslint --max-warnings 0 --no-error-on-unmatched-pattern src test bench || status=1

step "tests (vitest)"
rm -f .r1ci/vitest.json
npx --no-install vitest run --reporter=default --reporter=json --outputFile.json=.r1ci/vitest.json "$@" || status=1
read -r ts_passed ts_failed < <(node -e '
  try { const r = JSON.parse(require("fs").readFileSync(".r1ci/vitest.json", "utf8"));
        console.log(r.numPassedTests, r.numFailedTests + (r.numTotalTestSuites && r.success === false && r.numFailedTests === 0 ? 1 : 0)); }
  catch { console.log(0, 1); }')

py_passed=0; py_failed=0
if [ -f learner/run_tests.py ] && [ $# -eq 0 ]; then
  step "learner tests (python)"
  py=$(node -e 'import("./dist/core/python.js").then(m => console.log(m.resolvePython({modules: ["torch"]}))).catch(e => { console.error(e.message); process.exit(1); })') || { status=1; py=""; }
  if [ -n "$py" ]; then
    out=$("$py" learner/run_tests.py 2>&1); rc=$?
    printf '%s\n' "$out" | tail -40
    line=$(printf '%s\n' "$out" | grep -E '^learner: [0-9]+ passed, [0-9]+ failed' | tail -1)
    py_passed=$(echo "$line" | sed -E 's/^learner: ([0-9]+) passed.*/\1/'); py_passed=${py_passed:-0}
    py_failed=$(echo "$line" | sed -E 's/.* ([0-9]+) failed.*/\1/'); py_failed=${py_failed:-1}
    [ $rc -eq 0 ] || status=1
  fi
fi

passed=$((ts_passed + py_passed)); failed=$((ts_failed + py_failed))
[ $status -eq 0 ] || [ $failed -gt 0 ] || failed=1
echo
echo "tests: $passed passed, $failed failed"
exit $status
