"""Busy periods from iCalendar text: events (recurring ones expanded) and free-busy replies.

Pure functions over text, no network. Times come back in UTC; an all-day event
blocks whole local days in the business's zone, a floating time (no zone) is
read on the business's clock, and a recurring event is expanded in its own time
zone, so "every Monday 10:00 Europe/London" stays at 10:00 across a clock change.
Transparent ("show as free") and cancelled events are left out; tentative ones
are marked, so the account's settings can decide whether they block.
"""

from __future__ import annotations

import functools
import logging
import re
from collections.abc import Iterator
from datetime import UTC, date, datetime, timedelta
from typing import Any
from zoneinfo import ZoneInfo

import recurring_ical_events
from icalendar import Calendar

from careops_desktop.core.services.calendar import BusyPeriod

log = logging.getLogger(__name__)

_RECURRING_MARKERS = ("RRULE", "RDATE", "RECURRENCE-ID")
_VTIMEZONE = re.compile(r"BEGIN:VTIMEZONE\r?\n.*?END:VTIMEZONE\r?\n", re.DOTALL)
_TZID = re.compile(r"^TZID:(.+?)\r?$", re.MULTILINE)


@functools.lru_cache(maxsize=256)
def _is_iana(name: str) -> bool:
    try:
        ZoneInfo(name)
    except (ValueError, KeyError, OSError):
        return False
    return True


def _drop_known_zones(text: str) -> str:
    """Remove VTIMEZONE blocks of IANA zones: the TZID then resolves through ``zoneinfo``.

    Servers add a VTIMEZONE to every event; building a time zone from it costs more
    than the rest of the event, and it only restates what tzdata knows. Blocks
    of other (custom, Windows) zones stay.
    """

    def keep_unknown(match: re.Match[str]) -> str:
        found = _TZID.search(match.group(0))
        return "" if found and _is_iana(found.group(1).strip()) else match.group(0)

    return _VTIMEZONE.sub(keep_unknown, text) if "BEGIN:VTIMEZONE" in text else text


def _aware(value: date | datetime, zone: ZoneInfo) -> datetime:
    """A DTSTART/DTEND value as an aware UTC datetime (dates: local midnight)."""
    if isinstance(value, datetime):
        if value.tzinfo is None:
            value = value.replace(tzinfo=zone)
        return value.astimezone(UTC)
    return datetime(value.year, value.month, value.day, tzinfo=zone).astimezone(UTC)


def _stamp(moment: datetime) -> str:
    return moment.astimezone(UTC).strftime("%Y%m%dT%H%M%SZ")


def _period(
    component: Any, href: str, etag: str, zone: ZoneInfo, recurring: bool
) -> BusyPeriod | None:
    """One VEVENT occurrence as a busy period, or ``None`` when it does not block."""
    if str(component.get("STATUS", "")).upper() == "CANCELLED":
        return None
    if str(component.get("TRANSP", "OPAQUE")).upper() == "TRANSPARENT":
        return None
    dtstart = component.get("DTSTART")
    if dtstart is None:
        return None
    start_value = dtstart.dt
    all_day = not isinstance(start_value, datetime)
    start = _aware(start_value, zone)
    if component.get("DTEND") is not None:
        end = _aware(component["DTEND"].dt, zone)
    elif component.get("DURATION") is not None:
        end = start + component["DURATION"].dt
    elif all_day:
        end = _aware(start_value + timedelta(days=1), zone)
    else:
        return None  # an instant, not a stretch of time
    if end <= start:
        return None
    return BusyPeriod(
        href=href,
        uid=str(component.get("UID", ""))[:500],
        recurrence_id=_stamp(start) if recurring else "",
        start=start,
        end=end,
        summary=" ".join(str(component.get("SUMMARY", "")).split())[:200],
        all_day=all_day,
        tentative=str(component.get("STATUS", "")).upper() == "TENTATIVE",
        etag=etag,
    )


def periods_from_event(
    text: str,
    *,
    href: str,
    etag: str,
    window: tuple[datetime, datetime],
    zone: ZoneInfo,
) -> list[BusyPeriod]:
    """The blocking occurrences in ``window`` of one calendar resource's events.

    Text that is not iCalendar gives no periods (logged, never raised): one bad
    event must not stop a calendar's sync.
    """
    text = _drop_known_zones(text)
    try:
        calendar = Calendar.from_ical(text)
    except (ValueError, KeyError, IndexError) as exc:
        log.warning("calendar resource %s is not valid iCalendar: %s", href, type(exc).__name__)
        return []
    recurring = any(marker in text for marker in _RECURRING_MARKERS)
    start, end = window
    found: list[BusyPeriod] = []
    try:
        components: Iterator[Any]
        if recurring:
            components = iter(recurring_ical_events.of(calendar).between(start, end))
        else:
            components = iter(calendar.walk("VEVENT"))
        for component in components:
            period = _period(component, href, etag, zone, recurring)
            if period is not None and period.start < end and period.end > start:
                found.append(period)
    except Exception as exc:  # a malformed rule: skip this resource, keep the rest
        log.warning("calendar resource %s could not be expanded: %s", href, type(exc).__name__)
        return []
    return found


def periods_from_freebusy(text: str, *, window: tuple[datetime, datetime]) -> list[BusyPeriod]:
    """Busy periods of a free-busy reply (VFREEBUSY); FREE periods are left out."""
    try:
        calendar = Calendar.from_ical(text)
    except (ValueError, KeyError, IndexError):
        return []
    start, end = window
    found: list[BusyPeriod] = []
    for component in calendar.walk("VFREEBUSY"):
        lines = component.get("FREEBUSY", [])
        for line in lines if isinstance(lines, list) else [lines]:
            kind = str(line.params.get("FBTYPE", "BUSY")).upper()
            if kind == "FREE":
                continue
            periods = line.dt if isinstance(line.dt, list) else [line.dt]
            for first, second in (p for p in periods if isinstance(p, tuple)):
                lo = _aware(first, ZoneInfo("UTC"))
                hi = (
                    lo + second
                    if isinstance(second, timedelta)
                    else _aware(second, ZoneInfo("UTC"))
                )
                if hi <= lo or hi <= start or lo >= end:
                    continue
                found.append(
                    BusyPeriod(
                        href="",
                        uid="free-busy",
                        recurrence_id=_stamp(lo),
                        start=lo,
                        end=hi,
                        tentative=kind == "BUSY-TENTATIVE",
                    )
                )
    return found
