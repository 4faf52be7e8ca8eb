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
from careops_desktop.core.clock_text import clock_range, clock_time, day_and_time
from careops_desktop.core.services import bookings


def money(minor: int | None, currency: str) -> str:
    """``1500, "GBP"`` → ``"£15.00"``; None → ``""`` (no price shown)."""
    if minor is None:
        return ""
    symbols = {"GBP": "£", "EUR": "€", "USD": "$", "AUD": "A$", "CAD": "C$", "NZD": "NZ$"}
    amount = f"{minor / 100:,.2f}"
    symbol = symbols.get(currency.upper())
    return f"{symbol}{amount}" if symbol else f"{amount} {currency.upper()}"


def duration(minutes: int) -> str:
    """``90`` → ``"1 h 30 min"``."""
    hours, rest = divmod(int(minutes), 60)
    if hours and rest:
        return f"{hours} h {rest} min"
    return f"{hours} h" if hours else f"{rest} min"


def local_time(value: datetime, zone: ZoneInfo) -> str:
    """A UTC instant on the business clock: ``14:30``, ``01:30 BST`` when shown twice."""
    return clock_time(value, zone)


def local_day(value: date | datetime, zone: ZoneInfo | None = None) -> str:
    """``Tuesday 4 March 2025`` (a datetime is first moved into ``zone``)."""
    if isinstance(value, datetime) and zone is not None:
        value = value.astimezone(zone)
    return f"{value:%A} {value.day} {value:%B %Y}"


def local_when(value: datetime, zone: ZoneInfo) -> str:
    """``Tuesday 4 March 2025 at 14:30`` (a time shown twice carries its zone mark)."""
    return day_and_time(value, zone)


def local_span(start: datetime, end: datetime, zone: ZoneInfo) -> str:
    """``Tuesday 4 March 2025 at 14:30–15:00``; never ``01:30–01:30`` (see ``clock_range``)."""
    return f"{local_day(start, zone)} at {clock_range(start, end, zone)}"


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
            seats=bookings.describe_seats,
        )

    def html(self, template: str, **context: Any) -> str:
        """Render ``template`` with ``context`` to a string (autoescaped)."""
        return self.env.get_template(template).render(**context)
