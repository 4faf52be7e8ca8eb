"""The waitlist (issue 18 §3): customers waiting for a time, and the times offered to them."""

from __future__ import annotations

from datetime import datetime
from typing import Any

from sqlalchemy import Boolean, CheckConstraint, ForeignKey, Index, Integer
from sqlalchemy.orm import Mapped, mapped_column

from careops_desktop.core.models.base import Base, SafeString, SafeText, utcnow

ENTRY_STATUSES = ("waiting", "booked", "removed")
OFFER_STATUSES = ("offered", "claimed", "expired", "withdrawn", "taken")


class WaitlistEntry(Base):
    """One customer waiting for a time of a booking type (with a provider, or anyone).

    The name, email and phone are kept exactly as the customer (or the desk) typed
    them: joining never looks up, changes or reveals an existing contact.
    ``dates`` is a list of ``[first, last]`` ISO day pairs (local days, inclusive).
    """

    __tablename__ = "waitlist_entries"
    __table_args__ = (
        CheckConstraint("status IN ('waiting', 'booked', 'removed')", name="status"),
        CheckConstraint("source IN ('desk', 'web')", name="source"),
        Index("ix_waitlist_entries_status_joined_at", "status", "joined_at"),
    )

    id: Mapped[int] = mapped_column(primary_key=True)
    booking_type_id: Mapped[int] = mapped_column(
        ForeignKey("booking_types.id", ondelete="CASCADE"), index=True
    )
    provider_id: Mapped[int | None] = mapped_column(ForeignKey("providers.id", ondelete="CASCADE"))
    name: Mapped[str] = mapped_column(SafeString(200))
    email: Mapped[str | None] = mapped_column(SafeString(320))
    phone: Mapped[str | None] = mapped_column(SafeString(40))
    dates: Mapped[list[Any]]
    note: Mapped[str] = mapped_column(SafeText, default="")
    # the page's language when they joined (migration 0018): the offer is written in it
    language: Mapped[str | None] = mapped_column(SafeString(16))
    source: Mapped[str] = mapped_column(SafeString(8), default="web")
    status: Mapped[str] = mapped_column(SafeString(16), default="waiting")
    booking_id: Mapped[int | None] = mapped_column(ForeignKey("bookings.id", ondelete="SET NULL"))
    joined_at: Mapped[datetime] = mapped_column(default=utcnow)
    closed_at: Mapped[datetime | None]


class WaitlistOffer(Base):
    """A free time offered to one waiting customer, claimable by ``token`` until ``expires_at``.

    ``freed_by``: what freed the time (``booking:<id>``, ``block:<id>``, ``seat:<id>``; an undo
    of that change withdraws the offer). ``by_hand``: the desk offered it.
    """

    __tablename__ = "waitlist_offers"
    __table_args__ = (
        CheckConstraint(
            "status IN ('offered', 'claimed', 'expired', 'withdrawn', 'taken')", name="status"
        ),
        Index("ix_waitlist_offers_status_expires_at", "status", "expires_at"),
        Index("ix_waitlist_offers_provider_id_start_at", "provider_id", "start_at"),
    )

    id: Mapped[int] = mapped_column(primary_key=True)
    entry_id: Mapped[int] = mapped_column(
        ForeignKey("waitlist_entries.id", ondelete="CASCADE"), index=True
    )
    provider_id: Mapped[int] = mapped_column(ForeignKey("providers.id", ondelete="CASCADE"))
    start_at: Mapped[datetime]
    token: Mapped[str] = mapped_column(SafeString(64), unique=True)
    status: Mapped[str] = mapped_column(SafeString(16), default="offered")
    sends_at: Mapped[datetime]
    expires_at: Mapped[datetime]
    by_hand: Mapped[bool] = mapped_column(Boolean, default=False)
    freed_by: Mapped[str | None] = mapped_column(SafeString(40))
    outbox_id: Mapped[int | None] = mapped_column(Integer)
    booking_id: Mapped[int | None] = mapped_column(ForeignKey("bookings.id", ondelete="SET NULL"))
    created_at: Mapped[datetime] = mapped_column(default=utcnow)
    closed_at: Mapped[datetime | None]
