"""Free slots from the database: loads hours, closures and busy time, then asks the pure maths.

``slots_for_day`` serves the booking page and the desk's "new booking" dialog;
``nearest_free_slots`` gives the alternatives a :class:`SlotTaken` refusal offers.
The bookings that take a provider's time come from ``bookings.overlaps``.
"""

from __future__ import annotations

import dataclasses
from collections.abc import Iterable, Sequence
from dataclasses import dataclass
from datetime import date, datetime, timedelta
from typing import Any
from zoneinfo import ZoneInfo, ZoneInfoNotFoundError

from sqlalchemy import bindparam, select
from sqlalchemy.orm import Session

from careops_desktop.core import time_bounds
from careops_desktop.core.clock_text import clock_time
from careops_desktop.core.db import read_only, statements
from careops_desktop.core.errors import NotFound, ValidationError
from careops_desktop.core.i18n import _
from careops_desktop.core.models import (
    Availability,
    BookingType,
    Business,
    Closure,
    Provider,
    booking_type_providers,
)
from careops_desktop.core.services import availability as av
from careops_desktop.core.services.business import BusinessSettings, business_settings
from careops_desktop.core.services.calendar import links as calendar_sync
from careops_desktop.core.services.time_blocks import busy_between as blocked_between
from careops_desktop.core.statement_runner import prebuilt
from careops_desktop.core.time_bounds import aware_now

NEAREST_WINDOWS = (0, 1, 3, 7, 14)  # days searched each side, widening until enough


@dataclass(frozen=True)
class Slot:
    """One free start: UTC instant, its local clock label, and the provider who is free then."""

    start_utc: datetime
    start_local_label: str
    provider_id: int
    provider_name: str
    seats_left: int | None = None  # a class: seats still free in this session; else None


@dataclass(frozen=True)
class DaySlots:
    """The free slots of one local day, in the business time zone named ``timezone``."""

    day: date
    timezone: str
    slots: tuple[Slot, ...]


@dataclass(frozen=True)
class TypeRules:
    """What the booking maths needs to know about a booking type and the business."""

    booking_type_id: int
    name: str
    rules: av.SlotRules
    provider_ids: tuple[int, ...]  # active providers offering the type, in the business's order
    provider_names: tuple[str, ...]  # their names, in the same order
    zone: ZoneInfo  # the business's time zone
    location: str = ""  # where the type takes place, copied onto each new booking
    capacity: int = 1  # seats per session; more than 1 makes the type a class

    def names(self) -> dict[int, str]:
        """Provider id → name, for the providers of the type."""
        return dict(zip(self.provider_ids, self.provider_names, strict=True))


# -- loading ------------------------------------------------------------------------------


def slot_rules(business: Business | BusinessSettings, booking_type: Any) -> av.SlotRules:
    """The pure rules for ``booking_type`` (its row or its columns) under the business's policy."""
    return av.SlotRules(
        duration=timedelta(minutes=booking_type.duration_minutes),
        buffer_before=timedelta(minutes=booking_type.buffer_before_minutes),
        buffer_after=timedelta(minutes=booking_type.buffer_after_minutes),
        step=timedelta(minutes=max(1, business.slot_step_minutes)),
        min_notice=timedelta(minutes=max(0, business.min_notice_minutes)),
        horizon=timedelta(days=max(0, business.booking_horizon_days)),
    )


def zone_of(business: Business | BusinessSettings) -> ZoneInfo:
    """The business's time zone (UTC if the stored name is unknown), as ``business_zone``."""
    try:
        return ZoneInfo(business.timezone or "UTC")
    except (ZoneInfoNotFoundError, ValueError, OSError):
        return ZoneInfo("UTC")


_TYPE_ROW = prebuilt(
    select(
        BookingType.id,
        BookingType.name,
        BookingType.is_active,
        BookingType.duration_minutes,
        BookingType.buffer_before_minutes,
        BookingType.buffer_after_minutes,
        BookingType.location,
        BookingType.capacity,
    ).where(BookingType.id == bindparam("type_id"))
)
_TYPE_PROVIDERS = prebuilt(
    select(Provider.id, Provider.name)
    .join(booking_type_providers, booking_type_providers.c.provider_id == Provider.id)
    .where(
        booking_type_providers.c.booking_type_id == bindparam("type_id"),
        Provider.is_active.is_(True),
    )
    .order_by(Provider.sort_order, Provider.id)
)


