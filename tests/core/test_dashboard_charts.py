"""The dashboard's charts, checked against the tests' own SQL on a small data set.

Days and weeks are counted by the test with plain SQL between UTC bounds it works out
itself from ``zoneinfo``; the busy-hours grid is rebuilt by converting every start time
to local time in Python. Daylight-saving changes (London, New York) and zones with
half- and quarter-hour offsets (India, Nepal) are covered.
"""

from __future__ import annotations

import re
from collections import Counter
from collections.abc import Iterator
from datetime import UTC, date, datetime, time, timedelta
from typing import Any
from zoneinfo import ZoneInfo

import pytest
from sqlalchemy import bindparam, event, text

from careops_desktop.core.db import Database
from careops_desktop.core.models import UTCDateTime
from careops_desktop.core.services.dashboard import (
    AHEAD_DAYS,
    BUSY_WEEKS,
    PAST_DAYS,
    TREND_WEEKS,
    WeekRate,
    dashboard_charts,
)
from tests.core.seed_rows import add_booking, add_booking_type, add_business, add_contact
from tests.core.seed_rows import add_provider as seed_provider


def utc(*args: int) -> datetime:
    return datetime(*args, tzinfo=UTC)


def local(zone: str, *args: int, fold: int = 0) -> datetime:
    return datetime(*args, tzinfo=ZoneInfo(zone), fold=fold).astimezone(UTC)


class World:
    """A business in ``zone`` with one contact and type; a provider per booking (no overlaps)."""

    def __init__(self, db: Database, zone: str) -> None:
        self.db = db
        self.zone = ZoneInfo(zone)
        with db.write_session() as s:
            add_business(s, timezone=zone)
            self.contact = add_contact(s, "Ada Lovelace")
            self.type = add_booking_type(s, "Check-up")
            self.provider = seed_provider(s, "Dr Grace Hopper")

    def book(self, start: datetime, status: str = "confirmed") -> int:
        with self.db.write_session() as s:
            return add_booking(
                s,
                contact_id=self.contact,
                booking_type_id=self.type,
                provider_id=self.provider,
                start=start,
                minutes=1,
                status=status,
            )


BOUNDED = text(
    "SELECT status, count(*) FROM bookings WHERE start_at >= :lo AND start_at < :hi GROUP BY status"
).bindparams(bindparam("lo", type_=UTCDateTime()), bindparam("hi", type_=UTCDateTime()))


def counts_between(db: Database, lo: datetime, hi: datetime) -> Counter[str]:
    """The test's own count of bookings by status with ``lo <= start_at < hi``."""
    with db.engine.connect() as connection:
        return Counter(
            {status: int(n) for status, n in connection.execute(BOUNDED, {"lo": lo, "hi": hi})}
        )


def midnight(day: date, zone: ZoneInfo) -> datetime:
    return datetime.combine(day, time(0), tzinfo=zone).astimezone(UTC)


def starts_between(db: Database, lo: datetime, hi: datetime) -> list[datetime]:
    query = text(
        "SELECT start_at FROM bookings WHERE status <> 'cancelled' "
        "AND start_at >= :lo AND start_at < :hi"
    ).bindparams(
        bindparam("lo", type_=UTCDateTime()),
        bindparam("hi", type_=UTCDateTime()),
    )
    query = query.columns(start_at=UTCDateTime())
    with db.engine.connect() as connection:
        return [row[0] for row in connection.execute(query, {"lo": lo, "hi": hi})]


# -- bookings per day ----------------------------------------------------------------------

LONDON = "Europe/London"
SPRING_NOW = utc(2025, 4, 2, 10, 0)  # London's clocks went forward on Sunday 30 March


