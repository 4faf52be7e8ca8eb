"""The inbox: conversations with contacts, staff replies, read/unread, open/closed.

A staff reply is a message row plus an outbox row in one transaction (the
relay job sends it; the thread shows queued → sent). Incoming email and SMS
are threaded in :mod:`careops_desktop.core.services.incoming`.
"""

from __future__ import annotations

from dataclasses import dataclass
from datetime import datetime
from typing import Any

from sqlalchemy import ColumnElement, Select, bindparam, func, insert, or_, select, update
from sqlalchemy.orm import Session

from careops_desktop.core import events
from careops_desktop.core.db import forget, insert_row, read_only, statements
from careops_desktop.core.errors import NotFound, ValidationError
from careops_desktop.core.models import Contact, Conversation, Message, OutboxMessage, utcnow
from careops_desktop.core.permissions import Actor, Permission, require
from careops_desktop.core.services import audit, outbox
from careops_desktop.core.services.business import get_business
from careops_desktop.core.services.incoming import (
    IncomingMessage,
    IngestResult,
    record_incoming,
)
from careops_desktop.core.statement_runner import prebuilt

CONTENT_MAX = 20_000
PREVIEW_CHARS = 160
REPLY_CHANNELS = ("email", "sms")

__all__ = [
    "ConversationRow",
    "IncomingMessage",
    "IngestResult",
    "MessageView",
    "Thread",
    "add_system_message",
    "close",
    "count_conversations",
    "count_unread",
    "get_thread",
    "list_conversations",
    "mark_read",
    "mark_unread",
    "new_conversation",
    "open_conversation_for",
    "record_incoming",
    "reopen",
    "reply",
    "start_conversation",
]


@dataclass(frozen=True)
class ConversationRow:
    """One line of the inbox list."""

    id: int
    contact_id: int
    contact_name: str
    subject: str
    is_open: bool
    unread_count: int
    updated_at: datetime
    last_message_preview: str


@dataclass(frozen=True)
class MessageView:
    id: int
    conversation_id: int
    direction: str  # in | out
    sender_type: str  # customer | staff | system
    sender_name: str
    content: str
    channel: str
    created_at: datetime
    delivery_status: str  # none | queued | sending | sent | failed | received
    delivery_error: str
    message_id: str | None
    attachments: tuple[dict[str, Any], ...]


@dataclass(frozen=True)
class Thread:
    """A conversation with its contact and messages, oldest first."""

    id: int
    contact_id: int
    contact_name: str
    contact_email: str | None
    contact_phone: str | None
    subject: str
    is_open: bool
    unread_count: int
    messages: list[MessageView]


def message_view(m: Message) -> MessageView:
    """A plain copy of a message row."""
    return MessageView(
        m.id,
        m.conversation_id,
        m.direction,
        m.sender_type,
        m.sender_name,
        m.content,
        m.channel,
        m.created_at,
        m.delivery_status,
        m.delivery_error,
        m.message_id,
        tuple(dict(a) for a in m.attachments or ()),
    )


def load_conversation(session: Session, conversation_id: int) -> Conversation:
    conversation = session.get(Conversation, conversation_id)
    if conversation is None:
        raise NotFound("conversation", conversation_id)
    return conversation


# -- the list ----------------------------------------------------------------------------------


def _list_filter(open_filter: bool | None, search: str) -> list[ColumnElement[bool]]:
    clauses: list[ColumnElement[bool]] = []
    if open_filter is not None:
        clauses.append(Conversation.is_open.is_(open_filter))
    text = (search or "").strip()
    if text:
        clauses.append(
            or_(
                Contact.name.icontains(text, autoescape=True),
                Contact.email.icontains(text, autoescape=True),
                Contact.phone.contains(text, autoescape=True),
                Conversation.subject.icontains(text, autoescape=True),
            )
        )
    return clauses


RowsSelect = Select[Conversation, str, str]


