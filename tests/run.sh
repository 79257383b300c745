#!/usr/bin/env bash
# Runs the whole test suite; creates or reuses .venv with everything installed.
set -euo pipefail
cd "$(dirname "$0")/.."
. tests/ensure_venv.sh
exec .venv/bin/python -m pytest "$@"
