"""Customers and what they said: contacts, conversations, messages."""

from __future__ import annotations

from datetime import datetime
from typing import Any

from sqlalchemy import (
    Boolean,
    CheckConstraint,
    ForeignKey,
    Index,
    Integer,
    LargeBinary,
    false,
)
from sqlalchemy.orm import Mapped, mapped_column

from careops_desktop.core.models.base import Base, SafeString, SafeText, utcnow


class Contact(Base):
    """A customer. ``email`` is stored lower-cased, ``phone`` in E.164.

    ``duplicate_of_id`` marks a "possible duplicate of" another contact.
    """

    __tablename__ = "contacts"
    __table_args__ = (
        Index("ix_contacts_name", "name"),
        Index("ix_contacts_email", "email"),
        Index("ix_contacts_phone", "phone"),
        Index("ix_contacts_created_at", "created_at"),
        Index("ix_contacts_duplicate_of_id", "duplicate_of_id"),
    )

    id: Mapped[int] = mapped_column(primary_key=True)
    name: Mapped[str] = mapped_column(SafeString(200))
    email: Mapped[str | None] = mapped_column(SafeString(320))
    phone: Mapped[str | None] = mapped_column(SafeString(20))
    notes: Mapped[str] = mapped_column(SafeText, default="")
    last_contacted_at: Mapped[datetime | None]
    # set when the booking page made this contact although another one looked alike (same
    # phone, or same email with another name): the desk checks and merges (migration 0008).
    # A mark, not a foreign key (no table rebuild on SQLite); merging moves marks along.
    duplicate_of_id: Mapped[int | None] = mapped_column(Integer)
    # asked not to be contacted with follow-ups (the desk, or STOP by text; migration 0014)
    no_marketing: Mapped[bool] = mapped_column(Boolean, default=False, server_default=false())
    # the language messages to this contact are written in (``de``, ``es``; None: the
    # business's): set from the page they booked in, editable at the desk (migration 0018)
    language: Mapped[str | None] = mapped_column(SafeString(16))
    created_at: Mapped[datetime] = mapped_column(default=utcnow)
    updated_at: Mapped[datetime] = mapped_column(default=utcnow, onupdate=utcnow)


class Conversation(Base):
    """A thread of messages with one contact."""

    __tablename__ = "conversations"
    __table_args__ = (
        Index("ix_conversations_contact_id", "contact_id"),
        Index("ix_conversations_is_open_updated_at", "is_open", "updated_at"),
        Index("ix_conversations_updated_at", "updated_at"),
        # the dashboard's "new inquiries" count (open with unread) reads this index alone
        Index("ix_conversations_is_open_unread_count", "is_open", "unread_count"),
    )

    id: Mapped[int] = mapped_column(primary_key=True)
    contact_id: Mapped[int] = mapped_column(ForeignKey("contacts.id", ondelete="CASCADE"))
    subject: Mapped[str] = mapped_column(SafeString(300), default="")
    is_open: Mapped[bool] = mapped_column(Boolean, default=True)
    unread_count: Mapped[int] = mapped_column(Integer, default=0)
    created_at: Mapped[datetime] = mapped_column(default=utcnow)
    updated_at: Mapped[datetime] = mapped_column(default=utcnow)


class Message(Base):
    """One message in a conversation; ``message_id`` is the email Message-ID header."""

    __tablename__ = "messages"
    __table_args__ = (
        CheckConstraint("direction IN ('in', 'out')", name="direction"),
        CheckConstraint("sender_type IN ('customer', 'staff', 'system')", name="sender_type"),
        CheckConstraint("channel IN ('email', 'sms', 'system', 'web')", name="channel"),
        # a conversation's messages in time order; the other columns let the inbox report
        # read whose turn each message was from the index alone (migration 0004)
        Index(
            "ix_messages_conversation_timeline",
            "conversation_id",
            "created_at",
            "sender_type",
            "channel",
            "sender_name",
        ),
        Index("ix_messages_message_id", "message_id"),
        # incoming email without a Message-ID: a second copy is skipped (migration 0006)
        Index("ix_messages_content_digest", "content_digest"),
    )

    id: Mapped[int] = mapped_column(primary_key=True)
    conversation_id: Mapped[int] = mapped_column(ForeignKey("conversations.id", ondelete="CASCADE"))
    direction: Mapped[str] = mapped_column(SafeString(3))
    sender_type: Mapped[str] = mapped_column(SafeString(16))
    sender_name: Mapped[str] = mapped_column(SafeString(200), default="")
    content: Mapped[str] = mapped_column(SafeText)
    channel: Mapped[str] = mapped_column(SafeString(8))
    message_id: Mapped[str | None] = mapped_column(SafeString(255))
    in_reply_to: Mapped[str | None] = mapped_column(SafeString(255))
    # none | queued | sending | sent | failed | received
    delivery_status: Mapped[str] = mapped_column(SafeString(16), default="none")
    delivery_error: Mapped[str] = mapped_column(SafeText, default="")
    attachments: Mapped[list[Any]] = mapped_column(default=list)  # [{name, size, content_type}]
    raw: Mapped[bytes | None] = mapped_column(LargeBinary)
    content_digest: Mapped[str | None] = mapped_column(SafeString(64))  # see incoming.py
    created_at: Mapped[datetime] = mapped_column(default=utcnow)
