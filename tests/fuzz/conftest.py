"""The fuzz parts are modules beside these tests (bench/fuzz.py runs them at length): make them importable."""
import sys
from pathlib import Path

HERE = str(Path(__file__).resolve().parent)
if HERE not in sys.path:
    sys.path.insert(0, HERE)
