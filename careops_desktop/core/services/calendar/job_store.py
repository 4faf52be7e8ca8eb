"""What the calendar jobs read and write: ordered claims of calendar changes, the event a
booking should be, the events written, and busy periods stored per calendar resource.

The calendar sender keeps strict order: it claims calendar rows by id and stops at
the first one that is not due (waiting after a failure) or is being sent, so a
change never overtakes an earlier one. Each change is sent as "make the calendar
match the booking as it is now", so a repeated or late row can do no harm.
"""

from __future__ import annotations

from collections.abc import Iterable, Sequence
from dataclasses import dataclass
from datetime import datetime
from typing import Any, cast

from sqlalchemy import CursorResult, delete, insert, select, update
from sqlalchemy.orm import Session

from careops_desktop.core import events
from careops_desktop.core.db import read_only
from careops_desktop.core.i18n import _
from careops_desktop.core.models import (
    Booking,
    BookingCalendarEvent,
    BookingType,
    Business,
    CalendarLink,
    Contact,
    ExternalBusy,
    OutboxMessage,
)
from careops_desktop.core.services import outbox
from careops_desktop.core.services.calendar.links import CalendarRef, get_account
from careops_desktop.core.services.outbox import OutboxItem

SUMMARY_MAX = 200


@dataclass(frozen=True)
class WrittenEvent:
    """The event of a booking as last written to a calendar."""

    calendar_url: str
    uid: str
    href: str
    etag: str
    sequence: int


@dataclass(frozen=True)
class EventPlan:
    """What the calendar should hold for one booking.

    ``target_url`` None: no event (cancelled, or the provider has no write
    calendar); otherwise an event with these values in that calendar. An event
    written earlier to another calendar (``existing``) is removed first.
    """

    booking_id: int
    provider_id: int
    target_url: str | None
    existing: WrittenEvent | None
    start: datetime
    end: datetime
    summary: str
    location: str
    description: str
    sequence: int
    business_email: str


@dataclass(frozen=True)
class BusyPeriod:
    """One busy occurrence read from a calendar resource (``href``)."""

    href: str
    uid: str
    recurrence_id: str
    start: datetime
    end: datetime
    summary: str = ""
    all_day: bool = False
    tentative: bool = False
    etag: str = ""


@dataclass(frozen=True)
class CalendarToRead:
    """A blocking calendar of one provider, with what the last sync left."""

    provider_id: int
    calendar_url: str
    calendar_name: str
    state: dict[str, Any]
    known_etags: dict[str, str]  # href → etag of the resources that have busy periods


# -- changes out, in order --------------------------------------------------------------------


def claim_calendar_changes(
    session: Session, worker: str, now: datetime, limit: int = 20
) -> list[OutboxItem]:
    """Claim the oldest calendar rows, in id order, up to the first that must wait."""
    head = session.execute(
        select(OutboxMessage.id, OutboxMessage.status, OutboxMessage.next_attempt_at)
        .where(
            OutboxMessage.channel == "calendar",
            OutboxMessage.status.in_(("queued", "sending")),
        )
        .order_by(OutboxMessage.id)
        .limit(max(0, limit))
    ).all()
    take: list[int] = []
    for outbox_id, status, due in head:
        if status != "queued" or due > now:
            break
        take.append(outbox_id)
    if not take:
        return []
    claimed = set(outbox.claim_ids(session, take, worker, now))
    items: list[OutboxItem] = []
    for outbox_id in take:  # a row another worker took breaks the run: keep the order
        if outbox_id not in claimed:
            break
        row = session.get(OutboxMessage, outbox_id, populate_existing=True)
        assert row is not None
        items.append(outbox.claimed_item(row))
    release_claimed(session, [i for i in claimed if i not in {it.id for it in items}])
    return items


def release_claimed(session: Session, outbox_ids: Iterable[int]) -> None:
    """Put claimed rows back in the queue untried (an earlier change could not be sent)."""
    ids = list(outbox_ids)
    if not ids:
        return
    session.execute(
        update(OutboxMessage)
        .where(OutboxMessage.id.in_(ids), OutboxMessage.status == "sending")
        .values(
            status="queued",
            claimed_by="",
            attempts=OutboxMessage.attempts - 1,
        )
        .execution_options(synchronize_session=False)
    )
    for outbox_id in ids:
        events.record(session, events.OutboxChanged(outbox_id, "queued"))


@read_only
def plan_booking_event(session: Session, booking_id: int) -> EventPlan | None:
    """What the calendar should hold for the booking now; ``None`` if there is nothing to do
    (the booking is gone and no event of it is known)."""
    row = session.execute(
        select(Booking, BookingType.name, BookingType.location, Contact.name, CalendarLink)
        .join(BookingType, BookingType.id == Booking.booking_type_id)
        .join(Contact, Contact.id == Booking.contact_id)
        .outerjoin(CalendarLink, CalendarLink.provider_id == Booking.provider_id)
        .where(Booking.id == booking_id)
    ).first()
    if row is None:
        return None
    booking, type_name, type_location, contact_name, link = row
    written = session.scalars(
        select(BookingCalendarEvent).where(BookingCalendarEvent.booking_id == booking_id)
    ).first()
    existing = (
        WrittenEvent(
            written.calendar_url,
            written.event_uid,
            written.href,
            written.etag,
            written.last_synced_sequence,
        )
        if written
        else None
    )
    business = session.scalars(select(Business).order_by(Business.id).limit(1)).first()
    target = link.write_calendar_url if link is not None and link.write_calendar_url else None
    if booking.status == "cancelled":
        target = None
    lines = [_("Booked in CareOps Desktop.")]
    if get_account(session).include_notes and booking.notes.strip():
        lines += ["", _("Notes:"), booking.notes.strip()]
    return EventPlan(
        booking_id=booking.id,
        provider_id=booking.provider_id,
        target_url=target,
        existing=existing,
        start=booking.start_at,
        end=booking.end_at,
        summary=f"{type_name}: {contact_name}"[:SUMMARY_MAX],
        location=booking.location or type_location or (business.address if business else ""),
        description="\n".join(lines),
        sequence=existing.sequence + 1 if existing else 0,
        business_email=business.contact_email if business else "",
    )


