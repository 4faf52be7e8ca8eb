"""The bookings report: counts by status, type, provider and day or week; rates;
how full each provider's opening hours were; revenue where types have prices.

A booking belongs to the period when it *starts* in it (local dates).
Revenue is the booking type's current price for each completed booking
(bookings keep no price of their own). "Hours booked" counts every booking
that was not cancelled; "open hours" are the provider's weekly hours on
each local date, less closures (business-wide and the provider's own).
"""

from __future__ import annotations

from collections import defaultdict
from datetime import date, datetime, timedelta
from zoneinfo import ZoneInfo

from sqlalchemy import ColumnElement, and_, func, select
from sqlalchemy.orm import Session

from careops_desktop.core.db import read_only
from careops_desktop.core.i18n import N_, _
from careops_desktop.core.models import Availability, Booking, BookingType, Closure, Provider
from careops_desktop.core.permissions import Actor
from careops_desktop.core.services.reports.common import Context, open_report
from careops_desktop.core.services.reports.model import Chart, Column, KeyFigure, Report, Section
from careops_desktop.core.services.reports.period import (
    Period,
    bucket_table,
    bucket_title,
    buckets,
    unit_for,
    unit_name,
)
from careops_desktop.core.services.reports.sql import count_if, minutes_between, rate, sum_if

STATUSES = ("confirmed", "arrived", "completed", "no_show", "cancelled")
STATUS_TITLES = {
    "confirmed": N_("Confirmed"),
    "arrived": N_("Arrived (in progress)"),
    "completed": N_("Completed"),
    "no_show": N_("No-show"),
    "cancelled": N_("Cancelled"),
}


def _in_period(period: Period) -> tuple[ColumnElement[bool], ColumnElement[bool]]:
    return Booking.start_at >= period.start_utc, Booking.start_at < period.end_utc


@read_only
def bookings_report(
    session: Session,
    actor: Actor,
    start_date: date,
    end_date: date,
    tz: ZoneInfo | str | None = None,
    *,
    now: datetime | None = None,
) -> Report:
    """Bookings that start from ``start_date`` to ``end_date`` (local, both included)."""
    ctx = open_report(session, actor, start_date, end_date, tz, now)
    period = ctx.period
    types, counts, expected = _by_type(session, period)
    total = sum(counts.values())
    providers = _by_provider(session, period)
    revenue = int(types.total("revenue"))
    booked, open_hours = providers.total("hours_booked"), providers.total("hours_open")
    figures = [
        KeyFigure("bookings", _("Bookings"), total),
        KeyFigure("completed", _("Completed"), counts["completed"]),
        KeyFigure("confirmed", _("Still confirmed"), counts["confirmed"]),
        KeyFigure("arrived", _("Arrived, in progress"), counts["arrived"]),
        KeyFigure("cancelled", _("Cancelled"), counts["cancelled"]),
        KeyFigure("no_show", _("No-shows"), counts["no_show"]),
        KeyFigure(
            "cancellation_rate", _("Cancellation rate"), rate(counts["cancelled"], total), "percent"
        ),
        KeyFigure(
            "no_show_rate",
            _("No-show rate"),
            rate(counts["no_show"], counts["completed"] + counts["no_show"]),
            "percent",
        ),
        KeyFigure("utilisation", _("Opening hours booked"), rate(booked, open_hours), "percent"),
        KeyFigure("revenue", _("Revenue (completed)"), revenue, "money"),
        KeyFigure("expected_revenue", _("Revenue still to come"), expected, "money"),
    ]
    status_section = Section(
        "by_status",
        _("By status"),
        (Column("status", _("Status")), Column("bookings", _("Bookings"), "int")),
        tuple((_(STATUS_TITLES[s]), counts[s]) for s in STATUSES),
    )
    sections = [_by_bucket(session, ctx), types, providers, status_section]
    notes = (
        _("Rates: cancellations of all bookings; no-shows of completed plus no-shows."),
        _(
            "Arrived bookings are in progress: the customer came, the visit is not yet "
            "completed. They count as bookings and as revenue still to come, not as completed."
        ),
        _("Revenue uses each booking type's current price."),
    )
    return ctx.report("bookings", _("Bookings"), figures, sections, notes)


def _by_bucket(session: Session, ctx: Context) -> Section:
    unit = unit_for(ctx.period)
    spans = buckets(ctx.period, unit)
    table = bucket_table(spans)
    rows = session.execute(
        select(
            table.c.n,
            func.count(Booking.id),
            count_if(Booking.status == "completed"),
            count_if(Booking.status == "cancelled"),
            count_if(Booking.status == "no_show"),
        )
        .select_from(table)
        .outerjoin(Booking, and_(Booking.start_at >= table.c.lo, Booking.start_at < table.c.hi))
        .group_by(table.c.n)
        .order_by(table.c.n)
    ).all()
    return Section(
        "by_period",
        _("By {unit}").format(unit=unit_name(unit)),
        (
            Column("period", bucket_title(unit), "date"),
            Column("bookings", _("Bookings"), "int"),
            Column("completed", _("Completed"), "int"),
            Column("cancelled", _("Cancelled"), "int"),
            Column("no_show", _("No-shows"), "int"),
        ),
        tuple((spans[n].label, int(a), int(b), int(c), int(d)) for n, a, b, c, d in rows),
        Chart("period", ("bookings",), _("Bookings by {unit}").format(unit=unit_name(unit))),
    )


