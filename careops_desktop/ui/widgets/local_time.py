"""Times shown in the business's time zone, and the zone itself fetched off the Qt thread.

Stored times are UTC (aware); everything a person reads is local to the business, in the
business's locale (``QLocale()``, set by ``ui.i18n.apply_business_locale``).
"""

from __future__ import annotations

import re
from datetime import date, datetime
from zoneinfo import ZoneInfo

from PySide6.QtCore import QDate, QLocale, QTime
from sqlalchemy.orm import Session

from careops_desktop.core import clock_text
from careops_desktop.core.db import read_only
from careops_desktop.core.services.business import business_zone

UTC_ZONE = ZoneInfo("UTC")


@read_only
def load_zone(session: Session) -> ZoneInfo:
    """The business's zone (runs on the database worker; UTC before setup)."""
    return business_zone(session)


def to_local(moment: datetime, zone: ZoneInfo) -> datetime:
    """``moment`` (aware, or naive UTC) as an aware datetime in ``zone``."""
    return clock_text.to_local(moment, zone)


def local_now(zone: ZoneInfo) -> datetime:
    return datetime.now(zone)


def _date_pattern(*, weekday: bool, year: bool) -> str:
    """A QLocale date pattern with short names, from the business locale's long date.

    ``en_GB``: ``ddd, d MMM yyyy``; ``de_DE``: ``ddd, d. MMM yyyy``; ``en_US``:
    ``ddd, MMM d, yyyy``; without the weekday or the year where asked.
    """
    pattern = QLocale().dateFormat(QLocale.FormatType.LongFormat)
    pattern = pattern.replace("dddd", "ddd").replace("MMMM", "MMM")
    if not weekday:
        pattern = re.sub(r"^ddd[,.\s]*|[,\s]*ddd$", "", pattern)
    if not year:
        pattern = re.sub(r"(\s*'[^']*')?[,./\s-]*y+年?", "", pattern)
    return pattern.strip(" ,")


def _date_text(day: date, *, weekday: bool = True, year: bool = True) -> str:
    """``day`` in the business locale (``Sun, 4 Apr 2027``; ``So., 4. Apr. 2027``)."""
    return QLocale().toString(
        QDate(day.year, day.month, day.day), _date_pattern(weekday=weekday, year=year)
    )


def _time_text(local: datetime, *, always: bool = False) -> str:
    """``14:30`` (``2:30 PM`` where the locale reads 12 hours), plus the zone mark of a
    wall time the clock shows twice (``01:30 UTC+11``), or ``always``."""
    text = QLocale().toString(
        QTime(local.hour, local.minute), QLocale().timeFormat(QLocale.FormatType.ShortFormat)
    )
    if local.tzinfo is not None and (always or clock_text.shows_twice(local)):
        text += f" {clock_text.zone_mark(local)}"
    return text


def _day_and_time(local: datetime, *, always: bool = False, year: bool = True) -> str:
    return f"{_date_text(local.date(), year=year)} {_time_text(local, always=always)}"


def fmt_datetime(moment: datetime | None, zone: ZoneInfo) -> str:
    """``Mon, 10 Mar 2025 14:30`` in ``zone`` per the business locale (QLocale; ``01:30 BST``
    when shown twice); blank for None."""
    if moment is None:
        return ""
    return _day_and_time(to_local(moment, zone))


def fmt_range(start: datetime, end: datetime, zone: ZoneInfo) -> str:
    """``Mon, 10 Mar 2025 14:30–15:00`` in ``zone``; never ``01:30–01:30``."""
    local_start, local_end = to_local(start, zone), to_local(end, zone)
    first, last = _day_and_time(local_start), _time_text(local_end)
    if first.endswith(last) and local_start != local_end:
        first, last = _day_and_time(local_start, always=True), _time_text(local_end, always=True)
    return f"{first}{clock_text.RANGE_DASH}{last}"


def fmt_short(moment: datetime | None, zone: ZoneInfo, today: date | None = None) -> str:
    """``14:30`` today, ``Mon, 10 Mar 14:30`` this year, ``10 Mar 2024`` before."""
    if moment is None:
        return ""
    local = to_local(moment, zone)
    today = today or datetime.now(zone).date()
    if local.date() == today:
        return _time_text(local)
    if local.year == today.year:
        return _day_and_time(local, year=False)
    return _date_text(local.date(), weekday=False)


def fmt_date(value: date | datetime | None, zone: ZoneInfo | None = None) -> str:
    """``10 Mar 2025`` per the business locale; a datetime is first moved to ``zone``."""
    if value is None:
        return ""
    if isinstance(value, datetime):
        value = to_local(value, zone or UTC_ZONE).date()
    return _date_text(value, weekday=False)


def fmt_day(value: date, *, year: bool = False) -> str:
    """``Mon, 10 Mar`` (a calendar day's short name) per the business locale."""
    return _date_text(value, year=year)


def date_edit_format() -> str:
    """A date field's display format: weekday, day, month and year in the business locale's
    order (``ddd, d MMM yyyy``; ``ddd, d. MMM yyyy``)."""
    return _date_pattern(weekday=True, year=True)


def fmt_wall_time(local: datetime) -> str:
    """A local wall time (naive or aware) per the business locale: ``14:30``, ``2:30 PM``."""
    return _time_text(local)


def wall_range(local_start: datetime, local_end: datetime) -> str:
    """``10:00–10:30`` of two local wall times per the business locale; never ``01:30–01:30``
    (each end shown twice carries its zone mark)."""
    first, last = _time_text(local_start), _time_text(local_end)
    if first == last and local_start != local_end:
        first, last = _time_text(local_start, always=True), _time_text(local_end, always=True)
    return f"{first}{clock_text.RANGE_DASH}{last}"


def day_header_texts(day: date) -> tuple[str, ...]:
    """A calendar column's header for ``day``, longest first (``Montag, 10. März``,
    ``Mo., 10. März``, ``Mo. 10.``, ``Mo.``): the painter takes the first that fits."""
    locale = QLocale()
    long_name = locale.dayName(day.isoweekday(), QLocale.FormatType.LongFormat)
    short_name = locale.dayName(day.isoweekday(), QLocale.FormatType.ShortFormat)
    with_names = [
        _date_text(day, year=False).replace(short_name, long_name, 1),
        _date_text(day, year=False),
    ]
    return (*with_names, f"{short_name} {locale.toString(day.day)}", short_name)