def _rows_select() -> RowsSelect:
    """Conversations with their contact's name and the start of their last message."""
    last = (
        select(func.substr(Message.content, 1, PREVIEW_CHARS))
        .where(Message.conversation_id == Conversation.id)
        .order_by(Message.created_at.desc(), Message.id.desc())
        .limit(1)
        .correlate(Conversation)
        .scalar_subquery()
    )
    return select(Conversation, Contact.name, last).join(
        Contact, Contact.id == Conversation.contact_id
    )


def _rows(session: Session, query: RowsSelect) -> list[ConversationRow]:
    """The list rows of a :func:`_rows_select` query, in its order (preview on one line)."""
    return [
        ConversationRow(
            c.id,
            c.contact_id,
            name,
            c.subject,
            c.is_open,
            c.unread_count,
            c.updated_at,
            " ".join((preview or "").split()),
        )
        for c, name, preview in session.execute(query).all()
    ]


@read_only
def list_conversations(
    session: Session,
    actor: Actor,
    *,
    open_filter: bool | None = None,
    search: str = "",
    limit: int = 100,
    offset: int = 0,
) -> list[ConversationRow]:
    """Conversations, most recently active first; ``open_filter`` True/False/None (all)."""
    require(actor, Permission.MANAGE_INBOX)
    query = (
        _rows_select()
        .where(*_list_filter(open_filter, search))
        .order_by(Conversation.updated_at.desc(), Conversation.id.desc())
        .limit(max(0, limit))
        .offset(max(0, offset))
    )
    return _rows(session, query)


@read_only
def count_conversations(
    session: Session, actor: Actor, *, open_filter: bool | None = None, search: str = ""
) -> int:
    """How many conversations :func:`list_conversations` would list without paging."""
    require(actor, Permission.MANAGE_INBOX)
    query = (
        select(func.count(Conversation.id))
        .join(Contact, Contact.id == Conversation.contact_id)
        .where(*_list_filter(open_filter, search))
    )
    return int(session.scalar(query) or 0)


@read_only
def count_unread(session: Session, actor: Actor) -> int:
    """How many conversations have unread messages (the Inbox tab's badge)."""
    require(actor, Permission.MANAGE_INBOX)
    return int(
        session.scalar(select(func.count(Conversation.id)).where(Conversation.unread_count > 0))
        or 0
    )


@read_only
def get_thread(session: Session, actor: Actor, conversation_id: int, limit: int = 500) -> Thread:
    """A conversation and its newest ``limit`` messages, oldest first."""
    require(actor, Permission.MANAGE_INBOX)
    conversation = load_conversation(session, conversation_id)
    contact = session.get(Contact, conversation.contact_id)
    if contact is None:
        raise NotFound("contact", conversation.contact_id)
    newest = session.scalars(
        select(Message)
        .where(Message.conversation_id == conversation_id)
        .order_by(Message.created_at.desc(), Message.id.desc())
        .limit(max(1, limit))
    ).all()
    return Thread(
        conversation.id,
        contact.id,
        contact.name,
        contact.email,
        contact.phone,
        conversation.subject,
        conversation.is_open,
        conversation.unread_count,
        [message_view(m) for m in reversed(newest)],
    )


# -- the seams bookings and forms use ---------------------------------------------------------


_CONTACT_EXISTS = prebuilt(select(Contact.id).where(Contact.id == bindparam("contact_id")))
# the contact's few open conversations through the contact index, the latest picked in
# Python: with ORDER BY in SQL, SQLite walks the (is_open, updated_at) index over every open
# conversation instead (3 ms at 6,000 open ones, for each new customer's booking)
_OPEN_FOR_CONTACT = prebuilt(
    select(Conversation.id, Conversation.updated_at).where(
        Conversation.contact_id == bindparam("contact_id"), Conversation.is_open.is_(True)
    )
)
_NEW_CONVERSATION = prebuilt(insert(Conversation))
_TOUCH_CONVERSATION = prebuilt(
    update(Conversation)
    .where(Conversation.id == bindparam("conversation_id"))
    .values(updated_at=bindparam("when"))
)
_NEW_MESSAGE = prebuilt(insert(Message))


