"""Calendar sync in the core: the CalDAV account's settings, each provider's calendars,
the busy time read from them, and the outbox rows that carry booking changes out.

- The account (server address, user, options) is the ``integrations`` row of kind
  ``calendar``; its app password (or OAuth token) is in the OS keyring only.
- A provider's :class:`~careops_desktop.core.models.CalendarLink` names the
  calendar their bookings are written to and the calendars that block their slots.
- Busy periods read by the sync job are ``external_busy`` rows; the slot maths
  asks :func:`busy_blocks_for` and treats them like other busy time.
- A booking created, moved or cancelled calls :func:`enqueue_booking_change` in
  its own transaction; the calendar job (``jobs/calendar_jobs.py``) sends the rows
  in id order and makes the calendar match the booking as it is then.

Nothing here talks to a server: ``integrations/caldav_client.py`` does that.
"""

from __future__ import annotations

import dataclasses
import re
from collections.abc import Sequence
from dataclasses import dataclass
from datetime import datetime, timedelta
from typing import Any, Final
from urllib.parse import urlsplit

from sqlalchemy import bindparam, delete, select
from sqlalchemy.orm import Session

from careops_desktop.core import events
from careops_desktop.core.db import read_only, statements
from careops_desktop.core.errors import NotFound, ValidationError
from careops_desktop.core.i18n import _
from careops_desktop.core.models import (
    Booking,
    BookingCalendarEvent,
    CalendarLink,
    ExternalBusy,
    Integration,
    Provider,
    utcnow,
)
from careops_desktop.core.permissions import Actor, Permission, require
from careops_desktop.core.services import audit, outbox
from careops_desktop.core.services.business import get_business
from careops_desktop.core.statement_runner import prebuilt

KIND: Final = "calendar"
BUSY_SOURCES: Final = ("auto", "events", "freebusy")
AUTH_KINDS: Final = ("password", "token")
URL_MAX: Final = 1000
NAME_MAX: Final = 200
BLOCKING_MAX: Final = 20
_CONTROL = re.compile(r"[\x00-\x1f\x7f]")

Interval = tuple[datetime, datetime]


@dataclass(frozen=True)
class CalendarAccount:
    """The CalDAV account; the secret is ``secrets.get_secret("caldav", "password")``.

    ``auth`` "token" sends the secret as an OAuth bearer token (Google's CalDAV
    endpoint) instead of a password. ``busy_source`` "auto" reads events with
    sync tokens where the server has them, else its free-busy report, else
    events by date; "events" and "freebusy" force one way.
    """

    url: str = ""
    username: str = ""
    auth: str = "password"
    sync_minutes: int = 15
    all_day_blocks: bool = True
    tentative_blocks: bool = True
    busy_source: str = "auto"
    include_notes: bool = False
    timeout_seconds: int = 30

    @property
    def configured(self) -> bool:
        return bool(self.url and self.username)


@dataclass(frozen=True)
class CalendarRef:
    """A calendar on the server: its address and the name people see."""

    url: str
    name: str = ""


@dataclass(frozen=True)
class ProviderCalendars:
    """One provider's calendar choices and how their last sync went."""

    provider_id: int
    provider_name: str
    write_calendar: CalendarRef | None
    blocking: tuple[CalendarRef, ...]
    last_synced_at: datetime | None
    last_error: str


@dataclass(frozen=True)
class ExternalBlock:
    """A busy period from an outside calendar, as the week calendar shows it."""

    provider_id: int
    start: datetime
    end: datetime
    calendar_name: str
    all_day: bool
    tentative: bool


# -- the account ------------------------------------------------------------------------------


def _integration(session: Session, *, create: bool = False) -> Integration | None:
    row = session.scalars(select(Integration).where(Integration.kind == KIND)).first()
    if row is None and create:
        row = Integration(kind=KIND, config={}, state={})
        session.add(row)
        session.flush()
    return row


def _account_from(data: Any) -> CalendarAccount:
    if not isinstance(data, dict):
        return CalendarAccount()
    defaults = CalendarAccount()
    values: dict[str, Any] = {}
    for field in dataclasses.fields(CalendarAccount):
        value = data.get(field.name)
        default = getattr(defaults, field.name)
        if type(value) is type(default):
            values[field.name] = value
    return CalendarAccount(**values)


