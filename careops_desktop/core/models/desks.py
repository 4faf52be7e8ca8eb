"""Several desks on one database: the change feed other processes read, and who is here."""

from __future__ import annotations

from datetime import datetime

from sqlalchemy import Float, Integer, String, Text
from sqlalchemy.orm import Mapped, mapped_column

from careops_desktop.core.models.base import Base, utcnow


class ChangeRecord(Base):
    """One committed transaction's events (area, kind, ids; never customer text), for SQLite.

    Written in the transaction that made the changes; other processes on the same
    file read the rows after the last ``seq`` they saw (see ``core/change_feed.py``).
    On PostgreSQL the same payload travels by NOTIFY instead and this table stays empty.
    """

    __tablename__ = "change_feed"

    seq: Mapped[int] = mapped_column(Integer, primary_key=True)
    origin: Mapped[str] = mapped_column(String(32))
    payload: Mapped[str] = mapped_column(Text)
    at: Mapped[datetime] = mapped_column(default=utcnow)


class DeskPresence(Base):
    """A process using a SQLite database, and when it last said so (a heartbeat)."""

    __tablename__ = "desk_presence"

    token: Mapped[str] = mapped_column(String(32), primary_key=True)
    role: Mapped[str] = mapped_column(String(16))
    seen_at: Mapped[float] = mapped_column(Float)  # seconds since the epoch (UTC)
