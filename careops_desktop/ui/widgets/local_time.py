"""Times shown in the business's time zone, and the zone itself fetched off the Qt thread.

Stored times are UTC (aware); everything a person reads is local to the business.
"""

from __future__ import annotations

from datetime import date, datetime
from zoneinfo import ZoneInfo

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


def fmt_datetime(moment: datetime | None, zone: ZoneInfo) -> str:
    """``Mon 10 Mar 2025 14:30`` in ``zone`` (``01:30 BST`` when shown twice); blank for None."""
    if moment is None:
        return ""
    return clock_text.clock_time(moment, zone, "%a %d %b %Y %H:%M")


def fmt_range(start: datetime, end: datetime, zone: ZoneInfo) -> str:
    """``Mon 10 Mar 2025 14:30–15:00`` in ``zone``; never ``01:30–01:30``."""
    return clock_text.clock_range(start, end, zone, "%a %d %b %Y %H:%M")


def fmt_short(moment: datetime | None, zone: ZoneInfo, today: date | None = None) -> str:
    """``14:30`` today, ``Mon 10 Mar 14:30`` this year, ``10 Mar 2024`` before."""
    if moment is None:
        return ""
    local = to_local(moment, zone)
    today = today or datetime.now(zone).date()
    if local.date() == today:
        return clock_text.wall_text(local, "%H:%M")
    if local.year == today.year:
        return clock_text.wall_text(local, "%a %d %b %H:%M")
    return local.strftime("%d %b %Y")


def fmt_date(value: date | datetime | None, zone: ZoneInfo | None = None) -> str:
    """``10 Mar 2025``; a datetime is first moved to ``zone``."""
    if value is None:
        return ""
    if isinstance(value, datetime):
        value = to_local(value, zone or UTC_ZONE).date()
    return value.strftime("%d %b %Y")
