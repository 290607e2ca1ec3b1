#!/usr/bin/env bash
# Sets up .venv and runs `parkgov demo`: five demo parks on SQLite, the web app on 127.0.0.1:8000.
set -euo pipefail
cd "$(dirname "$0")/.."
bash scripts/setup.sh
exec .venv/bin/parkgov demo "$@"
