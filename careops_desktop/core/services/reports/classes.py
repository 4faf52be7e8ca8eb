"""The classes report: each class session's attendees against its seats (fill rate).

A session belongs to the period when it *starts* in it (local dates). Attendees
are seats not cancelled (confirmed, arrived, completed, no-show); the fill
rate is attendees over the session's capacity.
"""

from __future__ import annotations

from datetime import date, datetime
from zoneinfo import ZoneInfo

from sqlalchemy.orm import Session

from careops_desktop.core.db import read_only
from careops_desktop.core.i18n import _
from careops_desktop.core.permissions import Actor
from careops_desktop.core.services import bookings
from careops_desktop.core.services.reports.common import open_report
from careops_desktop.core.services.reports.model import Chart, Column, KeyFigure, Report, Section
from careops_desktop.core.services.reports.sql import rate


@read_only
def classes_report(
    session: Session,
    actor: Actor,
    start_date: date,
    end_date: date,
    tz: ZoneInfo | str | None = None,
    *,
    now: datetime | None = None,
) -> Report:
    """Class sessions that start from ``start_date`` to ``end_date`` (local, both included)."""
    ctx = open_report(session, actor, start_date, end_date, tz, now)
    period = ctx.period
    found = bookings.session_fill(session, period.start_utc, period.end_utc)
    attendees = sum(s.attendees for s in found)
    seats = sum(s.capacity for s in found)
    figures = [
        KeyFigure("sessions", _("Class sessions"), len(found)),
        KeyFigure("attendees", _("Attendees"), attendees),
        KeyFigure("fill_rate", _("Seats filled"), rate(attendees, seats), "percent"),
        KeyFigure("no_shows", _("No-shows"), sum(s.no_shows for s in found)),
    ]
    rows = tuple(
        (
            s.start,
            s.type_name,
            s.provider_name,
            s.attendees,
            s.arrived,
            s.no_shows,
            s.capacity,
            rate(s.attendees, s.capacity),
        )
        for s in found
    )
    section = Section(
        "sessions",
        _("By session"),
        (
            Column("start", _("Starts"), "datetime"),
            Column("class", _("Class")),
            Column("provider", _("With")),
            Column("attendees", _("Attendees"), "int"),
            Column("arrived", _("Arrived"), "int"),
            Column("no_show", _("No-shows"), "int"),
            Column("capacity", _("Seats"), "int"),
            Column("fill_rate", _("Filled"), "percent"),
        ),
        rows,
        Chart("start", ("attendees",), _("Attendees by session")),
        note=_("No class sessions in this period."),
    )
    notes = (_("Attendees are seats not cancelled; filled is attendees over the session's seats."),)
    return ctx.report("classes", _("Classes"), figures, [section], notes)
