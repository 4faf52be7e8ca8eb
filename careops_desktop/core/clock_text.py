"""Local times as people read them, unambiguous where the clock shows a time twice.

When the clocks go back, a stretch of wall-clock times happens twice: in
Europe/London 01:30 is first BST, an hour later GMT; in Australia/Lord_Howe
the clock goes back only 30 minutes, so on 2027-04-04 both 14:30Z and 15:00Z
read 01:30. Every place that shows a local time (the booking page, emails,
SMS, calendar files, the desk, reports) formats it here: such a time carries
its zone's abbreviation (``01:30 BST``) or, where the zone has none, its UTC
offset (``01:30 UTC+11``, ``01:30 UTC+10:30``). Every other time reads as
before (``14:30``), and a range never reads ``01:30–01:30``.

Days, months and clocks are the reader's (``core/i18n/formats.py``): a German reader
sees ``Sonntag, 4. April 2027 um 01:30 UTC+11``, a Spanish one ``domingo, 4 de abril
de 2027 a las 1:30 UTC+11``, an American one ``1:30 AM``. Patterns of numbers alone
(``%Y-%m-%d %H:%M``, machine formats) are written exactly as given.
"""

from __future__ import annotations

import re
from datetime import UTC, date, datetime, timedelta
from zoneinfo import ZoneInfo

from babel import Locale
from babel import dates as babel_dates

from careops_desktop.core.i18n import _, formats

TIME = "%H:%M"
RANGE_DASH = "–"
# strftime directives that name things (weekdays, months): a pattern with one is for people
_NAMED = re.compile(r"%[aAbB]")
_DIRECTIVE = re.compile(r"%H:%M|%-?[a-zA-Z%]")
# the date directives a pattern for people may use, as CLDR skeleton fields
_SKELETON = {"%A": "EEEE", "%a": "E", "%d": "d", "%-d": "d", "%B": "MMMM", "%b": "MMM", "%Y": "y"}
_ENGLISH = Locale.parse("en")


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
    text = _pattern_text(local, pattern)
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
    first, last = wall_ends(local_start, local_end, start_pattern, end_pattern)
    return f"{first}{RANGE_DASH}{last}"


def wall_ends(
    local_start: datetime,
    local_end: datetime,
    start_pattern: str = TIME,
    end_pattern: str = TIME,
) -> tuple[str, str]:
    """The two ends of :func:`wall_range`, for a sentence that places them itself
    (``de {start} a {end}``): each marked when it happens twice, both when they read alike."""
    first, last = wall_text(local_start, start_pattern), wall_text(local_end, end_pattern)
    if first.endswith(last) and local_start != local_end:
        first = wall_text(local_start, start_pattern, always=True)
        last = wall_text(local_end, end_pattern, always=True)
    return first, last


def day_text(day: date) -> str:
    """A day in full as the reader writes it: ``Sunday 4 April 2027``, ``Sonntag, 4. April 2027``.

    English keeps the app's (and British) style without a comma after the weekday;
    American English reads ``Sunday, April 4, 2027``.
    """
    if isinstance(day, datetime):
        day = day.date()
    locale = formats.reader_locale()
    pattern = str(locale.date_formats["full"].pattern)
    if locale.language == "en":
        pattern = pattern.replace("EEEE, d", "EEEE d")
    return str(babel_dates.format_date(day, pattern, locale=locale))


def day_and_time(moment: datetime, zone: ZoneInfo) -> str:
    """``Sunday 4 April 2027 at 01:30 UTC+11`` (the mark only on a time shown twice)."""
    local = to_local(moment, zone)
    return _("{date} at {time}").format(date=day_text(local), time=wall_text(local))


def _pattern_text(local: datetime, pattern: str) -> str:
    """``local`` written with the strftime ``pattern``, in the reader's words and clock.

    ``%H:%M`` alone is the reader's short time (``14:30``, ``2:30 PM``); a pattern with
    weekday or month names reads in the reader's language (in their own order for
    languages other than English); a pattern of numbers alone is written as given.
    """
    if pattern == TIME:
        return formats.time_text(local)
    if not _NAMED.search(pattern):
        return local.strftime(pattern)
    locale = formats.reader_locale()
    if locale.language != "en":
        text = _skeleton_text(local, pattern, locale)
        if text is not None:
            return text
    return _DIRECTIVE.sub(lambda m: _directive_text(local, m.group(0), locale), pattern)


def _directive_text(local: datetime, directive: str, locale: Locale) -> str:
    names = _ENGLISH if locale.language == "en" else locale
    if directive == "%H:%M":
        return formats.time_text(local)
    if directive in ("%A", "%a"):
        width = "wide" if directive == "%A" else "abbreviated"
        return str(names.days["format"][width][local.weekday()])
    if directive in ("%B", "%b"):
        width = "wide" if directive == "%B" else "abbreviated"
        return str(names.months["format"][width][local.month])
    return local.strftime(directive)


def _skeleton_text(local: datetime, pattern: str, locale: Locale) -> str | None:
    """A date (and time) pattern for people in the order ``locale`` writes it; None when
    the pattern has a directive this does not know."""
    fields: list[str] = []
    with_time = False
    for directive in _DIRECTIVE.findall(pattern):
        if directive == "%H:%M":
            with_time = True
        elif directive in _SKELETON:
            fields.append(_SKELETON[directive])
        else:
            return None
    naive = local.replace(tzinfo=None)
    day = babel_dates.format_skeleton("".join(fields), naive, locale=locale) if fields else ""
    if not with_time:
        return str(day)
    clock = formats.time_text(local)
    if not day:
        return clock
    return str(locale.datetime_formats["medium"]).format(clock, day)
