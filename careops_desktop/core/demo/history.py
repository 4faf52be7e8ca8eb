"""Who booked which time, when they booked it, and what became of it.

Turns the schedule's slots into bookings with customers: new customers
arrive steadily (most often for a first-visit type), regulars come back often,
bookings are made days ahead (never after "now"), and past bookings end
completed, no-show or cancelled while future ones are confirmed or cancelled.
"""

from __future__ import annotations

import random
import secrets
import unicodedata
from collections.abc import Iterator
from dataclasses import dataclass
from datetime import UTC, datetime, timedelta
from typing import Any

from careops_desktop.core.demo import wordlists as w
from careops_desktop.core.demo.catalogue import Catalogue
from careops_desktop.core.demo.schedule import Slot

INQUIRY_ONLY_SHARE = 0.08  # customers who got in touch but never booked
MIN_GAP = timedelta(days=7)  # between two visits of one customer, mostly
WARM_UP = 60  # until this many customers are known, most bookings bring a new one


@dataclass(slots=True)
class ContactRecord:
    id: int
    name: str
    email: str | None
    phone: str | None
    notes: str
    created_at: datetime


@dataclass(slots=True)
class BookingRecord:
    id: int
    slot: Slot
    contact_id: int
    status: str
    source: str
    created_at: datetime
    created_by: int | None
    cancelled_at: datetime | None
    reminder_at: datetime | None


def _ascii(text: str) -> str:
    folded = unicodedata.normalize("NFKD", text).encode("ascii", "ignore").decode()
    return "".join(ch for ch in folded.lower() if ch.isalnum())


def make_contact(rng: random.Random, contact_id: int, created_at: datetime) -> ContactRecord:
    """A plausible customer; every one has an email or a phone, most have both."""
    first, last = rng.choice(w.FIRST_NAMES), rng.choice(w.LAST_NAMES)
    has_email = rng.random() < 0.9
    has_phone = rng.random() < 0.75 or not has_email
    email = (
        f"{_ascii(first)}.{_ascii(last)}{contact_id}@{rng.choice(w.EMAIL_DOMAINS)}"
        if has_email
        else None
    )
    # Ofcom's range for drama (07700 900000-900999): a demo text never reaches a real phone
    phone = f"+447700900{rng.randrange(1000):03d}" if has_phone else None
    return ContactRecord(
        contact_id, f"{first} {last}", email, phone, rng.choice(w.CONTACT_NOTES), created_at
    )


def _created_at(rng: random.Random, slot: Slot, now: datetime, earliest: datetime) -> datetime:
    lead = timedelta(hours=2) + timedelta(days=rng.expovariate(1 / 6))
    created = slot.start - lead
    if created > now:  # far-ahead bookings were made in the last few days
        created = now - timedelta(minutes=rng.randrange(10, 60 * 24 * 5))
    if created < earliest:  # booked in the business's first days
        created = earliest + (slot.start - earliest) * rng.random() * 0.5
    return created.replace(microsecond=0)


def _regular(
    tickets: list[int], visits: dict[int, list[datetime]], slot: Slot, rng: random.Random
) -> int | None:
    """A known customer for this slot, weighted by loyalty, who has no other visit within
    a week of it (nobody comes every other day); None when a few tries find nobody."""
    for _ in range(4 if tickets else 0):
        candidate = tickets[rng.randrange(len(tickets))]
        if all(abs(seen - slot.start) >= MIN_GAP for seen in visits.get(candidate, ())):
            return candidate
    return None


def _at_the_desk(
    created: datetime, slot: Slot, now: datetime, catalogue: Catalogue, rng: random.Random
) -> datetime:
    """Move a desk booking's creation into office hours of the same day, where possible."""
    local = created.astimezone(catalogue.zone)
    if 8 <= local.hour < 19:
        return created
    moved = local.replace(hour=rng.randrange(8, 19), minute=rng.randrange(60)).astimezone(UTC)
    return moved if moved < min(now, slot.start) else created


def _fate(
    rng: random.Random, slot: Slot, created: datetime, now: datetime
) -> tuple[str, datetime | None]:
    """The status of a booking as of ``now``, and when it was cancelled if it was."""
    roll = rng.random()
    if slot.start > now:
        if roll < 0.06:
            return "cancelled", created + (now - created) * rng.random()
        return "confirmed", None
    if slot.end > now:
        return "confirmed", None  # happening right now
    if roll < 0.09:
        return "cancelled", created + (slot.start - created) * rng.random()
    if roll < 0.13:
        return "no_show", None
    if now - slot.end < timedelta(hours=36) and roll < 0.4:
        return "confirmed", None  # not marked yet
    return "completed", None


