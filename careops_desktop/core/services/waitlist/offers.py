"""Freed time goes to the waitlist: matching, offers, their messages, and passing them on.

:func:`time_freed` runs inside the transaction that frees the time (a cancellation, the
old time of a move, a removed block, a freed seat), so the offer commits — or not —
with that change: no scan, no lag, no offer for a change that rolled back. The first
waiting customer (in order of joining) whose booking type, provider and dates fit a
free start the booking page itself would show (notice, horizon, hours, blocks, never
the past) gets one offer by email (else SMS) through the outbox, claimable until
``expires_at`` (Automations → waitlist offer hours, default 2).

A desk change can be undone for two minutes: an offer caused by one (``hold``) is
written at once but its message waits :data:`HOLD` before the relay may send it, and
the undo withdraws the offer and deletes the message (:func:`withdraw_freed_by`).
:func:`pass_on_expired` (a job) ends offers nobody claimed and offers the time to the
next person.
"""

from __future__ import annotations

from dataclasses import dataclass
from datetime import UTC, date, datetime, timedelta
from zoneinfo import ZoneInfo

from sqlalchemy import delete, select, update
from sqlalchemy.orm import Session

from careops_desktop.core import events
from careops_desktop.core.clock_text import day_and_time
from careops_desktop.core.db import read_only
from careops_desktop.core.errors import NotFound, PolicyRefused, ValidationError
from careops_desktop.core.i18n import _
from careops_desktop.core.models import (
    OutboxMessage,
    WaitlistEntry,
    WaitlistOffer,
)
from careops_desktop.core.permissions import Actor, Permission, require
from careops_desktop.core.services import audit, outbox, templates
from careops_desktop.core.services.business import (
    business_settings,
    business_zone,
    public_base_url,
)
from careops_desktop.core.services.slots import Slot, load_type_rules, local_label, slots_for_day
from careops_desktop.core.services.waitlist.entries import entry_days
from careops_desktop.core.time_bounds import aware_now
from careops_desktop.core.tokens import new_token

HOLD = timedelta(minutes=2)  # = bookings.UNDO_WINDOW (a test keeps them equal)
DEFAULT_OFFER_HOURS = 2
OFFER_HOURS_KEY = "waitlist_offer_hours"  # in Business.automations
OFFER_HOURS_RANGE = (1, 48)
SCAN_MAX = 200  # waiting entries looked at per freed time
TEMPLATE = "waitlist_offer"


def offer_hours(session: Session) -> int:
    """How long an offer can be claimed (Automations; default 2 hours)."""
    stored = business_settings(session).automations.get(OFFER_HOURS_KEY)
    low, high = OFFER_HOURS_RANGE
    if isinstance(stored, int) and not isinstance(stored, bool) and low <= stored <= high:
        return stored
    return DEFAULT_OFFER_HOURS


def claim_link(base_url: str, token: str) -> str:
    """The customer's link to claim an offer, under the page's base URL."""
    return f"{base_url}/waitlist/claim/{token}"


def _when_text(start: datetime, zone: ZoneInfo) -> str:
    return day_and_time(start, zone)


def _send_offer(
    session: Session, entry: WaitlistEntry, offer: WaitlistOffer, provider_name: str
) -> int | None:
    """The offer's email (else SMS), held until ``offer.sends_at``; None with no address."""
    zone = business_zone(session)
    type_name = load_type_rules(session, entry.booking_type_id, active_only=False).name
    link = claim_link(public_base_url(session), offer.token)
    context = {
        "contact_name": entry.name,
        "booking_time": templates.Localized(_when_text, offer.start_at, zone),
        "booking_type": type_name,
        "provider_name": provider_name,
        "claim_link": link,
        "offer_until": templates.Localized(_when_text, offer.expires_at, zone),
    }
    rendered = templates.render_message(
        session, TEMPLATE, context, language=entry.language, address=entry.email or entry.phone
    )
    channel, address = ("email", entry.email) if entry.email else ("sms", entry.phone)
    if not address:
        return None
    outbox_id = outbox.enqueue(
        session,
        channel=channel,
        recipient=address,
        subject=rendered.subject if channel == "email" else "",
        body=rendered.body,
        kind=TEMPLATE,
        links=rendered.links,
        now=offer.created_at,
    )
    if offer.sends_at > offer.created_at:
        session.execute(
            update(OutboxMessage)
            .where(OutboxMessage.id == outbox_id)
            .values(next_attempt_at=offer.sends_at)
            .execution_options(synchronize_session=False)
        )
    return outbox_id


def _offered_already(session: Session, provider_id: int, start: datetime) -> set[int]:
    """Entries offered this provider's ``start`` before (live or not) — the time moves on."""
    return set(
        session.scalars(
            select(WaitlistOffer.entry_id).where(
                WaitlistOffer.provider_id == provider_id, WaitlistOffer.start_at == start
            )
        )
    )


def _live_at(session: Session, provider_id: int, start: datetime) -> bool:
    return (
        session.scalar(
            select(WaitlistOffer.id).where(
                WaitlistOffer.provider_id == provider_id,
                WaitlistOffer.start_at == start,
                WaitlistOffer.status == "offered",
            )
        )
        is not None
    )


