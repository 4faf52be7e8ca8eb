"""Build the tabs' pages in idle time after the first paint, one page per slice.

A page is built when its tab is first opened; on the large database that cost 130-290 ms
(widgets, first queries, first rows) at the moment of the click. :class:`PagePrebuilder`
builds the pages of the tabs (but Reports) ahead of the click instead, in the window's idle time:

- only after the window's first paint, once the other tabs' modules are imported (the
  module preloader's thread has ended: building never imports on the Qt thread);
- one page per step, and the next step only when every query of the previous page has
  come back (``ops.pending == 0``), so each Qt-thread slice is one page's widgets;
- never a page that is already built (opened by the person meanwhile), never a tab the
  signed-in person cannot see (the window only has hosts for visible tabs).

A prebuilt page is the same page the click would have built: it loads its data and
follows events the same way. ``stop()`` (the window is closing) ends it; no timer is left
running once it has finished or stopped.

The garbage collector: the modules, widgets and pages alive when prebuilding starts and
when it ends live as long as the window, yet every full collection walked them all (90-140
ms on the large demo, on whichever thread allocated last: a stall of the window).
``gc.freeze()`` at both moments takes them out of future collections (reference counting
still frees them); ``stop()`` hands them back (``gc.unfreeze()``) so that what the closed
window leaves in reference cycles is collected as before.
"""

from __future__ import annotations

import gc
from collections.abc import Callable, Sequence

from PySide6.QtCore import QObject, QTimer, Signal

# built in this order (Settings builds only its first page); Reports is built when opened:
# its report over the large database holds Python's lock in long stretches on the database
# worker (it stalled the idle window by 80-140 ms each time)
PREBUILT_TABS = ("dashboard", "inbox", "bookings", "contacts", "forms", "inventory", "settings")
STEP_MS = 30  # how often it looks again while the window is busy


class PagePrebuilder(QObject):
    """Builds ``keys`` one at a time via ``build(key)`` whenever ``ready()`` says idle.

    ``ready()`` is true when nothing else is in flight (imports done, no query pending);
    ``built(key)`` tells whether a page exists already. ``finished`` is emitted once, when
    every key is built (or skipped); ``done`` says so afterwards.
    """

    finished = Signal()

    def __init__(
        self,
        keys: Sequence[str],
        *,
        build: Callable[[str], object],
        built: Callable[[str], bool],
        ready: Callable[[], bool],
        parent: QObject | None = None,
    ) -> None:
        super().__init__(parent)
        self._todo = list(keys)
        self._build = build
        self._built = built
        self._ready = ready
        self._stopped = False
        self._frozen = False
        self.done = False
        self.timer = QTimer(self)
        self.timer.setSingleShot(True)
        self.timer.setInterval(STEP_MS)
        self.timer.timeout.connect(self._step)

    def start(self) -> None:
        """Begin (a second call, or one after ``stop()``, does nothing)."""
        if not self._stopped and not self.done and not self.timer.isActive():
            self._freeze()
            self.timer.start()

    def stop(self) -> None:
        """Build nothing more; returns at once."""
        self._stopped = True
        self.timer.stop()
        if self._frozen:
            self._frozen = False
            gc.unfreeze()

    def _step(self) -> None:
        if self._stopped:
            return
        while self._todo and self._built(self._todo[0]):
            self._todo.pop(0)  # opened by the person meanwhile
        if self._ready():
            if not self._todo:  # the last page's queries have come back too
                self.done = True
                self._freeze()  # the built pages too
                self.finished.emit()
                return
            self._build(self._todo.pop(0))
        self.timer.start()

    def _freeze(self) -> None:
        gc.freeze()
        self._frozen = True