def load_type_rules(session: Session, booking_type_id: int, *, active_only: bool) -> TypeRules:
    """Rules, providers and zone for a booking type; :class:`NotFound` if unknown or inactive."""
    run = statements(session)
    row = run.execute(_TYPE_ROW, {"type_id": booking_type_id}).first()
    if row is None or (active_only and not row.is_active):
        raise NotFound("booking type", booking_type_id)
    providers = run.execute(_TYPE_PROVIDERS, {"type_id": booking_type_id}).all()
    business = business_settings(session)
    return TypeRules(
        row.id,
        row.name,
        slot_rules(business, row),
        tuple(pid for pid, _ in providers),
        tuple(name for _, name in providers),
        zone_of(business),
        row.location or "",
        max(1, int(row.capacity or 1)),
    )


_HOURS = prebuilt(
    select(
        Availability.provider_id,
        Availability.weekday,
        Availability.start_time,
        Availability.end_time,
    ).where(Availability.provider_id.in_(bindparam("providers", expanding=True)))
)
_HOURS_ON = prebuilt(_HOURS.where(Availability.weekday.in_(bindparam("weekdays", expanding=True))))
_CLOSURES = prebuilt(
    select(Closure.provider_id, Closure.start_date, Closure.end_date).where(
        Closure.start_date <= bindparam("last"),
        Closure.end_date >= bindparam("first"),
        (Closure.provider_id.is_(None))
        | (Closure.provider_id.in_(bindparam("providers", expanding=True))),
    )
)


def weekly_hours(
    session: Session, provider_ids: Sequence[int], weekdays: Iterable[int] | None = None
) -> dict[int, dict[int, list[av.WallRange]]]:
    """provider id → weekday → wall-clock ranges."""
    hours: dict[int, dict[int, list[av.WallRange]]] = {pid: {} for pid in provider_ids}
    if not provider_ids:
        return hours
    if weekdays is None:
        rows = statements(session).execute(_HOURS, {"providers": list(provider_ids)})
    else:
        params = {"providers": list(provider_ids), "weekdays": list(weekdays)}
        rows = statements(session).execute(_HOURS_ON, params)
    for pid, weekday, start, end in rows:
        hours[pid].setdefault(weekday, []).append((start, end))
    return hours


def closures_between(
    session: Session, provider_ids: Sequence[int], first: date, last: date
) -> dict[int, list[tuple[date, date]]]:
    """provider id → closures (their own and the whole business's) touching ``[first, last]``."""
    found: dict[int, list[tuple[date, date]]] = {pid: [] for pid in provider_ids}
    params = {"first": first, "last": last, "providers": list(provider_ids)}
    rows = statements(session).execute(_CLOSURES, params)
    for pid, start, end in rows:
        for target in provider_ids if pid is None else [pid]:
            if target in found:
                found[target].append((start, end))
    return found


