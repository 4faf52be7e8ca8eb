"""The machinery: integrations, the outbox, the audit log, and a small key-value store."""

from __future__ import annotations

from datetime import datetime
from typing import Any

from sqlalchemy import CheckConstraint, ForeignKey, Index, Integer
from sqlalchemy.orm import Mapped, mapped_column

from careops_desktop.core.models.base import Base, SafeString, SafeText, utcnow


class Integration(Base):
    """An outside service's non-secret settings; secrets live in the OS keyring only."""

    __tablename__ = "integrations"
    __table_args__ = (CheckConstraint("kind IN ('email', 'sms', 'calendar')", name="kind"),)

    id: Mapped[int] = mapped_column(primary_key=True)
    kind: Mapped[str] = mapped_column(SafeString(16), unique=True)
    is_connected: Mapped[bool] = mapped_column(default=False)
    config: Mapped[dict[str, Any]] = mapped_column(default=dict)
    state: Mapped[dict[str, Any]] = mapped_column(default=dict)  # e.g. IMAP UIDVALIDITY, last UID
    last_error: Mapped[str] = mapped_column(SafeText, default="")
    updated_at: Mapped[datetime] = mapped_column(default=utcnow, onupdate=utcnow)


class OutboxMessage(Base):
    """A message waiting to leave (or that left): written in the transaction that caused it."""

    __tablename__ = "outbox"
    __table_args__ = (
        CheckConstraint("channel IN ('email', 'sms', 'calendar')", name="channel"),
        CheckConstraint(
            "status IN ('queued', 'sending', 'sent', 'failed', 'bounced')", name="status"
        ),
        Index("ix_outbox_status_next_attempt_at", "status", "next_attempt_at"),
        Index("ix_outbox_booking_id", "booking_id"),
        Index("ix_outbox_chat_message_id", "chat_message_id"),
    )

    id: Mapped[int] = mapped_column(primary_key=True)
    channel: Mapped[str] = mapped_column(SafeString(8))
    kind: Mapped[str] = mapped_column(SafeString(32), default="message")
    recipient: Mapped[str] = mapped_column(SafeString(320))
    subject: Mapped[str] = mapped_column(SafeString(300), default="")
    body: Mapped[str] = mapped_column(SafeText, default="")
    attachments: Mapped[list[Any]] = mapped_column(default=list)  # [{filename, content_type, text}]
    # the only addresses the HTML part may make clickable: links the app built and links the
    # business wrote in its template; customer text stays text (migration 0008)
    links: Mapped[list[Any]] = mapped_column(default=list)
    message_id: Mapped[str | None] = mapped_column(SafeString(255), unique=True)
    status: Mapped[str] = mapped_column(SafeString(16), default="queued")
    attempts: Mapped[int] = mapped_column(Integer, default=0)
    next_attempt_at: Mapped[datetime] = mapped_column(default=utcnow)
    claimed_at: Mapped[datetime | None]
    claimed_by: Mapped[str] = mapped_column(SafeString(64), default="")
    last_error: Mapped[str] = mapped_column(SafeText, default="")
    sent_at: Mapped[datetime | None]
    booking_id: Mapped[int | None] = mapped_column(ForeignKey("bookings.id", ondelete="SET NULL"))
    chat_message_id: Mapped[int | None] = mapped_column(
        ForeignKey("messages.id", ondelete="SET NULL")
    )
    created_at: Mapped[datetime] = mapped_column(default=utcnow)


class AuditEntry(Base):
    """Who did what, to which record, and when."""

    __tablename__ = "audit_log"
    __table_args__ = (
        Index("ix_audit_log_created_at", "created_at"),
        Index("ix_audit_log_entity_entity_id", "entity", "entity_id"),
        Index("ix_audit_log_user_id_created_at", "user_id", "created_at"),
    )

    id: Mapped[int] = mapped_column(primary_key=True)
    user_id: Mapped[int | None] = mapped_column(ForeignKey("users.id", ondelete="SET NULL"))
    actor_name: Mapped[str] = mapped_column(SafeString(200))
    action: Mapped[str] = mapped_column(SafeString(64))
    entity: Mapped[str] = mapped_column(SafeString(64))
    entity_id: Mapped[int | None] = mapped_column(Integer)
    details: Mapped[dict[str, Any]] = mapped_column(default=dict)
    created_at: Mapped[datetime] = mapped_column(default=utcnow)