def test_each_day_is_a_local_day_across_the_spring_change(db: Database) -> None:
    world = World(db, LONDON)
    world.book(local(LONDON, 2025, 3, 29, 23, 30))  # Saturday night, GMT
    world.book(local(LONDON, 2025, 3, 30, 0, 30), "completed")  # 00:30 GMT
    world.book(local(LONDON, 2025, 3, 30, 23, 30), "no_show")  # 22:30 UTC, still Sunday
    world.book(local(LONDON, 2025, 3, 30, 12, 0), "cancelled")
    world.book(local(LONDON, 2025, 4, 2, 18, 0))  # today, later
    world.book(local(LONDON, 2025, 4, 16, 9, 0))  # the last day ahead
    world.book(local(LONDON, 2025, 4, 17, 9, 0))  # one day too far
    world.book(local(LONDON, 2025, 3, 3, 23, 59), "completed")  # one day too early
    world.book(local(LONDON, 2025, 3, 4, 0, 0), "completed")  # the first day shown

    charts = db.call(dashboard_charts, SPRING_NOW)

    assert charts.today == date(2025, 4, 2) and charts.timezone == LONDON
    assert len(charts.days) == PAST_DAYS + AHEAD_DAYS
    assert charts.days[0].day == date(2025, 3, 4)
    assert charts.days[-1].day == date(2025, 4, 16)
    assert [d.day for d in charts.past_days][-1] == charts.today
    assert len(charts.past_days) == PAST_DAYS and len(charts.ahead_days) == AHEAD_DAYS
    by_day = {d.day: d for d in charts.days}
    sunday = by_day[date(2025, 3, 30)]
    assert (sunday.completed, sunday.no_show, sunday.confirmed, sunday.cancelled) == (1, 1, 0, 1)
    assert sunday.booked == 2
    assert by_day[date(2025, 3, 29)].confirmed == 1
    assert by_day[date(2025, 3, 4)].completed == 1
    assert by_day[date(2025, 4, 16)].confirmed == 1
    for day in charts.days:  # every day against the test's own SQL
        expected = counts_between(
            db, midnight(day.day, world.zone), midnight(day.day + timedelta(days=1), world.zone)
        )
        shown = (day.completed, day.no_show, day.confirmed, day.cancelled)
        wanted = tuple(expected[s] for s in ("completed", "no_show", "confirmed", "cancelled"))
        assert shown == wanted, day.day
    assert sum(d.booked + d.cancelled for d in charts.days) == 7


def test_the_local_date_decides_today_in_new_york(db: Database) -> None:
    zone = "America/New_York"
    world = World(db, zone)
    late = utc(2025, 11, 3, 3, 30)  # 22:30 on Sunday 2 November (EST since 06:00 UTC Nov 2)
    world.book(local(zone, 2025, 11, 2, 1, 30, fold=0))  # the first 01:30 (EDT)
    world.book(local(zone, 2025, 11, 2, 1, 30, fold=1))  # the second 01:30 (EST)
    world.book(local(zone, 2025, 11, 2, 23, 30))  # ahead tonight
    charts = db.call(dashboard_charts, late)
    assert charts.today == date(2025, 11, 2)
    assert charts.days[PAST_DAYS - 1].day == date(2025, 11, 2)
    assert charts.days[PAST_DAYS - 1].confirmed == 3


# -- the no-show trend ---------------------------------------------------------------------


