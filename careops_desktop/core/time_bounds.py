"""The span of dates and instants the app reasons about, far inside what Python can represent.

``datetime`` stops at the years 1 and 9999: a start in 9999-12-31 moved into a
zone east of UTC, a booking's end after it, a week strip or a fortnight of
nearest slots around it all overflow. Every input that becomes a booking time
or a day to look at is checked against these bounds first, so such a value is
refused in words (a :class:`~careops_desktop.core.errors.ValidationError`, a
400 on the booking page) instead of failing somewhere deeper.
"""

from __future__ import annotations

from datetime import UTC, date, datetime

from careops_desktop.core.i18n import N_

FIRST_DAY = date(1900, 1, 1)
LAST_DAY = date(9000, 12, 31)
EARLIEST = datetime(1900, 1, 1, tzinfo=UTC)
LATEST = datetime(9001, 1, 1, tzinfo=UTC)
OUT_OF_RANGE = N_("That date is too far in the past or the future.")


def day_in_range(day: date) -> bool:
    """Whether ``day`` lies between :data:`FIRST_DAY` and :data:`LAST_DAY` (inclusive)."""
    return FIRST_DAY <= day <= LAST_DAY


def instant_in_range(instant: datetime) -> bool:
    """Whether the aware ``instant`` lies in ``[EARLIEST, LATEST)``."""
    return EARLIEST <= instant < LATEST


def aware_now(now: datetime | None = None) -> datetime:
    """``now`` as given (it must carry a zone: ``ValueError`` otherwise), or the current
    instant in UTC: the clock every service that takes an optional ``now`` reads."""
    if now is None:
        return datetime.now(UTC)
    if now.tzinfo is None:
        raise ValueError("now must be timezone-aware")
    return now
