#!/usr/bin/env bash
# Creates .venv and installs parkgov into it. With --test it also installs what the
# tests need: the test extras and Debian's chromium, CJK fonts, LibreOffice, poppler
# and PostgreSQL; with --bench what benchmarks/ledger_bench.py needs: wrk and
# PostgreSQL (only the ones that are missing).
set -euo pipefail
cd "$(dirname "$0")/.."

want_test=0
want_bench=0
for arg in "$@"; do
  case "$arg" in
    --test) want_test=1 ;;
    --bench) want_bench=1 ;;
  esac
done

apt_install() {
  local missing=()
  for pkg in "$@"; do
    dpkg -s "$pkg" >/dev/null 2>&1 || missing+=("$pkg")
  done
  [ ${#missing[@]} -eq 0 ] && return 0
  echo "installing Debian packages: ${missing[*]}"
  local sudo=""
  [ "$(id -u)" -ne 0 ] && sudo="sudo"
  $sudo apt-get update -qq
  DEBIAN_FRONTEND=noninteractive $sudo apt-get install -y -qq "${missing[@]}" >/dev/null
}

if [ "$want_test" = 1 ]; then
  apt_install chromium fonts-noto-cjk libreoffice-writer-nogui libreoffice-calc-nogui poppler-utils postgresql
else
  apt_install fonts-noto-cjk
fi
if [ "$want_bench" = 1 ]; then
  apt_install wrk postgresql
fi

bash scripts/vendor_assets.sh

PY=${PYTHON:-python3}
if [ ! -x .venv/bin/python ]; then
  "$PY" -m venv .venv
fi
.venv/bin/python -m pip install -q --upgrade pip 2>&1 | grep -v "is ignored" || true
if [ "$want_test" = 1 ]; then
  .venv/bin/python -m pip install -q -e '.[test]' 2>&1 | grep -v "is ignored" || true
else
  .venv/bin/python -m pip install -q -e . 2>&1 | grep -v "is ignored" || true
fi
.venv/bin/python -c "import parkgov" || { echo "parkgov did not install" >&2; exit 1; }
