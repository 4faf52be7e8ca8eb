"""Recurring series: one rule ("every 2 weeks on Tuesday at 09:00, 6 visits") and its bookings.

Each occurrence is a normal :class:`~careops_desktop.core.models.bookings.Booking`
with ``series_id`` set, so every rule and every page that knows bookings knows
them; the series row only keeps the rule as it was chosen, in fields and words.
"""

from __future__ import annotations

from datetime import date, datetime, time

from sqlalchemy import CheckConstraint, Date, ForeignKey, Integer, Time
from sqlalchemy.orm import Mapped, mapped_column

from careops_desktop.core.models.base import Base, SafeString, utcnow


class BookingSeries(Base):
    """A repeat rule chosen at the desk; its visits are the bookings with this ``series_id``.

    ``weekdays`` is a string of weekday digits (``"13"``: Tuesday and Thursday,
    Monday is 0); ``count`` or ``until`` ends it. ``rule_text`` is the rule in words.
    """

    __tablename__ = "booking_series"
    __table_args__ = (
        CheckConstraint("every_weeks BETWEEN 1 AND 52", name="every_weeks"),
        CheckConstraint("count IS NULL OR count BETWEEN 1 AND 200", name="count"),
    )

    id: Mapped[int] = mapped_column(primary_key=True)
    every_weeks: Mapped[int] = mapped_column(Integer, default=1)
    weekdays: Mapped[str] = mapped_column(SafeString(7))
    first_day: Mapped[date] = mapped_column(Date)
    local_time: Mapped[time] = mapped_column(Time)
    count: Mapped[int | None] = mapped_column(Integer)
    until: Mapped[date | None] = mapped_column(Date)
    rule_text: Mapped[str] = mapped_column(SafeString(300), default="")
    created_by_user_id: Mapped[int | None] = mapped_column(
        ForeignKey("users.id", ondelete="SET NULL")
    )
    created_at: Mapped[datetime] = mapped_column(default=utcnow)