def make_offer(
    session: Session,
    entry: WaitlistEntry,
    provider_id: int,
    provider_name: str,
    start: datetime,
    now: datetime,
    *,
    hold: bool,
    freed_by: str | None,
    by_hand: bool = False,
) -> WaitlistOffer:
    """Write one offer and its message (the caller checked the time is free and fits)."""
    sends_at = now + HOLD if hold else now
    expires_at = min(sends_at + timedelta(hours=offer_hours(session)), start)
    offer = WaitlistOffer(
        entry_id=entry.id,
        provider_id=provider_id,
        start_at=start,
        token=new_token(),
        status="offered",
        sends_at=sends_at,
        expires_at=expires_at,
        by_hand=by_hand,
        freed_by=freed_by,
        created_at=now,
    )
    session.add(offer)
    session.flush()
    offer.outbox_id = _send_offer(session, entry, offer, provider_name)
    session.flush()
    events.record(session, events.WaitlistChanged(entry.id))
    return offer


def _fitting_start(
    session: Session,
    entry: WaitlistEntry,
    provider_id: int,
    start: datetime,
    end: datetime,
    zone: ZoneInfo,
    now: datetime,
    earliest: datetime,
    free: dict[tuple[int, date], tuple[Slot, ...] | None],
) -> tuple[datetime, str] | None:
    """The first start in ``[start, end)`` the booking page offers this entry, or None.

    ``free`` keeps each (booking type, day)'s free starts for the rest of the scan.
    """
    wanted = entry_days(entry)
    day = start.astimezone(zone).date()
    last_day = (end - timedelta(microseconds=1)).astimezone(zone).date()
    while day <= last_day:
        if any(first <= day <= last for first, last in wanted):
            key = (entry.booking_type_id, day)
            if key not in free:
                free[key] = _free_starts(session, entry.booking_type_id, provider_id, day, now)
            for slot in free[key] or ():
                if not start <= slot.start_utc < end or slot.start_utc <= earliest:
                    continue
                if entry.id in _offered_already(session, provider_id, slot.start_utc):
                    continue
                if _live_at(session, provider_id, slot.start_utc):
                    continue
                return slot.start_utc, slot.provider_name
        day += timedelta(days=1)
    return None


def _free_starts(
    session: Session, booking_type_id: int, provider_id: int, day: date, now: datetime
) -> tuple[Slot, ...] | None:
    """The provider's free starts for the type on ``day``; None when the type is inactive
    or the provider does not offer it."""
    try:
        type_rules = load_type_rules(session, booking_type_id, active_only=True)
    except NotFound:
        return None
    if provider_id not in type_rules.provider_ids:
        return None
    return slots_for_day(session, booking_type_id, day, provider_id, now).slots


def time_freed(
    session: Session,
    provider_id: int,
    start: datetime,
    end: datetime,
    now: datetime | None = None,
    *,
    freed_by: str | None = None,
    hold: bool = False,
) -> int | None:
    """``[start, end)`` of ``provider_id`` is free again: offer it to the first who fits.

    Runs in the freeing transaction. Returns the new offer's id, or None when nobody
    waiting fits (or the time is past, inside the notice or beyond the horizon).
    ``hold``: a desk change that can still be undone — the message waits :data:`HOLD`.
    """
    now = aware_now(now)
    if end <= now:
        return None
    zone = business_zone(session)
    earliest = now + HOLD if hold else now
    entries = session.scalars(
        select(WaitlistEntry)
        .where(
            WaitlistEntry.status == "waiting",
            (WaitlistEntry.provider_id.is_(None)) | (WaitlistEntry.provider_id == provider_id),
        )
        .order_by(WaitlistEntry.joined_at, WaitlistEntry.id)
        .limit(SCAN_MAX)
    ).all()
    free: dict[tuple[int, date], tuple[Slot, ...] | None] = {}
    holding = set(
        session.scalars(select(WaitlistOffer.entry_id).where(WaitlistOffer.status == "offered"))
    )
    for entry in entries:
        if entry.id in holding:  # one open offer per person at a time
            continue
        found = _fitting_start(session, entry, provider_id, start, end, zone, now, earliest, free)
        if found is None:
            continue
        offer = make_offer(
            session, entry, provider_id, found[1], found[0], now, hold=hold, freed_by=freed_by
        )
        return offer.id
    return None


def seat_freed(
    session: Session,
    provider_id: int,
    start: datetime,
    end: datetime,
    now: datetime | None = None,
    *,
    class_id: int | None = None,
    hold: bool = False,
) -> int | None:
    """A seat of a full class freed up: the hook for classes with seats (issue 18).

    Until classes are merged it offers the class's time like any freed time.
    """
    freed_by = f"seat:{class_id}" if class_id is not None else None
    return time_freed(session, provider_id, start, end, now, freed_by=freed_by, hold=hold)


