"""Contacts for "Search everywhere": by name, email or phone (in any format).

``matching_contact_ids`` is also what the other areas use to find a person's
bookings, conversations and forms; it checks no permission (the callers do).
"""

from __future__ import annotations

from collections.abc import Sequence
from typing import Any

from sqlalchemy import ColumnElement, and_, case, func, or_, select
from sqlalchemy.orm import Session

from careops_desktop.core.db import read_only
from careops_desktop.core.models import Contact
from careops_desktop.core.permissions import Actor, Permission, require
from careops_desktop.core.services.search_text import SearchHit, SearchText, contains

CONTACT_IDS_MAX = 200  # contacts whose records the other areas look through


def _clause(session: Session, query: SearchText) -> ColumnElement[bool]:
    clauses: list[ColumnElement[bool]] = [
        contains(session, Contact.name, query.text),
        contains(session, Contact.email, query.text),
    ]
    if len(query.words) > 1:  # "johnson sarah" finds Sarah Johnson
        clauses.append(and_(*(contains(session, Contact.name, word) for word in query.words)))
    if query.phone:
        clauses.append(Contact.phone == query.phone)
    if query.digits:
        clauses.append(Contact.phone.contains(query.digits, autoescape=True))
    return or_(*clauses)


def _order(query: SearchText) -> tuple[Any, ...]:
    """Exact and starting matches first, then by name."""
    lowered = query.text.lower()
    rank = case(
        (func.lower(Contact.name) == lowered, 0),
        (Contact.email == lowered, 0),  # stored lower-cased
        (func.lower(func.substr(Contact.name, 1, len(lowered))) == lowered, 1),
        else_=2,
    )
    return (rank, func.lower(Contact.name), Contact.id)


def matching_contact_ids(
    session: Session, query: SearchText, limit: int = CONTACT_IDS_MAX
) -> list[int]:
    """Ids of the contacts ``query`` names (best first), at most ``limit``; no permission
    check (for the other areas' searches, whose callers check theirs)."""
    found = select(Contact.id).where(_clause(session, query)).order_by(*_order(query)).limit(limit)
    return list(session.scalars(found))


@read_only
def search_hits(
    session: Session, actor: Actor, query: SearchText, limit: int, ids: Sequence[int] | None = None
) -> list[SearchHit]:
    """The contacts ``query`` finds, best first, at most ``limit``; ``ids``: the answer
    of :func:`matching_contact_ids` for ``query`` when the caller has it already."""
    require(actor, Permission.MANAGE_CONTACTS)
    wanted = list(ids if ids is not None else matching_contact_ids(session, query))[: max(0, limit)]
    if not wanted:
        return []
    rows = {
        row.id: row
        for row in session.execute(
            select(Contact.id, Contact.name, Contact.email, Contact.phone).where(
                Contact.id.in_(wanted)
            )
        )
    }
    return [
        SearchHit("contact", row.id, row.name, " · ".join(p for p in (row.email, row.phone) if p))
        for row in (rows.get(contact_id) for contact_id in wanted)
        if row is not None
    ]
