"""Plain-Python domain events, published after a transaction commits.

Services record events on the session with :func:`record`; ``Database`` hands
them to :data:`bus` once the commit has succeeded (never for a rollback).
Subscribers are called on the database worker thread, so they must only hand
the event on (a queued Qt signal, ``loop.call_soon_threadsafe``), never block.
"""

from __future__ import annotations

import logging
import threading
from collections.abc import Callable
from dataclasses import dataclass
from typing import Literal

from sqlalchemy.orm import Session

log = logging.getLogger(__name__)

BookingChange = Literal[
    "created", "rescheduled", "cancelled", "completed", "no_show", "arrived", "updated"
]
BookingSource = Literal["desk", "web"]
ContactChange = Literal["created", "updated", "merged", "deleted"]
MessageDirection = Literal["in", "out"]
ConversationChange = Literal["opened", "closed", "read", "unread"]
FormChange = Literal[
    "created",
    "updated",
    "deleted",
    "attached",
    "detached",
    "sent",
    "completed",
    "withdrawn",
    "overdue",
]
OutboxStatus = Literal["queued", "sent", "failed", "bounced"]
SettingsArea = Literal[
    "business",
    "providers",
    "booking_types",
    "staff",
    "integrations",
    "automations",
    "calendar",
    "saved_replies",
]


@dataclass(frozen=True)
class DomainEvent:
    """Base of all events; ``kind`` names the area that changed."""

    @property
    def kind(self) -> str:
        return type(self).__name__


@dataclass(frozen=True)
class BookingChanged(DomainEvent):
    """A booking was created, moved, cancelled or changed status."""

    booking_id: int
    provider_id: int
    change: BookingChange
    source: BookingSource = "desk"


@dataclass(frozen=True)
class ContactChanged(DomainEvent):
    contact_id: int
    change: ContactChange


@dataclass(frozen=True)
class MessageRecorded(DomainEvent):
    """A message was added to a conversation (incoming, reply or system)."""

    conversation_id: int
    message_id: int
    direction: MessageDirection


@dataclass(frozen=True)
class ConversationChanged(DomainEvent):
    conversation_id: int
    change: ConversationChange


@dataclass(frozen=True)
class FormChanged(DomainEvent):
    form_id: int | None
    submission_id: int | None
    change: FormChange


@dataclass(frozen=True)
class StockChanged(DomainEvent):
    item_id: int
    quantity: int
    is_low: bool
    newly_low: bool = False  # this change crossed into low stock: alert managers once


@dataclass(frozen=True)
class OutboxChanged(DomainEvent):
    outbox_id: int
    status: OutboxStatus


@dataclass(frozen=True)
class SettingsChanged(DomainEvent):
    area: SettingsArea


TimeBlockChange = Literal["created", "updated", "removed", "restored"]


@dataclass(frozen=True)
class TimeBlockChanged(DomainEvent):
    """Blocked time of a provider (``provider_id`` None: everyone) was added, changed or removed."""

    block_id: int
    provider_id: int | None
    change: TimeBlockChange


@dataclass(frozen=True)
class WaitlistChanged(DomainEvent):
    """Someone joined or left the waitlist, or a time was offered, claimed or passed on."""

    entry_id: int


Subscriber = Callable[[DomainEvent], None]


class EventBus:
    """Fan-out of committed events to subscribers; thread-safe."""

    def __init__(self) -> None:
        self._subscribers: list[Subscriber] = []
        self._lock = threading.Lock()

    def subscribe(self, callback: Subscriber) -> Callable[[], None]:
        """Add ``callback``; returns a function that removes it again."""
        with self._lock:
            self._subscribers.append(callback)

        def unsubscribe() -> None:
            with self._lock:
                if callback in self._subscribers:
                    self._subscribers.remove(callback)

        return unsubscribe

    def publish(self, event: DomainEvent) -> None:
        """Call every subscriber; one failing subscriber never stops the others."""
        with self._lock:
            subscribers = list(self._subscribers)
        for callback in subscribers:
            try:
                callback(event)
            except Exception:  # a subscriber's bug must not break the writer
                log.exception("event subscriber failed for %s", event.kind)


bus = EventBus()

_PENDING_KEY = "careops_pending_events"


def record(session: Session, event: DomainEvent) -> None:
    """Queue ``event`` to be published when ``session``'s transaction commits."""
    session.info.setdefault(_PENDING_KEY, []).append(event)


def take_pending(session: Session) -> list[DomainEvent]:
    """Remove and return the events queued on ``session``."""
    pending: list[DomainEvent] = session.info.pop(_PENDING_KEY, [])
    return pending
