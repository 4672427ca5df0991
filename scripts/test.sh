#!/usr/bin/env bash
# The whole fast suite: build, type check, lint, the TypeScript tests and the Python learner's
# tests (on the learner's interpreter, and on Debian's torch 1.13 too where both exist). Prints each
# step's wall time and the 10 slowest tests, then one plain line `tests: N passed, N failed`.
# (npm test runs setup.sh first; the learning checks are `npm run test:learning`.)
set -uo pipefail
cd "$(dirname "$0")/.."
mkdir -p .r1ci
status=0
suite_start=$SECONDS
step_start=$SECONDS
step() { printf '\n== %s\n' "$1"; step_start=$SECONDS; }
took() { printf -- '-- %s: %d s\n' "$1" $((SECONDS - step_start)); }

step "build (tsc)";      npx --no-install tsc -p tsconfig.build.json || status=1; took build
step "type check (tsc)"; npx --no-install tsc -p tsconfig.json --noEmit || status=1; took "type check"
step "lint (eslint)";    npx --no-install eslint --max-warnings 0 --no-error-on-unmatched-pattern src test bench || status=1
took lint

step "tests (vitest)"
rm -f .r1ci/vitest.json .r1ci/learner-times-*.json
npx --no-install vitest run --reporter=default --reporter=json --outputFile.json=.r1ci/vitest.json "$@" || status=1
took vitest
read -r ts_passed ts_failed < <(node -e '
  try { const r = JSON.parse(require("fs").readFileSync(".r1ci/vitest.json", "utf8"));
        console.log(r.numPassedTests, r.numFailedTests + (r.numTotalTestSuites && r.success === false && r.numFailedTests === 0 ? 1 : 0)); }
  catch { console.log(0, 1); }')

py_passed=0; py_failed=0
if [ -f learner/run_tests.py ] && [ $# -eq 0 ]; then
  learner_py=$(node -e 'import("./dist/core/python.js").then(m => console.log(m.resolvePython({modules: ["torch"], preferVenv: true}))).catch(e => { console.error(e.message); process.exit(1); })') || { status=1; learner_py=""; }
  pythons=$learner_py
  if [ -n "$learner_py" ] && [ -x /usr/bin/python3 ] && [ "$learner_py" != /usr/bin/python3 ] \
    && /usr/bin/python3 -c 'import torch' >/dev/null 2>&1; then pythons="$learner_py /usr/bin/python3"; fi
  n=0
  for py in $pythons; do
    n=$((n + 1))
    step "learner tests (python: $py)"
    out=$("$py" learner/run_tests.py --times ".r1ci/learner-times-$n.json" 2>&1); rc=$?
    printf '%s\n' "$out" | tail -40
    line=$(printf '%s\n' "$out" | grep -E '^learner: [0-9]+ passed, [0-9]+ failed' | tail -1)
    p=$(echo "$line" | sed -E 's/^learner: ([0-9]+) passed.*/\1/'); p=${p:-0}
    f=$(echo "$line" | sed -E 's/.* ([0-9]+) failed.*/\1/'); f=${f:-1}
    py_passed=$((py_passed + p)); py_failed=$((py_failed + f))
    [ $rc -eq 0 ] || status=1
    took "learner tests"
  done
fi

step "the 10 slowest tests"
node -e '
  const fs = require("fs"), rows = [];
  try {
    for (const file of JSON.parse(fs.readFileSync(".r1ci/vitest.json", "utf8")).testResults)
      for (const a of file.assertionResults)
        rows.push([(a.duration ?? 0) / 1000, file.name.replace(process.cwd() + "/", "") + " > " + a.title]);
  } catch {}
  for (const name of fs.readdirSync(".r1ci").filter((n) => n.startsWith("learner-times-"))) {
    const r = JSON.parse(fs.readFileSync(".r1ci/" + name, "utf8"));
    for (const [id, s] of Object.entries(r.times)) rows.push([s, `learner (torch ${r.torch}) > ${id}`]);
  }
  rows.sort((a, b) => b[0] - a[0]);
  for (const [s, name] of rows.slice(0, 10)) console.log(`${s.toFixed(1).padStart(6)} s  ${name.slice(0, 150)}`);'
printf -- '-- whole suite: %d s\n' $((SECONDS - suite_start))

passed=$((ts_passed + py_passed)); failed=$((ts_failed + py_failed))
[ $status -eq 0 ] || [ $failed -gt 0 ] || failed=1
echo
echo "tests: $passed passed, $failed failed"
exit $status
