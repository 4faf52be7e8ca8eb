"""Garbage collection on the Qt thread only, while the window runs.

CPython's collector runs in whichever thread allocates when a threshold is passed. In
the window's process that is often the database worker or the booking page's listener
thread. A reference cycle holding a Qt object (a dialog and a closure that refers back to
it, say) is then destroyed on that thread, in the middle of whatever the Qt thread is
doing: a use-after-free, seen as a segfault while Qt paints a button. So the automatic
collector is off while the window runs and a timer on the Qt thread collects instead,
which is also what Anki's desktop does for the same reason. Reference counting still
frees everything that is not in a cycle at once, on the thread that drops it; only
cycles wait for the timer.
"""

from __future__ import annotations

import gc
import logging

from PySide6.QtCore import QObject, QTimer

log = logging.getLogger(__name__)

INTERVAL_MS = 5_000  # a young collection every 5 s: cycles do not pile up
FULL_EVERY = 12  # and a full one every minute (cheap after ``gc.freeze()``)


class QtThreadCollector(QObject):
    """Turns the automatic collector off and collects on a Qt-thread timer instead.

    ``start()`` on the Qt thread; ``stop()`` puts the automatic collector back as it was
    and collects once more, still on the Qt thread.
    """

    def __init__(self, parent: QObject | None = None) -> None:
        super().__init__(parent)
        self._timer = QTimer(self)
        self._timer.setInterval(INTERVAL_MS)
        self._timer.timeout.connect(self.collect)
        self._ticks = 0
        self._was_enabled: bool | None = None

    def start(self) -> None:
        """From now on cycles are collected here, on the Qt thread, and nowhere else."""
        if self._was_enabled is None:
            self._was_enabled = gc.isenabled()
        gc.disable()
        self._timer.start()

    def collect(self) -> int:
        """One collection now (a full one every :data:`FULL_EVERY` calls); objects freed."""
        self._ticks += 1
        generation = 2 if self._ticks % FULL_EVERY == 0 else 1
        return gc.collect(generation)

    def stop(self) -> None:
        """Stop the timer, collect once more and give the collector back as it was."""
        self._timer.stop()
        gc.collect()
        if self._was_enabled:
            gc.enable()
        self._was_enabled = None
