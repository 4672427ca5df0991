#!/usr/bin/env bash
# The whole fast suite: build, type check, lint, the TypeScript tests and the Python learner's
# tests on the learner's interpreter (Debian's torch 1.13 as well: npm run test:learning). Prints each
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

# Steps that use one core run two at a time (2-core machines); each one's output is printed whole
# when it ends, with its wall time. The learner's tests need no build, so they run beside it.
declare -A job_pid job_log job_start
begin() { # name command...
  local name=$1; shift
  job_log[$name]=$(mktemp); job_start[$name]=$SECONDS
  ( "$@" ) >"${job_log[$name]}" 2>&1 &
  job_pid[$name]=$!
}
finish() { # name [tail-lines]: waits for it, prints its output and time; a failure fails the suite
  local name=$1 rc=0
  wait "${job_pid[$name]}" || rc=$?
  printf '\n== %s\n' "$name"
  if [ -n "${2:-}" ]; then tail -n "$2" "${job_log[$name]}"; else cat "${job_log[$name]}"; fi
  printf -- '-- %s: %d s%s\n' "$name" $((SECONDS - job_start[$name])) "$([ $rc -eq 0 ] || echo ", exit $rc")"
  [ $rc -eq 0 ] || status=1
  return $rc
}

# The learner's interpreter: the one it prefers (a .venv with torch, else the system's).
pythons=""
if [ -f learner/run_tests.py ] && [ $# -eq 0 ]; then
  pythons=$(bash scripts/learner-pythons.sh first) || { status=1; pythons=""; }
fi
learner_jobs=()
n=0
for py in $pythons; do
  n=$((n + 1)); learner_jobs+=("learner tests (python: $py)")
done
learner_run() { "$1" learner/run_tests.py --times ".r1ci/learner-times-$2.json"; }
rm -f .r1ci/vitest.json .r1ci/learner-times-*.json

# phase 1: build beside the first learner run
begin "build (tsc)" npm run --silent build
[ ${#learner_jobs[@]} -gt 0 ] && begin "${learner_jobs[0]}" learner_run ${pythons%% *} 1
finish "build (tsc)"
# phase 2: type check and lint beside the rest of the learner's runs
begin "type check (tsc)" npx --no-install tsc -p tsconfig.json --noEmit
# Lint is eslint, then the formatters' check (Prettier, black: about 13 s of one core on a fresh clone).
lint() {
  local rc=0
  npx --no-install eslint --max-warnings 0 --no-error-on-unmatched-pattern src test bench || rc=1
  bash scripts/format.sh check || rc=1
  return $rc
}
begin "lint (eslint, prettier, black)" lint
py_passed=0; py_failed=0
n=0
for py in $pythons; do
  n=$((n + 1)); name=${learner_jobs[$((n - 1))]}
  [ $n -gt 1 ] && begin "$name" learner_run "$py" "$n"
  finish "$name" 40
  line=$(grep -E '^learner: [0-9]+ passed, [0-9]+ failed' "${job_log[$name]}" | tail -1)
  p=$(echo "$line" | sed -E 's/^learner: ([0-9]+) passed.*/\1/'); p=${p:-0}
  f=$(echo "$line" | sed -E 's/.* ([0-9]+) failed.*/\1/'); f=${f:-1}
  py_passed=$((py_passed + p)); py_failed=$((py_failed + f))
done
finish "type check (tsc)"
finish "lint (eslint, prettier, black)"

step "tests (vitest)"
npx --no-install vitest run --reporter=default --reporter=json --outputFile.json=.r1ci/vitest.json "$@" || status=1
took vitest
read -r ts_passed ts_failed < <(node -e '
  try { const r = JSON.parse(require("fs").readFileSync(".r1ci/vitest.json", "utf8"));
        const crashed = r.numTotalTestSuites && r.success === false && r.numFailedTests === 0;
        console.log(`${r.numPassedTests} ${r.numFailedTests + (crashed ? 1 : 0)}`); }
  catch { console.log("0 1"); }')

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
