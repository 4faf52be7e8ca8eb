"""Core events → Qt signals on the Qt thread, so open views refresh without polling.

``core.events.bus`` calls its subscribers on the database worker thread (or the
runtime's thread). :class:`EventsBridge` hands the events across to the Qt thread
and re-emits each one there as one area signal plus ``anyChanged``::

    bridge.bookingsChanged.connect(self._model.refresh_soon)

Area signals carry the event object (a frozen dataclass from ``core/events.py``).

A burst of events (32 customers booking at once on the booking page) reaches the Qt
thread as ONE queued call, not one per event, and the bridge also emits each area's
events of the last ``SETTLE_MS`` together, once: ``bookingsSettled(list)``,
``contactsSettled(list)``, …, ``anySettled(list)``. A view whose refresh is a query
(a calendar page, a dashboard) connects to the settled signal: one refresh per burst
instead of one per event, and as the timer starts at the first event of a burst and
every later event either joins it or starts the next one, the last change is always
followed by a refresh (nothing is lost, nothing waits more than ``SETTLE_MS``).

Events another process committed arrive the same way (``core/change_listener.py``);
``ChangesMissed`` (changes may have gone unheard) goes to every area.
"""

from __future__ import annotations

import logging
import threading
from collections.abc import Callable

import shiboken6
from PySide6.QtCore import QObject, Qt, QTimer, Signal, Slot

from careops_desktop.core import events as core_events
from careops_desktop.core.change_feed import ChangesMissed
from careops_desktop.core.events import DomainEvent, EventBus

log = logging.getLogger(__name__)

# event class → name of the area signal; subclasses are found through the MRO
AREA_BY_EVENT: dict[type[DomainEvent], str] = {
    core_events.BookingChanged: "bookingsChanged",
    core_events.TimeBlockChanged: "bookingsChanged",  # blocked time: the diary changed
    core_events.WaitlistChanged: "bookingsChanged",  # the waitlist lives in the Bookings tab
    core_events.ContactChanged: "contactsChanged",
    core_events.MessageRecorded: "inboxChanged",
    core_events.ConversationChanged: "inboxChanged",
    core_events.FormChanged: "formsChanged",
    core_events.StockChanged: "stockChanged",
    core_events.OutboxChanged: "outboxChanged",
    core_events.SettingsChanged: "settingsChanged",
}

SETTLE_MS = 150  # the settled signals fire at most this long after the first event of a burst


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

    # the same events, a burst at a time (a list, in publishing order); see the module doc
    bookingsSettled = Signal(list)
    contactsSettled = Signal(list)
    inboxSettled = Signal(list)
    formsSettled = Signal(list)
    stockSettled = Signal(list)
    outboxSettled = Signal(list)
    settingsSettled = Signal(list)
    anySettled = Signal(list)

    _arrived = Signal()  # emitted on the publishing thread, delivered queued

    def __init__(self, bus: EventBus | None = None, parent: QObject | None = None) -> None:
        super().__init__(parent)
        self._lock = threading.Lock()
        self._inbox: list[DomainEvent] = []  # published, not yet seen by the Qt thread
        self._wake_sent = False  # a queued _drain is on its way
        self._burst: list[DomainEvent] = []  # re-emitted, waiting for the settled signals
        self._settle = QTimer(self)
        self._settle.setSingleShot(True)
        self._settle.setInterval(SETTLE_MS)
        self._settle.setObjectName("events-bridge-settle")
        self._settle.timeout.connect(self._emit_settled)
        self._arrived.connect(self._drain, Qt.ConnectionType.QueuedConnection)
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
        """Stop listening; events published from now on (or not yet re-emitted) are dropped."""
        if self._unsubscribe is not None:
            self._unsubscribe()
            self._unsubscribe = None
        with self._lock:
            self._inbox.clear()
        self._burst.clear()
        if shiboken6.isValid(self._settle):
            self._settle.stop()

    def _on_event(self, event: DomainEvent) -> None:
        """Any thread: queue the event for the Qt thread (never blocks on it).

        Only the first event of a burst posts a call to the Qt thread; the rest join it.
        """
        if not shiboken6.isValid(self):
            return
        with self._lock:
            self._inbox.append(event)
            wake, self._wake_sent = not self._wake_sent, True
        if wake:
            self._arrived.emit()

    @Slot()
    def _drain(self) -> None:
        """Qt thread: each waiting event's area signal then ``anyChanged``, in order."""
        with self._lock:
            events, self._inbox = self._inbox, []
            self._wake_sent = False
        if self._unsubscribe is None or not events:
            return
        for event in events:
            for area in areas_of(event):
                getattr(self, area).emit(event)
            self.anyChanged.emit(event)
        self._burst.extend(events)
        if not self._settle.isActive():
            self._settle.start()

    @Slot()
    def _emit_settled(self) -> None:
        """Qt thread: the burst's events, once per area touched (first touched first), then all."""
        burst, self._burst = self._burst, []
        if self._unsubscribe is None or not burst:
            return
        by_area: dict[str, list[DomainEvent]] = {}
        for event in burst:
            for area in areas_of(event):
                by_area.setdefault(area, []).append(event)
        for area, events in by_area.items():
            getattr(self, settled_name(area)).emit(events)
        self.anySettled.emit(burst)


def settled_name(area: str) -> str:
    """``bookingsChanged`` → ``bookingsSettled``: the batch signal of an area signal."""
    return area.removesuffix("Changed") + "Settled"


def area_of(event: DomainEvent) -> str | None:
    """The name of the area signal for ``event``, or None when it has no area."""
    for cls in type(event).__mro__:
        area = AREA_BY_EVENT.get(cls)
        if area is not None:
            return area
    return None


def areas_of(event: DomainEvent) -> list[str]:
    """The area signals ``event`` goes to: its own, or every one for "changes missed".

    After a reconnect to the database server (or a gap in the change feed) another
    desk's changes may have gone unheard, so every view refreshes once.
    """
    if isinstance(event, ChangesMissed):
        return list(dict.fromkeys(AREA_BY_EVENT.values()))
    area = area_of(event)
    return [] if area is None else [area]
