"""The other desks, in the status bar: their count, or that the database server is away.

:class:`DeskStatusFeed` owns the app's :class:`ChangeListener` (other processes'
changes reach ``core.events.bus`` and so the events bridge) and turns its
:class:`DeskStatus`, reported on the listener's thread, into a Qt signal and one
status-bar label per window. The listener's thread never touches a Qt object: it leaves
the newest status in a plain mailbox, and a timer on the Qt thread takes it from there
(a signal emitted from that thread could reach the feed while it was being deleted).
"""

from __future__ import annotations

import logging

import shiboken6
from PySide6.QtCore import QT_TRANSLATE_NOOP, QObject, QThread, QTimer, Signal, Slot
from PySide6.QtWidgets import QLabel, QMainWindow

from careops_desktop.core.change_listener import ChangeListener, DeskStatus
from careops_desktop.core.db import Database
from careops_desktop.ui.i18n import counted, translate
from careops_desktop.ui.plain import plain_label

log = logging.getLogger(__name__)

SERVER_AWAY = str(
    QT_TRANSLATE_NOOP("DeskStatus", "Not connected to the database server — retrying")
)


def status_text(status: DeskStatus) -> str:
    """The words for ``status``; empty when there is nothing to say (alone, connected)."""
    if not status.connected:
        return translate("DeskStatus", SERVER_AWAY)
    if status.other_desks >= 1:
        count = status.other_desks
        return counted(
            translate("DeskStatus", "%n other desk(s) connected", "", count), count
        )
    return ""


class _Mailbox:
    """The newest status from the listener's thread; a plain object, safe on any thread."""

    def __init__(self) -> None:
        self.latest: DeskStatus | None = None

    def put(self, status: DeskStatus) -> None:
        self.latest = status  # one reference swap: atomic under the interpreter lock

    def take(self) -> DeskStatus | None:
        status, self.latest = self.latest, None
        return status


class DeskStatusFeed(QObject):
    """Create on the Qt thread; :meth:`start` listens, :meth:`stop` ends (it blocks up to a
    few seconds: the app calls ``listener.close`` off the Qt thread, then ``deleteLater``)."""

    statusChanged = Signal(object)  # DeskStatus, on the Qt thread
    CHECK_MS = 200  # how often the Qt thread looks into the mailbox

    def __init__(self, database: Database, parent: QObject | None = None) -> None:
        super().__init__(parent)
        self.status = DeskStatus(connected=True)
        self._labels: list[QLabel] = []
        self._mailbox = _Mailbox()
        self._timer = QTimer(self)
        self._timer.setInterval(self.CHECK_MS)
        self._timer.timeout.connect(self._take_latest)
        self.listener = ChangeListener(database, role="desk", on_status=self._mailbox.put)

    def start(self) -> None:
        """Start listening; never waits for the server (it may be away)."""
        self.listener.start(timeout=0)
        self._timer.start()

    def stop(self) -> None:
        """Stop listening; on the Qt thread also stop looking for news."""
        if shiboken6.isValid(self) and QThread.currentThread() is self.thread():
            self._timer.stop()
        self.listener.close()

    def show_in(self, window: QMainWindow) -> QLabel:
        """Add this feed's label to ``window``'s status bar; it follows every change."""
        label = plain_label()
        label.setObjectName("desksLabel")
        window.statusBar().addPermanentWidget(label)
        self._labels.append(label)
        self._paint(label)
        return label

    @Slot()
    def _take_latest(self) -> None:
        status = self._mailbox.take()
        if status is not None and status != self.status:
            self._on_status(status)

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
