"""The bookings of a period as a flat list, streamed (for CSV/XLSX exports of every booking).

Rows come in batches from one query, so exporting 200,000 bookings never
holds them all in memory. Times are in the report's time zone; the price is
the booking type's current price. Needs VIEW_REPORTS.
"""

from __future__ import annotations

from collections.abc import Iterator
from datetime import UTC, date, datetime
from zoneinfo import ZoneInfo

from sqlalchemy import String, select, type_coerce
from sqlalchemy.orm import Session

from careops_desktop.core.models import Booking, BookingType, Contact, Provider
from careops_desktop.core.permissions import Actor, Permission, require
from careops_desktop.core.services.reports.model import Column, Value
from careops_desktop.core.services.reports.period import make_period, resolve_zone

BOOKING_COLUMNS = (
    Column("id", "Booking", "int"),
    Column("start", "Start", "datetime"),
    Column("end", "End", "datetime"),
    Column("status", "Status"),
    Column("source", "Made at"),
    Column("provider", "With"),
    Column("booking_type", "What"),
    Column("customer", "Customer"),
    Column("email", "Email"),
    Column("phone", "Phone"),
    Column("price", "Price", "money"),
    Column("created", "Booked on", "datetime"),
    Column("cancel_reason", "Cancellation reason"),
)


def iter_bookings(
    session: Session,
    actor: Actor,
    start_date: date,
    end_date: date,
    tz: ZoneInfo | str | None = None,
    *,
    batch: int = 5_000,
) -> Iterator[tuple[Value, ...]]:
    """Every booking starting in the period (cancelled too), in start order, as rows
    matching :data:`BOOKING_COLUMNS`. Iterate it inside the session's transaction."""
    require(actor, Permission.VIEW_REPORTS)
    zone = resolve_zone(session, tz)
    period = make_period(start_date, end_date, zone)
    query = (
        select(
            Booking.id,
            type_coerce(Booking.start_at, String),
            type_coerce(Booking.end_at, String),
            Booking.status,
            Booking.source,
            Provider.name,
            BookingType.name,
            Contact.name,
            Contact.email,
            Contact.phone,
            BookingType.price_minor,
            type_coerce(Booking.created_at, String),
            Booking.cancel_reason,
        )
        .join(Provider, Provider.id == Booking.provider_id)
        .join(BookingType, BookingType.id == Booking.booking_type_id)
        .join(Contact, Contact.id == Booking.contact_id)
        .where(Booking.start_at >= period.start_utc, Booking.start_at < period.end_utc)
        .order_by(Booking.start_at, Booking.id)
        .execution_options(yield_per=batch)
    )

    def local(value: datetime | str) -> datetime:
        # times read as stored (SQLite: text) and parsed here: much faster than per-value
        # type processing for 200,000 rows; PostgreSQL hands over datetimes already
        moment = datetime.fromisoformat(value) if isinstance(value, str) else value
        if moment.tzinfo is None:
            moment = moment.replace(tzinfo=UTC)
        return moment.astimezone(zone)

    for row in session.connection().execute(query):  # Core rows: no ORM bookkeeping
        (
            booking_id,
            start,
            end,
            status,
            source,
            provider,
            what,
            customer,
            email,
            phone,
            price,
            created,
            reason,
        ) = row
        yield (
            booking_id,
            local(start),
            local(end),
            status,
            source,
            provider,
            what,
            customer,
            email or "",
            phone or "",
            price,
            local(created),
            reason,
        )
