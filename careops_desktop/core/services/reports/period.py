"""Report periods: local dates turned into UTC bounds, and local buckets for GROUP BY.

A period is a range of the business's local dates, both ends included. Its
UTC bounds are local midnight of the first day and local midnight after the
last day, so a day in which the clocks change is 23 or 25 hours long and is
still one day. Buckets (days, weeks from Monday, or months) are computed the
same way and handed to SQL as a small VALUES table, so counting per local day
is a ``GROUP BY`` over an indexed range join that is right across DST changes.
"""

from __future__ import annotations

from dataclasses import dataclass
from datetime import UTC, date, datetime, time, timedelta
from typing import Any, Literal
from zoneinfo import ZoneInfo, ZoneInfoNotFoundError

from sqlalchemy import CTE, Integer, column, values
from sqlalchemy.orm import Session

from careops_desktop.core.errors import ValidationError
from careops_desktop.core.i18n import N_, _
from careops_desktop.core.models import UTCDateTime
from careops_desktop.core.services.business import business_zone

MAX_DAYS = 3_700  # about ten years; longer periods are refused
Unit = Literal["day", "week", "month"]


def local_midnight(day: date, zone: ZoneInfo) -> datetime:
    """The UTC instant at which local ``day`` begins in ``zone``."""
    return datetime.combine(day, time(0), tzinfo=zone).astimezone(UTC)


@dataclass(frozen=True)
class Period:
    """Local dates ``start``..``end`` (included) and their UTC bounds [start_utc, end_utc)."""

    start: date
    end: date
    zone: ZoneInfo

    @property
    def start_utc(self) -> datetime:
        return local_midnight(self.start, self.zone)

    @property
    def end_utc(self) -> datetime:
        return local_midnight(self.end + timedelta(days=1), self.zone)

    @property
    def days(self) -> int:
        return (self.end - self.start).days + 1

    def dates(self) -> list[date]:
        """Every local date of the period, in order."""
        return [self.start + timedelta(days=n) for n in range(self.days)]


def resolve_zone(session: Session, tz: ZoneInfo | str | None) -> ZoneInfo:
    """``tz`` as a ZoneInfo; None means the business's time zone."""
    if tz is None:
        return business_zone(session)
    if isinstance(tz, ZoneInfo):
        return tz
    try:
        return ZoneInfo(tz)
    except (ZoneInfoNotFoundError, ValueError):
        raise ValidationError(
            {"timezone": _("Unknown time zone {zone}.").format(zone=repr(tz))}
        ) from None


def make_period(start: date, end: date, zone: ZoneInfo) -> Period:
    """A checked period: ``start`` on or before ``end``, at most :data:`MAX_DAYS` long."""
    if not isinstance(start, date) or not isinstance(end, date):
        raise ValidationError({"period": _("Give the period as two dates.")})
    if isinstance(start, datetime) or isinstance(end, datetime):
        start, end = _as_date(start), _as_date(end)
    if end < start:
        raise ValidationError({"end": _("The period ends before it starts.")})
    if (end - start).days + 1 > MAX_DAYS:
        raise ValidationError({"end": _("Choose a period of at most ten years.")})
    return Period(start, end, zone)


def _as_date(value: date) -> date:
    return value.date() if isinstance(value, datetime) else value


def unit_for(period: Period) -> Unit:
    """Days for up to two months, weeks up to a year and a bit, months beyond."""
    if period.days <= 62:
        return "day"
    if period.days <= 380:
        return "week"
    return "month"


@dataclass(frozen=True)
class Bucket:
    """One local day, week or month (clipped to the period) and its UTC bounds."""

    label: date  # the first local date of the bucket inside the period
    lo: datetime
    hi: datetime


def buckets(period: Period, unit: Unit) -> list[Bucket]:
    """The period cut into local days, weeks (Monday first) or calendar months."""
    found: list[Bucket] = []
    day = period.start
    while day <= period.end:
        if unit == "day":
            nxt = day + timedelta(days=1)
        elif unit == "week":
            nxt = day + timedelta(days=7 - day.weekday())
        else:
            nxt = date(day.year + day.month // 12, day.month % 12 + 1, 1)
        nxt = min(nxt, period.end + timedelta(days=1))
        found.append(
            Bucket(day, local_midnight(day, period.zone), local_midnight(nxt, period.zone))
        )
        day = nxt
    return found


def bucket_table(items: list[Bucket], name: str = "buckets") -> CTE:
    """A table ``(n, lo, hi)`` of ``items`` (a CTE over VALUES) to join on a UTC time column."""
    rows: list[tuple[Any, ...]] = [(n, b.lo, b.hi) for n, b in enumerate(items)]
    table = values(
        column("n", Integer), column("lo", UTCDateTime()), column("hi", UTCDateTime()), name=name
    ).data(rows)
    return table.cte(name)


BUCKET_TITLES = {"day": N_("Day"), "week": N_("Week from"), "month": N_("Month")}
UNIT_NAMES = {
    "day": N_("day"),
    "week": N_("week"),
    "month": N_("month"),
}


def bucket_title(unit: Unit) -> str:
    """The heading of a column of days, weeks or months, in the current language."""
    return _(BUCKET_TITLES[unit])


def unit_name(unit: Unit) -> str:
    """ "day", "week" or "month" in the current language (as in "Bookings by {unit}")."""
    return _(UNIT_NAMES[unit])
