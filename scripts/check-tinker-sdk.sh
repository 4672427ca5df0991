#!/usr/bin/env bash
# The real Tinker SDK (from a local checkout) as a client of r1ci's learner on the tiny preset:
# scripts/check_tinker_sdk.py's checks. Needs the SDK's source and a venv prepared by hand, so it never runs in CI
# (docs/rl.md, "Compatibility", has the recorded run).
#
#   scripts/check-tinker-sdk.sh TINKER_SRC VENV
#
# TINKER_SRC: the src/ folder of a checkout of thinking-machines-lab/tinker; VENV: a Python >= 3.11 venv with
# what the SDK imports (httpx[http2], pydantic 2, anyio, distro, sniffio, numpy, protobuf, transformers, rich,
# click, orjson, zstandard; pyqwest is not needed: our learner turns that transport off). Keep both outside
# this repository.
set -euo pipefail
[ $# -ge 2 ] || { echo "usage: $0 TINKER_SRC VENV" >&2; exit 2; }
tinker=$(realpath "$1"); venv=$(realpath "$2")
repo=$(cd "$(dirname "$0")/.." && pwd)
[ -f "$tinker/tinker/__init__.py" ] || { echo "no tinker/ under $tinker: pass the SDK checkout's src/" >&2; exit 2; }
work=$(mktemp -d "${TMPDIR:-/tmp}/r1ci-sdk-check-XXXXXX")
port=${PORT:-8012}
key="tml-r1ci-check-$RANDOM"  # the SDK refuses keys without the tml- prefix
# The SDK's __init__ reads its version from installed metadata, which a source checkout lacks.
version=$(grep -m1 '^version' "$tinker/../pyproject.toml" 2>/dev/null | cut -d'"' -f2)
version=${version:-0.0.0}
mkdir -p "$work/shim/tinker-$version.dist-info"
printf 'Metadata-Version: 2.1\nName: tinker\nVersion: %s\n' "$version" > "$work/shim/tinker-$version.dist-info/METADATA"

cd "$repo"
R1CI_LEARNER_TOKEN=$key setsid nice -n 15 .venv/bin/python -m learner.server --port "$port" --state-dir "$work/state" \
  --threads 1 > "$work/learner.log" 2>&1 &
learner=$!
trap 'kill -- -$learner 2>/dev/null || true; rm -rf "$work"' EXIT
for _ in $(seq 1 60); do
  curl -sf "http://127.0.0.1:$port/api/v1/healthz" > /dev/null && break
  kill -0 $learner 2>/dev/null || { cat "$work/learner.log" >&2; exit 1; }
  sleep 1
done
TINKER_BASE_URL="http://127.0.0.1:$port" TINKER_API_KEY=$key PYTHONPATH="$work/shim:$tinker" \
  nice -n 15 "$venv/bin/python" scripts/check_tinker_sdk.py
