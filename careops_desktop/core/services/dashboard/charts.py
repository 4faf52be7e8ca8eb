"""The dashboard's charts: bookings per day, the no-show trend, the busiest hours of the week.

One read-only call, :func:`dashboard_charts`, counts in SQL (``GROUP BY`` over a
small table of local buckets joined on ``ix_bookings_start_at``), so every figure
is bucketed by the business's *local* calendar, right across daylight-saving
changes, on SQLite and PostgreSQL alike:

- ``days``: the last :data:`PAST_DAYS` local days (today included) and the next
  :data:`AHEAD_DAYS`, each with its bookings by status.
- ``no_show_weeks``: the last :data:`TREND_WEEKS` weeks (Monday first, this week
  included): completed bookings and no-shows, and the no-show rate of the two.
- ``busy_hours``: bookings (not cancelled) that started in the
  :data:`BUSY_WEEKS` weeks before today, by local weekday and hour of the day
  (``busy_hours[weekday][hour]``, Monday = 0). SQL counts them per local day and
  quarter-hour since local midnight; each quarter's UTC instant is then put into
  local time, so zones with half- or quarter-hour offsets (India, Nepal) and the
  doubled hour of an autumn night count right.

Like the dashboard's booking figures these are shown to everyone signed in.
"""

from __future__ import annotations

from dataclasses import dataclass
from datetime import UTC, date, datetime, timedelta
from typing import Any

from sqlalchemy import ColumnElement, Integer, and_, cast, func, literal_column, select
from sqlalchemy.orm import Session

from careops_desktop.core.db import read_only
from careops_desktop.core.models import Booking, utcnow
from careops_desktop.core.services.business import business_zone
from careops_desktop.core.services.reports.period import (
    Period,
    bucket_table,
    buckets,
)
from careops_desktop.core.services.reports.sql import count_if, minutes_between

PAST_DAYS = 30
AHEAD_DAYS = 14
TREND_WEEKS = 12
BUSY_WEEKS = 8
QUARTER = timedelta(minutes=15)  # every UTC offset in use is a multiple of 15 minutes


@dataclass(frozen=True)
class DayCount:
    """One local day's bookings by status (cancelled ones are counted apart)."""

    day: date
    completed: int
    no_show: int
    confirmed: int
    cancelled: int

    @property
    def booked(self) -> int:
        """The bookings that were not cancelled."""
        return self.completed + self.no_show + self.confirmed


@dataclass(frozen=True)
class WeekRate:
    """One week (from Monday): completed bookings and no-shows."""

    week_start: date
    completed: int
    no_show: int

    @property
    def rate(self) -> float | None:
        """No-shows as a fraction of completed plus no-shows; None for a week with neither."""
        seen = self.completed + self.no_show
        return self.no_show / seen if seen else None


@dataclass(frozen=True)
class DashboardCharts:
    today: date  # the business's local date for ``now``
    timezone: str
    days: tuple[DayCount, ...]
    no_show_weeks: tuple[WeekRate, ...]
    busy_hours: tuple[tuple[int, ...], ...]  # [weekday 0-6][hour 0-23]
    busy_since: date  # the first local date counted in ``busy_hours``

    @property
    def past_days(self) -> tuple[DayCount, ...]:
        return tuple(d for d in self.days if d.day <= self.today)

    @property
    def ahead_days(self) -> tuple[DayCount, ...]:
        return tuple(d for d in self.days if d.day > self.today)


def _per_day(session: Session, period: Period) -> tuple[DayCount, ...]:
    spans = buckets(period, "day")
    table = bucket_table(spans, "chart_days")
    rows = session.execute(
        select(
            table.c.n,
            count_if(Booking.status == "completed"),
            count_if(Booking.status == "no_show"),
            count_if(Booking.status.in_(("confirmed", "arrived"))),
            count_if(Booking.status == "cancelled"),
        )
        .select_from(table)
        .outerjoin(Booking, and_(Booking.start_at >= table.c.lo, Booking.start_at < table.c.hi))
        .group_by(table.c.n)
        .order_by(table.c.n)
    ).all()
    found = {int(n): (int(a), int(b), int(c), int(d)) for n, a, b, c, d in rows}
    return tuple(DayCount(span.label, *found.get(n, (0, 0, 0, 0))) for n, span in enumerate(spans))


