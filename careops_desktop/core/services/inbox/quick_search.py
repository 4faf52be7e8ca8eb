"""Conversations for "Search everywhere": by the contact, the subject, or what a message
says and who sent it.

Message texts are searched newest first and the search stops at the first matches
it needs, so a common word is quick; it reads at most the newest
:data:`MESSAGES_READ_MAX` messages (a keystroke's answer stays within 100 ms on
half a million messages), so an older message is found by its contact or subject.
"""

from __future__ import annotations

from collections.abc import Sequence

from sqlalchemy import func, or_, select
from sqlalchemy.orm import Session

from careops_desktop.core.db import read_only
from careops_desktop.core.models import Contact, Conversation, Message
from careops_desktop.core.permissions import Actor, Permission, require
from careops_desktop.core.services.search_text import SearchHit, SearchText, contains

SNIPPET_CHARS = 80
MESSAGE_MATCHES_MAX = 60  # matching messages read to find the conversations they are in
MESSAGES_READ_MAX = 50_000


def _by_message(session: Session, query: SearchText, limit: int) -> dict[int, str]:
    """Conversation id → the newest matching message's start, at most ``limit``."""
    if not query.searches_bodies:
        return {}
    newest = session.scalar(select(func.max(Message.id))) or 0
    rows = session.execute(
        select(Message.conversation_id, func.substr(Message.content, 1, SNIPPET_CHARS * 2))
        .where(
            Message.id > newest - MESSAGES_READ_MAX,
            or_(
                contains(session, Message.content, query.text),
                contains(session, Message.sender_name, query.text),
            ),
        )
        .order_by(Message.id.desc())
        .limit(MESSAGE_MATCHES_MAX)
    ).all()
    found: dict[int, str] = {}
    for conversation_id, content in rows:
        if conversation_id not in found:
            found[conversation_id] = " ".join((content or "").split())[:SNIPPET_CHARS]
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
            snippets.get(row.id) or row.subject or "(no subject)",
            row.updated_at,
        )
        for row in rows
    ]
