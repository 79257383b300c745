#!/usr/bin/env bash
# The Obelisk tour: creates or reuses .venv, then runs examples/tour.py: three nodes, three
# workers (one lazy) and a client on loopback (--json: one JSON document; --datadir DIR: keep
# the data). examples/library_tour.py tells the single-process story.
set -euo pipefail
cd "$(dirname "$0")/.."
. tests/ensure_venv.sh
exec .venv/bin/python examples/tour.py "$@"
