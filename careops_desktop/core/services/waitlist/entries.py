"""Joining and leaving the waitlist: the booking page's form and the desk's "Add person".

The name, email and phone are checked like the booking page's details and kept with
the entry exactly as given (cleaned): joining never looks up, changes or reveals an
existing contact (the identity rules of issue 13). The dates that suit are local days.
"""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass
from datetime import date, datetime, timedelta

from sqlalchemy import select
from sqlalchemy.orm import Session

from careops_desktop.core import events
from careops_desktop.core.errors import NotActive, NotFound, ValidationError
from careops_desktop.core.i18n import SHIPPED, _, normalise
from careops_desktop.core.i18n.formats import date_text, number_text
from careops_desktop.core.models import WaitlistEntry, WaitlistOffer
from careops_desktop.core.permissions import Actor, Permission, require
from careops_desktop.core.services import audit
from careops_desktop.core.services.business import business_settings, business_zone
from careops_desktop.core.services.contacts.visitor_details import check_visitor_details
from careops_desktop.core.services.slots import load_type_rules
from careops_desktop.core.time_bounds import aware_now

NOTE_MAX = 1000
RANGES_MAX = 10
WAITLIST_PAGE = Actor.system("Booking page")


@dataclass(frozen=True)
class Joined:
    """A new waitlist entry: its id and the details as kept."""

    entry_id: int
    name: str
    booking_type_name: str
    first_day: date
    last_day: date


def check_details(
    session: Session, name: str, email: str, phone: str, *, desk: bool
) -> tuple[str, str | None, str | None]:
    """Every problem with a name, email and phone at once; else the cleaned three.

    Either an email address or a mobile number is needed (the offer goes there).
    """
    found = check_visitor_details(
        session,
        name,
        email,
        phone,
        desk=desk,
        name_missing=_("Please enter a name."),
        reach_missing=_("Please give an email address or a mobile number, so we can tell you."),
    )
    if found.errors or found.name is None:
        raise ValidationError(found.errors)
    return found.name, found.email, found.phone


def check_dates(
    session: Session, ranges: Sequence[tuple[date, date]], now: datetime
) -> list[tuple[date, date]]:
    """The date ranges that suit, each first ≤ last, not over, and starting within the horizon."""
    if not ranges:
        raise ValidationError({"first_day": _("Please choose the dates that suit you.")})
    if len(ranges) > RANGES_MAX:
        raise ValidationError(
            {"first_day": _("Please choose at most {limit} date ranges.").format(limit=RANGES_MAX)}
        )
    zone = business_zone(session)
    today = now.astimezone(zone).date()
    last_bookable = today + timedelta(days=max(0, business_settings(session).booking_horizon_days))
    clean: list[tuple[date, date]] = []
    for first, last in ranges:
        if not isinstance(first, date) or not isinstance(last, date):
            raise ValidationError({"first_day": _("Please choose the dates that suit you.")})
        if last < first:
            raise ValidationError({"last_day": _("The last day must not be before the first day.")})
        if last < today:
            raise ValidationError({"last_day": _("These dates have already passed.")})
        if first > last_bookable:
            text = _("We take bookings up to {day}; please choose dates before then.")
            raise ValidationError({"first_day": text.format(day=date_text(last_bookable, "long"))})
        clean.append((max(first, today), min(last, last_bookable)))
    return clean


def _shipped(language: str | None) -> str | None:
    """``language`` as a shipped language tag, else None (the business's language)."""
    known = normalise(language)
    return known if known in SHIPPED else None


