"""The desk's waitlist view: who waits, for what, since when, and the offers sent."""

from __future__ import annotations

from dataclasses import dataclass
from datetime import datetime

from sqlalchemy import func, select
from sqlalchemy.orm import Session

from careops_desktop.core.db import read_only
from careops_desktop.core.models import BookingType, Provider, WaitlistEntry, WaitlistOffer
from careops_desktop.core.services.waitlist.entries import entry_days

LIST_MAX = 500


@dataclass(frozen=True)
class WaitlistRow:
    """One entry as the desk sees it (customer text is plain text: show it as such)."""

    entry_id: int
    name: str
    email: str
    phone: str
    booking_type_id: int
    booking_type_name: str
    provider_id: int | None
    provider_name: str  # "" for anyone
    dates: tuple[tuple[str, str], ...]  # ISO first and last days
    joined_at: datetime
    status: str  # waiting | booked | removed
    source: str  # web | desk
    offers_sent: int
    last_offer_status: str  # "" with no offer yet
    last_offer_start: datetime | None
    last_offer_expires: datetime | None


@read_only
def list_waitlist(session: Session, *, include_closed: bool = False) -> list[WaitlistRow]:
    """Waiting entries in order of joining (``include_closed``: booked and removed too)."""
    query = select(WaitlistEntry).order_by(WaitlistEntry.joined_at, WaitlistEntry.id)
    if not include_closed:
        query = query.where(WaitlistEntry.status == "waiting")
    entries = session.scalars(query.limit(LIST_MAX)).all()
    ids = [e.id for e in entries]
    counts = dict(
        session.execute(
            select(WaitlistOffer.entry_id, func.count())
            .where(WaitlistOffer.entry_id.in_(ids))
            .group_by(WaitlistOffer.entry_id)
        ).all()
    )
    last: dict[int, WaitlistOffer] = {}
    for sent in session.scalars(
        select(WaitlistOffer).where(WaitlistOffer.entry_id.in_(ids)).order_by(WaitlistOffer.id)
    ):
        last[sent.entry_id] = sent
    types = dict(session.execute(select(BookingType.id, BookingType.name)).all())
    providers = dict(session.execute(select(Provider.id, Provider.name)).all())
    rows: list[WaitlistRow] = []
    for e in entries:
        offer = last.get(e.id)
        rows.append(
            WaitlistRow(
                entry_id=e.id,
                name=e.name,
                email=e.email or "",
                phone=e.phone or "",
                booking_type_id=e.booking_type_id,
                booking_type_name=types.get(e.booking_type_id, ""),
                provider_id=e.provider_id,
                provider_name=providers.get(e.provider_id, "") if e.provider_id else "",
                dates=tuple((a.isoformat(), b.isoformat()) for a, b in entry_days(e)),
                joined_at=e.joined_at,
                status=e.status,
                source=e.source,
                offers_sent=int(counts.get(e.id, 0)),
                last_offer_status=offer.status if offer else "",
                last_offer_start=offer.start_at if offer else None,
                last_offer_expires=offer.expires_at if offer else None,
            )
        )
    return rows
