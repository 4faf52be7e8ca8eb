"""Follow-ups: "We missed you" after a no-show, "Book your next visit" after a completed one.

Both are off until switched on (Settings → Automations) and are templates. Each
booking gets at most one follow-up: ``bookings.followup_sent_at`` is set in the
transaction that writes the outbox row (or notes the skip), so restarts never repeat
one. Only recent visits are followed up (a week for a no-show, a week past the type's
"after N days" for a rebook), so switching a follow-up on never writes to customers
about old history. Nobody marked "no marketing" (at the desk, or by STOP) gets one,
nor someone who already has a later visit booked.
"""

from __future__ import annotations

from dataclasses import dataclass
from datetime import datetime, timedelta

from sqlalchemy import select
from sqlalchemy.orm import Session

from careops_desktop.core.errors import NotFound
from careops_desktop.core.models import Booking, BookingType, Contact
from careops_desktop.core.permissions import Actor
from careops_desktop.core.services import audit, outbox, templates
from careops_desktop.core.services.answers.reminder_rules import rebook_days
from careops_desktop.core.services.answers.reminders import reach
from careops_desktop.core.services.bookings.messages import customer_of, outgoing
from careops_desktop.core.services.business import business_zone

FOLLOW_UPS = Actor.system("Follow-ups")
RECENT = timedelta(days=7)
BATCH = 50


@dataclass(frozen=True)
class FollowupReport:
    queued: int = 0
    skipped: int = 0
    more: bool = False


def _later_visit(session: Session, booking: Booking) -> bool:
    return (
        session.scalar(
            select(Booking.id)
            .where(
                Booking.contact_id == booking.contact_id,
                Booking.id != booking.id,
                Booking.status == "confirmed",
                Booking.start_at > booking.start_at,
            )
            .limit(1)
        )
        is not None
    )


def _candidates(session: Session, now: datetime, switches: templates.Automations) -> list[Booking]:
    found: list[Booking] = []
    if switches.followup_no_show:
        found += session.scalars(
            select(Booking)
            .where(
                Booking.status == "no_show",
                Booking.followup_sent_at.is_(None),
                Booking.start_at >= now - RECENT,
                Booking.start_at <= now,
            )
            .order_by(Booking.start_at, Booking.id)
            .limit(BATCH)
        )
    if switches.followup_rebook and len(found) < BATCH:
        rows = session.scalars(
            select(Booking)
            .where(
                Booking.status == "completed",
                Booking.followup_sent_at.is_(None),
                Booking.end_at <= now,
            )
            .order_by(Booking.end_at, Booking.id)
            .limit(BATCH * 4)
        )
        for booking in rows:
            days = timedelta(days=rebook_days(session, booking.booking_type_id))
            if booking.end_at + days <= now < booking.end_at + days + RECENT:
                found.append(booking)
            if len(found) >= BATCH:
                break
    return found


def _skip(session: Session, booking: Booking, reason: str, now: datetime) -> None:
    booking.followup_sent_at = now
    audit.record(session, FOLLOW_UPS, "followup_skipped", "booking", booking.id, {"reason": reason})


def queue_followups(session: Session, now: datetime) -> FollowupReport:
    """Queue the due follow-ups (see the module doc); returns what was done."""
    try:
        switches = templates.get_automations(session)
    except NotFound:  # no business yet
        return FollowupReport()
    if not (switches.followup_no_show or switches.followup_rebook):
        return FollowupReport()
    bookings = _candidates(session, now, switches)
    queued = skipped = 0
    zone = business_zone(session) if bookings else None
    for booking in bookings:
        contact = session.get(Contact, booking.contact_id)
        if contact is not None and contact.no_marketing:
            _skip(session, booking, "the customer asked not to be contacted", now)
            skipped += 1
            continue
        if booking.status == "completed" and _later_visit(session, booking):
            _skip(session, booking, "the customer has booked their next visit already", now)
            skipped += 1
            continue
        target = reach(session, customer_of(session, booking), None)
        if target is None:
            _skip(session, booking, "no email address or phone number that may be used", now)
            skipped += 1
            continue
        assert zone is not None
        out = outgoing(session, booking, zone)
        kind = "followup_no_show" if booking.status == "no_show" else "followup_rebook"
        booking_type = session.get(BookingType, booking.booking_type_id)
        rebook = out.base_url
        if booking_type is not None and booking_type.is_active:
            rebook = f"{out.base_url}/book/{booking_type.slug}"
        context = {**out.context, "booking_link": out.base_url, "rebook_link": rebook}
        rendered = templates.render_message(session, kind, context, booking_id=booking.id)
        channel, address = target
        outbox.enqueue(
            session,
            channel=channel,
            recipient=address,
            subject=rendered.subject if channel == "email" else "",
            body=rendered.body,
            kind=kind,
            booking_id=booking.id,
            now=now,
            links=rendered.links,
        )
        booking.followup_sent_at = now
        queued += 1
    session.flush()
    return FollowupReport(queued, skipped, len(bookings) >= BATCH)
