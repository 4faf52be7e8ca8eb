"""Reading a date and time written by another tool (pure)."""

from __future__ import annotations

from datetime import datetime, timedelta
from zoneinfo import ZoneInfo

from careops_desktop.core.i18n import _

MONTH_FIRST_REGIONS = frozenset({"US", "CA", "PH", "FM", "MH", "PW"})


class BadTime(ValueError):
    """Text that is not a date and time; ``str()`` says so in a person's words."""


def parse_moment(text: str, zone: ZoneInfo, region: str) -> datetime:
    """``text`` as an aware instant: ISO 8601 first, else the usual written forms
    ("June 3, 2025 10:00am", "03/06/2025 10:00" day first except in month-first
    countries). A time without a zone is read in ``zone``."""
    value = text.strip()
    if not value:
        raise BadTime(_("The start time is empty."))
    try:
        moment = datetime.fromisoformat(value)
    except ValueError:
        moment = _written(value, region)
    if moment.tzinfo is None:
        moment = moment.replace(tzinfo=zone)
    return moment


def _written(value: str, region: str) -> datetime:
    from dateutil import parser  # lazy: only imports read written dates

    if len(value) > 100:
        raise BadTime(_("The date and time is too long to be one."))
    try:
        moment: datetime = parser.parse(value, dayfirst=region not in MONTH_FIRST_REGIONS)
        return moment
    except (ValueError, OverflowError, parser.ParserError):
        raise BadTime(_("“{value}” is not a date and time.").format(value=value)) from None


def parse_date_and_time(day: str, clock: str, zone: ZoneInfo, region: str) -> datetime:
    """A date cell and a time cell read together."""
    return parse_moment(f"{day.strip()} {clock.strip()}".strip(), zone, region)


def parse_minutes(text: str) -> timedelta:
    """A duration in minutes ("45", "45 min", "1:30")."""
    value = text.strip().lower().removesuffix("minutes").removesuffix("mins").removesuffix("min")
    value = value.strip()
    try:
        if ":" in value:
            hours, minutes = value.split(":", 1)
            total = int(hours) * 60 + int(minutes)
        else:
            total = int(float(value))
    except ValueError:
        raise BadTime(_("“{value}” is not a number of minutes.").format(value=text)) from None
    if not 0 < total <= 24 * 60:
        raise BadTime(_("A visit of {minutes} minutes cannot be imported.").format(minutes=total))
    return timedelta(minutes=total)