def open_conversation_for(session: Session, contact_id: int, subject: str = "") -> int:
    """The contact's most recent open conversation, or a new open one; returns its id."""
    run = statements(session)
    if run.execute(_CONTACT_EXISTS, {"contact_id": contact_id}).first() is None:
        raise NotFound("contact", contact_id)
    rows = run.execute(_OPEN_FOR_CONTACT, {"contact_id": contact_id}).all()
    if rows:
        return int(max(rows, key=lambda row: (row.updated_at, row.id)).id)
    return new_conversation(session, contact_id, subject)


def new_conversation(
    session: Session,
    contact_id: int,
    subject: str = "",
    *,
    note: str | None = None,
    now: datetime | None = None,
) -> int:
    """A new open conversation with the contact, opening with the system ``note`` if given.

    For a contact known to exist and to have no open conversation (one just
    created in this transaction); anyone else calls :func:`open_conversation_for`.
    Returns the conversation's id.
    """
    when = now or utcnow()
    row = {
        "contact_id": contact_id,
        "subject": subject[:300],
        "is_open": True,
        "unread_count": 0,
        "created_at": when,
        "updated_at": when,
    }
    conversation_id = insert_row(statements(session), _NEW_CONVERSATION, row)
    events.record(session, events.ConversationChanged(conversation_id, "opened"))
    if note is not None:
        _insert_system_message(session, conversation_id, note, when)
    return conversation_id


def add_system_message(
    session: Session, conversation_id: int, content: str, now: datetime | None = None
) -> int:
    """Note an event in the thread (``Booking confirmed …``); not unread, never sent."""
    when = now or utcnow()
    run = statements(session)
    touched = run.execute(_TOUCH_CONVERSATION, {"conversation_id": conversation_id, "when": when})
    if touched.rowcount == 0:
        raise NotFound("conversation", conversation_id)
    forget(session, Conversation, conversation_id)
    return _insert_system_message(session, conversation_id, content, when)


def _insert_system_message(
    session: Session, conversation_id: int, content: str, when: datetime
) -> int:
    message = {
        "conversation_id": conversation_id,
        "direction": "out",
        "sender_type": "system",
        "sender_name": "CareOps",
        "content": content[:CONTENT_MAX],
        "channel": "system",
        "delivery_status": "none",
        "attachments": [],
        "created_at": when,
    }
    message_id = insert_row(statements(session), _NEW_MESSAGE, message)
    events.record(session, events.MessageRecorded(conversation_id, message_id, "out"))
    return message_id


# -- staff actions -----------------------------------------------------------------------------


def _check_content(content: str) -> str:
    text = (content or "").strip()
    if not text:
        raise ValidationError({"content": "Write a message first."})
    if len(text) > CONTENT_MAX:
        raise ValidationError(
            {"content": f"The message is longer than {CONTENT_MAX:,} characters."}
        )
    return text


def _reply_subject(session: Session, conversation: Conversation) -> str:
    subject = " ".join(conversation.subject.split())
    if subject:
        return subject if subject.lower().startswith("re:") else f"Re: {subject}"
    return f"Message from {get_business(session).name}"


