"""Bookings of any date for "Search everywhere": by the customer, the booking type, the
provider or the day typed.

Coming bookings first (soonest first), then past ones (latest first); each part is
a bounded, indexed query.
"""

from __future__ import annotations

from collections.abc import Sequence
from datetime import datetime, time, timedelta
from zoneinfo import ZoneInfo

from sqlalchemy import ColumnElement, func, select
from sqlalchemy.orm import Session

from careops_desktop.core.clock_text import day_and_time
from careops_desktop.core.db import read_only
from careops_desktop.core.i18n import N_, _
from careops_desktop.core.models import Booking, BookingType, Contact, Provider, utcnow
from careops_desktop.core.permissions import Actor, Permission, require
from careops_desktop.core.services.search_text import SearchHit, SearchText, contains

STATUS_WORDS = {
    "confirmed": N_("confirmed"),
    "arrived": N_("arrived"),
    "completed": N_("completed"),
    "no_show": N_("no-show"),
    "cancelled": N_("cancelled"),
}


def _clauses(
    session: Session, query: SearchText, contact_ids: Sequence[int], zone: ZoneInfo
) -> list[ColumnElement[bool]]:
    """One clause per way the text finds bookings (each runs as its own indexed query)."""
    clauses: list[ColumnElement[bool]] = []
    if contact_ids:
        clauses.append(Booking.contact_id.in_(list(contact_ids)))
    type_ids = list(
        session.scalars(
            select(BookingType.id).where(contains(session, BookingType.name, query.text))
        )
    )
    if type_ids:
        clauses.append(Booking.booking_type_id.in_(type_ids))
    provider_ids = list(
        session.scalars(select(Provider.id).where(contains(session, Provider.name, query.text)))
    )
    if provider_ids:
        clauses.append(Booking.provider_id.in_(provider_ids))
    if query.day is not None:
        start = datetime.combine(query.day, time(), zone)
        end = datetime.combine(query.day + timedelta(days=1), time(), zone)
        clauses.append((Booking.start_at >= start) & (Booking.start_at < end))
    return clauses


@read_only
def search_hits(
    session: Session,
    actor: Actor,
    query: SearchText,
    contact_ids: Sequence[int],
    limit: int,
    zone: ZoneInfo,
    now: datetime | None = None,
) -> list[SearchHit]:
    """The bookings ``query`` finds (of the contacts ``contact_ids`` it names, of a
    booking type or provider it names, or on the day it names), at most ``limit``."""
    require(actor, Permission.MANAGE_BOOKINGS)
    clauses = _clauses(session, query, contact_ids, zone)
    if not clauses or limit <= 0:
        return []
    moment = now or utcnow()
    coming: set[tuple[datetime, int]] = set()
    past: set[tuple[datetime, int]] = set()
    for clause in clauses:  # bookings alone, on their indexes; the names come after
        ids = select(Booking.start_at, Booking.id).where(clause)
        coming.update(
            session.execute(
                ids.where(Booking.start_at >= moment)
                .order_by(Booking.start_at, Booking.id)
                .limit(limit)
            ).all()
        )
        past.update(
            session.execute(
                ids.where(Booking.start_at < moment)
                .order_by(Booking.start_at.desc(), Booking.id.desc())
                .limit(limit)
            ).all()
        )
    chosen = [i for _, i in sorted(coming)] + [i for _, i in sorted(past, reverse=True)]
    chosen = chosen[:limit]
    if not chosen:
        return []
    details = (
        select(
            Booking.id,
            Booking.start_at,
            Booking.status,
            func.coalesce(func.nullif(Booking.customer_name, ""), Contact.name),
            BookingType.name,
            Provider.name,
        )
        .join(Contact, Contact.id == Booking.contact_id)
        .join(BookingType, BookingType.id == Booking.booking_type_id)
        .join(Provider, Provider.id == Booking.provider_id)
        .where(Booking.id.in_(chosen))
    )
    by_id = {row[0]: row for row in session.execute(details)}
    rows = [by_id[i] for i in chosen if i in by_id]
    return [
        SearchHit(
            "booking",
            booking_id,
            f"{customer} — {type_name}",
            _("{when} with {provider} ({status})").format(
                when=day_and_time(start, zone),
                provider=provider,
                status=_(STATUS_WORDS[status]) if status in STATUS_WORDS else status,
            ),
            start,
        )
        for booking_id, start, status, customer, type_name, provider in rows
    ]
