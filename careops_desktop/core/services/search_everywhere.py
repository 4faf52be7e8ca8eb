"""Search everywhere (Ctrl+K): contacts, bookings of any date, conversations and form
submissions, from one text.

:func:`search_everything` reads the text once (:mod:`search_text`), finds the
contacts it names once, and asks each area for its hits; a kind the person may not
see is left out (no error). Runs on the database worker like every read.
"""

from __future__ import annotations

from dataclasses import dataclass, field
from datetime import date, datetime

from sqlalchemy.orm import Session

from careops_desktop.core.db import read_only
from careops_desktop.core.models import utcnow
from careops_desktop.core.permissions import Actor, Permission
from careops_desktop.core.services.bookings import quick_search as booking_search
from careops_desktop.core.services.business import business_zone
from careops_desktop.core.services.contacts import quick_search as contact_search
from careops_desktop.core.services.contacts.fields import default_region
from careops_desktop.core.services.forms import quick_search as submission_search
from careops_desktop.core.services.forms.submissions import READ_PERMISSIONS
from careops_desktop.core.services.inbox import quick_search as conversation_search
from careops_desktop.core.services.search_text import SearchHit, read_search_text

KINDS = ("contact", "booking", "conversation", "submission")
LIMIT_MAX = 50
MIN_CHARS = 2  # one letter would match most of the business


@dataclass(frozen=True)
class SearchResults:
    """The hits of one text, per kind in :data:`KINDS` order; ``kinds`` are the kinds this
    person may search (a kind without hits has an empty list)."""

    text: str
    kinds: tuple[str, ...]
    hits: dict[str, list[SearchHit]] = field(default_factory=dict)
    too_short: bool = False  # the text has fewer than MIN_CHARS characters

    @property
    def count(self) -> int:
        return sum(len(found) for found in self.hits.values())


def searchable_kinds(actor: Actor) -> tuple[str, ...]:
    """The kinds ``actor`` may search, in :data:`KINDS` order."""
    allowed = {
        "contact": actor.can(Permission.MANAGE_CONTACTS),
        "booking": actor.can(Permission.MANAGE_BOOKINGS),
        "conversation": actor.can(Permission.MANAGE_INBOX),
        "submission": any(actor.can(p) for p in READ_PERMISSIONS),
    }
    return tuple(kind for kind in KINDS if allowed[kind])


@read_only
def search_everything(
    session: Session,
    actor: Actor,
    text: str,
    limit_per_kind: int = 6,
    now: datetime | None = None,
) -> SearchResults:
    """What ``text`` finds of each kind ``actor`` may see, at most ``limit_per_kind``
    (1–50) each. Any text is accepted: empty or unreadable text finds nothing."""
    limit = max(1, min(int(limit_per_kind), LIMIT_MAX))
    kinds = searchable_kinds(actor)
    zone = business_zone(session)
    moment = now or utcnow()
    today: date = moment.astimezone(zone).date()
    query = read_search_text(text, today, default_region(session))
    if query is None or not kinds:
        return SearchResults("", kinds, {kind: [] for kind in kinds})
    if len(query.text) < MIN_CHARS:
        return SearchResults(query.text, kinds, {kind: [] for kind in kinds}, too_short=True)
    contact_ids = contact_search.matching_contact_ids(session, query)
    hits: dict[str, list[SearchHit]] = {}
    for kind in kinds:
        if kind == "contact":
            hits[kind] = contact_search.search_hits(session, actor, query, limit, contact_ids)
        elif kind == "booking":
            hits[kind] = booking_search.search_hits(
                session, actor, query, contact_ids, limit, zone, moment
            )
        elif kind == "conversation":
            hits[kind] = conversation_search.search_hits(session, actor, query, contact_ids, limit)
        else:
            hits[kind] = submission_search.search_hits(session, actor, query, contact_ids, limit)
    return SearchResults(query.text, kinds, hits)
