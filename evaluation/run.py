"""`make eval`: run every quality evaluation (each module in this folder with a `main()`)."""

from __future__ import annotations

import importlib
import sys
import time
from pathlib import Path

HERE = Path(__file__).resolve().parent


def main(names: list[str]) -> int:
    """Run the named evaluations (all when none are named); each writes its docs table."""
    sys.path.insert(0, str(HERE))
    modules = names or sorted(p.stem for p in HERE.glob("eval_*.py"))
    for name in modules:
        started = time.perf_counter()
        print(f"== {name}", flush=True)
        importlib.import_module(name).main()
        print(f"== {name} done in {time.perf_counter() - started:.1f} s", flush=True)
    return 0


if __name__ == "__main__":
    raise SystemExit(main(sys.argv[1:]))
