"""The bookings of a period as a flat list, streamed (for CSV/XLSX exports of every booking).

Rows come in batches from one query, so exporting 200,000 bookings never
holds them all in memory. Times are in the report's time zone; the price is
the booking type's current price. Needs VIEW_REPORTS.

Speed (200,000 rows): the bookings are read without joins, straight from the
driver's cursor (no ORM, no SQLAlchemy row per booking); provider and booking
type names come from two small lookups, each customer once per export from a
lookup filled batch by batch; stored UTC text becomes a local time in one step.
"""

from __future__ import annotations

from collections.abc import Callable, Iterator, Sequence
from datetime import UTC, date, datetime
from typing import Any
from zoneinfo import ZoneInfo

from sqlalchemy import func, select
from sqlalchemy.engine import Connection
from sqlalchemy.orm import Session

from careops_desktop.core.i18n import N_
from careops_desktop.core.models import Booking, BookingType, Contact, Provider
from careops_desktop.core.permissions import Actor, Permission, require
from careops_desktop.core.services.reports.model import Column, Value, translated
from careops_desktop.core.services.reports.period import Period, make_period, resolve_zone

BOOKING_COLUMNS = (
    Column("id", N_("Booking"), "int"),
    Column("start", N_("Start"), "datetime"),
    Column("end", N_("End"), "datetime"),
    Column("status", N_("Status")),
    Column("source", N_("Made at")),
    Column("provider", N_("With")),
    Column("booking_type", N_("What")),
    Column("customer", N_("Customer")),
    Column("email", N_("Email")),
    Column("phone", N_("Phone")),
    Column("price", N_("Price"), "money"),
    Column("created", N_("Booked on"), "datetime"),
    Column("cancel_reason", N_("Cancellation reason")),
)


def booking_columns() -> tuple[Column, ...]:
    """:data:`BOOKING_COLUMNS` with their titles in the current language."""
    return translated(BOOKING_COLUMNS)


CONTACT_CHUNK = 500  # ids per IN (...) when looking customers up


def local_time_reader(zone: ZoneInfo) -> Callable[[Any], datetime]:
    """A function turning a stored UTC time (SQLite text, or a datetime) into an aware local
    time in ``zone``: the same instant as ``datetime.astimezone(zone)`` gives."""
    parse = datetime.fromisoformat

    def local(value: Any) -> datetime:
        if type(value) is str:
            try:  # stored as naive UTC text: read it as UTC in one step
                return parse(value + "+00:00").astimezone(zone)
            except ValueError:
                moment = parse(value)
        else:
            moment = value
        if moment.tzinfo is None:
            moment = moment.replace(tzinfo=UTC)
        return moment.astimezone(zone)

    return local


def count_bookings_in_period(
    session: Session,
    actor: Actor,
    start_date: date,
    end_date: date,
    tz: ZoneInfo | str | None = None,
) -> int:
    """How many rows :func:`iter_bookings` yields for the period (for a progress bar)."""
    require(actor, Permission.VIEW_REPORTS)
    period = make_period(start_date, end_date, resolve_zone(session, tz))
    query = select(func.count(Booking.id)).where(*_in_period(period))
    return int(session.execute(query).scalar_one())


def _in_period(period: Period) -> tuple[Any, ...]:
    return (Booking.start_at >= period.start_utc, Booking.start_at < period.end_utc)


def _fetcher(connection: Connection, query: Any, batch: int) -> tuple[Any, Callable[[], Any]]:
    """Execute ``query``; return the result (to close) and a function fetching the next batch.

    SQLite: the driver's own cursor, so no SQLAlchemy row is made per booking. Elsewhere a
    server-side cursor (``stream_results``), so the rows are not all held in memory.
    """
    if connection.dialect.name == "sqlite":
        result = connection.execute(query)
        cursor = result.cursor
        return result, lambda: cursor.fetchmany(batch)
    result = connection.execution_options(stream_results=True, yield_per=batch).execute(query)
    return result, lambda: result.fetchmany(batch)


class _Customers:
    """Customer (name, email, phone) by contact id, looked up batch by batch, once each."""

    def __init__(self, connection: Connection) -> None:
        self.connection = connection
        self.known: dict[int, tuple[str, str, str]] = {}

    def learn(self, contact_ids: Sequence[int]) -> dict[int, tuple[str, str, str]]:
        missing = sorted({i for i in contact_ids if i not in self.known})
        for offset in range(0, len(missing), CONTACT_CHUNK):
            chunk = missing[offset : offset + CONTACT_CHUNK]
            rows = self.connection.execute(
                select(Contact.id, Contact.name, Contact.email, Contact.phone).where(
                    Contact.id.in_(chunk)
                )
            )
            for contact_id, name, email, phone in rows:
                self.known[contact_id] = (name, email or "", phone or "")
        return self.known


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
    for rows in iter_booking_batches(session, actor, start_date, end_date, tz, batch=batch):
        yield from rows


def iter_booking_batches(
    session: Session,
    actor: Actor,
    start_date: date,
    end_date: date,
    tz: ZoneInfo | str | None = None,
    *,
    batch: int = 5_000,
) -> Iterator[list[tuple[Value, ...]]]:
    """The rows of :func:`iter_bookings` as lists of up to ``batch`` rows (for writers that
    take many rows at once)."""
    require(actor, Permission.VIEW_REPORTS)
    zone = resolve_zone(session, tz)
    period = make_period(start_date, end_date, zone)
    connection = session.connection()
    providers: dict[int, str] = dict(connection.execute(select(Provider.id, Provider.name)).all())
    kinds = {
        type_id: (name, price)
        for type_id, name, price in connection.execute(
            select(BookingType.id, BookingType.name, BookingType.price_minor)
        )
    }
    customers = _Customers(connection)
    local = local_time_reader(zone)
    query = (
        select(
            Booking.id,
            Booking.start_at,
            Booking.end_at,
            Booking.status,
            Booking.source,
            Booking.provider_id,
            Booking.booking_type_id,
            Booking.contact_id,
            Booking.created_at,
            Booking.cancel_reason,
        )
        .where(*_in_period(period))
        .order_by(Booking.start_at, Booking.id)
    )
    result, fetch = _fetcher(connection, query, batch)
    try:
        while found := fetch():
            known = customers.learn([row[7] for row in found])
            out: list[tuple[Value, ...]] = []
            add = out.append
            for bid, start, end, status, source, pid, tid, cid, created, reason in found:
                what, price = kinds[tid]
                name, email, phone = known[cid]
                add(
                    (
                        bid,
                        local(start),
                        local(end),
                        status,
                        source,
                        providers[pid],
                        what,
                        name,
                        email,
                        phone,
                        price,
                        local(created),
                        reason,
                    )
                )
            yield out
    finally:
        result.close()
