"""The streamed booking listing equals what the ORM says, in any zone and across DST; the
fast CSV cell formatters write what the plain ones would."""

from __future__ import annotations

import csv
import io
from collections.abc import Iterator
from datetime import UTC, date, datetime
from zoneinfo import ZoneInfo

import pytest
from sqlalchemy import select

from careops_desktop.core.db import Database
from careops_desktop.core.errors import PermissionDenied
from careops_desktop.core.models import Booking, BookingType, Contact, Provider
from careops_desktop.core.permissions import Actor
from careops_desktop.core.services.reports.listing import (
    BOOKING_COLUMNS,
    count_bookings_in_period,
    iter_booking_batches,
    iter_bookings,
    local_time_reader,
)
from careops_desktop.exports.csv_writer import write_table_csv
from careops_desktop.exports.formatting import GuardedText, csv_formatter
from tests.core import seed_rows
from tests.core.report_world import END, START, small_demo_path

SYSTEM = Actor.system("Listing test")


@pytest.fixture(scope="module")
def demo(tmp_path_factory: pytest.TempPathFactory) -> Iterator[Database]:
    database = Database(f"sqlite:///{small_demo_path(tmp_path_factory)}")
    yield database
    database.close()


def _expected(database: Database, zone: ZoneInfo, first: date, last: date) -> list[tuple]:
    """The listing built the slow, obvious way: ORM objects and astimezone."""
    begin = datetime.combine(first, datetime.min.time(), tzinfo=zone).astimezone(UTC)
    after = datetime.combine(date.fromordinal(last.toordinal() + 1), datetime.min.time(), zone)
    rows = []
    with database.session() as session:
        found = session.execute(
            select(Booking, Provider, BookingType, Contact)
            .join(Provider, Provider.id == Booking.provider_id)
            .join(BookingType, BookingType.id == Booking.booking_type_id)
            .join(Contact, Contact.id == Booking.contact_id)
            .where(Booking.start_at >= begin, Booking.start_at < after.astimezone(UTC))
            .order_by(Booking.start_at, Booking.id)
        ).all()
        for booking, provider, kind, contact in found:
            rows.append(
                (
                    booking.id,
                    booking.start_at.astimezone(zone),
                    booking.end_at.astimezone(zone),
                    booking.status,
                    booking.source,
                    provider.name,
                    kind.name,
                    contact.name,
                    contact.email or "",
                    contact.phone or "",
                    kind.price_minor,
                    booking.created_at.astimezone(zone),
                    booking.cancel_reason,
                )
            )
    return rows


@pytest.mark.parametrize("zone_name", ["Europe/London", "America/St_Johns", "Pacific/Auckland"])
def test_listing_matches_the_orm_across_dst(demo: Database, zone_name: str) -> None:
    zone = ZoneInfo(zone_name)
    expected = _expected(demo, zone, START, END)
    with demo.session() as session:
        got = list(iter_bookings(session, SYSTEM, START, END, zone_name, batch=7))
        total = count_bookings_in_period(session, SYSTEM, START, END, zone_name)
        batches = list(iter_booking_batches(session, SYSTEM, START, END, zone_name, batch=50))
    assert len(expected) > 100 and got == expected and total == len(got)
    offsets = {row[1].utcoffset() for row in got}
    if zone_name == "Europe/London":  # the period crosses the clocks going forward
        assert len(offsets) == 2
    assert [len(b) for b in batches[:-1]] == [50] * (len(batches) - 1)
    assert [row for b in batches for row in b] == expected


def test_listing_needs_the_reports_permission(demo: Database) -> None:
    with demo.session() as session:
        staff = seed_rows.add_staff_actor(session, "staff", email="listing-staff@example.com")
        with pytest.raises(PermissionDenied):
            list(iter_bookings(session, staff, START, END))
        with pytest.raises(PermissionDenied):
            count_bookings_in_period(session, staff, START, END)


def test_local_times_in_a_fold_and_from_datetimes() -> None:
    zone = ZoneInfo("Europe/London")
    local = local_time_reader(zone)
    # 26 Oct 2025: 01:30 local happens twice (00:30 UTC in BST, 01:30 UTC in GMT)
    first, second = local("2025-10-26 00:30:00.000000"), local("2025-10-26 01:30:00.000000")
    assert (first.hour, first.fold, second.hour, second.fold) == (1, 0, 1, 1)
    assert local(datetime(2025, 10, 26, 1, 30)) == second
    assert local(datetime(2025, 10, 26, 1, 30, tzinfo=UTC)) == second
    assert local("2025-10-26T01:30:00+00:00") == second  # text that carries its offset


