"""Bookings: a contact, a booking type, a provider and a time."""

from __future__ import annotations

from datetime import datetime

from sqlalchemy import Boolean, CheckConstraint, ForeignKey, Index, Integer, literal_column
from sqlalchemy.orm import Mapped, mapped_column

from careops_desktop.core.models.base import Base, SafeString, SafeText, utcnow

BOOKING_STATUSES = ("confirmed", "arrived", "completed", "no_show", "cancelled")
BOOKING_SOURCES = ("desk", "web")


class Booking(Base):
    """An appointment. Overlaps are checked per provider in the write transaction.

    ``start_at``/``end_at`` are the customer's appointment; buffers of the
    booking type are applied by the availability maths, not stored here.
    """

    __tablename__ = "bookings"
    __table_args__ = (
        CheckConstraint(
            "status IN ('confirmed', 'arrived', 'completed', 'no_show', 'cancelled')",
            name="status",
        ),
        CheckConstraint("source IN ('desk', 'web')", name="source"),
        CheckConstraint("start_at < end_at", name="range"),
        Index("ix_bookings_provider_id_start_at", "provider_id", "start_at"),
        Index("ix_bookings_start_at", "start_at"),
        Index("ix_bookings_contact_id_start_at", "contact_id", "start_at"),
        Index("ix_bookings_booking_type_id_start_at", "booking_type_id", "start_at"),
        Index("ix_bookings_status_start_at", "status", "start_at"),
        Index("ix_bookings_created_at", "created_at"),
        Index("ix_bookings_series_id_start_at", "series_id", "start_at"),
    )

    id: Mapped[int] = mapped_column(primary_key=True)
    contact_id: Mapped[int] = mapped_column(ForeignKey("contacts.id", ondelete="RESTRICT"))
    booking_type_id: Mapped[int] = mapped_column(
        ForeignKey("booking_types.id", ondelete="RESTRICT")
    )
    provider_id: Mapped[int] = mapped_column(ForeignKey("providers.id", ondelete="RESTRICT"))
    start_at: Mapped[datetime]
    end_at: Mapped[datetime]
    location: Mapped[str] = mapped_column(SafeString(200), default="")
    status: Mapped[str] = mapped_column(SafeString(16), default="confirmed")
    source: Mapped[str] = mapped_column(SafeString(8), default="desk")
    notes: Mapped[str] = mapped_column(SafeText, default="")
    # who booked, as captured with this booking: its messages go here, its pages show this,
    # whatever the contact holds later (migration 0008)
    customer_name: Mapped[str] = mapped_column(SafeString(200), default="")
    customer_email: Mapped[str | None] = mapped_column(SafeString(320))
    customer_phone: Mapped[str | None] = mapped_column(SafeString(20))
    manage_token: Mapped[str] = mapped_column(SafeString(64), unique=True)
    forms_sent: Mapped[bool] = mapped_column(Boolean, default=False)
    reminder_sent_at: Mapped[datetime | None]
    cancelled_at: Mapped[datetime | None]
    # when the customer was marked as arrived at the desk (status 'arrived'; migration 0011)
    arrived_at: Mapped[datetime | None]
    cancel_reason: Mapped[str] = mapped_column(SafeText, default="")
    created_by_user_id: Mapped[int | None] = mapped_column(
        ForeignKey("users.id", ondelete="SET NULL")
    )
    created_at: Mapped[datetime] = mapped_column(default=utcnow)
    # a visit of a recurring series (``booking_series.id``, migration 0015); null for a
    # booking on its own. No foreign key: adding one to ``bookings`` on SQLite rebuilds the
    # table, which existing rows pointing at bookings do not survive; series are never deleted
    series_id: Mapped[int | None] = mapped_column(Integer)
    updated_at: Mapped[datetime] = mapped_column(default=utcnow, onupdate=utcnow)
    # +1 on every UPDATE (ORM or Core): an edit made with an older version was overtaken by
    # another desk (``core/edit_conflicts.py``; migration 0009)
    version: Mapped[int] = mapped_column(
        Integer, default=1, server_default="1", onupdate=literal_column("version + 1")
    )
    # the customer answered a reminder "yes" (issue 19, migration 0014)
    customer_confirmed_at: Mapped[datetime | None]
    # its follow-up (no-show "we missed you" or "book your next visit") went out or was noted
    followup_sent_at: Mapped[datetime | None]
    # a seat in a class session (``class_sessions``; migration 0016), None for a one-to-one booking
    session_id: Mapped[int | None] = mapped_column(
        ForeignKey("class_sessions.id", ondelete="RESTRICT"), index=True
    )
