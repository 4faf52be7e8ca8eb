"""Saved replies: the business's shared answers that staff insert into the inbox reply box."""

from __future__ import annotations

from datetime import datetime

from sqlalchemy import ForeignKey, Index
from sqlalchemy.orm import Mapped, mapped_column

from careops_desktop.core.models.base import Base, SafeString, SafeText, utcnow


class SavedReply(Base):
    """A titled reply text with template placeholders (``{contact_name}`` …), shared by
    everyone at the business; ``created_by_user_id`` says who wrote it (migration 0012)."""

    __tablename__ = "saved_replies"
    __table_args__ = (Index("ix_saved_replies_title", "title"),)

    id: Mapped[int] = mapped_column(primary_key=True)
    title: Mapped[str] = mapped_column(SafeString(120))
    body: Mapped[str] = mapped_column(SafeText)
    created_by_user_id: Mapped[int | None] = mapped_column(
        ForeignKey("users.id", ondelete="SET NULL")
    )
    created_at: Mapped[datetime] = mapped_column(default=utcnow)
    updated_at: Mapped[datetime] = mapped_column(default=utcnow, onupdate=utcnow)
