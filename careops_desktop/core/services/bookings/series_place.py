"""Where a booking stands in its recurring series, for the desk's booking details."""

from __future__ import annotations

from dataclasses import dataclass

from sqlalchemy import func, select
from sqlalchemy.orm import Session

from careops_desktop.core.db import read_only
from careops_desktop.core.models import Booking, BookingSeries
from careops_desktop.core.permissions import Actor, Permission, require


@dataclass(frozen=True)
class SeriesPlace:
    """Visit ``number`` of ``total`` in the series whose rule reads ``rule_text`` (in the
    reader's language)."""

    series_id: int
    number: int
    total: int
    rule_text: str


@read_only
def series_place(session: Session, actor: Actor, booking_id: int) -> SeriesPlace | None:
    """The booking's place in its series (visits in start order, cancelled ones counted,
    so a visit keeps its number), or None when it is not a visit of a series.

    Needs MANAGE_BOOKINGS. Two short queries on the series' own visits.
    """
    require(actor, Permission.MANAGE_BOOKINGS)
    row = session.execute(
        select(Booking.series_id, Booking.start_at, Booking.id).where(Booking.id == booking_id)
    ).first()
    if row is None or row.series_id is None:
        return None
    series = session.get(BookingSeries, row.series_id)
    if series is None:
        return None
    visits = Booking.series_id == row.series_id
    earlier = (Booking.start_at < row.start_at) | (
        (Booking.start_at == row.start_at) & (Booking.id <= row.id)
    )
    number = session.scalar(select(func.count()).where(visits, earlier)) or 1
    total = session.scalar(select(func.count()).where(visits)) or number
    from careops_desktop.core.services.bookings.series import rule_of, rule_text

    return SeriesPlace(series.id, int(number), int(total), rule_text(rule_of(series)))