def test_no_show_weeks_run_from_monday_with_their_rate(db: Database) -> None:
    world = World(db, LONDON)
    # week of Monday 24 March (the clocks changed on its Sunday)
    world.book(local(LONDON, 2025, 3, 24, 0, 0), "completed")
    world.book(local(LONDON, 2025, 3, 26, 10, 0), "completed")
    world.book(local(LONDON, 2025, 3, 28, 10, 0), "completed")
    world.book(local(LONDON, 2025, 3, 30, 23, 30), "no_show")  # Sunday night, BST
    world.book(local(LONDON, 2025, 3, 27, 10, 0), "cancelled")  # counted in neither
    world.book(local(LONDON, 2025, 3, 31, 0, 15), "no_show")  # next week: Monday 31 March
    world.book(local(LONDON, 2025, 1, 12, 10, 0), "no_show")  # before the trend starts
    charts = db.call(dashboard_charts, SPRING_NOW)

    weeks = charts.no_show_weeks
    assert len(weeks) == TREND_WEEKS
    assert [w.week_start.weekday() for w in weeks] == [0] * TREND_WEEKS
    assert weeks[-1].week_start == date(2025, 3, 31)
    assert weeks[0].week_start == date(2025, 3, 31) - timedelta(weeks=TREND_WEEKS - 1)
    by_week = {w.week_start: w for w in weeks}
    assert by_week[date(2025, 3, 24)] == WeekRate(date(2025, 3, 24), 3, 1)
    assert by_week[date(2025, 3, 24)].rate == 0.25
    assert by_week[date(2025, 3, 31)].rate == 1.0
    assert by_week[date(2025, 3, 17)].rate is None  # nothing seen: no rate, not zero
    for week in weeks:  # against the test's own SQL
        lo = midnight(week.week_start, world.zone)
        hi = midnight(min(week.week_start + timedelta(days=7), date(2025, 4, 3)), world.zone)
        expected = counts_between(db, lo, hi)
        assert (week.completed, week.no_show) == (expected["completed"], expected["no_show"])


# -- the busiest hours ---------------------------------------------------------------------


def python_grid(db: Database, since: date, until: date, zone: ZoneInfo) -> list[list[int]]:
    grid = [[0] * 24 for _ in range(7)]
    for start in starts_between(db, midnight(since, zone), midnight(until, zone)):
        at = start.astimezone(zone)
        grid[at.weekday()][at.hour] += 1
    return grid


def test_busy_hours_count_the_doubled_autumn_hour_once_per_local_hour(db: Database) -> None:
    world = World(db, LONDON)
    now = utc(2025, 11, 5, 12, 0)  # a Wednesday; the clocks went back on Sunday 26 October
    world.book(local(LONDON, 2025, 10, 26, 1, 30, fold=0))  # 00:30 UTC, BST
    world.book(local(LONDON, 2025, 10, 26, 1, 30, fold=1))  # 01:30 UTC, GMT
    world.book(local(LONDON, 2025, 10, 26, 1, 45, fold=1), "cancelled")
    for week in range(3):  # Mondays at 09:15, before and after the change
        world.book(local(LONDON, 2025, 10, 13 + 7 * week, 9, 15))
    world.book(local(LONDON, 2025, 9, 9, 9, 15))  # a Tuesday before the eight weeks
    world.book(local(LONDON, 2025, 11, 5, 8, 0), "completed")  # today: not yet counted
    world.book(local(LONDON, 2025, 9, 10, 0, 0))  # the first minute counted (Wednesday)

    charts = db.call(dashboard_charts, now)

    assert charts.busy_since == date(2025, 11, 5) - timedelta(weeks=BUSY_WEEKS)
    assert charts.busy_since == date(2025, 9, 10)
    grid = charts.busy_hours
    assert len(grid) == 7 and all(len(row) == 24 for row in grid)
    assert grid[6][1] == 2  # Sunday 01:00–02:00, both of them
    assert grid[0][9] == 3  # three Mondays at 09:15
    assert grid[2][0] == 1  # Wednesday 10 September, midnight
    assert grid[1][9] == 0 and grid[2][8] == 0
    assert sum(map(sum, grid)) == 6
    assert [list(row) for row in grid] == python_grid(
        db, charts.busy_since, charts.today, world.zone
    )