def build_history(
    catalogue: Catalogue,
    slots: list[Slot],
    contact_count: int,
    first_booking_id: int,
    first_contact_id: int,
    now: datetime,
    rng: random.Random,
) -> tuple[list[ContactRecord], list[BookingRecord]]:
    """Customers and bookings, both in creation order (ids ascend with time)."""
    earliest = catalogue.founded + timedelta(days=1)
    timed = sorted(((_created_at(rng, s, now, earliest), s) for s in slots), key=lambda x: x[0])
    inquiry_only = int(contact_count * INQUIRY_ONLY_SHARE)
    remaining_new = min(contact_count - inquiry_only, len(timed))
    contacts: list[ContactRecord] = []
    tickets: list[int] = []  # each contact appears as often as they are loyal
    visits: dict[int, list[datetime]] = {}
    bookings: list[BookingRecord] = []
    types = catalogue.types
    for n, (created, slot) in enumerate(timed):
        remaining = len(timed) - n
        chance = remaining_new / remaining
        chance *= 3.0 if types[slot.type].spec.first_visit else 0.7
        chance = max(chance, 1.0 - len(contacts) / WARM_UP)  # a new practice: mostly new faces
        regular = _regular(tickets, visits, slot, rng)
        new = not tickets or remaining_new >= remaining or rng.random() < chance
        if remaining_new and (new or regular is None):
            contact = make_contact(rng, first_contact_id + len(contacts), created)
            contact.created_at = created - timedelta(minutes=rng.randrange(1, 30))
            contacts.append(contact)
            loyalty = min(8, int(rng.paretovariate(1.4)))
            tickets.extend([contact.id] * loyalty)
            contact_id = contact.id
            remaining_new -= 1
        else:
            contact_id = regular if regular is not None else tickets[rng.randrange(len(tickets))]
        visits.setdefault(contact_id, []).append(slot.start)
        status, cancelled = _fate(rng, slot, created, now)
        web = rng.random() < 0.45
        if not web:
            created = _at_the_desk(created, slot, now, catalogue, rng)
        reminder: datetime | None = slot.start - timedelta(hours=24)
        assert reminder is not None
        if reminder < created or reminder > now or (cancelled is not None and cancelled < reminder):
            reminder = None
        bookings.append(
            BookingRecord(
                id=first_booking_id + n,
                slot=slot,
                contact_id=contact_id,
                status=status,
                source="web" if web else "desk",
                created_at=created,
                created_by=None if web else rng.choice(catalogue.desk_users)[0],
                cancelled_at=cancelled.replace(microsecond=0) if cancelled else None,
                reminder_at=reminder,
            )
        )
    while len(contacts) < contact_count:  # inquiry-only customers, at any time in the past
        created = earliest + (now - earliest) * rng.random()
        contacts.append(make_contact(rng, first_contact_id + len(contacts), created))
    return contacts, bookings


def contact_row(c: ContactRecord, last_contacted: datetime | None) -> dict[str, Any]:
    """The row for ``insert(Contact)``; ``last_contacted`` is the last non-system message."""
    return {
        "id": c.id,
        "name": c.name,
        "email": c.email,
        "phone": c.phone,
        "notes": c.notes,
        "last_contacted_at": last_contacted,
        "created_at": c.created_at,
        "updated_at": c.created_at,
    }


def booking_rows(
    catalogue: Catalogue, bookings: list[BookingRecord], now: datetime, rng: random.Random
) -> Iterator[dict[str, Any]]:
    """Rows for ``insert(Booking)``. Manage tokens are truly random (they are credentials)."""
    types, providers = catalogue.types, catalogue.providers
    for b in bookings:
        spec = types[b.slot.type].spec
        if b.cancelled_at is not None:
            updated = b.cancelled_at
        elif b.status in ("completed", "no_show"):
            updated = min(now, b.slot.end + timedelta(minutes=5))
        else:
            updated = b.created_at
        yield {
            "id": b.id,
            "contact_id": b.contact_id,
            "booking_type_id": types[b.slot.type].id,
            "provider_id": providers[b.slot.provider].id,
            "start_at": b.slot.start,
            "end_at": b.slot.end,
            "location": spec.location,
            "status": b.status,
            "source": b.source,
            "notes": rng.choice(w.BOOKING_NOTES),
            "manage_token": secrets.token_urlsafe(24),
            "forms_sent": bool(spec.forms),
            "reminder_sent_at": b.reminder_at,
            "cancelled_at": b.cancelled_at,
            "cancel_reason": rng.choice(w.CANCEL_REASONS) if b.cancelled_at else "",
            "created_by_user_id": b.created_by,
            "created_at": b.created_at,
            "updated_at": updated,
        }
