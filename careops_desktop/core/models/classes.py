"""Class sessions: one provider, one type, one start, up to ``capacity`` attendees.

Each attendee is a normal :class:`~careops_desktop.core.models.Booking` whose
``session_id`` points here (migration 0016), so manage links, reminders,
confirmations, arrived/no-show and undo work per attendee unchanged.
"""

from __future__ import annotations

from datetime import datetime

from sqlalchemy import CheckConstraint, ForeignKey, Integer, UniqueConstraint
from sqlalchemy.orm import Mapped, mapped_column

from careops_desktop.core.models.base import Base, utcnow


class ClassSession(Base):
    """One sitting of a class. The row is what a seat write locks (``FOR UPDATE``)."""

    __tablename__ = "class_sessions"
    __table_args__ = (
        CheckConstraint("capacity >= 1", name="capacity"),
        CheckConstraint("start_at < end_at", name="range"),
        UniqueConstraint("provider_id", "start_at", "booking_type_id"),
    )

    id: Mapped[int] = mapped_column(primary_key=True)
    booking_type_id: Mapped[int] = mapped_column(
        ForeignKey("booking_types.id", ondelete="RESTRICT"), index=True
    )
    provider_id: Mapped[int] = mapped_column(ForeignKey("providers.id", ondelete="RESTRICT"))
    start_at: Mapped[datetime]
    end_at: Mapped[datetime]
    capacity: Mapped[int] = mapped_column(Integer)
    created_at: Mapped[datetime] = mapped_column(default=utcnow)
