"""Matching an incoming message to what the inbox already holds, when headers do not say.

- :func:`thread_by_subject`: a reply without In-Reply-To/References (a gateway or an old
  mail program dropped them) joins the contact's open conversation whose subject — or
  the subject of an email we sent in it — matches once ``Re:``/``AW:``/``SV:``/``Fwd:``/
  ``TR:`` (and the like) prefixes are stripped.
- :func:`content_digest` / :func:`seen_digest`: an email without a Message-ID that the
  server delivers twice is recognised by a digest of its sender, date, subject and text,
  within a day.
"""

from __future__ import annotations

import hashlib
import re
from datetime import datetime, timedelta

from sqlalchemy import select, true
from sqlalchemy.orm import Session

from careops_desktop.core.models import Conversation, Message, OutboxMessage

DUPLICATE_WINDOW = timedelta(days=1)
SUBJECT_LOOKBACK = 200  # our newest emails to this contact compared by subject
_PREFIX = re.compile(
    r"^\s*(?:re|aw|sv|vs|antw|fw|fwd|wg|tr|rif|r)\s*(?:\[\d+\]|\(\d+\))?\s*[:：]\s*",
    re.IGNORECASE,
)


def subject_key(subject: str) -> str:
    """``subject`` without reply/forward prefixes, spaces collapsed, case folded."""
    text = " ".join((subject or "").split())
    while True:
        stripped = _PREFIX.sub("", text, count=1)
        if stripped == text:
            break
        text = stripped
    return text.casefold()


def thread_by_subject(session: Session, contact_id: int, subject: str) -> int | None:
    """The contact's most recently active open conversation whose subject (or one of our
    emails in it) matches ``subject`` after :func:`subject_key`; ``None`` if none does."""
    key = subject_key(subject)
    if not key:
        return None
    open_threads = session.execute(
        select(Conversation.id, Conversation.subject)
        .where(Conversation.contact_id == contact_id, Conversation.is_open == true())
        .order_by(Conversation.updated_at.desc(), Conversation.id.desc())
    ).all()
    for conversation_id, conversation_subject in open_threads:
        if subject_key(conversation_subject) == key:
            return int(conversation_id)
    if not open_threads:
        return None
    ours = session.execute(
        select(Message.conversation_id, OutboxMessage.subject)
        .join(Message, Message.id == OutboxMessage.chat_message_id)
        .where(Message.conversation_id.in_([c for c, _ in open_threads]))
        .order_by(OutboxMessage.id.desc())
        .limit(SUBJECT_LOOKBACK)
    ).all()
    for conversation_id, sent_subject in ours:
        if subject_key(sent_subject) == key:
            return int(conversation_id)
    return None


def content_digest(
    sender_address: str, sent_at: datetime | None, subject: str, content: str
) -> str:
    """SHA-256 (hex) of what makes an email without a Message-ID the same email."""
    parts = (
        sender_address.strip().lower(),
        sent_at.isoformat() if sent_at is not None else "",
        " ".join(subject.split()),
        content,
    )
    return hashlib.sha256("\x1f".join(parts).encode("utf-8", "surrogatepass")).hexdigest()


def seen_digest(session: Session, digest: str, now: datetime) -> tuple[int, int] | None:
    """(message id, conversation id) of an incoming message with ``digest`` recorded
    within :data:`DUPLICATE_WINDOW` before ``now``; ``None`` if there is none."""
    row = session.execute(
        select(Message.id, Message.conversation_id)
        .where(
            Message.content_digest == digest,
            Message.direction == "in",
            Message.created_at >= now - DUPLICATE_WINDOW,
        )
        .limit(1)
    ).first()
    return (int(row[0]), int(row[1])) if row is not None else None