def schedules_between(
    session: Session,
    type_rules: TypeRules,
    provider_ids: Sequence[int],
    first: date,
    last: date,
    zone: ZoneInfo,
    *,
    exclude_booking_id: int | None = None,
    with_external_busy: bool = True,
    with_blocks: bool = True,
    exclude_session_id: int | None = None,
) -> list[av.ProviderSchedule]:
    """Each provider's hours, closures and busy time for local days ``first``..``last``.

    A few queries whatever the number of days (hours, closures, one bounded
    overlap query over the whole stretch, busy time from the providers' outside
    calendars, blocked time), in the given provider order. Blocked time (lunch,
    a meeting) is busy time unless ``with_blocks`` is False (the desk, which
    asks before booking over it).
    """
    weekdays = None if (last - first).days >= 6 else {d.weekday() for d in _days(first, last)}
    hours = weekly_hours(session, provider_ids, weekdays)
    closures = closures_between(session, provider_ids, first, last)
    rules = type_rules.rules
    # imported here: the bookings package imports this module, so a top-level import
    # makes `import ...services.slots` fail when it comes first (tests/core/test_import_alone.py)
    from careops_desktop.core.services.bookings.overlaps import conflicting_bookings

    busy = conflicting_bookings(
        session,
        provider_ids,
        av.day_span(first, zone)[0] - rules.buffer_before,
        av.day_span(last, zone)[1] + rules.buffer_after,
        exclude_booking_id=exclude_booking_id,
        exclude_session_id=exclude_session_id,
    )
    external = calendar_sync.busy_blocks_for(
        session,
        provider_ids if with_external_busy else [],
        av.day_span(first, zone)[0] - rules.buffer_before,
        av.day_span(last, zone)[1] + rules.buffer_after,
    )
    blocked = blocked_between(session, provider_ids if with_blocks else [], first, last, zone)
    return [
        av.ProviderSchedule(
            provider_id=pid,
            hours=hours[pid],
            closures=tuple(closures[pid]),
            busy=tuple(b.occupied for b in busy if b.provider_id == pid)
            + tuple(external.get(pid, ()))
            + tuple(blocked.get(pid, ())),
        )
        for pid in provider_ids
    ]


def _days(first: date, last: date) -> list[date]:
    return [first + timedelta(days=n) for n in range((last - first).days + 1)]


def local_label(start_utc: datetime, zone: ZoneInfo) -> str:
    """``HH:MM`` on the business clock; a time shown twice (fall back) also names its zone."""
    return clock_time(start_utc, zone)


def _chosen_providers(type_rules: TypeRules, provider_id: int | None) -> tuple[int, ...]:
    if provider_id is None:
        return type_rules.provider_ids
    if provider_id not in type_rules.provider_ids:
        raise NotFound("provider for this booking type", provider_id)
    return (provider_id,)


def _free_between(
    session: Session,
    type_rules: TypeRules,
    providers: Sequence[int],
    first: date,
    last: date,
    zone: ZoneInfo,
    now: datetime,
    exclude_booking_id: int | None,
    with_external_busy: bool = True,
    with_blocks: bool = True,
) -> list[tuple[datetime, int]]:
    schedules = schedules_between(
        session,
        type_rules,
        providers,
        first,
        last,
        zone,
        exclude_booking_id=exclude_booking_id,
        with_external_busy=with_external_busy,
        with_blocks=with_blocks,
    )
    found: list[tuple[datetime, int]] = []
    for day in _days(first, last):
        found.extend(av.free_slots_any(day, schedules, type_rules.rules, now=now, zone=zone))
    return found


# -- the public functions -----------------------------------------------------------------


@read_only
def slots_for_day(
    session: Session,
    booking_type_id: int,
    day: date,
    provider_id: int | None = None,
    now: datetime | None = None,
    *,
    with_external_busy: bool = True,
    exclude_booking_id: int | None = None,
    with_blocks: bool = True,
) -> DaySlots:
    """The free slots of an active booking type on local ``day``.

    With ``provider_id`` None, "any provider": each start once, with the first
    free provider in the business's order. :class:`NotFound` for an unknown or
    inactive type, or a provider who does not offer it. Busy time from the
    providers' outside calendars hides starts unless ``with_external_busy`` is
    False (the desk, which asks before booking over it); blocked time (lunch, a
    meeting) likewise unless ``with_blocks`` is False. ``exclude_booking_id``
    leaves that booking's own time out of the busy time (the choices for moving
    it); such a list is that booking's alone, never one to cache for others.
    :class:`ValidationError` on ``day`` outside :mod:`~careops_desktop.core.time_bounds`.
    """
    now = aware_now(now)
    if not time_bounds.day_in_range(day):
        raise ValidationError({"day": _(time_bounds.OUT_OF_RANGE)})
    type_rules = load_type_rules(session, booking_type_id, active_only=True)
    zone = type_rules.zone
    providers = _chosen_providers(type_rules, provider_id)
    free = _free_between(
        session,
        type_rules,
        providers,
        day,
        day,
        zone,
        now,
        exclude_booking_id,
        with_external_busy,
        with_blocks,
    )
    names = type_rules.names()
    if type_rules.capacity > 1:
        return DaySlots(day, zone.key, _class_day(session, type_rules, providers, day, free, now))
    return DaySlots(
        day=day,
        timezone=zone.key,
        slots=tuple(Slot(s, local_label(s, zone), pid, names[pid]) for s, pid in free),
    )


