"""The overlap query: the bookings that take a provider's time in a window.

``conflicting_bookings`` is the query the booking writes run inside their
transaction (after locking the provider row), and the slot lists use for busy
time. It bounds the start on both sides over the index ``(provider_id,
start_at)``::

    start_at >= window_start - longest   AND   start_at < window_end + longest_before
    AND end_at > window_start - longest_after   AND   status != 'cancelled'

where ``longest`` is the longest booking type (duration + buffer after), so a
day reads only that day's bookings. A booking longer than every current type
(a type shortened after it was made) could start before that bound; one more
indexed probe (the latest booking that starts before the bound) catches it:
bookings of one provider never overlap, so their ends rise with their starts
and only that latest one can reach into the window.
"""

from __future__ import annotations

import threading
from collections.abc import Sequence
from dataclasses import dataclass
from datetime import datetime, timedelta
from typing import Any

from sqlalchemy import CompoundSelect, Select, bindparam, func, select, union_all
from sqlalchemy.orm import Session

from careops_desktop.core.db import statements
from careops_desktop.core.models import Booking, BookingType
from careops_desktop.core.services import availability as av
from careops_desktop.core.statement_runner import prebuilt


@dataclass(frozen=True)
class BusyBooking:
    """An existing booking as the overlap check sees it (appointment and its type's buffers)."""

    booking_id: int
    provider_id: int
    start: datetime
    end: datetime
    buffer_before: timedelta
    buffer_after: timedelta
    session_id: int | None = None  # the class session this booking is a seat in

    @property
    def occupied(self) -> av.Interval:
        return av.occupied(self.start, self.end, self.buffer_before, self.buffer_after)


_LONGEST = prebuilt(
    select(
        func.max(BookingType.duration_minutes + BookingType.buffer_after_minutes),
        func.max(BookingType.buffer_before_minutes),
        func.max(BookingType.buffer_after_minutes),
    )
)


def _longest(session: Session) -> tuple[timedelta, timedelta, timedelta]:
    """Over all booking types (inactive too): longest duration + buffer after, longest buffers."""
    row = statements(session).execute(_LONGEST).one()
    span, before, after = (int(v or 0) for v in row)
    return timedelta(minutes=span), timedelta(minutes=before), timedelta(minutes=after)


def longest_span(session: Session) -> timedelta:
    """The longest booking type, duration plus buffer after (inactive types count too)."""
    return _longest(session)[0]


def _busy_select() -> Select[int, int, datetime, datetime, int, int, int | None]:
    """Live (not cancelled) bookings with their type's buffers."""
    return (
        select(
            Booking.id,
            Booking.provider_id,
            Booking.start_at,
            Booking.end_at,
            BookingType.buffer_before_minutes,
            BookingType.buffer_after_minutes,
            Booking.session_id,
        )
        .join(BookingType, BookingType.id == Booking.booking_type_id)
        .where(Booking.status != "cancelled")
    )


_OVERLAP_QUERIES: dict[int, CompoundSelect[Any]] = {}
_OVERLAP_LOCK = threading.Lock()
_MAX_KEPT_COUNTS = 64


def _overlap_query(providers: int) -> CompoundSelect[Any]:
    """Build the overlap statement for ``providers`` providers (kept by the function below).

    Parameters: ``providers`` (the ids), ``p0``… (each id again, for its probe),
    ``lower``, ``upper``, ``end_after`` and ``exclude`` (a booking id to leave
    out; 0 leaves none out, as ids start at 1).
    """
    not_excluded = Booking.id != bindparam("exclude")
    bounded = _busy_select().where(
        Booking.provider_id.in_(bindparam("providers", expanding=True)),
        Booking.start_at >= bindparam("lower"),
        Booking.start_at < bindparam("upper"),
        Booking.end_at > bindparam("end_after"),
        not_excluded,
    )
    probes = [
        select(
            _busy_select()
            .where(
                Booking.provider_id == bindparam(f"p{n}"),
                Booking.start_at < bindparam("lower"),
                not_excluded,
            )
            .order_by(Booking.start_at.desc())
            .limit(1)
            .subquery()
        )
        for n in range(providers)
    ]
    return union_all(bounded, *probes)


def _kept_overlap_query(providers: int) -> CompoundSelect[Any]:
    """:func:`_overlap_query` for ``providers``, built once per count and kept.

    The first 64 counts asked for are kept (and marked prebuilt) for the life of
    the process; any further count is built per call and not marked, so it runs
    the full way and nothing grows without bound (the ``lru_cache`` this replaces
    marked a new statement each time it rebuilt an evicted one).
    """
    query = _OVERLAP_QUERIES.get(providers)
    if query is not None:
        return query
    with _OVERLAP_LOCK:
        query = _OVERLAP_QUERIES.get(providers)
        if query is None:
            if len(_OVERLAP_QUERIES) >= _MAX_KEPT_COUNTS:
                return _overlap_query(providers)
            query = _OVERLAP_QUERIES[providers] = prebuilt(_overlap_query(providers))
    return query


def conflicting_bookings(
    session: Session,
    provider_ids: Sequence[int],
    window_start: datetime,
    window_end: datetime,
    *,
    exclude_booking_id: int | None = None,
    exclude_session_id: int | None = None,
) -> list[BusyBooking]:
    """Live bookings of these providers whose occupied time (buffers included) meets the window.

    ``exclude_session_id`` leaves out the seats of that class session: its attendees
    are one occupancy, the one being joined or moved, not clashes with each other.

    One statement: the query bounded on both sides over ``(provider_id,
    start_at)``, plus (UNION ALL) the one-row probe per provider described in
    the module docstring.
    """
    if not provider_ids:
        return []
    span, max_before, max_after = _longest(session)
    lower = window_start - span
    params: dict[str, Any] = {
        "providers": list(provider_ids),
        "lower": lower,
        "upper": window_end + max_before,
        "end_after": window_start - max_after,
        "exclude": exclude_booking_id if exclude_booking_id is not None else 0,
    }
    params.update((f"p{n}", pid) for n, pid in enumerate(provider_ids))
    query = _kept_overlap_query(len(provider_ids))
    found = [
        BusyBooking(bid, pid, start, end, timedelta(minutes=bb), timedelta(minutes=ba), sid)
        for bid, pid, start, end, bb, ba, sid in statements(session).execute(query, params)
    ]
    return [
        b
        for b in found
        if av.overlaps(b.occupied[0], b.occupied[1], window_start, window_end)
        and (exclude_session_id is None or b.session_id != exclude_session_id)
    ]
