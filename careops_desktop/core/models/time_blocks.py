"""Blocked time: partial-day closures of one provider (or the whole business).

A block is a stretch of local wall-clock time on a day (lunch 12:00–13:00, a
meeting, training), optionally repeating every week until a last day. It is
kept apart from :class:`~careops_desktop.core.models.business.Closure` (whole
days) so every query that reads closures keeps meaning "the whole day is shut".
"""

from __future__ import annotations

from datetime import date, datetime, time

from sqlalchemy import Boolean, CheckConstraint, Date, ForeignKey, Index, Integer, Time
from sqlalchemy.orm import Mapped, mapped_column

from careops_desktop.core.models.base import Base, SafeString, utcnow


class TimeBlock(Base):
    """Time a provider (``provider_id`` null: everyone) is not bookable, in local wall-clock time.

    ``day`` + ``start_time`` is the first occurrence's local start; it lasts
    ``minutes`` of wall-clock time (so 12:00–13:00 stays 12:00–13:00 across a
    clock change). ``repeats_weekly`` repeats it on the same weekday up to and
    including ``repeat_until`` (null: with no end). ``removed_at`` set: removed
    (kept so the removal can be undone).
    """

    __tablename__ = "time_blocks"
    __table_args__ = (
        CheckConstraint("minutes BETWEEN 1 AND 1440", name="minutes"),
        CheckConstraint("repeat_until IS NULL OR repeat_until >= day", name="repeat_range"),
        Index("ix_time_blocks_provider_id_day", "provider_id", "day"),
    )

    id: Mapped[int] = mapped_column(primary_key=True)
    provider_id: Mapped[int | None] = mapped_column(ForeignKey("providers.id", ondelete="CASCADE"))
    day: Mapped[date] = mapped_column(Date)
    start_time: Mapped[time] = mapped_column(Time)
    minutes: Mapped[int] = mapped_column(Integer)
    reason: Mapped[str] = mapped_column(SafeString(200), default="")
    repeats_weekly: Mapped[bool] = mapped_column(Boolean, default=False)
    repeat_until: Mapped[date | None] = mapped_column(Date)
    removed_at: Mapped[datetime | None]
    created_at: Mapped[datetime] = mapped_column(default=utcnow)


class TimeBlockSkip(Base):
    """One week of a repeating block that is not blocked ("remove this one only")."""

    __tablename__ = "time_block_skips"

    block_id: Mapped[int] = mapped_column(
        ForeignKey("time_blocks.id", ondelete="CASCADE"), primary_key=True
    )
    day: Mapped[date] = mapped_column(Date, primary_key=True)
