"""The day sheet: the printable schedule of a day or a week — who, when, what, forms due.

One section per local day with its appointments in time order (cancelled
ones left out). "Forms outstanding" counts the booking's pending and overdue
form submissions. Periods longer than a month are refused: that is a
bookings export, not a sheet to print. Reports' readers and the staff who manage
bookings may print it. With ``provider_id`` the sheet is one
provider's (the desk prints one per practitioner); the title names them.
"""

from __future__ import annotations

from collections import defaultdict
from datetime import date, datetime
from zoneinfo import ZoneInfo

from sqlalchemy import func, select
from sqlalchemy.orm import Session

from careops_desktop.core.db import read_only
from careops_desktop.core.errors import NotFound, ValidationError
from careops_desktop.core.i18n import N_, _
from careops_desktop.core.i18n.formats import date_text
from careops_desktop.core.models import Booking, BookingType, Contact, FormSubmission, Provider
from careops_desktop.core.permissions import Actor, Permission
from careops_desktop.core.services.reports.common import open_report
from careops_desktop.core.services.reports.model import (
    Column,
    KeyFigure,
    Report,
    Section,
    Value,
    translated,
)

MAX_DAYS = 31
DAY_SHEET_READERS = (Permission.VIEW_REPORTS, Permission.MANAGE_BOOKINGS)
STATUS_TITLES = {
    "confirmed": N_("Confirmed"),
    "arrived": N_("Arrived"),
    "completed": N_("Completed"),
    "no_show": N_("No-show"),
}
COLUMNS = (
    Column("start", N_("Start"), "datetime"),
    Column("end", N_("End"), "datetime"),
    Column("provider", N_("With")),
    Column("booking_type", N_("What")),
    Column("customer", N_("Customer")),
    Column("phone", N_("Phone")),
    Column("status", N_("Status")),
    Column("forms_outstanding", N_("Forms due"), "int"),
    Column("notes", N_("Notes")),
)


@read_only
def day_sheet(
    session: Session,
    actor: Actor,
    start_date: date,
    end_date: date,
    tz: ZoneInfo | str | None = None,
    *,
    now: datetime | None = None,
    provider_id: int | None = None,
) -> Report:
    """The schedule from ``start_date`` to ``end_date`` (at most 31 days), one section a day;
    only ``provider_id``'s bookings when given (an unknown provider is ``NotFound``)."""
    # the desk that books prints its day: the schedule it sees in the calendar anyway
    ctx = open_report(session, actor, start_date, end_date, tz, now, allowed=DAY_SHEET_READERS)
    period = ctx.period
    if period.days > MAX_DAYS:
        raise ValidationError(
            {"end": _("A day sheet covers at most {days} days.").format(days=MAX_DAYS)}
        )
    provider_name = ""
    if provider_id is not None:
        found = session.scalar(select(Provider.name).where(Provider.id == provider_id))
        if found is None:
            raise NotFound("provider", provider_id)
        provider_name = found
    outstanding = (
        select(func.count())
        .where(
            FormSubmission.booking_id == Booking.id,
            FormSubmission.status.in_(("pending", "overdue")),
        )
        .scalar_subquery()
    )
    rows = session.execute(
        select(
            Booking.start_at,
            Booking.end_at,
            Provider.name,
            BookingType.name,
            Contact.name,
            Contact.phone,
            Booking.status,
            outstanding,
            Booking.notes,
            Booking.contact_id,
        )
        .join(Provider, Provider.id == Booking.provider_id)
        .join(BookingType, BookingType.id == Booking.booking_type_id)
        .join(Contact, Contact.id == Booking.contact_id)
        .where(
            Booking.status != "cancelled",
            Booking.start_at >= period.start_utc,
            Booking.start_at < period.end_utc,
            *([Booking.provider_id == provider_id] if provider_id is not None else []),
        )
        .order_by(Booking.start_at, Provider.sort_order, Provider.name)
    ).all()
    per_day: dict[date, list[tuple[Value, ...]]] = defaultdict(list)
    customers: set[int] = set()
    providers: set[str] = set()
    forms_due = 0
    for start, end, provider, what, customer, phone, status, forms, notes, contact_id in rows:
        local_start = start.astimezone(period.zone)
        per_day[local_start.date()].append(
            (
                local_start,
                end.astimezone(period.zone),
                provider,
                what,
                customer,
                phone or "",
                _(STATUS_TITLES[status]) if status in STATUS_TITLES else status,
                int(forms),
                notes,
            )
        )
        customers.add(contact_id)
        providers.add(provider)
        forms_due += int(forms)
    columns = translated(COLUMNS)
    sections = [
        Section(
            day.isoformat(),
            date_text(day, "full"),
            columns,
            tuple(per_day.get(day, [])),
            note="" if per_day.get(day) else _("No appointments."),
            new_page=day != period.start,
        )
        for day in period.dates()
    ]
    figures = [
        KeyFigure("appointments", _("Appointments"), len(rows)),
        KeyFigure("customers", _("Customers"), len(customers)),
        KeyFigure("providers", _("Providers working"), len(providers)),
        KeyFigure("forms_outstanding", _("Forms still due"), forms_due),
    ]
    title = _("Day sheet") if period.days == 1 else _("Schedule")
    if provider_name:
        title = (
            _("Day sheet for {provider}").format(provider=provider_name)
            if period.days == 1
            else _("Schedule for {provider}").format(provider=provider_name)
        )
    return ctx.report("day_sheet", title, figures, sections)
