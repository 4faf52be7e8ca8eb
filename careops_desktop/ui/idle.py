"""Notice when nobody has touched the app for a while, so the window can lock itself."""

from __future__ import annotations

import time

from PySide6.QtCore import QEvent, QObject, QTimer, Signal
from PySide6.QtWidgets import QApplication

_INPUT_EVENTS = {
    QEvent.Type.KeyPress,
    QEvent.Type.MouseButtonPress,
    QEvent.Type.MouseMove,
    QEvent.Type.Wheel,
    QEvent.Type.TouchBegin,
}


class IdleWatcher(QObject):
    """Emits ``idleTimeout()`` once after ``minutes`` without keyboard or mouse input.

    ``minutes`` 0 disables it. Call :meth:`stop` when the window closes (stops the timer and
    removes the application-wide event filter); :meth:`start` re-arms it after unlocking.
    """

    idleTimeout = Signal()

    def __init__(self, minutes: float, parent: QObject | None = None) -> None:
        super().__init__(parent)
        self._limit = max(0.0, float(minutes)) * 60.0
        self._last_input = time.monotonic()
        self._timer = QTimer(self)
        self._timer.timeout.connect(self._check)
        self._filtering = False

    @property
    def limit_seconds(self) -> float:
        return self._limit

    @property
    def is_active(self) -> bool:
        return self._timer.isActive()

    def set_minutes(self, minutes: float) -> None:
        was_active = self._timer.isActive() or self._limit == 0
        self._limit = max(0.0, float(minutes)) * 60.0
        if was_active:
            self.start()

    def start(self) -> None:
        self._last_input = time.monotonic()
        self._timer.stop()
        if self._limit <= 0:
            return
        # check a few times per limit, at most every 15 s
        self._timer.setInterval(int(min(15.0, self._limit / 4) * 1000) or 1)
        self._timer.start()
        app = QApplication.instance()
        if app is not None and not self._filtering:
            app.installEventFilter(self)
            self._filtering = True

    def stop(self) -> None:
        self._timer.stop()
        app = QApplication.instance()
        if app is not None and self._filtering:
            app.removeEventFilter(self)
            self._filtering = False

    def idle_seconds(self) -> float:
        return time.monotonic() - self._last_input

    def eventFilter(self, watched: QObject, event: QEvent) -> bool:
        if event.type() in _INPUT_EVENTS:
            self._last_input = time.monotonic()
        return False

    def _check(self) -> None:
        if self._limit > 0 and self.idle_seconds() >= self._limit:
            self.stop()
            self.idleTimeout.emit()