_CONFIG = prebuilt(select(Integration.config).where(Integration.kind == KIND))


@read_only
def get_account(session: Session) -> CalendarAccount:
    """The saved CalDAV account (defaults, not configured, when none is saved)."""
    config = statements(session).execute(_CONFIG).scalar()
    return _account_from((config if isinstance(config, dict) else {}).get("caldav"))


def _check_url(key: str, value: str, errors: dict[str, str]) -> str:
    url = value.strip()
    parts = urlsplit(url)
    if not url:
        errors[key] = _("Enter the calendar server's address, e.g. https://caldav.example.com/.")
    elif len(url) > URL_MAX or _CONTROL.search(url) or " " in url:
        errors[key] = _("An address has no spaces and at most {limit} characters.").format(
            limit=URL_MAX
        )
    elif parts.scheme not in ("https", "http") or not parts.hostname:
        errors[key] = _("The address starts with https:// (or http:// on your own network).")
    return url


def validate_account(account: CalendarAccount) -> CalendarAccount:
    """The account cleaned, or :class:`ValidationError` naming each bad field."""
    errors: dict[str, str] = {}
    url = _check_url("url", account.url, errors)
    username = account.username.strip()
    if not username:
        errors["username"] = _("Enter the user name (often your email address).")
    elif len(username) > 320 or _CONTROL.search(username):
        errors["username"] = _("At most 320 characters, on one line.")
    if account.auth not in AUTH_KINDS:
        errors["auth"] = _("Choose an app password or an OAuth token.")
    if account.busy_source not in BUSY_SOURCES:
        errors["busy_source"] = _("Choose automatic, events or free-busy.")
    if not 1 <= account.sync_minutes <= 1440:
        errors["sync_minutes"] = _("Sync every 1 to 1440 minutes.")
    if not 5 <= account.timeout_seconds <= 300:
        errors["timeout_seconds"] = _("Choose a value from 5 to 300 seconds.")
    if errors:
        raise ValidationError(errors)
    return dataclasses.replace(account, url=url, username=username)


def save_account(session: Session, actor: Actor, account: CalendarAccount) -> CalendarAccount:
    """Validate and store the account (no secret here). A new server or user forgets
    everything learnt from the old one: sync tokens, busy periods, written events."""
    require(actor, Permission.MANAGE_SETTINGS)
    clean = validate_account(account)
    before = get_account(session)
    row = _integration(session, create=True)
    assert row is not None
    config = dict(row.config or {})
    config["caldav"] = dataclasses.asdict(clean)
    row.config = config
    if (before.url, before.username) != (clean.url, clean.username):
        _forget_server(session)
    audit.record(session, actor, "integration.updated", "integration", row.id, {"part": "caldav"})
    events.record(session, events.SettingsChanged("integrations"))
    return clean


def _forget_server(session: Session) -> None:
    session.execute(delete(ExternalBusy))
    session.execute(delete(BookingCalendarEvent))
    for link in session.scalars(select(CalendarLink)):
        link.state = {}
        link.last_error = ""


# -- each provider's calendars ----------------------------------------------------------------


def _refs(data: Any) -> tuple[CalendarRef, ...]:
    found: list[CalendarRef] = []
    for item in data if isinstance(data, list) else []:
        if isinstance(item, dict) and isinstance(item.get("url"), str):
            found.append(CalendarRef(item["url"], str(item.get("name") or "")))
    return tuple(found)


def _view(provider: Provider, link: CalendarLink | None) -> ProviderCalendars:
    if link is None:
        return ProviderCalendars(provider.id, provider.name, None, (), None, "")
    write = (
        CalendarRef(link.write_calendar_url, link.write_calendar_name)
        if link.write_calendar_url
        else None
    )
    return ProviderCalendars(
        provider.id,
        provider.name,
        write,
        _refs(link.blocking_calendars),
        link.last_synced_at,
        link.last_error,
    )


