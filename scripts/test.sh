#!/usr/bin/env bash
# Sets up everything the tests need and runs every test, on SQLite and on a real PostgreSQL.
# A PostgreSQL server on 127.0.0.1:5432 is used when one runs; otherwise a private one is started.
set -euo pipefail
cd "$(dirname "$0")/.."
bash scripts/setup.sh --test

pgdir=""
cleanup() {
  if [ -n "$pgdir" ]; then
    runuser -u postgres -- "$pgbin/pg_ctl" -D "$pgdir" -m fast -w stop >/dev/null 2>&1 || true
    rm -rf "$pgdir"
  fi
}
trap cleanup EXIT

if [ -z "${PARKGOV_TEST_PG_URL:-}" ]; then
  if pg_isready -q -h 127.0.0.1 -p 5432 2>/dev/null; then
    export PARKGOV_TEST_PG_URL="postgresql+psycopg://postgres@127.0.0.1:5432/postgres"
  else
    pgbin=$(ls -d /usr/lib/postgresql/*/bin | sort -V | tail -n 1)
    pgdir=$(mktemp -d /tmp/parkgov-pg.XXXXXX)
    chown postgres "$pgdir"
    port=55432
    runuser -u postgres -- "$pgbin/initdb" -D "$pgdir" -U postgres -A trust -E UTF8 --locale=C.UTF-8 >/dev/null
    runuser -u postgres -- "$pgbin/pg_ctl" -D "$pgdir" -l "$pgdir/log" \
      -o "-p $port -k $pgdir -c listen_addresses=127.0.0.1" -w start >/dev/null
    export PARKGOV_TEST_PG_URL="postgresql+psycopg://postgres@127.0.0.1:$port/postgres"
  fi
fi
echo "PostgreSQL for tests: $PARKGOV_TEST_PG_URL"
rm -rf "${HOME}/.cache/matplotlib"
.venv/bin/python -m pytest -q -n auto "$@"
