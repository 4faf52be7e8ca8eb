"""The contacts report: new and returning customers, and who came most.

A *customer* of the period is a contact with a booking (not cancelled) that
starts in it. They are *new* when that is their first such booking ever,
*returning* when they had one before the period.
"""

from __future__ import annotations

from datetime import date, datetime
from zoneinfo import ZoneInfo

from sqlalchemy import and_, case, func, select
from sqlalchemy.orm import Session, aliased

from careops_desktop.core.db import read_only
from careops_desktop.core.i18n import _
from careops_desktop.core.models import Booking, BookingType, Contact
from careops_desktop.core.permissions import Actor
from careops_desktop.core.services.reports.common import open_report
from careops_desktop.core.services.reports.model import Chart, Column, KeyFigure, Report, Section
from careops_desktop.core.services.reports.period import (
    bucket_table,
    bucket_title,
    buckets,
    unit_for,
    unit_name,
)
from careops_desktop.core.services.reports.sql import count_if, rate, sum_if

TOP = 25


@read_only
def contacts_report(
    session: Session,
    actor: Actor,
    start_date: date,
    end_date: date,
    tz: ZoneInfo | str | None = None,
    *,
    now: datetime | None = None,
) -> Report:
    """Customers seen from ``start_date`` to ``end_date``: new, returning, most frequent."""
    ctx = open_report(session, actor, start_date, end_date, tz, now)
    period = ctx.period
    lo, hi = period.start_utc, period.end_utc
    kept = Booking.status != "cancelled"
    earlier = aliased(Booking, name="earlier")
    # a booking is its customer's first when no kept booking of theirs starts before it
    first = ~(
        select(earlier.id)
        .where(
            earlier.contact_id == Booking.contact_id,
            earlier.start_at < Booking.start_at,
            earlier.status != "cancelled",
        )
        .exists()
    )
    customers = session.scalar(
        select(func.count(func.distinct(Booking.contact_id))).where(
            kept, Booking.start_at >= lo, Booking.start_at < hi
        )
    )
    added = session.scalar(
        select(func.count())
        .select_from(Contact)
        .where(Contact.created_at >= lo, Contact.created_at < hi)
    )
    unit = unit_for(period)
    spans = buckets(period, unit)
    table = bucket_table(spans)
    per_bucket = session.execute(
        select(
            table.c.n,
            func.count(func.distinct(Booking.contact_id)),
            func.count(func.distinct(case((first, Booking.contact_id)))),
        )
        .select_from(table)
        .outerjoin(
            Booking,
            and_(kept, Booking.start_at >= table.c.lo, Booking.start_at < table.c.hi),
        )
        .group_by(table.c.n)
        .order_by(table.c.n)
    ).all()
    customers = int(customers or 0)
    new = sum(int(f) for _, _, f in per_bucket)  # each first visit lies in one bucket
    figures = [
        KeyFigure("customers", _("Customers seen"), customers),
        KeyFigure("new_customers", _("New customers"), new),
        KeyFigure("returning_customers", _("Returning customers"), customers - new),
        KeyFigure(
            "returning_share", _("Returning share"), rate(customers - new, customers), "percent"
        ),
        KeyFigure("contacts_added", _("Contacts added"), int(added or 0)),
    ]
    trend = Section(
        "by_period",
        _("Customers by {unit}").format(unit=unit_name(unit)),
        (
            Column("period", bucket_title(unit), "date"),
            Column("customers", _("Customers"), "int"),
            Column("new", _("New"), "int"),
            Column("returning", _("Returning"), "int"),
        ),
        tuple((spans[n].label, int(c), int(f), int(c) - int(f)) for n, c, f in per_bucket),
        Chart(
            "period",
            ("new", "returning"),
            _("New and returning customers by {unit}").format(unit=unit_name(unit)),
        ),
    )
    return ctx.report("contacts", _("Customers"), figures, [trend, _top(session, lo, hi)])


def _top(session: Session, lo: datetime, hi: datetime) -> Section:
    price = func.coalesce(BookingType.price_minor, 0)
    rows = session.execute(
        select(
            Contact.name,
            func.count(Booking.id),
            count_if(Booking.status == "completed"),
            sum_if(Booking.status == "completed", price),
        )
        .join(Contact, Contact.id == Booking.contact_id)
        .join(BookingType, BookingType.id == Booking.booking_type_id)
        .where(Booking.status != "cancelled", Booking.start_at >= lo, Booking.start_at < hi)
        .group_by(Contact.id, Contact.name)
        .order_by(func.count(Booking.id).desc(), Contact.name)
        .limit(TOP)
    ).all()
    return Section(
        "top_customers",
        _("Most frequent customers (top {count})").format(count=TOP),
        (
            Column("customer", _("Customer")),
            Column("bookings", _("Bookings"), "int"),
            Column("completed", _("Completed"), "int"),
            Column("revenue", _("Revenue"), "money"),
        ),
        tuple((name, int(b), int(c), int(r)) for name, b, c, r in rows),
    )
