"""Addresses mail cannot reach: one row per failing email address (from a bounce)."""

from __future__ import annotations

from datetime import datetime

from sqlalchemy import ForeignKey
from sqlalchemy.orm import Mapped, mapped_column

from careops_desktop.core.models.base import Base, SafeString, SafeText, utcnow


class AddressFailure(Base):
    """The latest bounce for ``address`` (lower case); the row goes when the address works again."""

    __tablename__ = "address_failures"

    id: Mapped[int] = mapped_column(primary_key=True)
    address: Mapped[str] = mapped_column(SafeString(320), unique=True)
    status: Mapped[str] = mapped_column(SafeString(16), default="")  # e.g. 5.1.1
    reason: Mapped[str] = mapped_column(SafeText, default="")  # the server's words
    outbox_id: Mapped[int | None] = mapped_column(ForeignKey("outbox.id", ondelete="SET NULL"))
    failed_at: Mapped[datetime] = mapped_column(default=utcnow)