def _no_show_weeks(session: Session, period: Period) -> tuple[WeekRate, ...]:
    spans = buckets(period, "week")
    table = bucket_table(spans, "chart_weeks")
    rows = session.execute(
        select(
            table.c.n,
            count_if(Booking.status == "completed"),
            count_if(Booking.status == "no_show"),
        )
        .select_from(table)
        .outerjoin(
            Booking,
            and_(
                Booking.start_at >= table.c.lo,
                Booking.start_at < table.c.hi,
                Booking.status.in_(("completed", "no_show")),
            ),
        )
        .group_by(table.c.n)
        .order_by(table.c.n)
    ).all()
    found = {int(n): (int(a), int(b)) for n, a, b in rows}
    return tuple(WeekRate(span.label, *found.get(n, (0, 0))) for n, span in enumerate(spans))


def quarter_of_day(session: Session, day_start: Any, start: Any) -> ColumnElement[Any]:
    """Which quarter-hour after ``day_start`` (a UTC column) ``start`` falls in (0, 1, …).

    Counted in elapsed minutes, so a 23- or 25-hour day has 92 or 100 quarters. A hundredth
    of a minute is added first, so floating error never puts 10:00:00 in the quarter before.
    """
    minutes = minutes_between(session, day_start, start)
    quarters = (minutes + literal_column("0.01")) / literal_column("15.0")
    if session.get_bind().dialect.name == "sqlite":
        return cast(quarters, Integer)  # truncation: the floor of a positive number
    return cast(func.floor(quarters), Integer)


def _busy_hours(session: Session, period: Period) -> tuple[tuple[int, ...], ...]:
    """Bookings per local (weekday, hour): counted per local day and quarter-hour in SQL.

    Each (day, quarter) is then turned into its UTC instant and that into local time, so
    the doubled autumn hour, the missing spring hour and half- or quarter-hour offsets
    (India, Nepal) all land in the right local hour.
    """
    spans = buckets(period, "day")
    table = bucket_table(spans, "chart_busy_days")
    quarters = (
        select(
            table.c.n.label("n"), quarter_of_day(session, table.c.lo, Booking.start_at).label("q")
        )
        .select_from(table)
        .join(
            Booking,
            and_(
                Booking.start_at >= table.c.lo,
                Booking.start_at < table.c.hi,
                Booking.status != "cancelled",
            ),
        )
        .subquery("busy")
    )
    rows = session.execute(
        select(quarters.c.n, quarters.c.q, func.count()).group_by(quarters.c.n, quarters.c.q)
    ).all()
    grid = [[0] * 24 for _ in range(7)]
    for n, quarter, count in rows:
        at = (spans[int(n)].lo + QUARTER * int(quarter)).astimezone(period.zone)
        grid[at.weekday()][at.hour] += int(count)
    return tuple(tuple(row) for row in grid)


@read_only
def dashboard_charts(session: Session, now: datetime | None = None) -> DashboardCharts:
    """The three charts at ``now`` (UTC; default the clock); see the module text."""
    now = now.astimezone(UTC) if now is not None else utcnow()
    zone = business_zone(session)
    today = now.astimezone(zone).date()
    days = Period(today - timedelta(days=PAST_DAYS - 1), today + timedelta(days=AHEAD_DAYS), zone)
    this_monday = today - timedelta(days=today.weekday())
    weeks = Period(this_monday - timedelta(weeks=TREND_WEEKS - 1), today, zone)
    busy_since = today - timedelta(weeks=BUSY_WEEKS)
    busy = Period(busy_since, today - timedelta(days=1), zone)
    return DashboardCharts(
        today=today,
        timezone=zone.key,
        days=_per_day(session, days),
        no_show_weeks=_no_show_weeks(session, weeks),
        busy_hours=_busy_hours(session, busy),
        busy_since=busy_since,
    )
