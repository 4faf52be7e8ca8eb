"""The inbox as staff read it: the conversation list, its counts and one thread.

Read-only queries and the plain values they return; :mod:`inbox` re-exports
them with the actions that change conversations.
"""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass
from datetime import datetime
from typing import Any

from sqlalchemy import ColumnElement, Select, func, or_, select
from sqlalchemy.orm import Session

from careops_desktop.core.db import read_only
from careops_desktop.core.errors import NotFound, ValidationError
from careops_desktop.core.i18n import _
from careops_desktop.core.models import Contact, Conversation, Message
from careops_desktop.core.permissions import Actor, Permission, require
from careops_desktop.core.services.id_blocks import id_blocks, read_ids

PREVIEW_CHARS = 160


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


@dataclass(frozen=True)
class ConversationFilter:
    """Which conversations the inbox table shows: open, closed or all (``open_filter``
    True/False/None), and ``search`` in the contact's name, email, phone or the subject."""

    open_filter: bool | None = None
    search: str = ""


EVERY_CONVERSATION = ConversationFilter()
CONVERSATION_ORDERS = ("recent",)  # most recently active first


@read_only
def ids(
    session: Session,
    actor: Actor,
    flt: ConversationFilter = EVERY_CONVERSATION,
    order: str = "recent",
) -> list[int]:
    """Every conversation :func:`list_conversations` lists with ``flt``: ids only."""
    require(actor, Permission.MANAGE_INBOX)
    if order not in CONVERSATION_ORDERS:
        raise ValidationError({"order": _("Unknown order {order}.").format(order=repr(order))})
    query = select(Conversation.id)
    if (flt.search or "").strip():
        # only a search needs the contact (every conversation has one: NOT NULL foreign key)
        query = query.join(Contact, Contact.id == Conversation.contact_id)
    query = query.where(*_list_filter(flt.open_filter, flt.search)).order_by(
        Conversation.updated_at.desc(), Conversation.id.desc()
    )
    return read_ids(session, query)


@read_only
def rows_by_id(session: Session, actor: Actor, ids: Sequence[int]) -> dict[int, ConversationRow]:
    """The list rows (with the last message's preview) of these conversations, by id."""
    require(actor, Permission.MANAGE_INBOX)
    found: dict[int, ConversationRow] = {}
    for block in id_blocks(ids):
        query = _rows_select().where(Conversation.id.in_(block))
        found.update((row.id, row) for row in _rows(session, query))
    return found


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
