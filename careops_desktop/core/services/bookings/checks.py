"""The never-double-book rule, checked inside the write transaction.

Every booking write (new, moved) goes through :func:`claim_provider`:

1. lock the provider's row (``SELECT … FOR UPDATE`` on PostgreSQL; SQLite
   writers already hold the database's one write lock since ``BEGIN
   IMMEDIATE``), so two writers for one provider queue here;
2. check the time against that provider's hours, closures and blocked time
   (and, for the booking page, the slot grid);
3. run the bounded overlap query (buffers included, the booking itself
   excluded when it is being moved);
4. only then may the caller insert or update the booking, still holding the lock.

With no provider chosen ("first available"), providers are tried one at a time
in the business's order, each locked before it is checked. Everyone locks
providers in that same order, and a provider is the last row a booking write
locks, so two writers can never wait on each other in a circle.
"""

from __future__ import annotations

from dataclasses import dataclass
from datetime import datetime
from zoneinfo import ZoneInfo

from sqlalchemy import bindparam, select
from sqlalchemy.orm import Session

from careops_desktop.core.db import statements
from careops_desktop.core.errors import (
    NotFound,
    PolicyRefused,
    SlotTaken,
    TimeBlocked,
    ValidationError,
)
from careops_desktop.core.i18n import _
from careops_desktop.core.models import Booking, Provider
from careops_desktop.core.services import availability as av
from careops_desktop.core.services import slots
from careops_desktop.core.services.bookings import overlaps as booking_overlaps
from careops_desktop.core.services.calendar import links as calendar_sync
from careops_desktop.core.services.slots import TypeRules
from careops_desktop.core.services.time_blocks import occurrences, rules_between
from careops_desktop.core.statement_runner import prebuilt

ALTERNATIVES = 3


@dataclass(frozen=True)
class Claim:
    """A provider who is free for ``[start, end)``, locked for the rest of the transaction."""

    provider_id: int
    provider_name: str
    start: datetime
    end: datetime


_LOCK_PROVIDER = prebuilt(
    select(Provider.id, Provider.name).where(Provider.id == bindparam("id")).with_for_update()
)


def lock_provider(session: Session, provider_id: int) -> str:
    """Lock the provider's row until the transaction ends and return its name.

    :class:`NotFound` if there is no such provider.
    """
    row = statements(session).execute(_LOCK_PROVIDER, {"id": provider_id}).first()
    if row is None:
        raise NotFound("provider", provider_id)
    return str(row.name)


def lock_booking(session: Session, booking_id: int) -> Booking:
    """The booking's row, locked until the transaction ends; :class:`NotFound` if absent."""
    booking = session.scalars(
        select(Booking).where(Booking.id == booking_id).with_for_update()
    ).first()
    if booking is None:
        raise NotFound("booking", booking_id)
    return booking


def check_policy(start: datetime, now: datetime, type_rules: TypeRules, *, public: bool) -> None:
    """Refuse a start the policy forbids: the booking page's notice and horizon, or a past time.

    The desk is held only to "not in the past": staff fit in walk-ins and book
    follow-ups beyond the online horizon.
    """
    if public:
        refusal = av.policy_refusal(start, now, type_rules.rules)
        if refusal:
            raise PolicyRefused(refusal)
    elif start < now:
        raise PolicyRefused(_("That time has already passed."))


def _fits(
    session: Session,
    type_rules: TypeRules,
    provider_id: int,
    start: datetime,
    zone: ZoneInfo,
    *,
    on_grid: bool,
) -> bool:
    """Whether the provider works the whole of the appointment (and, ``on_grid``, offers it)."""
    day = av.local_date(start, zone)
    hours = slots.weekly_hours(session, [provider_id], [day.weekday()])[provider_id]
    closures = slots.closures_between(session, [provider_id], day, day)[provider_id]
    schedule = av.ProviderSchedule(provider_id, hours, tuple(closures))
    rules = type_rules.rules
    if on_grid:
        return av.is_bookable_start(start, day, schedule, rules, zone)
    open_time = av.provider_open_intervals(day, schedule, zone)
    return av.inside(start, start + rules.duration, open_time)


