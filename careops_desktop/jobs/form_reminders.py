"""Intake forms: a reminder before a form is due, and overdue marking when it is due.

:func:`queue_form_reminders` runs in one transaction: pending forms whose due
time has come are marked overdue (always, it is not a message); then, when
the form-reminder automation is on, each pending form due within
:data:`REMINDER_LEAD` that was never reminded gets one message, written to the
outbox in the same transaction that sets its ``reminded_at`` — once per form,
across restarts. A form whose link went out less than :data:`QUIET_AFTER_LINK`
ago waits: a reminder right behind the link would only be noise.
"""

from __future__ import annotations

from dataclasses import dataclass
from datetime import datetime, timedelta

from sqlalchemy.orm import Session

from careops_desktop.core.errors import NotFound
from careops_desktop.core.models import Booking
from careops_desktop.core.services import forms, outbox, templates
from careops_desktop.core.services.bookings import booking_time_text, form_link, outgoing
from careops_desktop.core.services.business import business_zone, public_base_url

REMINDER_LEAD = timedelta(hours=12)
QUIET_AFTER_LINK = timedelta(hours=6)


@dataclass(frozen=True)
class FormReport:
    reminded: int = 0
    overdue: int = 0


def queue_form_reminders(session: Session, now: datetime) -> FormReport:
    """Mark overdue forms and queue the form reminders that are due (see the module doc)."""
    overdue = forms.mark_overdue(session, now)
    try:
        automations = templates.get_automations(session)
    except NotFound:  # no business yet
        return FormReport(0, overdue)
    if not automations.form_reminder:
        return FormReport(0, overdue)
    zone = business_zone(session)
    base_url = public_base_url(session)
    handled: list[int] = []
    reminded = 0
    for item in forms.submissions_due_for_reminder(session, now, REMINDER_LEAD):
        booking = session.get(Booking, item.booking_id) if item.booking_id else None
        if booking is not None and booking.created_at > now - QUIET_AFTER_LINK:
            continue
        if booking is not None:  # the booking's own address, not what the contact holds now
            out = outgoing(session, booking, zone)
            target = out.recipient
            channel, address = (target.channel, target.address) if target else ("", "")
        elif item.contact_email:
            channel, address = "email", item.contact_email
        elif item.contact_phone:
            channel, address = "sms", item.contact_phone
        else:
            channel, address = "", ""
        if not address:
            handled.append(item.submission_id)  # nobody to remind; do not look again
            continue
        if booking is not None:
            context = dict(out.context)
        else:
            context = {
                "contact_name": item.contact_name,
                "booking_time": templates.Localized(booking_time_text, item.due_at, zone),
                "booking_type": item.form_name,
                "provider_name": "",
                "manage_link": "",
            }
        context["form_link"] = form_link(base_url, item.token)
        rendered = templates.render_message(
            session,
            "form_reminder",
            context,
            contact_id=item.contact_id,
            booking_id=item.booking_id,
        )
        outbox.enqueue(
            session,
            channel=channel,
            recipient=address,
            subject=rendered.subject if channel == "email" else "",
            body=rendered.body,
            kind="form_reminder",
            booking_id=item.booking_id,
            now=now,
            links=rendered.links,
        )
        handled.append(item.submission_id)
        reminded += 1
    forms.mark_reminded(session, handled, now)
    return FormReport(reminded, overdue)
