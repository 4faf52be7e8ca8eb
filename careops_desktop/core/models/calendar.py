"""Calendar sync: which calendars each provider uses, busy time read from them, events written.

The CalDAV account itself (server address, user, options) is the ``integrations``
row of kind ``calendar``; its app password lives in the OS keyring only.
"""

from __future__ import annotations

from datetime import datetime
from typing import Any

from sqlalchemy import Boolean, ForeignKey, Index, Integer
from sqlalchemy.orm import Mapped, mapped_column

from careops_desktop.core.models.base import Base, SafeString, SafeText, utcnow


class CalendarLink(Base):
    """A provider's calendars: where their bookings go, and which calendars block their slots.

    ``blocking_calendars`` is ``[{"url": ..., "name": ...}]``; ``state`` maps a
    calendar URL to what the sync job keeps about it (sync token, the window
    its events were expanded over, the way busy time is read).
    """

    __tablename__ = "calendar_links"

    id: Mapped[int] = mapped_column(primary_key=True)
    provider_id: Mapped[int] = mapped_column(
        ForeignKey("providers.id", ondelete="CASCADE"), unique=True
    )
    write_calendar_url: Mapped[str] = mapped_column(SafeString(1000), default="")
    write_calendar_name: Mapped[str] = mapped_column(SafeString(200), default="")
    blocking_calendars: Mapped[list[Any]] = mapped_column(default=list)
    state: Mapped[dict[str, Any]] = mapped_column(default=dict)
    last_synced_at: Mapped[datetime | None]
    last_error: Mapped[str] = mapped_column(SafeText, default="")
    updated_at: Mapped[datetime] = mapped_column(default=utcnow, onupdate=utcnow)


class ExternalBusy(Base):
    """One busy period read from a provider's blocking calendar (one occurrence of an event).

    Rows of one calendar resource (``href``) are replaced together whenever
    that resource changes; transparent and cancelled events are never stored.
    """

    __tablename__ = "external_busy"
    __table_args__ = (
        Index("ix_external_busy_provider_id_start_at", "provider_id", "start_at"),
        Index(
            "ix_external_busy_provider_id_calendar_url_href", "provider_id", "calendar_url", "href"
        ),
    )

    id: Mapped[int] = mapped_column(primary_key=True)
    provider_id: Mapped[int] = mapped_column(ForeignKey("providers.id", ondelete="CASCADE"))
    calendar_url: Mapped[str] = mapped_column(SafeString(1000))
    calendar_name: Mapped[str] = mapped_column(SafeString(200), default="")
    href: Mapped[str] = mapped_column(SafeString(1000), default="")
    uid: Mapped[str] = mapped_column(SafeString(500), default="")
    recurrence_id: Mapped[str] = mapped_column(SafeString(64), default="")
    start_at: Mapped[datetime]
    end_at: Mapped[datetime]
    summary: Mapped[str] = mapped_column(SafeString(200), default="")
    all_day: Mapped[bool] = mapped_column(Boolean, default=False)
    tentative: Mapped[bool] = mapped_column(Boolean, default=False)
    etag: Mapped[str] = mapped_column(SafeString(200), default="")
    fetched_at: Mapped[datetime] = mapped_column(default=utcnow)


class BookingCalendarEvent(Base):
    """The event a booking became in its provider's calendar, as last written."""

    __tablename__ = "booking_calendar_events"

    id: Mapped[int] = mapped_column(primary_key=True)
    booking_id: Mapped[int] = mapped_column(
        ForeignKey("bookings.id", ondelete="CASCADE"), unique=True
    )
    provider_id: Mapped[int] = mapped_column(ForeignKey("providers.id", ondelete="CASCADE"))
    calendar_url: Mapped[str] = mapped_column(SafeString(1000))
    event_uid: Mapped[str] = mapped_column(SafeString(255))
    href: Mapped[str] = mapped_column(SafeString(1000), default="")
    etag: Mapped[str] = mapped_column(SafeString(200), default="")
    last_synced_sequence: Mapped[int] = mapped_column(Integer, default=0)
    synced_at: Mapped[datetime] = mapped_column(default=utcnow)