@pytest.mark.parametrize(
    ("zone", "offset_minutes"), [("Asia/Kolkata", 330), ("Asia/Kathmandu", 345)]
)
def test_busy_hours_follow_half_and_quarter_hour_offsets(
    db: Database, zone: str, offset_minutes: int
) -> None:
    world = World(db, zone)
    now = utc(2025, 6, 11, 6, 0)
    ten = local(zone, 2025, 6, 10, 10, 0)  # Tuesday 10:00 local
    assert ten.minute == (60 - offset_minutes % 60) % 60  # not on a UTC hour
    world.book(ten)
    world.book(local(zone, 2025, 6, 10, 10, 59))
    world.book(local(zone, 2025, 6, 10, 9, 59))
    world.book(local(zone, 2025, 6, 8, 23, 59))  # Sunday, the last minute of the day
    world.book(local(zone, 2025, 6, 9, 0, 0))  # Monday, the first minute
    grid = db.call(dashboard_charts, now).busy_hours
    assert grid[1][10] == 2 and grid[1][9] == 1
    assert grid[6][23] == 1 and grid[0][0] == 1
    assert [list(row) for row in grid] == python_grid(
        db, date(2025, 6, 11) - timedelta(weeks=BUSY_WEEKS), date(2025, 6, 11), ZoneInfo(zone)
    )


def test_the_last_quarter_of_23_and_25_hour_days_and_every_hour_boundary(db: Database) -> None:
    world = World(db, LONDON)
    world.book(local(LONDON, 2025, 3, 30, 23, 45))  # the 92nd quarter of a 23-hour Sunday
    world.book(local(LONDON, 2025, 3, 30, 3, 0))  # the first hour after the gap
    world.book(local(LONDON, 2025, 10, 26, 23, 45))  # the 100th quarter of a 25-hour Sunday
    for hour in range(8, 18):  # on the hour, Monday 27 October
        world.book(local(LONDON, 2025, 10, 27, hour, 0))
    grid = db.call(dashboard_charts, utc(2025, 11, 5, 12, 0)).busy_hours
    assert grid[6][23] == 1 and grid[6][3] == 0  # spring Sunday is before the eight weeks
    assert grid[0][8:18] == (1,) * 10 and sum(grid[0]) == 10
    grid = db.call(dashboard_charts, utc(2025, 4, 2, 12, 0)).busy_hours
    assert grid[6][23] == 1 and grid[6][3] == 1 and sum(map(sum, grid)) == 2


# -- empty and unset -----------------------------------------------------------------------


def test_an_empty_business_gives_zeros_of_the_right_shape(db: Database) -> None:
    World(db, "America/New_York")
    charts = db.call(dashboard_charts, SPRING_NOW)
    assert len(charts.days) == PAST_DAYS + AHEAD_DAYS
    assert all(d.booked == 0 and d.cancelled == 0 for d in charts.days)
    assert all(w.rate is None for w in charts.no_show_weeks)
    assert charts.busy_hours == tuple((0,) * 24 for _ in range(7))


def test_before_setup_the_charts_use_utc(db: Database) -> None:
    charts = db.call(dashboard_charts, SPRING_NOW)
    assert charts.timezone == "UTC" and charts.today == date(2025, 4, 2)


# -- the queries use the start-time index --------------------------------------------------


@pytest.fixture
def statements(db: Database) -> Iterator[list[tuple[str, Any]]]:
    seen: list[tuple[str, Any]] = []

    def remember(_conn: Any, _cursor: Any, statement: str, params: Any, *_: Any) -> None:
        if "bookings" in statement and statement.lstrip().upper().startswith("WITH"):
            seen.append((statement, params))

    event.listen(db.engine, "before_cursor_execute", remember)
    yield seen
    event.remove(db.engine, "before_cursor_execute", remember)


@pytest.mark.sqlite_only  # about SQLite's query plans
def test_no_chart_query_scans_the_bookings_table(
    db: Database, statements: list[tuple[str, Any]]
) -> None:
    world = World(db, LONDON)
    world.book(SPRING_NOW)
    db.call(dashboard_charts, SPRING_NOW)
    assert len(statements) == 3
    with db.engine.connect() as connection:
        for statement, params in statements:
            plan = connection.exec_driver_sql("EXPLAIN QUERY PLAN " + statement, params).all()
            for row in plan:
                detail = str(row[-1])
                if re.match(r"SCAN bookings\b", detail):
                    raise AssertionError((statement[:200], detail))
            assert any(
                "INDEX ix_bookings_" in str(row[-1]) and "start_at>" in str(row[-1]) for row in plan
            ), plan
