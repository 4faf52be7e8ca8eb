"""Import the other tabs' modules in the background once the window has painted.

A tab's module (and what it imports: charts, the week calendar, dialogs) is imported
when the tab is first opened (``tabs.lazy``), which made the first switch to a tab cost
a few hundred milliseconds on the Qt thread. :class:`ModulePreloader` imports those
modules on a thread of its own after the window's first paint, while the Qt loop is
idle, so the first switch finds them imported (or waits only for the rest of the one
module being imported).

A module may name more modules it imports lazily in ``PRELOAD_MODULES`` (the Settings
tab: its pages' modules); those are imported after it, on the same thread.

Only importing happens on the thread: modules in ``careops_desktop.ui`` create no Qt
objects at import time, and every widget is still built on the Qt thread. ``stop()``
ends the thread after the module it is importing; ``wait()`` joins it (the window does
both when it shuts down; the thread is a daemon so that it never holds up an exit).
"""

from __future__ import annotations

import importlib
import logging
import sys
import threading
from collections.abc import Iterable

log = logging.getLogger(__name__)


class ModulePreloader:
    """Imports a list of modules, in order, on one background thread (started once)."""

    def __init__(self) -> None:
        self._thread: threading.Thread | None = None
        self._stop = threading.Event()
        self.imported: list[str] = []

    @property
    def started(self) -> bool:
        return self._thread is not None

    @property
    def running(self) -> bool:
        return self._thread is not None and self._thread.is_alive()

    def start(self, modules: Iterable[str]) -> None:
        """Begin importing ``modules`` (those not imported yet); a second call does nothing."""
        if self._thread is not None or self._stop.is_set():
            return
        todo = [name for name in dict.fromkeys(modules) if name not in sys.modules]
        self._thread = threading.Thread(
            target=self._run, args=(todo,), name="careops-preload", daemon=True
        )
        self._thread.start()

    def stop(self) -> None:
        """Import nothing more (the module being imported is finished); returns at once."""
        self._stop.set()

    def wait(self, timeout: float | None = None) -> bool:
        """Join the thread; True when it has ended (or never started)."""
        if self._thread is not None:
            self._thread.join(timeout)
        return not self.running

    def _run(self, modules: list[str]) -> None:
        todo = list(modules)
        while todo:
            name = todo.pop(0)
            if self._stop.is_set():
                return
            try:
                module = importlib.import_module(name)
                more = getattr(module, "PRELOAD_MODULES", ())
            except Exception:  # the tab itself reports the failure when it is opened
                log.debug("preloading %s failed", name, exc_info=True)
            else:
                self.imported.append(name)
                todo[:0] = [m for m in more if isinstance(m, str) and m not in sys.modules]
