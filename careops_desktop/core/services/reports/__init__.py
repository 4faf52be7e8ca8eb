"""Reports: what happened and what is coming, as plain data (no formatting here).

Every report is ``fn(session, actor, start_date, end_date, tz=None, *, now=None)
-> Report``: local dates (both included) in ``tz`` (default: the business's
zone), bounded in UTC, counted in SQL and bucketed by local date so that
days across a daylight-saving change are right. Each needs VIEW_REPORTS and
is ``@read_only``, so ``Database.run(report_fn, actor, start, end)`` works.

``REPORTS`` lists them by name for the CLI and the Reports tab;
``run_report(session, actor, name, start, end, tz=None)`` looks one up.
The writers in ``careops_desktop.exports`` turn a :class:`Report` into CSV,
XLSX or PDF.
"""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass
from datetime import date, datetime
from zoneinfo import ZoneInfo

from sqlalchemy.orm import Session

from careops_desktop.core.db import read_only
from careops_desktop.core.errors import ValidationError
from careops_desktop.core.i18n import N_, _
from careops_desktop.core.permissions import Actor
from careops_desktop.core.services.reports.bookings import bookings_report
from careops_desktop.core.services.reports.classes import classes_report
from careops_desktop.core.services.reports.contacts import contacts_report
from careops_desktop.core.services.reports.day_sheet import DAY_SHEET_READERS, day_sheet
from careops_desktop.core.services.reports.forms import forms_report
from careops_desktop.core.services.reports.inbox import inbox_report
from careops_desktop.core.services.reports.inventory import inventory_report
from careops_desktop.core.services.reports.listing import (
    BOOKING_COLUMNS,
    booking_columns,
    count_bookings_in_period,
    iter_booking_batches,
    iter_bookings,
)
from careops_desktop.core.services.reports.model import (
    Chart,
    Column,
    KeyFigure,
    Kind,
    Report,
    Section,
    Value,
    translated,
)
from careops_desktop.core.services.reports.period import Period, local_midnight, make_period
from careops_desktop.core.services.reports.sql import business_identity

ReportFn = Callable[..., Report]


@dataclass(frozen=True)
class ReportInfo:
    """A report the app offers: its name (for code and the CLI), title and function.

    ``title`` and ``description`` are in the current language (the stored texts are the
    English ones, marked with ``N_``)."""

    name: str
    english_title: str
    english_description: str
    fn: ReportFn

    @property
    def title(self) -> str:
        return _(self.english_title)

    @property
    def description(self) -> str:
        return _(self.english_description)


REPORTS: dict[str, ReportInfo] = {
    info.name: info
    for info in (
        ReportInfo(
            "bookings",
            N_("Bookings"),
            N_("Counts, rates, opening hours booked, revenue"),
            bookings_report,
        ),
        ReportInfo(
            "classes",
            N_("Classes"),
            N_("Attendees and seats filled per class session"),
            classes_report,
        ),
        ReportInfo(
            "inbox",
            N_("Inbox"),
            N_("New inquiries and how fast they were answered"),
            inbox_report,
        ),
        ReportInfo(
            "forms",
            N_("Intake forms"),
            N_("Sent, completed, overdue; time to complete"),
            forms_report,
        ),
        ReportInfo(
            "inventory",
            N_("Inventory"),
            N_("Use by item and booking type; when stock runs out"),
            inventory_report,
        ),
        ReportInfo("contacts", N_("Customers"), N_("New and returning customers"), contacts_report),
        ReportInfo(
            "day_sheet",
            N_("Day sheet"),
            N_("The schedule of a day or week, to print"),
            day_sheet,
        ),
    )
}


@read_only
def run_report(
    session: Session,
    actor: Actor,
    name: str,
    start_date: date,
    end_date: date,
    tz: ZoneInfo | str | None = None,
    *,
    now: datetime | None = None,
) -> Report:
    """Compute the report called ``name``; ``ValidationError`` for an unknown name."""
    info = REPORTS.get(name)
    if info is None:
        raise ValidationError(
            {
                "report": _("Unknown report {name}; choose one of: {names}.").format(
                    name=repr(name), names=", ".join(REPORTS)
                )
            }
        )
    return info.fn(session, actor, start_date, end_date, tz, now=now)


__all__ = [
    "BOOKING_COLUMNS",
    "DAY_SHEET_READERS",
    "REPORTS",
    "Chart",
    "Column",
    "KeyFigure",
    "Kind",
    "Period",
    "Report",
    "ReportInfo",
    "Section",
    "Value",
    "booking_columns",
    "bookings_report",
    "business_identity",
    "classes_report",
    "contacts_report",
    "count_bookings_in_period",
    "day_sheet",
    "forms_report",
    "inbox_report",
    "inventory_report",
    "iter_booking_batches",
    "iter_bookings",
    "local_midnight",
    "make_period",
    "run_report",
    "translated",
]
