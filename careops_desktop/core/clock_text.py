"""Local times as people read them, unambiguous where the clock shows a time twice.

When the clocks go back, a stretch of wall-clock times happens twice: in
Europe/London 01:30 is first BST, an hour later GMT; in Australia/Lord_Howe
the clock goes back only 30 minutes, so on 2027-04-04 both 14:30Z and 15:00Z
read 01:30. Every place that shows a local time (the booking page, emails,
SMS, calendar files, the desk, reports) formats it here: such a time carries
its zone's abbreviation (``01:30 BST``) or, where the zone has none, its UTC
offset (``01:30 UTC+11``, ``01:30 UTC+10:30``). Every other time reads as
before (``14:30``), and a range never reads ``01:30–01:30``.
"""

from __future__ import annotations

from datetime import UTC, datetime, timedelta
from zoneinfo import ZoneInfo

TIME = "%H:%M"
RANGE_DASH = "–"


def to_local(moment: datetime, zone: ZoneInfo) -> datetime:
    """``moment`` (aware, or naive UTC as stored) as an aware datetime in ``zone``."""
    if moment.tzinfo is None:
        moment = moment.replace(tzinfo=UTC)
    return moment.astimezone(zone)


def shows_twice(local: datetime) -> bool:
    """Whether the aware wall-clock time ``local`` happens twice in its zone (clocks going back).

    A naive datetime has no zone to ask, and is never marked.
    """
    if local.tzinfo is None:
        return False
    other = local.replace(fold=1 - local.fold)
    return other.utcoffset() != local.utcoffset()


def offset_text(offset: timedelta) -> str:
    """An offset as people read it: ``UTC+11``, ``UTC+10:30``, ``UTC-03:30``, ``UTC+05:45``."""
    minutes = int(offset.total_seconds() // 60)
    sign = "-" if minutes < 0 else "+"
    hours, rest = divmod(abs(minutes), 60)
    return f"UTC{sign}{hours}" if rest == 0 else f"UTC{sign}{hours:02d}:{rest:02d}"


def zone_mark(local: datetime) -> str:
    """What tells two readings of one wall time apart: ``BST``/``GMT``, else ``UTC+10:30``."""
    name = local.tzname() or ""
    if name.isalpha() and name.isupper():
        return name
    offset = local.utcoffset()
    return offset_text(offset) if offset is not None else name


def wall_text(local: datetime, pattern: str = TIME, *, always: bool = False) -> str:
    """``local`` (aware, already in the business's zone) formatted with ``pattern``.

    The zone mark is added when the wall time happens twice, or ``always``.
    """
    text = local.strftime(pattern)
    if local.tzinfo is not None and (always or shows_twice(local)):
        text += f" {zone_mark(local)}"
    return text


def clock_time(moment: datetime, zone: ZoneInfo, pattern: str = TIME) -> str:
    """``moment`` on the business's clock: ``14:30``; a time shown twice: ``01:30 UTC+11``."""
    return wall_text(to_local(moment, zone), pattern)


def clock_range(
    start: datetime,
    end: datetime,
    zone: ZoneInfo,
    start_pattern: str = TIME,
    end_pattern: str = TIME,
) -> str:
    """``start``–``end`` on the business clock: ``10:00–10:30``, or, over a repeated stretch,
    ``01:30 UTC+11–01:30 UTC+10:30``."""
    return wall_range(to_local(start, zone), to_local(end, zone), start_pattern, end_pattern)


def wall_range(
    local_start: datetime,
    local_end: datetime,
    start_pattern: str = TIME,
    end_pattern: str = TIME,
) -> str:
    """:func:`clock_range` of two aware datetimes already in the business's zone.

    Each end that happens twice carries its mark; should both ends still read alike
    (a range of exactly a day, say), both carry it.
    """
    first, last = wall_text(local_start, start_pattern), wall_text(local_end, end_pattern)
    if first.endswith(last) and local_start != local_end:
        first = wall_text(local_start, start_pattern, always=True)
        last = wall_text(local_end, end_pattern, always=True)
    return f"{first}{RANGE_DASH}{last}"


def day_and_time(moment: datetime, zone: ZoneInfo) -> str:
    """``Sunday 4 April 2027 at 01:30 UTC+11`` (the mark only on a time shown twice)."""
    local = to_local(moment, zone)
    return f"{local:%A} {local.day} {local:%B %Y} at {wall_text(local)}"