def _by_type(session: Session, period: Period) -> tuple[Section, dict[str, int], int]:
    """Bookings per type; also the counts per status and the revenue still to come."""
    price = func.coalesce(BookingType.price_minor, 0)
    rows = session.execute(
        select(
            BookingType.name,
            func.count(Booking.id),
            *(count_if(Booking.status == status) for status in STATUSES),
            sum_if(Booking.status == "completed", price),
            sum_if(Booking.status.in_(("confirmed", "arrived")), price),
        )
        .join(BookingType, BookingType.id == Booking.booking_type_id)
        .where(*_in_period(period))
        .group_by(BookingType.id, BookingType.name)
        .order_by(func.count(Booking.id).desc(), BookingType.name)
    ).all()
    counts = {status: sum(int(row[2 + n]) for row in rows) for n, status in enumerate(STATUSES)}
    expected = sum(int(row[8]) for row in rows)
    section = Section(
        "by_type",
        _("By booking type"),
        (
            Column("booking_type", _("Booking type")),
            Column("bookings", _("Bookings"), "int"),
            Column("confirmed", _("Confirmed"), "int"),
            Column("arrived", _("Arrived"), "int"),
            Column("completed", _("Completed"), "int"),
            Column("no_show", _("No-shows"), "int"),
            Column("cancelled", _("Cancelled"), "int"),
            Column("revenue", _("Revenue"), "money"),
        ),
        tuple(tuple([row[0], *(int(v) for v in row[1:8])]) for row in rows),
        Chart("booking_type", ("bookings",), _("Bookings by type")),
    )
    return section, counts, expected


def _by_provider(session: Session, period: Period) -> Section:
    minutes = minutes_between(session, Booking.start_at, Booking.end_at)
    price = func.coalesce(BookingType.price_minor, 0)
    rows = session.execute(
        select(
            Booking.provider_id,
            func.count(Booking.id),
            count_if(Booking.status == "completed"),
            count_if(Booking.status == "cancelled"),
            count_if(Booking.status == "no_show"),
            sum_if(Booking.status != "cancelled", minutes),
            sum_if(Booking.status == "completed", price),
        )
        .join(BookingType, BookingType.id == Booking.booking_type_id)
        .where(*_in_period(period))
        .group_by(Booking.provider_id)
    ).all()
    found = {row[0]: row[1:] for row in rows}
    open_minutes = opening_minutes(session, period)
    providers = session.execute(
        select(Provider.id, Provider.name, Provider.is_active).order_by(
            Provider.sort_order, Provider.name
        )
    ).all()
    out = []
    for provider_id, name, active in providers:
        if not active and provider_id not in found:
            continue
        total, done, cancelled, no_show, booked, revenue = found.get(provider_id, (0,) * 6)
        booked_hours = round(float(booked) / 60, 2)
        open_hours = round(open_minutes.get(provider_id, 0) / 60, 2)
        out.append(
            (
                name,
                int(total),
                int(done),
                int(cancelled),
                int(no_show),
                booked_hours,
                open_hours,
                rate(booked_hours, open_hours),
                int(revenue),
            )
        )
    return Section(
        "by_provider",
        _("By provider"),
        (
            Column("provider", _("Provider")),
            Column("bookings", _("Bookings"), "int"),
            Column("completed", _("Completed"), "int"),
            Column("cancelled", _("Cancelled"), "int"),
            Column("no_show", _("No-shows"), "int"),
            Column("hours_booked", _("Hours booked"), "hours"),
            Column("hours_open", _("Open hours"), "hours"),
            Column("utilisation", _("Booked share"), "percent"),
            Column("revenue", _("Revenue"), "money"),
        ),
        tuple(out),
        Chart("provider", ("utilisation",), _("Share of opening hours booked")),
    )


def opening_minutes(session: Session, period: Period) -> dict[int, int]:
    """Each provider's open minutes on the period's local dates, less closures."""
    weekly: dict[tuple[int, int], int] = defaultdict(int)
    for provider_id, weekday, opens, closes in session.execute(
        select(
            Availability.provider_id,
            Availability.weekday,
            Availability.start_time,
            Availability.end_time,
        )
    ):
        span = (closes.hour * 60 + closes.minute) - (opens.hour * 60 + opens.minute)
        weekly[(provider_id, weekday)] += max(0, span)
    closed_all: set[date] = set()
    closed: dict[int, set[date]] = defaultdict(set)
    for closure_provider, first, last in session.execute(
        select(Closure.provider_id, Closure.start_date, Closure.end_date).where(
            Closure.start_date <= period.end, Closure.end_date >= period.start
        )
    ):
        day = max(first, period.start)
        while day <= min(last, period.end):
            (closed_all if closure_provider is None else closed[closure_provider]).add(day)
            day += timedelta(days=1)
    providers = {p for p, _ in weekly}
    result: dict[int, int] = {}
    for provider_id in providers:
        total = 0
        for day in period.dates():
            if day in closed_all or day in closed[provider_id]:
                continue
            total += weekly.get((provider_id, day.weekday()), 0)
        result[provider_id] = total
    return result