def blocked_reasons(
    session: Session, provider_id: int, start: datetime, end: datetime, zone: ZoneInfo
) -> list[str]:
    """Reasons of the provider's blocked time (theirs and everyone's) meeting ``[start, end)``."""
    first, last = av.local_date(start, zone), av.local_date(end, zone)
    found = occurrences(rules_between(session, [provider_id], first, last), first, last, zone)
    return [o.reason for o in found if o.start < end and start < o.end]


def claim_provider(
    session: Session,
    type_rules: TypeRules,
    provider_id: int | None,
    start: datetime,
    *,
    zone: ZoneInfo,
    now: datetime,
    on_grid: bool,
    outside_hours: bool = False,
    exclude_booking_id: int | None = None,
    lock: bool = True,
    exclude_session_id: int | None = None,
) -> Claim:
    """Lock and return the provider who takes this booking at ``start``, or refuse.

    ``provider_id`` None tries every provider of the type in order and takes the
    first free one. ``outside_hours`` (the desk's "book anyway") skips the hours,
    closures and blocked-time checks; overlaps are always checked. The booking
    page (``on_grid``) never takes blocked time: it counts as taken. Raises
    :class:`TimeBlocked` for the desk when the time is blocked (lunch, a meeting),
    :class:`SlotTaken` (with the nearest free starts) when the time is taken,
    :class:`ValidationError` on ``start`` when nobody works then, and on
    ``provider_id`` for a provider who does not offer the type. ``lock`` False
    (a read that only asks, such as a series plan) checks without locking.
    ``exclude_session_id``: the class session being joined or moved, whose own
    seats do not count as clashes (``bookings.classes``).
    """
    if start.tzinfo is None:
        raise ValidationError({"start": _("The time has no time zone.")})
    if provider_id is not None and provider_id not in type_rules.provider_ids:
        raise ValidationError({"provider_id": _("That provider does not offer this booking type.")})
    candidates = (provider_id,) if provider_id is not None else type_rules.provider_ids
    if not candidates:
        raise ValidationError({"provider_id": _("Nobody offers this booking type yet.")})
    rules = type_rules.rules
    end = start + rules.duration
    window = av.occupied(start, end, rules.buffer_before, rules.buffer_after)
    works_then = False
    blocked: list[str] = []
    names = type_rules.names()
    sqlite = statements(session).dialect.name == "sqlite"
    for candidate in candidates:
        # on SQLite, BEGIN IMMEDIATE already holds the database's one write lock
        provider_name = (
            names[candidate] if sqlite or not lock else lock_provider(session, candidate)
        )
        if not outside_hours and not _fits(
            session, type_rules, candidate, start, zone, on_grid=on_grid
        ):
            continue
        works_then = True
        if on_grid or not outside_hours:
            reasons = blocked_reasons(session, candidate, window[0], window[1], zone)
            if reasons:
                blocked.extend(reasons)
                continue
        clashes = booking_overlaps.conflicting_bookings(
            session,
            [candidate],
            window[0],
            window[1],
            exclude_booking_id=exclude_booking_id,
            exclude_session_id=exclude_session_id,
        )
        # the booking page never takes a provider's outside-calendar busy time
        external = on_grid and calendar_sync.busy_blocks_for(session, [candidate], *window)
        if not clashes and not (external and external[candidate]):
            return Claim(candidate, provider_name, start, end)
    if not works_then:
        raise ValidationError({"start": _("That time is not available for booking.")})
    if blocked and not on_grid:
        raise TimeBlocked(blocked)
    alternatives = slots.nearest_free_slots(
        session,
        type_rules.booking_type_id,
        start,
        provider_id,
        ALTERNATIVES,
        now,
        exclude_booking_id=exclude_booking_id,
    )
    raise SlotTaken(start, [slot.start_utc for slot in alternatives])
