"""Named crash points for testing atomicity: the process kills itself where a test asks.

`LINEWATCH_FAILPOINT=<name>` makes `failpoint(name)` send SIGKILL to this process, so tests can
prove that a crash at that exact point leaves the store as it was. Unset, it does nothing.
"""

from __future__ import annotations

import os
import signal


def failpoint(name: str) -> None:
    """Die by SIGKILL here when LINEWATCH_FAILPOINT names this point."""
    if os.environ.get("LINEWATCH_FAILPOINT") == name:
        os.kill(os.getpid(), signal.SIGKILL)
