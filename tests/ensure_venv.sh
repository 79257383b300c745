# Sourced by tests/run.sh and examples/tour.sh: make .venv and install the
# project (editable, with the dev extra) when it is missing or pyproject.toml changed.
if [ ! -x .venv/bin/python ]; then
  python3 -m venv .venv
fi
if [ ! -f .venv/.installed ] || [ pyproject.toml -nt .venv/.installed ]; then
  .venv/bin/python -m pip install --quiet --disable-pip-version-check -e '.[dev]' >&2
  touch .venv/.installed
fi
