"""The forms report: sent, completed, overdue and pending; completion rate; time to complete.

A submission belongs to the period when it was *sent* (created) in it; its
status is the status now. Time to complete runs from sending to submitting.
"""

from __future__ import annotations

from datetime import date, datetime
from zoneinfo import ZoneInfo

from sqlalchemy import and_, case, func, select, true
from sqlalchemy.orm import Session

from careops_desktop.core.db import read_only
from careops_desktop.core.i18n import _
from careops_desktop.core.models import Form, FormSubmission
from careops_desktop.core.permissions import Actor
from careops_desktop.core.services.reports.common import open_report
from careops_desktop.core.services.reports.model import Chart, Column, KeyFigure, Report, Section
from careops_desktop.core.services.reports.period import (
    Period,
    bucket_table,
    bucket_title,
    buckets,
    unit_for,
    unit_name,
)
from careops_desktop.core.services.reports.sql import count_if, minutes_between, rate


@read_only
def forms_report(
    session: Session,
    actor: Actor,
    start_date: date,
    end_date: date,
    tz: ZoneInfo | str | None = None,
    *,
    now: datetime | None = None,
) -> Report:
    """Form submissions sent from ``start_date`` to ``end_date`` and what became of them."""
    # the queries go through ``forms`` so each reads a range of the (form_id, created_at) index
    ctx = open_report(session, actor, start_date, end_date, tz, now)
    period = ctx.period
    s = FormSubmission
    completed = s.status == "completed"
    minutes = minutes_between(session, s.created_at, s.submitted_at)
    in_period = (s.created_at >= period.start_utc, s.created_at < period.end_utc)
    rows = session.execute(
        select(
            Form.name,
            func.count(s.id),
            count_if(completed),
            count_if(s.status == "overdue"),
            count_if(s.status == "pending"),
            func.avg(case((completed, minutes))),
        )
        .join(Form, Form.id == s.form_id)
        .where(*in_period)
        .group_by(Form.id, Form.name)
        .order_by(func.count(s.id).desc(), Form.name)
    ).all()
    sent = sum(int(row[1]) for row in rows)
    done = sum(int(row[2]) for row in rows)
    overdue = sum(int(row[3]) for row in rows)
    pending = sum(int(row[4]) for row in rows)
    weighted = [(float(row[5]), int(row[2])) for row in rows if row[5] is not None]
    average = sum(a * n for a, n in weighted) / done if weighted and done else None
    by_form = Section(
        "by_form",
        _("By form"),
        (
            Column("form", _("Form")),
            Column("sent", _("Sent"), "int"),
            Column("completed", _("Completed"), "int"),
            Column("overdue", _("Overdue"), "int"),
            Column("pending", _("Pending"), "int"),
            Column("completion_rate", _("Completion rate"), "percent"),
            Column("average_hours", _("Average hours to complete"), "hours"),
        ),
        tuple(
            (name, int(a), int(b), int(c), int(d), rate(int(b), int(a)), _hours(avg))
            for name, a, b, c, d, avg in rows
        ),
        Chart("form", ("sent", "completed"), _("Sent and completed by form")),
    )
    figures = [
        KeyFigure("sent", _("Forms sent"), int(sent)),
        KeyFigure("completed", _("Completed"), int(done)),
        KeyFigure("overdue", _("Overdue"), int(overdue)),
        KeyFigure("pending", _("Pending"), int(pending)),
        KeyFigure("completion_rate", _("Completion rate"), rate(int(done), int(sent)), "percent"),
        KeyFigure("average_hours", _("Average time to complete"), _hours(average), "hours"),
    ]
    sections = [_by_bucket(session, ctx.period), by_form]
    return ctx.report("forms", _("Intake forms"), figures, sections)


def _hours(minutes: float | None) -> float | None:
    return None if minutes is None else round(float(minutes) / 60, 2)


def _by_bucket(session: Session, period: Period) -> Section:
    unit = unit_for(period)
    spans = buckets(period, unit)
    table = bucket_table(spans)
    s = FormSubmission
    # through forms, so each bucket is a range on the (form_id, created_at) index
    rows = session.execute(
        select(table.c.n, func.count(s.id), count_if(s.status == "completed"))
        .select_from(table)
        .join(Form, true())
        .outerjoin(
            s,
            and_(s.form_id == Form.id, s.created_at >= table.c.lo, s.created_at < table.c.hi),
        )
        .group_by(table.c.n)
        .order_by(table.c.n)
    ).all()
    return Section(
        "by_period",
        _("Sent by {unit}").format(unit=unit_name(unit)),
        (
            Column("period", bucket_title(unit), "date"),
            Column("sent", _("Sent"), "int"),
            Column("completed", _("Completed since"), "int"),
        ),
        tuple((spans[n].label, int(a), int(b)) for n, a, b in rows),
        Chart(
            "period", ("sent", "completed"), _("Forms sent by {unit}").format(unit=unit_name(unit))
        ),
    )
