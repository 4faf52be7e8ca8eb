"""Reads the booking page needs, composed from core services in the shape the pages show.

Each function runs on the database worker (``await database.run(fn, ...)``)
and returns frozen values. ``load_catalog`` lists what customers may book: the
active booking types and, for each, the active providers who offer it, in the
business's order. ``calendar_feed_text`` checks the feed secret in constant
time before it renders anything.
"""

from __future__ import annotations

from dataclasses import dataclass
from datetime import datetime

from sqlalchemy.orm import Session

from careops_desktop.core.db import read_only
from careops_desktop.core.errors import NotFound
from careops_desktop.core.services.bookings import booking_id_for_token, list_booking_types
from careops_desktop.core.services.business import get_business
from careops_desktop.core.services.providers import list_providers
from careops_desktop.core.tokens import tokens_equal
from careops_desktop.integrations import ics

FEED_DAYS_AHEAD = 180
FEED_DAYS_BACK = 14


@dataclass(frozen=True)
class PublicProvider:
    id: int
    name: str


@dataclass(frozen=True)
class PublicType:
    """A booking type as the public page shows it."""

    id: int
    slug: str
    name: str
    duration_minutes: int
    price_minor: int | None
    description: str
    location: str
    providers: tuple[PublicProvider, ...]

    def provider(self, provider_id: int) -> PublicProvider | None:
        return next((p for p in self.providers if p.id == provider_id), None)


@dataclass(frozen=True)
class Catalog:
    """The bookable types in display order (types no active provider offers are left out)."""

    types: tuple[PublicType, ...]

    def by_slug(self, slug: str) -> PublicType | None:
        return next((t for t in self.types if t.slug == slug), None)


@read_only
def load_catalog(session: Session) -> Catalog:
    """The active booking types with their active providers, in the business's order."""
    providers = {p.id: p for p in list_providers(session)}
    order = {pid: index for index, pid in enumerate(providers)}
    types: list[PublicType] = []
    for t in list_booking_types(session):
        offered = sorted((pid for pid in t.provider_ids if pid in providers), key=order.__getitem__)
        if not offered:
            continue
        types.append(
            PublicType(
                id=t.id,
                slug=t.slug,
                name=t.name,
                duration_minutes=t.duration_minutes,
                price_minor=t.price_minor,
                description=t.description,
                location=t.location,
                providers=tuple(PublicProvider(pid, providers[pid].name) for pid in offered),
            )
        )
    return Catalog(tuple(types))


@read_only
def calendar_feed_text(session: Session, secret: str, now: datetime) -> str | None:
    """The staff calendar feed when ``secret`` is the business's feed secret, else None."""
    try:
        business = get_business(session)
    except NotFound:
        return None
    stored = business.calendar_feed_secret or ""
    if not stored or not tokens_equal(secret, stored):
        return None
    upcoming = ics.load_upcoming(session, now, days=FEED_DAYS_AHEAD, past_days=FEED_DAYS_BACK)
    return ics.calendar_feed(upcoming, now=now, name=business.name)


@read_only
def booking_ics_for_token(session: Session, token: str, now: datetime, manage_url: str) -> str:
    """The ``.ics`` of the booking behind a manage token; :class:`NotFound` for a bad token."""
    booking_id = booking_id_for_token(session, token)
    return ics.booking_invitation(
        ics.load_booking(session, booking_id), now=now, manage_url=manage_url
    )