def _add(
    session: Session,
    actor: Actor,
    *,
    booking_type_id: int,
    provider_id: int | None,
    name: str,
    email: str,
    phone: str,
    ranges: Sequence[tuple[date, date]],
    note: str,
    source: str,
    now: datetime,
    language: str | None = None,
) -> Joined:
    type_rules = load_type_rules(session, booking_type_id, active_only=True)
    if provider_id is not None and provider_id not in type_rules.provider_ids:
        raise ValidationError({"provider": _("That person or room does not offer this booking.")})
    errors: dict[str, str] = {}
    details: tuple[str, str | None, str | None] = ("", None, None)
    clean_ranges: list[tuple[date, date]] = []
    try:
        details = check_details(session, name, email, phone, desk=source == "desk")
    except ValidationError as exc:
        errors.update(exc.fields)
    try:
        clean_ranges = check_dates(session, ranges, now)
    except ValidationError as exc:
        errors.update(exc.fields)
    if not isinstance(note, str) or len(note) > NOTE_MAX or "\x00" in note:
        errors["note"] = _("Please keep the note under {limit} characters of plain text.").format(
            limit=number_text(NOTE_MAX)
        )
    if errors:
        raise ValidationError(errors)
    clean_name, clean_email, clean_phone = details
    entry = WaitlistEntry(
        booking_type_id=booking_type_id,
        provider_id=provider_id,
        name=clean_name,
        email=clean_email,
        phone=clean_phone,
        dates=[[a.isoformat(), b.isoformat()] for a, b in clean_ranges],
        note=note,
        source=source,
        language=_shipped(language),
        status="waiting",
        joined_at=now,
    )
    session.add(entry)
    session.flush()
    audit.record(
        session,
        actor,
        "create",
        "waitlist_entry",
        entry.id,
        {"booking_type_id": booking_type_id, "provider_id": provider_id, "source": source},
    )
    events.record(session, events.WaitlistChanged(entry.id))
    first = min(a for a, _ in clean_ranges)
    last = max(b for _, b in clean_ranges)
    return Joined(entry.id, clean_name, type_rules.name, first, last)


def join_waitlist(
    session: Session,
    *,
    booking_type_id: int,
    provider_id: int | None,
    name: str,
    email: str = "",
    phone: str = "",
    first_day: date,
    last_day: date,
    language: str | None = None,
    now: datetime | None = None,
) -> Joined:
    """The booking page's "Tell me if a time frees up": one new entry, nothing else touched.

    ``language`` (the page's, a shipped tag) is kept with the entry: the offer is written in it.

    :class:`NotActive` when the business is closed, :class:`NotFound` for an unknown or
    inactive type, :class:`ValidationError` with every field problem at once.
    """
    now = aware_now(now)
    if not business_settings(session).is_active:
        raise NotActive()
    return _add(
        session,
        WAITLIST_PAGE,
        booking_type_id=booking_type_id,
        provider_id=provider_id,
        name=name,
        email=email,
        phone=phone,
        ranges=[(first_day, last_day)],
        note="",
        source="web",
        now=now,
        language=language,
    )


def add_to_waitlist(
    session: Session,
    actor: Actor,
    *,
    booking_type_id: int,
    provider_id: int | None,
    name: str,
    email: str = "",
    phone: str = "",
    ranges: Sequence[tuple[date, date]],
    note: str = "",
    now: datetime | None = None,
) -> Joined:
    """The desk adds someone (who phoned, or is at the counter); needs MANAGE_BOOKINGS."""
    require(actor, Permission.MANAGE_BOOKINGS)
    return _add(
        session,
        actor,
        booking_type_id=booking_type_id,
        provider_id=provider_id,
        name=name,
        email=email,
        phone=phone,
        ranges=ranges,
        note=note,
        source="desk",
        now=aware_now(now),
    )


def remove_entry(
    session: Session, actor: Actor, entry_id: int, now: datetime | None = None
) -> None:
    """Take someone off the list; their open offers are withdrawn. Needs MANAGE_BOOKINGS."""
    require(actor, Permission.MANAGE_BOOKINGS)
    now = aware_now(now)
    entry = session.get(WaitlistEntry, entry_id)
    if entry is None:
        raise NotFound("waitlist entry", entry_id)
    if entry.status != "waiting":
        return
    entry.status = "removed"
    entry.closed_at = now
    for offer in session.scalars(
        select(WaitlistOffer).where(
            WaitlistOffer.entry_id == entry_id, WaitlistOffer.status == "offered"
        )
    ):
        offer.status = "withdrawn"
        offer.closed_at = now
    session.flush()
    audit.record(session, actor, "delete", "waitlist_entry", entry_id)
    events.record(session, events.WaitlistChanged(entry_id))


def entry_days(entry: WaitlistEntry) -> list[tuple[date, date]]:
    """The entry's date ranges as days."""
    found: list[tuple[date, date]] = []
    for pair in entry.dates or []:
        try:
            found.append((date.fromisoformat(pair[0]), date.fromisoformat(pair[1])))
        except (TypeError, ValueError, IndexError):
            continue
    return found
