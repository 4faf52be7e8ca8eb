"""What the desk should look at: visits soon that the customer has not confirmed, and
customers who asked by reply to cancel too late (the desk calls them)."""

from __future__ import annotations

from collections.abc import Sequence
from datetime import datetime, timedelta

from sqlalchemy import ColumnElement, func, select
from sqlalchemy.orm import Session

from careops_desktop.core.db import read_only
from careops_desktop.core.i18n import _, ngettext
from careops_desktop.core.models import AuditEntry, Booking, Contact, ReminderSend
from careops_desktop.core.services import templates
from careops_desktop.core.services.bookings.views import booking_time_text
from careops_desktop.core.services.business import business_zone
from careops_desktop.core.services.id_blocks import id_blocks

SOON = timedelta(hours=24)
LATE_CANCEL_ACTION = "cancel_by_reply_too_late"
LATE_ALERTS_MAX = 5


@read_only
def unconfirmed_soon_count(session: Session, now: datetime, within: timedelta = SOON) -> int:
    """Confirmed visits starting within ``within`` that the customer was reminded of (and
    so asked to confirm) and has not confirmed."""
    return int(
        session.scalar(
            select(func.count(Booking.id)).where(
                Booking.status == "confirmed",
                Booking.start_at > now,
                Booking.start_at <= now + within,
                Booking.customer_confirmed_at.is_(None),
                asked(),
            )
        )
        or 0
    )


def asked() -> ColumnElement[bool]:
    """A booking whose customer was sent a reminder, which invites "C" or "X"."""
    return (
        select(ReminderSend.id)
        .where(ReminderSend.booking_id == Booking.id, ReminderSend.outbox_id.is_not(None))
        .exists()
    )


@read_only
def late_cancel_requests(session: Session, now: datetime) -> list[int]:
    """Visits still booked and ahead whose customer asked by reply to cancel inside the
    cutoff, soonest first (the desk calls them; cancelling or the visit passing clears it)."""
    asked = select(AuditEntry.entity_id).where(
        AuditEntry.action == LATE_CANCEL_ACTION, AuditEntry.entity == "booking"
    )
    return list(
        session.scalars(
            select(Booking.id)
            .where(Booking.id.in_(asked), Booking.status == "confirmed", Booking.start_at > now)
            .order_by(Booking.start_at, Booking.id)
        )
    )


def desk_alerts(session: Session, now: datetime) -> tuple[tuple[str, str, str], ...]:
    """The dashboard's alerts from customers' answers, as (kind, text, target tab):
    each late cancel request by name and time, and how many visits within 24 hours the
    customer has not confirmed (only while reminders invite them to)."""
    found: list[tuple[str, str, str]] = []
    late = late_cancel_requests(session, now)
    if late:
        zone = business_zone(session)
        rows = session.execute(
            select(Booking.id, Booking.start_at, Contact.name)
            .join(Contact, Contact.id == Booking.contact_id)
            .where(Booking.id.in_(late[:LATE_ALERTS_MAX]))
            .order_by(Booking.start_at, Booking.id)
        ).all()
        for _booking_id, start, name in rows:
            when = booking_time_text(start, zone)
            text = _(
                "{name} replied to cancel the visit on {when}, too late to cancel by reply. "
                "Please call them."
            ).format(name=name, when=when)
            found.append(("late_cancel_request", text, "bookings"))
    switches = templates.get_automations(session)
    if switches.reminder and switches.reply_answers:
        count = unconfirmed_soon_count(session, now)
        if count:
            text = ngettext(
                "{count} visit in the next 24 hours is not confirmed by the customer",
                "{count} visits in the next 24 hours are not confirmed by the customer",
                count,
            ).format(count=count)
            found.append(("unconfirmed_visits", text, "bookings"))
    return tuple(found)


@read_only
def reminded_ids(session: Session, booking_ids: Sequence[int]) -> frozenset[int]:
    """Those of ``booking_ids`` whose customer was sent a reminder (asked to confirm)."""
    found: set[int] = set()
    for block in id_blocks(booking_ids):
        found.update(
            session.scalars(
                select(ReminderSend.booking_id).where(
                    ReminderSend.booking_id.in_(block), ReminderSend.outbox_id.is_not(None)
                )
            )
        )
    return frozenset(found)


def calendar_answer(
    status: str, start: datetime, confirmed_at: datetime | None, reminded: bool, now: datetime
) -> str:
    """What the calendar marks on a visit: ``"confirmed"`` (by the customer), ``"unconfirmed"``
    (reminded, within 24 hours, no answer yet) or ``""``."""
    if status != "confirmed":
        return ""
    if confirmed_at is not None:
        return "confirmed"
    if reminded and now < start <= now + SOON:
        return "unconfirmed"
    return ""
