"""The other desks, in the status bar: their count, or that the database server is away.

:class:`DeskStatusFeed` owns the app's :class:`ChangeListener` (other processes'
changes reach ``core.events.bus`` and so the events bridge) and turns its
:class:`DeskStatus`, reported on the listener's thread, into a queued Qt signal
and one status-bar label per window.
"""

from __future__ import annotations

import logging

import shiboken6
from PySide6.QtCore import QObject, Qt, Signal, Slot
from PySide6.QtWidgets import QLabel, QMainWindow

from careops_desktop.core.change_listener import ChangeListener, DeskStatus
from careops_desktop.core.db import Database
from careops_desktop.ui.plain import plain_label

log = logging.getLogger(__name__)

SERVER_AWAY = "Not connected to the database server — retrying"


def status_text(status: DeskStatus) -> str:
    """The words for ``status``; empty when there is nothing to say (alone, connected)."""
    if not status.connected:
        return SERVER_AWAY
    if status.other_desks == 1:
        return "1 other desk connected"
    if status.other_desks > 1:
        return f"{status.other_desks} other desks connected"
    return ""


class DeskStatusFeed(QObject):
    """Create on the Qt thread; :meth:`start` listens, :meth:`stop` (off the Qt thread) ends."""

    statusChanged = Signal(object)  # DeskStatus, on the Qt thread
    _reported = Signal(object)  # emitted on the listener's thread, delivered queued

    def __init__(self, database: Database, parent: QObject | None = None) -> None:
        super().__init__(parent)
        self.status = DeskStatus(connected=True)
        self._labels: list[QLabel] = []
        self._reported.connect(self._on_status, Qt.ConnectionType.QueuedConnection)
        self.listener = ChangeListener(database, role="desk", on_status=self._from_listener)

    def start(self) -> None:
        """Start listening; never waits for the server (it may be away)."""
        self.listener.start(timeout=0)

    def stop(self) -> None:
        """Stop listening (blocks up to a second: call off the Qt thread)."""
        self.listener.close()

    def show_in(self, window: QMainWindow) -> QLabel:
        """Add this feed's label to ``window``'s status bar; it follows every change."""
        label = plain_label()
        label.setObjectName("desksLabel")
        window.statusBar().addPermanentWidget(label)
        self._labels.append(label)
        self._paint(label)
        return label

    def _from_listener(self, status: DeskStatus) -> None:
        if shiboken6.isValid(self):
            self._reported.emit(status)

    @Slot(object)
    def _on_status(self, status: DeskStatus) -> None:
        self.status = status
        self._labels = [label for label in self._labels if shiboken6.isValid(label)]
        for label in self._labels:
            self._paint(label)
        self.statusChanged.emit(status)

    def _paint(self, label: QLabel) -> None:
        text = status_text(self.status)
        label.setText(text)
        label.setVisible(bool(text))
