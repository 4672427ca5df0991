#!/usr/bin/env bash
# Installs what r1ci needs on a fresh machine, idempotently: npm packages, and a Python runtime
# with numpy, sympy, scipy, networkx and torch (a project virtualenv from pip with torch 2.x,
# transformers and PEFT; Debian's apt where pip cannot get them), plus
# bubblewrap for the sandbox and black for lint. Prints what it does; fails with one clear line where it cannot.
set -euo pipefail
cd "$(dirname "$0")/.."

say() { printf '[setup] %s\n' "$*" >&2; }
die() { printf '[setup] error: %s\n' "$*" >&2; exit 1; }

# --- npm packages -----------------------------------------------------------------------------
stamp=node_modules/.r1ci-lock-stamp
if [ ! -d node_modules ] || [ ! -f "$stamp" ] || ! cmp -s package-lock.json "$stamp"; then
  say "installing npm packages (npm ci)"
  npm ci --no-audit --no-fund --loglevel=error \
    || die "npm ci failed: check network access to the npm registry, then rerun"
  cp package-lock.json "$stamp"
fi

# --- Python runtime ---------------------------------------------------------------------------
need_modules="numpy sympy scipy networkx torch"
has_all() { "$1" -c "import $(echo $need_modules | tr ' ' ',')" >/dev/null 2>&1; }

# The project virtualenv (.venv) from learner/requirements.txt: torch 2.x, transformers, PEFT. On
# these machines pip reads a local wheel mirror and its default index is unreachable, so pip is told
# not to retry (a user's machine reads the real index the same way). The learner runs on it; where it
# cannot be made, the learner runs on the interpreter below (Debian's torch 1.13). R1CI_NO_VENV=1
# skips it.
venv=.venv
req_stamp=$venv/.r1ci-requirements-stamp
if [ -z "${R1CI_PYTHON:-}" ] && [ -z "${R1CI_NO_VENV:-}" ] && ! cmp -s learner/requirements.txt "$req_stamp"; then
  base_python=$(command -v python3 || true)
  if [ -n "$base_python" ] && "$base_python" -m venv --help >/dev/null 2>&1; then
    say "making the Python virtualenv $venv (learner/requirements.txt; about a minute)"
    mkdir -p .r1ci
    had_venv=""; [ -x "$venv/bin/python" ] && had_venv=1
    if { [ -n "$had_venv" ] || "$base_python" -m venv "$venv"; } \
      && "$venv/bin/python" -m pip install -q --disable-pip-version-check --retries 1 --timeout 10 \
           -r learner/requirements.txt >.r1ci/setup-venv.log 2>&1; then
      cp learner/requirements.txt "$req_stamp"
    else
      if [ -n "$had_venv" ]; then # an update that failed leaves the working virtualenv as it was
        say "warning: pip could not update $venv to learner/requirements.txt (see .r1ci/setup-venv.log);" \
          "keeping it as it is"
      else
        say "warning: pip could not install learner/requirements.txt (see .r1ci/setup-venv.log);" \
          "the learner uses python3 instead"
        rm -rf "$venv"
      fi
    fi
  fi
fi

# The sandbox runs on a system interpreter: its jailed snippets run under other uids, which cannot
# read a virtualenv's base interpreter under a home folder. Debian's also gives the learner's tests
# torch 1.13 beside the virtualenv's 2.x.
python_ok=""
if [ -n "${R1CI_PYTHON:-}" ]; then
  has_all "$R1CI_PYTHON" && python_ok="$R1CI_PYTHON" \
    || die "R1CI_PYTHON=$R1CI_PYTHON lacks one of: $need_modules" \
      "(install them for that interpreter, or unset R1CI_PYTHON)"
else
  for candidate in /usr/bin/python3 "$(command -v python3 || true)"; do
    [ -n "$candidate" ] && [ -x "$candidate" ] && has_all "$candidate" && { python_ok="$candidate"; break; }
  done
fi

apt_pkgs=""
if [ -z "$python_ok" ]; then
  apt_pkgs="python3 python3-numpy python3-sympy python3-scipy python3-networkx python3-torch"
fi
# protobuf: the learner's binary wire (Tinker's SDK sends forward_backward as protobuf); zstandard: those
# bodies zstd-compressed (the learner offers it in client/config when its Python can decompress them).
if [ -z "$python_ok" ] || { [ "$python_ok" = /usr/bin/python3 ] \
  && ! /usr/bin/python3 -c "import google.protobuf" >/dev/null 2>&1; }; then
  apt_pkgs="$apt_pkgs python3-protobuf"
fi
if [ -z "$python_ok" ] || { [ "$python_ok" = /usr/bin/python3 ] \
  && ! /usr/bin/python3 -c "import zstandard" >/dev/null 2>&1; }; then
  apt_pkgs="$apt_pkgs python3-zstandard"
fi
command -v bwrap >/dev/null 2>&1 || apt_pkgs="$apt_pkgs bubblewrap"
command -v prlimit >/dev/null 2>&1 || apt_pkgs="$apt_pkgs util-linux"
# Headless Chromium renders report.html in the tests (skip with R1CI_NO_BROWSER=1).
[ -n "${R1CI_NO_BROWSER:-}" ] || command -v chromium >/dev/null 2>&1 || apt_pkgs="$apt_pkgs chromium"

# black formats and checks the Python files in `npm run lint` (Debian 12's 23.1, the style that
# pyproject.toml pins; see docs/decisions/0022-formatter.md). Without it only lint fails, so a machine
# where apt cannot install it is told so here and set up all the same.
formatter_pkgs=""
command -v black >/dev/null 2>&1 || formatter_pkgs="black"
if [ -n "$formatter_pkgs" ] && [ -z "$apt_pkgs" ] && { ! command -v apt-get >/dev/null 2>&1 \
  || { [ "$(id -u)" != 0 ] && ! sudo -n true >/dev/null 2>&1; }; }; then
  say "warning: cannot install black here (needs apt-get as root); npm run lint fails until it is installed"
  formatter_pkgs=""
fi
apt_pkgs="$apt_pkgs${formatter_pkgs:+ $formatter_pkgs}"

if [ -n "$apt_pkgs" ]; then
  command -v apt-get >/dev/null 2>&1 \
    || die "missing:$apt_pkgs and no apt-get here; install python3 with $need_modules and bubblewrap," \
      "then set R1CI_PYTHON"
  SUDO=""
  if [ "$(id -u)" != 0 ]; then
    command -v sudo >/dev/null 2>&1 && SUDO="sudo -n" \
      || die "need root to apt-get install$apt_pkgs; run: sudo apt-get install -y$apt_pkgs"
  fi
  say "installing with apt:$apt_pkgs"
  lists_fresh=$(find /var/lib/apt/lists -maxdepth 1 -name '*Packages*' -mmin -1440 2>/dev/null | head -1)
  [ -n "$lists_fresh" ] || $SUDO apt-get update -qq >/dev/null \
    || die "apt-get update failed: check access to Debian's package mirror"
  DEBIAN_FRONTEND=noninteractive $SUDO apt-get install -y -qq --no-install-recommends $apt_pkgs >/dev/null \
    || die "apt-get install$apt_pkgs failed; run it by hand to see why"
  if [ -z "$python_ok" ]; then
    has_all /usr/bin/python3 || die "/usr/bin/python3 still lacks one of: $need_modules after apt-get"
  fi
fi
exit 0
