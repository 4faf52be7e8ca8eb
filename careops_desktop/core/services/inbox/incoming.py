"""Recording what customers send: threading incoming email and SMS into the inbox.

An incoming message joins the conversation it answers (its In-Reply-To or
References name one of our messages or outbox rows); an email with neither
header joins the sender's open conversation with the same subject (``Re:``
and the like stripped; ``incoming_match``); otherwise the sender's latest
conversation; otherwise a new contact and a "New inquiry". An email without
a Message-ID delivered twice (same digest within a day) is stored once. Nothing
the customer sent is dropped: odd addresses are kept as they came, and an
oversize text is shortened only in the view while the raw message is kept.
"""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass, field
from datetime import datetime
from typing import Any

from sqlalchemy import select
from sqlalchemy.orm import Session

from careops_desktop.core import events
from careops_desktop.core.errors import ValidationError
from careops_desktop.core.i18n import N_, _
from careops_desktop.core.models import (
    Booking,
    Contact,
    Conversation,
    Message,
    OutboxMessage,
    utcnow,
)
from careops_desktop.core.services.contacts.fields import (
    default_region,
    normalize_email,
    normalize_phone,
)
from careops_desktop.core.services.inbox.incoming_match import (
    content_digest,
    seen_digest,
    thread_by_subject,
)

INCOMING_CHANNELS = ("email", "sms", "web")
STORED_CONTENT_MAX = 1_000_000
UNREADABLE_NOTE = N_(  # the text of an email the mail reader could not read (raw kept)
    "This email could not be read. Its original is kept: save it to a file and open it "
    "in your mail program."
)
SHORTENED_NOTE = N_("\n\n[The message was shortened here; the full message is kept as received.]")
ATTACHMENT_KEYS = ("name", "size", "content_type")


@dataclass(frozen=True)
class IncomingMessage:
    """A message as the IMAP job, the SMS webhook or the booking page received it."""

    channel: str  # email | sms | web
    sender_address: str  # email address or phone number
    sender_name: str = ""
    subject: str = ""
    content: str = ""
    message_id: str | None = None
    in_reply_to: str | None = None
    references: tuple[str, ...] = ()
    raw: bytes | None = None
    attachments: Sequence[dict[str, Any]] = field(default_factory=list)
    sent_at: datetime | None = None  # the email's Date header (UTC), if readable


@dataclass(frozen=True)
class IngestResult:
    contact_id: int
    conversation_id: int
    message_id: int  # the messages row
    contact_created: bool
    conversation_created: bool
    duplicate: bool  # the same Message-ID was recorded before; nothing was added


def normalize_message_id(value: str | None) -> str | None:
    """``<id@host>`` form of a Message-ID header value, or ``None`` if empty."""
    text = (value or "").strip()
    if not text:
        return None
    inner = text.strip("<>").strip()
    if not inner:
        return None
    return f"<{inner}>"[:255]


def _thread_by_reference(session: Session, refs: list[str]) -> int | None:
    """The conversation one of ``refs`` (newest first) belongs to, if any."""
    for ref in refs:
        conversation_id = session.scalar(
            select(Message.conversation_id).where(Message.message_id == ref).limit(1)
        )
        if conversation_id is not None:
            return conversation_id
        row = session.execute(
            select(OutboxMessage.chat_message_id, OutboxMessage.booking_id)
            .where(OutboxMessage.message_id == ref)
            .limit(1)
        ).first()
        if row is None:
            continue
        chat_message_id, booking_id = row
        if chat_message_id is not None:
            found = session.scalar(
                select(Message.conversation_id).where(Message.id == chat_message_id)
            )
            if found is not None:
                return found
        if booking_id is not None:
            contact_id = session.scalar(select(Booking.contact_id).where(Booking.id == booking_id))
            if contact_id is not None:
                found = _latest_conversation(session, contact_id)
                if found is not None:
                    return found
    return None


def _latest_conversation(session: Session, contact_id: int) -> int | None:
    return session.scalar(
        select(Conversation.id)
        .where(Conversation.contact_id == contact_id)
        .order_by(Conversation.updated_at.desc(), Conversation.id.desc())
        .limit(1)
    )


def _sender_key(session: Session, message: IncomingMessage) -> tuple[str, str]:
    """(``email`` or ``phone``, the address as stored on contacts)."""
    address = message.sender_address.strip()
    if message.channel == "sms":
        try:
            return "phone", normalize_phone(address, default_region(session))
        except ValidationError:
            return "phone", address[:20]
    try:
        return "email", normalize_email(address)
    except ValidationError:
        return "email", address.lower()[:320]