def _session_still_bookable(
    session: Session, type_rules: TypeRules, sitting: Any, day: date
) -> bool:
    """Whether a session with seats left may still be joined from the page: on the grid,
    inside hours, not closed, and clear of everything busy but its own seats (a block or
    an outside-calendar event added since it opened makes it not offered)."""
    zone = type_rules.zone
    schedule = schedules_between(
        session,
        type_rules,
        [sitting.provider_id],
        day,
        day,
        zone,
        exclude_session_id=sitting.session_id,
    )[0]
    rules = dataclasses.replace(type_rules.rules, duration=sitting.end - sitting.start)
    if not av.is_bookable_start(sitting.start, day, schedule, rules, zone):
        return False
    window = av.occupied(sitting.start, sitting.end, rules.buffer_before, rules.buffer_after)
    return not any(av.overlaps(lo, hi, window[0], window[1]) for lo, hi in schedule.busy)


def _class_day(
    session: Session,
    type_rules: TypeRules,
    providers: Sequence[int],
    day: date,
    free: list[tuple[datetime, int]],
    now: datetime,
) -> tuple[Slot, ...]:
    """A class's offer for ``day``: its sessions with seats left, and free starts for new ones."""
    # imported here for the same reason as ``conflicting_bookings`` above
    from careops_desktop.core.services.bookings import classes

    zone = type_rules.zone
    first, last = av.day_span(day, zone)
    sessions = [
        s
        for s in classes.sessions_between(
            session, type_rules.booking_type_id, tuple(providers), first, last
        )
        if not (s.taken and s.seats_left) or _session_still_bookable(session, type_rules, s, day)
    ]
    names = type_rules.names()
    return tuple(
        Slot(s, local_label(s, zone), pid, names[pid], seats)
        for s, pid, seats in classes.class_slots(type_rules, free, sessions, now)
    )


@read_only
def nearest_free_slots(
    session: Session,
    booking_type_id: int,
    around: datetime,
    provider_id: int | None = None,
    limit: int = 3,
    now: datetime | None = None,
    *,
    exclude_booking_id: int | None = None,
) -> list[Slot]:
    """Up to ``limit`` free slots nearest in time to ``around`` (before or after), nearest first.

    Equally near ones: the earlier first. Searches ``around``'s local day, then
    a widening window of days on either side, up to two weeks each way;
    inactive types count here too (a booking of a type no longer offered can
    still be moved).
    """
    now = aware_now(now)
    if not time_bounds.instant_in_range(around):
        raise ValidationError({"start": _(time_bounds.OUT_OF_RANGE)})
    type_rules = load_type_rules(session, booking_type_id, active_only=False)
    zone = type_rules.zone
    providers = _chosen_providers(type_rules, provider_id)
    centre = av.local_date(around, zone)
    found: list[tuple[datetime, int]] = []
    for reach_days in NEAREST_WINDOWS:
        first, last = centre - timedelta(reach_days), centre + timedelta(reach_days)
        found = _free_between(
            session, type_rules, providers, first, last, zone, now, exclude_booking_id
        )
        # every slot outside the searched days is at least this far from ``around``
        reach = min(around - av.day_span(first, zone)[0], av.day_span(last, zone)[1] - around)
        if sum(1 for s, _ in found if abs(s - around) <= reach) >= limit:
            break
    found.sort(key=lambda item: (abs(item[0] - around), item[0]))
    chosen = found[:limit]
    names = type_rules.names()
    return [Slot(s, local_label(s, zone), pid, names[pid]) for s, pid in chosen]