def withdraw_freed_by(session: Session, freed_by: str, since: datetime) -> int:
    """Withdraw the open offers ``freed_by`` caused since ``since`` (an undo took the time back).

    Their messages that have not left are deleted. Returns how many offers were withdrawn.
    """
    offers = session.scalars(
        select(WaitlistOffer).where(
            WaitlistOffer.freed_by == freed_by,
            WaitlistOffer.status == "offered",
            WaitlistOffer.created_at >= since,
        )
    ).all()
    for offer in offers:
        offer.status = "withdrawn"
        offer.closed_at = since
        if offer.outbox_id is not None:
            session.execute(
                delete(OutboxMessage)
                .where(OutboxMessage.id == offer.outbox_id, OutboxMessage.status == "queued")
                .execution_options(synchronize_session=False)
            )
        events.record(session, events.WaitlistChanged(offer.entry_id))
    session.flush()
    return len(offers)


def _close_lapsed(session: Session, now: datetime) -> None:
    """Take off the list those whose every date has passed (so they never clog a scan)."""
    today = now.astimezone(business_zone(session)).date()
    for entry in session.scalars(
        select(WaitlistEntry).where(WaitlistEntry.status == "waiting").limit(SCAN_MAX * 5)
    ):
        days = entry_days(entry)
        if days and max(last for _, last in days) < today:
            entry.status, entry.closed_at = "removed", now
            events.record(session, events.WaitlistChanged(entry.id))
    session.flush()


def pass_on_expired(session: Session, now: datetime | None = None, limit: int = 50) -> int:
    """End offers nobody claimed in time, and offer each time to the next who fits (a job).

    Entries whose dates have all passed leave the list here too. Returns how many
    offers ended.
    """
    now = aware_now(now)
    expired = session.scalars(
        select(WaitlistOffer)
        .where(WaitlistOffer.status == "offered", WaitlistOffer.expires_at <= now)
        .order_by(WaitlistOffer.expires_at, WaitlistOffer.id)
        .limit(limit)
    ).all()
    for offer in expired:
        offer.status = "expired"
        offer.closed_at = now
        events.record(session, events.WaitlistChanged(offer.entry_id))
    session.flush()
    _close_lapsed(session, now)
    for offer in expired:  # the same start only: the next person, not a neighbouring time
        time_freed(
            session,
            offer.provider_id,
            offer.start_at,
            offer.start_at + timedelta(minutes=1),
            now,
            freed_by=offer.freed_by,
        )
    return len(expired)


@dataclass(frozen=True)
class FreeTime:
    """A start the booking page would offer a waiting customer."""

    start: datetime
    label: str
    provider_id: int
    provider_name: str


@read_only
def free_times_for_entry(
    session: Session, entry_id: int, day_start: datetime, now: datetime | None = None
) -> list[FreeTime]:
    """The free starts on the local day of ``day_start`` that fit entry ``entry_id``."""
    now = aware_now(now)
    entry = session.get(WaitlistEntry, entry_id)
    if entry is None:
        raise NotFound("waitlist entry", entry_id)
    zone = business_zone(session)
    day = day_start.astimezone(zone).date()
    try:
        found = slots_for_day(session, entry.booking_type_id, day, entry.provider_id, now)
    except NotFound:
        return []
    return [
        FreeTime(s.start_utc, local_label(s.start_utc, zone), s.provider_id, s.provider_name)
        for s in found.slots
    ]


def offer_by_hand(
    session: Session,
    actor: Actor,
    entry_id: int,
    provider_id: int,
    start: datetime,
    now: datetime | None = None,
) -> int:
    """The desk offers a free time to one waiting customer; needs MANAGE_BOOKINGS.

    The time must be one the booking page offers for their booking type now (so the
    claim can book it); an open offer they hold is withdrawn first. Returns the offer id.
    """
    require(actor, Permission.MANAGE_BOOKINGS)
    now = aware_now(now)
    entry = session.get(WaitlistEntry, entry_id)
    if entry is None:
        raise NotFound("waitlist entry", entry_id)
    if entry.status != "waiting":
        raise PolicyRefused(
            _("{name} is no longer waiting, so no time can be offered.").format(name=entry.name)
        )
    if start.tzinfo is None or start <= now:
        raise ValidationError({"start": _("Please choose a time that has not passed.")})
    free = {
        (t.start, t.provider_id): t.provider_name
        for t in free_times_for_entry(session, entry_id, start, now)
    }
    name = free.get((start.astimezone(UTC), provider_id))
    if name is None:
        raise ValidationError({"start": _("That time is not free for this booking any more.")})
    for old in session.scalars(
        select(WaitlistOffer).where(
            WaitlistOffer.entry_id == entry_id, WaitlistOffer.status == "offered"
        )
    ):
        old.status = "withdrawn"
        old.closed_at = now
    offer = make_offer(
        session,
        entry,
        provider_id,
        name,
        start.astimezone(UTC),
        now,
        hold=False,
        freed_by=None,
        by_hand=True,
    )
    audit.record(
        session,
        actor,
        "offer",
        "waitlist_entry",
        entry_id,
        {"start": start.isoformat(), "provider_id": provider_id},
    )
    return offer.id