def _find_contact(session: Session, kind: str, address: str) -> int | None:
    column = Contact.email if kind == "email" else Contact.phone
    return session.scalar(select(Contact.id).where(column == address).order_by(Contact.id).limit(1))


def _stored_content(content: str) -> str:
    if len(content) <= STORED_CONTENT_MAX:
        return content
    note = _(SHORTENED_NOTE)
    return content[: STORED_CONTENT_MAX - len(note)] + note


def record_incoming(
    session: Session, message: IncomingMessage, now: datetime | None = None, *, unread: bool = True
) -> IngestResult:
    """Add a customer's message to the right conversation; returns where it went.

    The conversation is reopened and its unread count goes up (not with ``unread``
    False: a reply the app answered itself, such as "C" to a reminder); the contact's
    ``last_contacted_at`` is set. A Message-ID seen before is not added twice.
    """
    if message.channel not in INCOMING_CHANNELS:
        raise ValidationError(
            {"channel": _("Unknown channel {channel}.").format(channel=repr(message.channel))}
        )
    if not message.sender_address.strip():
        raise ValidationError({"sender_address": _("The message has no sender address.")})
    when = now or utcnow()
    own_id = normalize_message_id(message.message_id)
    if own_id is not None:
        seen = session.execute(
            select(Message.id, Message.conversation_id)
            .where(Message.message_id == own_id, Message.direction == "in")
            .limit(1)
        ).first()
        if seen is not None:
            contact_id = session.scalar(
                select(Conversation.contact_id).where(Conversation.id == seen[1])
            )
            return IngestResult(int(contact_id or 0), seen[1], seen[0], False, False, True)
    digest = None
    if own_id is None and message.channel == "email":
        digest = content_digest(
            message.sender_address, message.sent_at, message.subject, message.content
        )
        copy = seen_digest(session, digest, when)
        if copy is not None:
            contact_id = session.scalar(
                select(Conversation.contact_id).where(Conversation.id == copy[1])
            )
            return IngestResult(int(contact_id or 0), copy[1], copy[0], False, False, True)

    refs = [normalize_message_id(message.in_reply_to)]
    refs += [normalize_message_id(r) for r in reversed(message.references)]
    wanted = [r for r in dict.fromkeys(refs) if r is not None]
    conversation_id = _thread_by_reference(session, wanted) if wanted else None

    kind, address = _sender_key(session, message)
    contact_created = conversation_created = False
    if conversation_id is None:
        contact_id = _find_contact(session, kind, address)
        if contact_id is None:
            name = " ".join(message.sender_name.split())[:200] or address or _("Unknown sender")
            contact = Contact(
                name=name,
                email=address if kind == "email" else None,
                phone=address if kind == "phone" else None,
                notes="",
            )
            session.add(contact)
            session.flush()
            contact_id = contact.id
            contact_created = True
            events.record(session, events.ContactChanged(contact_id, "created"))
        conversation_id = None
        if not wanted and not contact_created and message.channel == "email":
            conversation_id = thread_by_subject(session, contact_id, message.subject)
        if conversation_id is None:
            conversation_id = _latest_conversation(session, contact_id)
        if conversation_id is None:
            subject = " ".join(message.subject.split())[:300] or _("New inquiry")
            conversation = Conversation(
                contact_id=contact_id, subject=subject, is_open=True, unread_count=0
            )
            session.add(conversation)
            session.flush()
            conversation_id = conversation.id
            conversation_created = True

    thread = session.get(Conversation, conversation_id)
    assert thread is not None  # found or made above in this transaction
    contact_row = session.get(Contact, thread.contact_id)
    assert contact_row is not None
    row = Message(
        conversation_id=conversation_id,
        direction="in",
        sender_type="customer",
        sender_name=" ".join(message.sender_name.split())[:200] or contact_row.name[:200],
        content=_stored_content(message.content or ""),
        channel=message.channel,
        message_id=own_id,
        in_reply_to=normalize_message_id(message.in_reply_to),
        delivery_status="received",
        attachments=[
            {key: a.get(key) for key in ATTACHMENT_KEYS if key in a} for a in message.attachments
        ],
        raw=message.raw,
        content_digest=digest,
        created_at=when,
    )
    session.add(row)
    was_open = thread.is_open
    if unread:
        thread.is_open = True
        thread.unread_count += 1
    thread.updated_at = when
    contact_row.last_contacted_at = when
    session.flush()
    events.record(session, events.MessageRecorded(conversation_id, row.id, "in"))
    if conversation_created or (unread and not was_open):
        events.record(session, events.ConversationChanged(conversation_id, "opened"))
    return IngestResult(
        contact_row.id, conversation_id, row.id, contact_created, conversation_created, False
    )
