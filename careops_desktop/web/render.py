"""Jinja2 pages for the booking listener: autoescaped, from ``resources/web/templates``.

``Pages.html`` renders a page to a string (``Site.page`` wraps it in a
response). Every template
extends ``base.html``, which shows the business's name, address and contact;
the caller passes the business profile as ``business`` (or None before setup).
"""

from __future__ import annotations

from datetime import date, datetime
from typing import Any
from zoneinfo import ZoneInfo

from jinja2 import Environment, FileSystemLoader, StrictUndefined, select_autoescape

from careops_desktop.config import resource_path
from careops_desktop.core import i18n
from careops_desktop.core.clock_text import clock_time, to_local, wall_ends, wall_text
from careops_desktop.core.i18n import formats
from careops_desktop.core.services import bookings


def money(minor: int | None, currency: str) -> str:
    """``1500, "GBP"`` → ``"£15.00"`` (``15,00 £`` for a German reader); None → ``""``."""
    if minor is None:
        return ""
    return formats.money_text(minor, currency.upper())


def duration(minutes: int) -> str:
    """``90`` → ``"1 h 30 min"`` in the reader's words."""
    hours, rest = divmod(int(minutes), 60)
    if hours and rest:
        text = i18n.ngettext("{hours} h {minutes} min", "{hours} h {minutes} min", hours)
        return text.format(hours=hours, minutes=rest)
    if hours:
        return i18n.ngettext("{count} h", "{count} h", hours).format(count=hours)
    return i18n.ngettext("{count} min", "{count} min", rest).format(count=rest)


def local_time(value: datetime, zone: ZoneInfo) -> str:
    """A UTC instant on the business clock: ``14:30``, ``01:30 BST`` when shown twice."""
    return clock_time(value, zone)


def local_day(value: date | datetime, zone: ZoneInfo | None = None) -> str:
    """``Tuesday, 4 March 2025`` (a datetime is first moved into ``zone``)."""
    if isinstance(value, datetime) and zone is not None:
        value = to_local(value, zone)
    return formats.date_text(value, "full")


def local_when(value: datetime, zone: ZoneInfo) -> str:
    """``Tuesday, 4 March 2025 at 14:30`` (a time shown twice carries its zone mark)."""
    local = to_local(value, zone)
    return i18n._("{day} at {time}").format(
        day=formats.date_text(local, "full"), time=wall_text(local)
    )


def local_span(start: datetime, end: datetime, zone: ZoneInfo) -> str:
    """``Tuesday, 4 March 2025 at 14:30–15:00``; never ``01:30–01:30``."""
    first = to_local(start, zone)
    start_text, end_text = wall_ends(first, to_local(end, zone))
    return i18n._("{day} at {start}–{end}").format(
        day=formats.date_text(first, "full"), start=start_text, end=end_text
    )


def weekday_short(value: date) -> str:
    """The weekday's short name as the reader writes it (``Tue``, ``Di.``, ``mar``)."""
    return formats.weekday_text(value, "abbreviated")


def month_short(value: date) -> str:
    """The month's short name as the reader writes it (``Mar``, ``März``, ``mar``)."""
    return formats.month_text(value.month, "abbreviated")


class Pages:
    """The template environment and its filters."""

    def __init__(self) -> None:
        self.env = Environment(
            loader=FileSystemLoader(str(resource_path("web", "templates"))),
            autoescape=select_autoescape(default=True, default_for_string=True),
            undefined=StrictUndefined,
            trim_blocks=True,
            lstrip_blocks=True,
            auto_reload=False,
            extensions=["jinja2.ext.i18n"],
        )
        # the texts follow the request's language (core.i18n.use_language around each request)
        self.env.install_gettext_callables(  # type: ignore[attr-defined]
            gettext=i18n.gettext, ngettext=i18n.ngettext, newstyle=False
        )
        self.env.filters.update(
            money=money,
            duration=duration,
            local_time=local_time,
            local_day=local_day,
            local_when=local_when,
            local_span=local_span,
            weekday_short=weekday_short,
            month_short=month_short,
            seats=bookings.describe_seats,
        )

    def html(self, template: str, **context: Any) -> str:
        """Render ``template`` with ``context`` to a string (autoescaped)."""
        return self.env.get_template(template).render(**context)
