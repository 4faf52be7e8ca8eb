"""Core events → Qt signals on the Qt thread, so open views refresh without polling.

``core.events.bus`` calls its subscribers on the database worker thread (or the
runtime's thread). :class:`EventsBridge` hands each event across with a queued signal
and re-emits it on the Qt thread as one area signal plus ``anyChanged``::

    bridge.bookingsChanged.connect(self._model.refresh_soon)

Area signals carry the event object (a frozen dataclass from ``core/events.py``).
"""

from __future__ import annotations

import logging
from collections.abc import Callable

import shiboken6
from PySide6.QtCore import QObject, Qt, Signal, Slot

from careops_desktop.core import events as core_events
from careops_desktop.core.events import DomainEvent, EventBus

log = logging.getLogger(__name__)

# event class name → name of the area signal; subclasses are found through the MRO
AREA_BY_EVENT: dict[str, str] = {
    "BookingChanged": "bookingsChanged",
    "ContactChanged": "contactsChanged",
    "MessageRecorded": "inboxChanged",
    "ConversationChanged": "inboxChanged",
    "FormChanged": "formsChanged",
    "StockChanged": "stockChanged",
    "OutboxChanged": "outboxChanged",
    "SettingsChanged": "settingsChanged",
}


class EventsBridge(QObject):
    """Subscribes to the event bus for its lifetime; emits Qt signals on its own thread.

    Create it on the Qt thread; call :meth:`close` (or delete it) to unsubscribe.
    """

    bookingsChanged = Signal(object)
    contactsChanged = Signal(object)
    inboxChanged = Signal(object)
    formsChanged = Signal(object)
    stockChanged = Signal(object)
    outboxChanged = Signal(object)
    settingsChanged = Signal(object)
    anyChanged = Signal(object)

    _arrived = Signal(object)  # emitted on the publishing thread, delivered queued

    def __init__(self, bus: EventBus | None = None, parent: QObject | None = None) -> None:
        super().__init__(parent)
        self._arrived.connect(self._dispatch, Qt.ConnectionType.QueuedConnection)
        self._unsubscribe: Callable[[], None] | None = (bus or core_events.bus).subscribe(
            self._on_event
        )
        self.destroyed.connect(self._on_destroyed_unsubscribe(self._unsubscribe))

    @staticmethod
    def _on_destroyed_unsubscribe(unsubscribe: Callable[[], None]) -> Callable[..., None]:
        def handler(*_args: object) -> None:
            unsubscribe()

        return handler

    def close(self) -> None:
        """Stop listening; events published from now on are not re-emitted."""
        if self._unsubscribe is not None:
            self._unsubscribe()
            self._unsubscribe = None

    def _on_event(self, event: DomainEvent) -> None:
        """Any thread: hand the event to the Qt thread (never blocks)."""
        if shiboken6.isValid(self):
            self._arrived.emit(event)

    @Slot(object)
    def _dispatch(self, event: DomainEvent) -> None:
        """Qt thread: emit the area signal, then ``anyChanged``."""
        if self._unsubscribe is None:
            return
        area = area_of(event)
        if area is not None:
            getattr(self, area).emit(event)
        self.anyChanged.emit(event)


def area_of(event: DomainEvent) -> str | None:
    """The name of the area signal for ``event``, or None when it has no area."""
    for cls in type(event).__mro__:
        area = AREA_BY_EVENT.get(cls.__name__)
        if area is not None:
            return area
    return None
