"""`make eval`: run every quality evaluation (each eval_*.py in this folder with a `main()`).

`run_modules` is shared with benchmarks/run.py, which runs the bench_*.py modules the same way.
"""

from __future__ import annotations

import importlib
import sys
import time
from pathlib import Path

HERE = Path(__file__).resolve().parent


def run_modules(folder: Path, prefix: str, names: list[str]) -> int:
    """Run the named modules of `folder` (all `prefix*.py` when none are named), in order."""
    sys.path.insert(0, str(folder))
    modules = names or sorted(p.stem for p in folder.glob(f"{prefix}*.py"))
    for name in modules:
        started = time.perf_counter()
        print(f"== {name}", flush=True)
        importlib.import_module(name).main()
        print(f"== {name} done in {time.perf_counter() - started:.1f} s", flush=True)
    return 0


if __name__ == "__main__":
    raise SystemExit(run_modules(HERE, "eval_", sys.argv[1:]))
