"""Conversations for "Search everywhere": by the contact (the customer who wrote), the
subject, or what a message says.

Message texts are found through SQLite's trigram index of them (``messages_text``,
migration 0012), newest first. Without it (PostgreSQL, an SQLite before 3.34) the
newest :data:`MESSAGES_READ_MAX` messages are read instead, so a keystroke's answer
stays quick; an older message is then found by its contact or subject.
"""

from __future__ import annotations

import re
from collections.abc import Sequence

from sqlalchemy import func, or_, select, text
from sqlalchemy.orm import Session

from careops_desktop.core.db import read_only
from careops_desktop.core.i18n import _
from careops_desktop.core.models import Contact, Conversation, Message
from careops_desktop.core.permissions import Actor, Permission, require
from careops_desktop.core.services.search_text import (
    MIN_BODY_CHARS,
    SearchHit,
    SearchText,
    contains,
)

SNIPPET_CHARS = 80
MESSAGE_MATCHES_MAX = 60  # matching messages read to find the conversations they are in
MESSAGES_READ_MAX = 50_000


def _has_text_index(session: Session) -> bool:
    """Whether this database has the trigram index of message texts (migration 0012)."""
    if session.get_bind().dialect.name != "sqlite":
        return False
    found = session.execute(
        text("SELECT 1 FROM sqlite_master WHERE type = 'table' AND name = 'messages_text'")
    ).first()
    return found is not None


def _indexed_ids(session: Session, query: SearchText) -> list[int] | None:
    """Ids of messages whose text may hold the search text, newest first, from
    the trigram index; None when the index cannot answer (absent, or no three plain
    characters to look up). ``%`` and ``_`` are wildcards to LIKE here, so the longest
    run without them is looked up and the caller checks the whole text."""
    if not _has_text_index(session):
        return None
    fragment = max(re.split(r"[%_]", query.text), key=len)
    if len(fragment) < MIN_BODY_CHARS:
        return None
    wanted = MESSAGE_MATCHES_MAX if fragment == query.text else MESSAGE_MATCHES_MAX * 4
    return list(
        session.scalars(
            text(
                "SELECT rowid FROM messages_text WHERE content LIKE :pattern "
                "ORDER BY rowid DESC LIMIT :wanted"
            ),
            {"pattern": f"%{fragment}%", "wanted": wanted},
        )
    )


def _by_message(session: Session, query: SearchText, limit: int) -> dict[int, str]:
    """Conversation id → the newest matching message's start, at most ``limit``."""
    if not query.searches_bodies:
        return {}
    candidates = _indexed_ids(session, query)
    columns = select(
        Message.conversation_id,
        func.substr(Message.content, 1, SNIPPET_CHARS * 2),
        Message.content,
    )
    if candidates is not None:
        rows = session.execute(
            columns.where(Message.id.in_(candidates)).order_by(Message.id.desc())
        ).all()
    else:  # no index (PostgreSQL, an old SQLite): the newest messages, read in turn
        newest = session.scalar(select(func.max(Message.id))) or 0
        rows = session.execute(
            columns.where(
                Message.id > newest - MESSAGES_READ_MAX,
                contains(session, Message.content, query.text),
            )
            .order_by(Message.id.desc())
            .limit(MESSAGE_MATCHES_MAX)
        ).all()
    wanted = query.text.casefold()
    found: dict[int, str] = {}
    for conversation_id, start, content in rows:
        if wanted not in (content or "").casefold():
            continue  # the index's candidate held only a part of the text
        if conversation_id not in found:
            found[conversation_id] = " ".join((start or "").split())[:SNIPPET_CHARS]
            if len(found) >= limit:
                break
    return found


@read_only
def search_hits(
    session: Session,
    actor: Actor,
    query: SearchText,
    contact_ids: Sequence[int],
    limit: int,
) -> list[SearchHit]:
    """The conversations ``query`` finds, most recently active first, at most ``limit``."""
    require(actor, Permission.MANAGE_INBOX)
    if limit <= 0:
        return []
    snippets = _by_message(session, query, limit)
    clauses = [contains(session, Conversation.subject, query.text)]
    if contact_ids:
        clauses.append(Conversation.contact_id.in_(list(contact_ids)))
    if snippets:
        clauses.append(Conversation.id.in_(list(snippets)))
    rows = session.execute(
        select(Conversation.id, Conversation.subject, Conversation.updated_at, Contact.name)
        .join(Contact, Contact.id == Conversation.contact_id)
        .where(or_(*clauses))
        .order_by(Conversation.updated_at.desc(), Conversation.id.desc())
        .limit(limit)
    ).all()
    return [
        SearchHit(
            "conversation",
            row.id,
            row.name,
            snippets.get(row.id) or row.subject or _("(no subject)"),
            row.updated_at,
        )
        for row in rows
    ]
