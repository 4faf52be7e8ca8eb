"""Claiming an offered time through its link: the first claim books it, through the
booking page's own flow (``bookings.book_public``), so every rule holds.

Race-safe: the offer's row is locked first (``FOR UPDATE`` on PostgreSQL; SQLite's
``BEGIN IMMEDIATE`` holds the one write lock), so one offer books once; two offers for
one time meet at the provider lock and overlap check of the booking itself, and the
second gets "just taken" with the nearest free times. Nothing is written before the
booking flow refuses, so a refused claim commits only the offer's new status.
"""

from __future__ import annotations

from dataclasses import dataclass
from datetime import datetime
from typing import Literal

from sqlalchemy import select
from sqlalchemy.orm import Session

from careops_desktop.core import events
from careops_desktop.core.db import read_only
from careops_desktop.core.errors import NotFound, PolicyRefused, SlotTaken, ValidationError
from careops_desktop.core.models import BookingType, Provider, WaitlistEntry, WaitlistOffer
from careops_desktop.core.services.bookings.flow import book_public
from careops_desktop.core.time_bounds import aware_now
from careops_desktop.core.tokens import tokens_equal

TOKEN_MAX = 100
Outcome = Literal["booked", "taken", "expired", "closed", "too_late"]


@dataclass(frozen=True)
class OfferView:
    """What the claim page shows about an offer."""

    status: str  # offered | claimed | expired | withdrawn | taken
    open: bool  # can be claimed now
    start: datetime
    expires_at: datetime
    name: str
    booking_type_name: str
    booking_type_slug: str
    provider_id: int
    provider_name: str


@dataclass(frozen=True)
class ClaimResult:
    """The outcome of a claim: the manage token when booked, else other times to choose."""

    outcome: Outcome
    offer: OfferView
    manage_token: str = ""
    alternatives: tuple[datetime, ...] = ()
    message: str = ""


def _find(session: Session, token: str, *, lock: bool) -> WaitlistOffer:
    if not isinstance(token, str) or not token or len(token) > TOKEN_MAX:
        raise NotFound("offer", 0)
    query = select(WaitlistOffer).where(WaitlistOffer.token == token)
    if lock:
        query = query.with_for_update()
    offer = session.scalars(query).first()
    if offer is None or not tokens_equal(token, offer.token):
        raise NotFound("offer", 0)
    return offer


def _view(session: Session, offer: WaitlistOffer, now: datetime) -> OfferView:
    entry = session.get(WaitlistEntry, offer.entry_id)
    assert entry is not None  # the foreign key cascades
    booking_type = session.get(BookingType, entry.booking_type_id)
    provider = session.get(Provider, offer.provider_id)
    return OfferView(
        status=offer.status,
        open=offer.status == "offered" and offer.sends_at <= now < offer.expires_at,
        start=offer.start_at,
        expires_at=offer.expires_at,
        name=entry.name,
        booking_type_name=booking_type.name if booking_type else "",
        booking_type_slug=booking_type.slug if booking_type else "",
        provider_id=offer.provider_id,
        provider_name=provider.name if provider else "",
    )


@read_only
def view_offer(session: Session, token: str, now: datetime | None = None) -> OfferView:
    """The offer behind a claim link; :class:`NotFound` for an unknown or malformed token."""
    return _view(session, _find(session, token, lock=False), aware_now(now))


def claim_offer(
    session: Session, token: str, now: datetime | None = None, *, language: str | None = None
) -> ClaimResult:
    """Book the offered time for the waiting customer, if the offer is open and the time free.

    Outcomes: ``booked`` (with the manage token), ``taken`` (someone booked it first:
    nearest free times given), ``expired`` (the offer ran out), ``closed`` (claimed,
    withdrawn or already taken), ``too_late`` (the time is now inside the notice).
    :class:`NotFound` for an unknown token. ``language``: the claim page's, for the contact.
    """
    now = aware_now(now)
    offer = _find(session, token, lock=True)
    entry = session.get(WaitlistEntry, offer.entry_id)
    assert entry is not None
    if offer.status != "offered" or entry.status != "waiting":
        return ClaimResult("closed", _view(session, offer, now))
    if now >= offer.expires_at or now < offer.sends_at:
        return ClaimResult("expired", _view(session, offer, now))
    try:
        receipt = book_public(
            session,
            booking_type_id=entry.booking_type_id,
            provider_id=offer.provider_id,
            start_utc=offer.start_at,
            name=entry.name,
            email=entry.email or "",
            phone=entry.phone or "",
            now=now,
            language=language,
        )
    except SlotTaken as exc:
        offer.status, offer.closed_at = "taken", now
        session.flush()
        events.record(session, events.WaitlistChanged(entry.id))
        return ClaimResult(
            "taken", _view(session, offer, now), alternatives=tuple(exc.alternatives)
        )
    except (PolicyRefused, ValidationError) as exc:
        offer.status, offer.closed_at = "taken", now
        session.flush()
        events.record(session, events.WaitlistChanged(entry.id))
        text = str(exc) if isinstance(exc, PolicyRefused) else " ".join(exc.fields.values())
        return ClaimResult("too_late", _view(session, offer, now), message=text)
    offer.status, offer.closed_at, offer.booking_id = "claimed", now, receipt.booking_id
    entry.status, entry.closed_at, entry.booking_id = "booked", now, receipt.booking_id
    session.flush()
    events.record(session, events.WaitlistChanged(entry.id))
    return ClaimResult("booked", _view(session, offer, now), manage_token=receipt.manage_token)
