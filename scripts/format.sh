#!/usr/bin/env bash
# Formats the code or checks that it is formatted: Prettier for TypeScript and JavaScript, black for
# Python, both at 120 characters a line (.prettierrc.json, pyproject.toml). `npm run format` writes;
# `npm run lint` checks. Usage: bash scripts/format.sh check|write. R1CI_BLACK names another black.
set -uo pipefail
cd "$(dirname "$0")/.."

mode=${1:-}
case "$mode" in
  check | write) ;;
  *) echo "usage: bash scripts/format.sh check|write" >&2; exit 2 ;;
esac
status=0
unformatted=""

# Prettier reads .gitignore and .prettierignore; only code is formatted (docs keep their hand layout).
# --cache skips files unchanged since the last pass (node_modules/.cache/prettier; keyed on content).
prettier=node_modules/.bin/prettier
if [ ! -x "$prettier" ]; then
  echo "format: $prettier is missing; run npm ci (or npm run setup) first" >&2
  status=1
elif [ "$mode" = check ]; then
  "$prettier" --check --cache --log-level warn '**/*.{ts,js}' || { status=1; unformatted=1; }
else
  "$prettier" --write --cache --log-level warn '**/*.{ts,js}' || status=1
fi

# black reads pyproject.toml (its required-version refuses a black whose style differs) and skips
# what .gitignore lists. A missing black fails the check: the Python files would go unchecked.
black=${R1CI_BLACK:-black}
if ! command -v "$black" >/dev/null 2>&1; then
  echo "format: $black not found, so the Python files were neither checked nor formatted;" \
    "install it with npm run setup (apt-get install black)" >&2
  status=1
elif [ "$mode" = check ]; then
  out=$("$black" --check . 2>&1) || { printf '%s\n' "$out" >&2; status=1; unformatted=1; }
else
  "$black" --quiet . || status=1
fi

[ -z "$unformatted" ] || echo "format: the files named above are not formatted; npm run format rewrites them" >&2
exit $status
