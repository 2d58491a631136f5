"""`make bench`: run every speed benchmark (each bench_*.py in this folder with a `main()`)."""

from __future__ import annotations

import runpy
import sys
from pathlib import Path

HERE = Path(__file__).resolve().parent

if __name__ == "__main__":
    runner = runpy.run_path(str(HERE.parent / "evaluation" / "run.py"))
    raise SystemExit(runner["run_modules"](HERE, "bench_", sys.argv[1:]))