def reply(
    session: Session,
    actor: Actor,
    conversation_id: int,
    content: str,
    channel: str = "email",
    now: datetime | None = None,
) -> MessageView:
    """Send ``content`` to the conversation's contact by email or SMS (via the outbox).

    The message shows ``queued`` until the relay job sends it. Replying marks
    the conversation read.
    """
    require(actor, Permission.MANAGE_INBOX)
    if channel not in REPLY_CHANNELS:
        raise ValidationError({"channel": "Choose email or SMS."})
    text = _check_content(content)
    conversation = load_conversation(session, conversation_id)
    contact = session.get(Contact, conversation.contact_id)
    if contact is None:
        raise NotFound("contact", conversation.contact_id)
    recipient = contact.email if channel == "email" else contact.phone
    if not recipient:
        field = "email" if channel == "email" else "phone"
        what = "email address" if channel == "email" else "phone number"
        raise ValidationError({field: f"{contact.name} has no {what}."})
    when = now or utcnow()
    answered = None
    if channel == "email":
        answered = session.scalar(
            select(Message.message_id)
            .where(
                Message.conversation_id == conversation_id,
                Message.direction == "in",
                Message.message_id.is_not(None),
            )
            .order_by(Message.created_at.desc(), Message.id.desc())
            .limit(1)
        )
    message = Message(
        conversation_id=conversation_id,
        direction="out",
        sender_type="staff",
        sender_name=actor.name[:200],
        content=text,
        channel=channel,
        in_reply_to=answered,
        delivery_status="queued",
        attachments=[],
        created_at=when,
    )
    session.add(message)
    session.flush()
    outbox_id = outbox.enqueue(
        session,
        channel=channel,
        recipient=recipient,
        subject=_reply_subject(session, conversation) if channel == "email" else "",
        body=text,
        kind="reply",
        chat_message_id=message.id,
        now=when,
    )
    message.message_id = session.scalar(
        select(OutboxMessage.message_id).where(OutboxMessage.id == outbox_id)
    )
    conversation.updated_at = when
    conversation.unread_count = 0
    contact.last_contacted_at = when
    session.flush()
    audit.record(session, actor, "reply", "conversation", conversation_id, {"channel": channel})
    events.record(session, events.MessageRecorded(conversation_id, message.id, "out"))
    return message_view(message)


def start_conversation(
    session: Session,
    actor: Actor,
    contact_id: int,
    content: str,
    channel: str = "email",
    subject: str = "",
    now: datetime | None = None,
) -> MessageView:
    """Open a new conversation with a contact and send the first message."""
    require(actor, Permission.MANAGE_INBOX)
    contact = session.get(Contact, contact_id)
    if contact is None:
        raise NotFound("contact", contact_id)
    _check_content(content)
    clean_subject = " ".join((subject or "").split())
    if len(clean_subject) > 300:
        raise ValidationError({"subject": "The subject is longer than 300 characters."})
    conversation = Conversation(
        contact_id=contact_id, subject=clean_subject, is_open=True, unread_count=0
    )
    session.add(conversation)
    session.flush()
    events.record(session, events.ConversationChanged(conversation.id, "opened"))
    return reply(session, actor, conversation.id, content, channel, now)


def _change(session: Session, actor: Actor, conversation_id: int, change: str) -> None:
    require(actor, Permission.MANAGE_INBOX)
    conversation = load_conversation(session, conversation_id)
    if change == "read":
        conversation.unread_count = 0
    elif change == "unread":
        conversation.unread_count = max(1, conversation.unread_count)
    elif change == "closed":
        conversation.is_open = False
        audit.record(session, actor, "close", "conversation", conversation_id)
    elif change == "opened":
        conversation.is_open = True
        audit.record(session, actor, "reopen", "conversation", conversation_id)
    events.record(session, events.ConversationChanged(conversation_id, change))


def mark_read(session: Session, actor: Actor, conversation_id: int) -> None:
    """Clear the conversation's unread count."""
    _change(session, actor, conversation_id, "read")


def mark_unread(session: Session, actor: Actor, conversation_id: int) -> None:
    """Show the conversation as unread again (at least one unread message)."""
    _change(session, actor, conversation_id, "unread")


def close(session: Session, actor: Actor, conversation_id: int) -> None:
    """Close the conversation (it reopens by itself when the customer writes again)."""
    _change(session, actor, conversation_id, "closed")


def reopen(session: Session, actor: Actor, conversation_id: int) -> None:
    """Open a closed conversation again."""
    _change(session, actor, conversation_id, "opened")
