#!/usr/bin/env bash
# The Obelisk tour: creates or reuses .venv, then runs examples/tour.py
# (options: --json for a machine-readable summary, --datadir DIR to keep the chain).
set -euo pipefail
cd "$(dirname "$0")/.."
. tests/ensure_venv.sh
exec .venv/bin/python examples/tour.py "$@"
