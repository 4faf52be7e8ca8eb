"""The inbox: conversations with contacts, staff replies, read/unread, open/closed.

A staff reply is a message row plus an outbox row in one transaction (the
relay job sends it; the thread shows queued → sent). Incoming email and SMS
are threaded in :mod:`careops_desktop.core.services.inbox.incoming`; the list,
counts and threads staff read are in :mod:`careops_desktop.core.services.inbox.views`.
Other areas call all three through the ``inbox`` package.
"""

from __future__ import annotations

from datetime import datetime

from sqlalchemy import bindparam, insert, select, update
from sqlalchemy.orm import Session

from careops_desktop.core import events
from careops_desktop.core.db import forget, insert_row, statements
from careops_desktop.core.errors import NotFound, ValidationError
from careops_desktop.core.i18n import _
from careops_desktop.core.i18n.formats import number_text
from careops_desktop.core.models import Contact, Conversation, Message, OutboxMessage, utcnow
from careops_desktop.core.permissions import Actor, Permission, require
from careops_desktop.core.services import audit, outbox, templates
from careops_desktop.core.services.business import get_business
from careops_desktop.core.services.inbox.views import (
    MessageView,
    load_conversation,
    message_view,
)
from careops_desktop.core.statement_runner import prebuilt

CONTENT_MAX = 20_000
REPLY_CHANNELS = ("email", "sms")


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
        raise ValidationError({"content": _("Write a message first.")})
    if len(text) > CONTENT_MAX:
        raise ValidationError(
            {
                "content": _("The message is longer than {limit} characters.").format(
                    limit=number_text(CONTENT_MAX)
                )
            }
        )
    return text


def _reply_subject(session: Session, conversation: Conversation) -> str:
    subject = " ".join(conversation.subject.split())
    if subject:
        return subject if subject.lower().startswith("re:") else f"Re: {subject}"
    return _("Message from {business}").format(business=get_business(session).name)


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
        raise ValidationError({"channel": _("Choose email or SMS.")})
    text = _check_content(content)
    conversation = load_conversation(session, conversation_id)
    contact = session.get(Contact, conversation.contact_id)
    if contact is None:
        raise NotFound("contact", conversation.contact_id)
    recipient = contact.email if channel == "email" else contact.phone
    if not recipient:
        field = "email" if channel == "email" else "phone"
        text = (
            _("{name} has no email address.")
            if channel == "email"
            else _("{name} has no phone number.")
        )
        raise ValidationError({field: text.format(name=contact.name)})
    when = now or utcnow()
    answered = None
    if channel == "email":
        answered = session.scalar(
            select(Message.message_id)
            .where(
                Message.conversation_id == conversation_id,
                Message.direction == "in",
                Message.sender_type == "customer",  # not an automatic reply's note
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
        links=templates.template_links(text, {}),  # staff wrote these links themselves
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
        raise ValidationError({"subject": _("The subject is longer than 300 characters.")})
    conversation = Conversation(
        contact_id=contact_id, subject=clean_subject, is_open=True, unread_count=0
    )
    session.add(conversation)
    session.flush()
    events.record(session, events.ConversationChanged(conversation.id, "opened"))
    return reply(session, actor, conversation.id, content, channel, now)


def _change(
    session: Session, actor: Actor, conversation_id: int, change: events.ConversationChange
) -> None:
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
