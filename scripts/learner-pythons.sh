#!/usr/bin/env bash
# The interpreters the learner's Python tests run on. `first`: the one the learner prefers (a .venv
# with torch, else the system's). `others`: Debian's torch 1.13 (/usr/bin/python3) where that is
# another interpreter with torch; npm run test:learning covers it, npm test does not.
set -uo pipefail
cd "$(dirname "$0")/.."
first=$(node --import tsx -e 'import("./src/core/python.ts")
  .then(m => console.log(m.resolvePython({modules: ["torch"], preferVenv: true})))
  .catch(e => { console.error(e.message); process.exit(1); })') || exit 1
case "${1:-}" in
  first) echo "$first" ;;
  others)
    if [ -x /usr/bin/python3 ] && [ "$first" != /usr/bin/python3 ] \
      && /usr/bin/python3 -c 'import torch' >/dev/null 2>&1; then echo /usr/bin/python3; fi ;;
  *) echo "usage: bash scripts/learner-pythons.sh first|others" >&2; exit 2 ;;
esac