@read_only
def list_provider_calendars(session: Session) -> list[ProviderCalendars]:
    """Every active provider with their calendar choices, in the business's order."""
    rows = session.execute(
        select(Provider, CalendarLink)
        .outerjoin(CalendarLink, CalendarLink.provider_id == Provider.id)
        .where(Provider.is_active.is_(True))
        .order_by(Provider.sort_order, Provider.id)
    ).all()
    return [_view(provider, link) for provider, link in rows]


def _clean_ref(key: str, ref: CalendarRef, errors: dict[str, str]) -> CalendarRef:
    url = _check_url(key, ref.url, errors)
    name = " ".join(ref.name.split())[:NAME_MAX]
    return CalendarRef(url, name)


def set_provider_calendars(
    session: Session,
    actor: Actor,
    provider_id: int,
    write_calendar: CalendarRef | None,
    blocking: Sequence[CalendarRef],
    now: datetime | None = None,
) -> ProviderCalendars:
    """Choose where a provider's bookings go and which calendars block their slots.

    A new write calendar gets the provider's upcoming confirmed bookings (through
    the outbox); busy periods of calendars no longer blocking are dropped.
    """
    require(actor, Permission.MANAGE_SETTINGS)
    now = now or utcnow()
    provider = session.get(Provider, provider_id)
    if provider is None:
        raise NotFound("provider", provider_id)
    errors: dict[str, str] = {}
    write = _clean_ref("write_calendar", write_calendar, errors) if write_calendar else None
    chosen: dict[str, CalendarRef] = {}
    for ref in blocking:
        clean = _clean_ref("blocking", ref, errors)
        chosen.setdefault(clean.url, clean)
    if len(chosen) > BLOCKING_MAX:
        errors["blocking"] = _("Choose at most {limit} calendars.").format(limit=BLOCKING_MAX)
    if errors:
        raise ValidationError(errors)
    link = session.scalars(
        select(CalendarLink).where(CalendarLink.provider_id == provider_id)
    ).first()
    if link is None:
        link = CalendarLink(provider_id=provider_id, blocking_calendars=[], state={})
        session.add(link)
    old_write = link.write_calendar_url
    link.write_calendar_url = write.url if write else ""
    link.write_calendar_name = write.name if write else ""
    link.blocking_calendars = [{"url": r.url, "name": r.name} for r in chosen.values()]
    link.state = {url: s for url, s in (link.state or {}).items() if url in chosen}
    session.execute(
        delete(ExternalBusy).where(
            ExternalBusy.provider_id == provider_id, ExternalBusy.calendar_url.not_in(list(chosen))
        )
    )
    session.flush()
    if link.write_calendar_url != old_write:
        upcoming = session.scalars(
            select(Booking.id)
            .where(
                Booking.provider_id == provider_id,
                Booking.status.in_(("confirmed", "arrived")),
                Booking.end_at > now,
            )
            .order_by(Booking.start_at, Booking.id)
        )
        for booking_id in list(upcoming):
            enqueue_booking_change(session, booking_id, "linked", now=now)
    audit.record(
        session,
        actor,
        "calendar.linked",
        "provider",
        provider_id,
        {"write": bool(write), "blocking": len(chosen)},
    )
    events.record(session, events.SettingsChanged("calendar"))
    return _view(provider, link)


# -- booking changes out ----------------------------------------------------------------------


_BOOKING_CALENDAR = prebuilt(
    select(
        Booking.status,
        CalendarLink.write_calendar_url,
        CalendarLink.write_calendar_name,
        select(BookingCalendarEvent.id)
        .where(BookingCalendarEvent.booking_id == Booking.id)
        .limit(1)
        .scalar_subquery()
        .label("written"),
    )
    .outerjoin(CalendarLink, CalendarLink.provider_id == Booking.provider_id)
    .where(Booking.id == bindparam("booking_id"))
)


