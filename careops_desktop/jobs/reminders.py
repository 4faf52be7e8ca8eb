"""Booking reminders: one message per booking, N hours before it (default 24), exactly once.

:func:`queue_booking_reminders` runs in one transaction (``Database.run``):
for each confirmed booking whose reminder time has come and that has not been
reminded, it writes the outbox row *and* sets ``bookings.reminder_sent_at`` —
both commit or neither does, so a restart can neither lose a reminder nor
send it twice. A reminder whose time passed while the app was closed is still
sent if the booking is ahead; a booking that has already begun is skipped,
and the skip is written to the audit log. A booking made inside the reminder
window gets no reminder when its confirmation went out (noted likewise). A reschedule clears
``reminder_sent_at`` (core ``bookings.changes``), so the new time is reminded.
"""

from __future__ import annotations

from dataclasses import dataclass
from datetime import datetime, timedelta

from sqlalchemy import select
from sqlalchemy.orm import Session

from careops_desktop.core.errors import NotFound
from careops_desktop.core.models import Booking
from careops_desktop.core.permissions import Actor
from careops_desktop.core.services import audit, outbox, templates
from careops_desktop.core.services.bookings import outgoing
from careops_desktop.core.services.business import business_zone

REMINDERS = Actor.system("Reminders")
BATCH = 50  # one short transaction each: the database worker serves the window between them


@dataclass(frozen=True)
class ReminderReport:
    queued: int = 0
    skipped: int = 0  # already begun, or no way to reach the contact
    more: bool = False  # another batch is due right away


def queue_booking_reminders(session: Session, now: datetime) -> ReminderReport:
    """Queue every due booking reminder (see the module doc); returns what was done."""
    try:
        automations = templates.get_automations(session)
    except NotFound:  # no business yet
        return ReminderReport()
    if not automations.reminder:
        return ReminderReport()
    lead = timedelta(hours=automations.reminder_hours)
    horizon = now + lead
    query = (
        select(Booking)
        .where(
            Booking.status == "confirmed",
            Booking.reminder_sent_at.is_(None),
            Booking.start_at <= horizon,
        )
        .order_by(Booking.start_at, Booking.id)
        .limit(BATCH)
    )
    if session.get_bind().dialect.name == "postgresql":  # a second app process skips these
        query = query.with_for_update(skip_locked=True)
    bookings = list(session.scalars(query))
    zone = business_zone(session)
    queued = skipped = 0
    for booking in bookings:
        booking.reminder_sent_at = now
        if booking.start_at <= now:
            audit.record(
                session,
                REMINDERS,
                "reminder_skipped",
                "booking",
                booking.id,
                {"reason": "the booking had begun before its reminder could be sent"},
            )
            skipped += 1
            continue
        booked_late = booking.created_at > booking.start_at - lead
        if booked_late and automations.confirmation:
            audit.record(
                session,
                REMINDERS,
                "reminder_skipped",
                "booking",
                booking.id,
                {"reason": "booked inside the reminder window; the confirmation said it all"},
            )
            skipped += 1
            continue
        out = outgoing(session, booking, zone)
        target = out.recipient
        if target is None:
            audit.record(
                session,
                REMINDERS,
                "reminder_skipped",
                "booking",
                booking.id,
                {"reason": "the booking has no email address or phone number to send to"},
            )
            skipped += 1
            continue
        rendered = templates.render_message(session, "reminder", out.context)
        outbox.enqueue(
            session,
            channel=target.channel,
            recipient=target.address,
            subject=rendered.subject if target.channel == "email" else "",
            body=rendered.body,
            kind="reminder",
            booking_id=booking.id,
            now=now,
            links=rendered.links,
        )
        queued += 1
    session.flush()
    return ReminderReport(queued, skipped, len(bookings) == BATCH)
