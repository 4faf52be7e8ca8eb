"""Strict readers for what arrives in URLs and forms: a bad value is a 400, never a guess."""

from __future__ import annotations

import re
from datetime import UTC, date, datetime

from aiohttp import web

from careops_desktop.core import time_bounds
from careops_desktop.core.i18n import _

_DATE = re.compile(r"\d{4}-\d{2}-\d{2}")
_START = re.compile(r"\d{4}-\d{2}-\d{2}T\d{2}:\d{2}Z")
_ID = re.compile(r"[1-9]\d{0,9}")
ANY_PROVIDER = "any"


class PageError(Exception):
    """A refusal shown as a readable page: ``status`` with ``message`` (and ``title``)."""

    def __init__(self, status: int, message: str, title: str | None = None) -> None:
        super().__init__(message)
        self.status = status
        self.message = message
        self.title = title


def bad_request(message: str) -> PageError:
    """A 400 whose words the error page shows."""
    return PageError(400, message)


def not_found(message: str) -> PageError:
    """A 404 whose words the error page shows."""
    return PageError(404, message)


def parse_day(value: str | None, default: date) -> date:
    """``YYYY-MM-DD`` → date; missing → ``default``; anything else → 400.

    A real date outside :mod:`~careops_desktop.core.time_bounds` (``9999-12-31``) is a 400
    too: the page would overflow computing the week around it.
    """
    if value is None or value == "":
        return default
    if not _DATE.fullmatch(value):
        raise bad_request(_("The date must look like 2025-03-04."))
    try:
        day = date.fromisoformat(value)
    except ValueError:
        raise bad_request(_("That date does not exist.")) from None
    if not time_bounds.day_in_range(day):
        raise bad_request(_("That date is too far in the past or the future."))
    return day


def format_start(value: datetime) -> str:
    """A UTC instant as it travels in links and forms: ``2025-03-04T09:30Z``."""
    return value.astimezone(UTC).strftime("%Y-%m-%dT%H:%MZ")


def parse_start(value: str | None) -> datetime:
    """``2025-03-04T09:30Z`` → aware UTC datetime; anything else → 400.

    An instant outside :mod:`~careops_desktop.core.time_bounds` (year 9999, year 1) is a 400:
    shown in the business's zone or followed by its end it would overflow.
    """
    if not value or not _START.fullmatch(value):
        raise bad_request(_("The chosen time could not be read. Please choose a time again."))
    try:
        # the pattern fixed the shape; fromisoformat is ~20x cheaper than strptime
        start = datetime.fromisoformat(value[:-1]).replace(tzinfo=UTC)
    except ValueError:
        raise bad_request(
            _("The chosen time could not be read. Please choose a time again.")
        ) from None
    if not time_bounds.instant_in_range(start):
        raise bad_request(_("That date is too far in the past or the future."))
    return start


def parse_provider(value: str | None) -> int | None:
    """A provider id, or None for "first available" (missing or ``any``); else 400."""
    if value is None or value in ("", ANY_PROVIDER):
        return None
    if not _ID.fullmatch(value):
        raise bad_request(_("The chosen provider could not be read."))
    return int(value)


def see_other(location: str) -> web.Response:
    """A 303 redirect to ``location`` on this site (Post/Redirect/Get)."""
    return web.Response(status=303, headers={"Location": location})