def enqueue_booking_change(
    session: Session, booking_id: int, change: str, *, now: datetime | None = None
) -> int | None:
    """Queue "make the calendar match this booking" in the caller's transaction.

    Call it after a booking is created, moved or cancelled (``change`` says which,
    for people reading the outbox). Nothing is queued when the booking's provider
    has no write calendar and no event of the booking was ever written. Returns
    the outbox id, or ``None``.
    """
    run = statements(session)
    booking = run.execute(_BOOKING_CALENDAR, {"booking_id": booking_id}).first()
    if booking is None:
        raise NotFound("booking", booking_id)
    if not booking.write_calendar_url and booking.written is None:
        return None
    target = booking.write_calendar_name or booking.write_calendar_url or ""
    kind = "calendar_delete" if booking.status == "cancelled" else "calendar_upsert"
    return outbox.enqueue(
        session,
        channel="calendar",
        recipient=(target or "calendar")[:320],
        subject=f"Booking {booking_id} {change}"[:300],
        body="",
        kind=kind,
        booking_id=booking_id,
        now=now,
    )


# -- busy time in ------------------------------------------------------------------------------


# outside busy time of some providers meeting [start, end), each row with the account's
# settings (which say whether all-day and tentative periods count): one statement, and
# none of the account's when there is no busy time at all
_BUSY = prebuilt(
    select(
        ExternalBusy.provider_id,
        ExternalBusy.start_at,
        ExternalBusy.end_at,
        ExternalBusy.calendar_name,
        ExternalBusy.all_day,
        ExternalBusy.tentative,
        _CONFIG.scalar_subquery().label("config"),
    )
    .where(
        ExternalBusy.provider_id.in_(bindparam("providers", expanding=True)),
        ExternalBusy.start_at < bindparam("end"),
        ExternalBusy.end_at > bindparam("start"),
        # our own booking events, read back from a calendar that is both written and blocking
        ExternalBusy.uid.not_in(select(BookingCalendarEvent.event_uid)),
    )
    .order_by(ExternalBusy.start_at, ExternalBusy.id)
)


def _busy_query(
    session: Session, provider_ids: Sequence[int], start: datetime, end: datetime
) -> list[Any]:
    if not provider_ids or start >= end:
        return []
    params = {"providers": list(provider_ids), "start": start, "end": end}
    rows = statements(session).execute(_BUSY, params).all()
    if not rows:
        return []
    config = rows[0].config
    account = _account_from((config if isinstance(config, dict) else {}).get("caldav"))
    return [
        row
        for row in rows
        if (account.all_day_blocks or not row.all_day)
        and (account.tentative_blocks or not row.tentative)
    ]


@read_only
def busy_blocks_for(
    session: Session, provider_ids: Sequence[int], start: datetime, end: datetime
) -> dict[int, list[Interval]]:
    """provider id → outside-calendar busy intervals (UTC) meeting ``[start, end)``.

    All-day and tentative periods count as the account's settings say; every
    provider asked for has a key, possibly with an empty list.
    """
    found: dict[int, list[Interval]] = {pid: [] for pid in provider_ids}
    for row in _busy_query(session, provider_ids, start, end):
        found[row.provider_id].append((row.start_at, row.end_at))
    return found


@read_only
def external_blocks(
    session: Session, provider_ids: Sequence[int], start: datetime, end: datetime
) -> list[ExternalBlock]:
    """The busy periods to grey out in the week calendar, labelled with the calendar's name
    (never the event's own title, which may be private)."""
    return [
        ExternalBlock(
            r.provider_id,
            r.start_at,
            r.end_at,
            r.calendar_name or _("Calendar"),
            r.all_day,
            r.tentative,
        )
        for r in _busy_query(session, provider_ids, start, end)
    ]


@read_only
def overlapping_blocks(
    session: Session, provider_id: int, start: datetime, end: datetime
) -> list[ExternalBlock]:
    """Outside busy periods of one provider that meet ``[start, end)`` (the desk asks first)."""
    return external_blocks(session, [provider_id], start, end)


def sync_window(session: Session, now: datetime) -> Interval:
    """The stretch busy time is read for: a day back to the booking horizon plus a day."""
    try:
        horizon = max(1, get_business(session).booking_horizon_days)
    except NotFound:
        horizon = 60
    return now - timedelta(days=1), now + timedelta(days=horizon + 1)
