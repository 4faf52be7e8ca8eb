"""For the start-up benchmark of the frozen app (``tests/benchmarks/startup.py --frozen``).

A frozen program cannot be hooked from outside as the source benchmark hooks
``python -c``; so with ``CAREOPS_STARTUP_PROBE=1`` in its environment the main window
prints ``STARTUP {"painted": <epoch s>, "cpu": <process s>}`` at its first paint and the
process ends at once. Without the variable nothing changes.
"""

from __future__ import annotations

import json
import os
import sys
import time

from PySide6.QtWidgets import QMainWindow

PROBE_VARIABLE = "CAREOPS_STARTUP_PROBE"


def arm(window: QMainWindow) -> None:
    """Report and exit at ``window``'s first paint when the probe variable is set."""
    if os.environ.get(PROBE_VARIABLE) != "1":
        return

    def painted() -> None:
        marks = {"painted": time.time(), "cpu": time.process_time()}
        stream = sys.stdout or sys.stderr
        if stream is not None:
            stream.write("STARTUP " + json.dumps(marks) + "\n")
            stream.flush()
        os._exit(0)

    window.firstPainted.connect(painted)  # type: ignore[attr-defined]