def test_fast_csv_cells_equal_the_plain_ones() -> None:
    moment = datetime(2025, 3, 30, 2, 5, 59, 999, tzinfo=ZoneInfo("Europe/London"))
    text = csv_formatter("datetime")
    assert text is not None
    assert text(moment) == moment.isoformat(" ", "minutes")[:16] == "2025-03-30 02:05"
    assert text(datetime(999, 1, 2, 3, 4)) == "0999-01-02 03:04"
    assert text(None) == ""
    guarded = GuardedText()
    assert [guarded[v] for v in ("=1+1", "-3", "plain", None, "=1+1")] == [
        "'=1+1",
        "'-3",
        "plain",
        "",
        "'=1+1",
    ]
    assert guarded[1] == 1 and guarded[True] is True  # only text is remembered
    assert set(guarded) == {"=1+1", "-3", "plain"}


def test_csv_of_batches_keeps_every_row_and_refuses_a_wrong_width(tmp_path) -> None:
    rows = [(n, datetime(2025, 1, 1, tzinfo=UTC), "=x" if n % 2 else None) for n in range(12)]
    columns = BOOKING_COLUMNS[:2] + BOOKING_COLUMNS[3:4]
    out = io.StringIO()
    assert write_table_csv(out, columns, rows, excel=True) == 12
    read = list(csv.reader(io.StringIO(out.getvalue().lstrip("\ufeff"))))
    assert read[0] == ["Booking", "Start", "Status"]
    assert read[1] == ["0", "2025-01-01 00:00", ""] and read[2] == ["1", "2025-01-01 00:00", "'=x"]
    assert len(read) == 13
    for bad in ([(1, None, "a"), (2, None)], [(1, None, "a", "extra")]):
        with pytest.raises(ValueError, match="values for 3 columns"):
            write_table_csv(tmp_path / "bad.csv", columns, bad)


def test_period_bookings_file_is_whole_and_refuses_what_it_cannot_do(
    demo: Database, tmp_path
) -> None:
    from careops_desktop.core.errors import ValidationError
    from careops_desktop.exports.file_safety import ExportFailed
    from careops_desktop.exports.period_bookings import export_period_bookings

    seen: list[tuple[int, int]] = []
    with demo.session() as session:
        total = count_bookings_in_period(session, SYSTEM, START, END)
        path = tmp_path / "all.csv"
        count = export_period_bookings(
            session, SYSTEM, START, END, path, "csv", progress=lambda d, t, _w: seen.append((d, t))
        )
        assert count == total and seen[0] == (0, total) and seen[-1] == (total, total)
        assert len(path.read_text(encoding="utf-8-sig").splitlines()) == total + 1
        with pytest.raises(ValidationError):
            export_period_bookings(session, SYSTEM, START, END, tmp_path / "x.pdf", "pdf")
        staff = seed_rows.add_staff_actor(session, "staff", email="listing-file@example.com")
        with pytest.raises(PermissionDenied):
            export_period_bookings(session, staff, START, END, tmp_path / "no.csv", "csv")
        with pytest.raises(ExportFailed, match="is a folder"):
            export_period_bookings(session, SYSTEM, START, END, tmp_path, "csv")
    assert sorted(p.name for p in tmp_path.iterdir()) == ["all.csv"]


def test_listing_on_either_database(db: Database, tmp_path) -> None:
    """SQLite hands over stored text, PostgreSQL datetimes: the same rows either way."""
    from careops_desktop.exports.period_bookings import export_period_bookings

    starts = (
        datetime(2025, 10, 26, 0, 30, tzinfo=UTC),  # 01:30 BST
        datetime(2025, 10, 26, 1, 30, tzinfo=UTC),  # 01:30 GMT, the clock's second time
        datetime(2025, 10, 26, 23, 30, tzinfo=UTC),  # 23:30 GMT
        datetime(2025, 10, 27, 0, 30, tzinfo=UTC),  # the next day: left out
    )

    def seed(session) -> None:
        seed_rows.add_business(session)
        contact = seed_rows.add_contact(session, "=Ada", None)
        provider = seed_rows.add_provider(session)
        kind = seed_rows.add_booking_type(session)
        for start in starts:
            seed_rows.add_booking(
                session, contact_id=contact, booking_type_id=kind, provider_id=provider, start=start
            )

    db.call(seed)
    day = date(2025, 10, 26)
    expected = _expected(db, ZoneInfo("Europe/London"), day, day)
    with db.session() as session:
        got = list(iter_bookings(session, SYSTEM, day, day, batch=2))
        count = export_period_bookings(session, SYSTEM, day, day, tmp_path / "day.xlsx", "xlsx")
    assert got == expected and len(got) == count == 3
    assert [(r[1].hour, r[1].fold) for r in got] == [(1, 0), (1, 1), (23, 0)]
    assert got[0][7] == "=Ada"