def record_event_written(
    session: Session, plan: EventPlan, event: WrittenEvent, now: datetime
) -> None:
    """Remember the event written for ``plan``'s booking (replacing what was known)."""
    row = session.scalars(
        select(BookingCalendarEvent).where(BookingCalendarEvent.booking_id == plan.booking_id)
    ).first()
    if row is None:
        if session.get(Booking, plan.booking_id) is None:
            return
        row = BookingCalendarEvent(booking_id=plan.booking_id)
        session.add(row)
    row.provider_id = plan.provider_id
    row.calendar_url = event.calendar_url
    row.event_uid = event.uid
    row.href = event.href
    row.etag = event.etag
    row.last_synced_sequence = event.sequence
    row.synced_at = now


def record_event_removed(session: Session, booking_id: int) -> None:
    """Forget the booking's event (it was deleted from its calendar)."""
    session.execute(
        delete(BookingCalendarEvent).where(BookingCalendarEvent.booking_id == booking_id)
    )


# -- busy time in -----------------------------------------------------------------------------


@read_only
def calendars_to_read(session: Session) -> list[CalendarToRead]:
    """Every blocking calendar of every provider, with its sync state and known ETags."""
    found: list[CalendarToRead] = []
    for link in session.scalars(select(CalendarLink).order_by(CalendarLink.provider_id)):
        refs = [
            CalendarRef(str(item["url"]), str(item.get("name") or ""))
            for item in link.blocking_calendars or []
            if isinstance(item, dict) and isinstance(item.get("url"), str)
        ]
        for ref in refs:
            etags = dict(
                session.execute(
                    select(ExternalBusy.href, ExternalBusy.etag)
                    .where(
                        ExternalBusy.provider_id == link.provider_id,
                        ExternalBusy.calendar_url == ref.url,
                    )
                    .distinct()
                ).all()
            )
            state = (link.state or {}).get(ref.url)
            found.append(
                CalendarToRead(
                    link.provider_id,
                    ref.url,
                    ref.name,
                    dict(state) if isinstance(state, dict) else {},
                    etags,
                )
            )
    return found


def apply_busy(
    session: Session,
    calendar: CalendarToRead,
    *,
    full: bool,
    periods: Sequence[BusyPeriod],
    replaced_hrefs: Sequence[str],
    state: dict[str, Any],
    now: datetime,
) -> int:
    """Store what one read of a calendar found; returns how many rows changed.

    ``full``: the periods are everything the calendar has in the window (every
    earlier row goes). Otherwise the rows of ``replaced_hrefs`` (changed or
    deleted resources) give way to ``periods``. The sync state is saved with it.
    """
    where = (
        ExternalBusy.provider_id == calendar.provider_id,
        ExternalBusy.calendar_url == calendar.calendar_url,
    )
    removed = 0
    if full:
        removed = _deleted(session.execute(delete(ExternalBusy).where(*where)))
    else:
        hrefs = list(dict.fromkeys(replaced_hrefs))
        for start in range(0, len(hrefs), 500):
            chunk = hrefs[start : start + 500]
            removed += _deleted(
                session.execute(delete(ExternalBusy).where(*where, ExternalBusy.href.in_(chunk)))
            )
    if periods:
        session.execute(
            insert(ExternalBusy),
            [
                {
                    "provider_id": calendar.provider_id,
                    "calendar_url": calendar.calendar_url,
                    "calendar_name": calendar.calendar_name[:200],
                    "href": p.href[:1000],
                    "uid": p.uid[:500],
                    "recurrence_id": p.recurrence_id[:64],
                    "start_at": p.start,
                    "end_at": p.end,
                    "summary": p.summary[:SUMMARY_MAX],
                    "all_day": p.all_day,
                    "tentative": p.tentative,
                    "etag": p.etag[:200],
                    "fetched_at": now,
                }
                for p in periods
            ],
        )
    link = session.scalars(
        select(CalendarLink).where(CalendarLink.provider_id == calendar.provider_id)
    ).first()
    if link is not None:
        states = dict(link.state or {})
        states[calendar.calendar_url] = state
        link.state = states
        link.last_synced_at = now
        link.last_error = ""
    changed = removed + len(periods)
    if changed:
        events.record(session, events.SettingsChanged("calendar"))
    return changed


def _deleted(result: object) -> int:
    return int(cast("CursorResult[Any]", result).rowcount or 0)


def record_read_error(session: Session, provider_id: int, error: str, now: datetime) -> None:
    """Note that reading a provider's calendars failed (shown in Settings)."""
    link = session.scalars(
        select(CalendarLink).where(CalendarLink.provider_id == provider_id)
    ).first()
    if link is not None and link.last_error != error[:2000]:
        link.last_error = error[:2000]
        events.record(session, events.SettingsChanged("calendar"))
