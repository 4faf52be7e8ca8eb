"""Booking reminders: each of a booking type's reminders, once per booking, at its time.

:func:`queue_booking_reminders` runs in one transaction: for each confirmed booking
and each of its type's reminders whose time has come and that has no
``reminder_sends`` row, it writes the row *and* the outbox message — both commit or
neither does, and the row's unique (booking, rule) key refuses a second one, so a
restart, a crash or a second process can neither lose a reminder nor send it twice.
A reminder whose time passed while the app was closed is still sent if the visit is
ahead; once the visit has begun it is skipped, and the skip is noted (audit). A
booking made inside a reminder's window gets no such reminder when its confirmation
went out (noted likewise). A reschedule deletes the booking's sends
(``bookings.changes``), so the new time is reminded.

The standard reminder (a type without a list of its own) also counts
``bookings.reminder_sent_at`` as sent, so rows written without a send record (the demo,
older code) are not reminded twice. A reminder goes by its rule's channel; when the
customer cannot be reached there (no address, or the number replied STOP) it goes by
the other one, else it is skipped and noted.
"""

from __future__ import annotations

from dataclasses import dataclass
from datetime import datetime, timedelta

from sqlalchemy import select
from sqlalchemy.orm import Session

from careops_desktop.core.errors import NotFound
from careops_desktop.core.models import STANDARD_RULE, Booking, BookingType, ReminderSend
from careops_desktop.core.permissions import Actor
from careops_desktop.core.services import audit, outbox, sms_opt_outs, templates
from careops_desktop.core.services.answers.reminder_rules import Rule, rules_for_types
from careops_desktop.core.services.bookings.messages import Customer, customer_of, outgoing
from careops_desktop.core.services.business import business_zone

REMINDERS = Actor.system("Reminders")
BATCH = 50  # one short transaction each: the database worker serves the window between them


@dataclass(frozen=True)
class ReminderReport:
    queued: int = 0
    skipped: int = 0  # already begun, booked late, or no way to reach the contact
    more: bool = False  # another batch is due right away


def reach(session: Session, customer: Customer, preferred: str | None) -> tuple[str, str] | None:
    """``(channel, address)`` to remind ``customer`` by: ``preferred`` (None: email first)
    when it can be used, else the other channel; None when neither can."""
    options: list[tuple[str, str | None]] = [("email", customer.email), ("sms", customer.phone)]
    if preferred == "sms":
        options.reverse()
    for channel, address in options:
        if not address:
            continue
        if channel == "sms" and sms_opt_outs.is_blocked(session, address):
            continue
        return channel, address
    return None


def _type_ids_by_rule(session: Session) -> dict[Rule, list[int]]:
    """Every reminder rule in use, with the booking types it applies to."""
    type_ids = list(session.scalars(select(BookingType.id)))
    grouped: dict[Rule, list[int]] = {}
    for type_id, rules in rules_for_types(session, type_ids).items():
        for rule in rules:
            grouped.setdefault(rule, []).append(type_id)
    return grouped


def due_pairs(
    session: Session, now: datetime, limit: int, *, lock: bool = True
) -> list[tuple[Booking, Rule]]:
    """Up to ``limit`` (booking, rule) pairs whose time has come and that have no send row.

    With ``lock`` on PostgreSQL the bookings are locked, skipping those another process holds.
    """
    pairs: list[tuple[Booking, Rule]] = []
    postgres = lock and session.get_bind().dialect.name == "postgresql"
    for rule, type_ids in sorted(_type_ids_by_rule(session).items(), key=lambda i: i[0].key):
        if len(pairs) >= limit:
            break
        sent = (
            select(ReminderSend.id)
            .where(ReminderSend.booking_id == Booking.id, ReminderSend.rule_key == rule.key)
            .exists()
        )
        query = (
            select(Booking)
            .where(
                Booking.status == "confirmed",
                Booking.booking_type_id.in_(type_ids),
                Booking.start_at <= now + timedelta(hours=rule.hours_before),
                ~sent,
            )
            .order_by(Booking.start_at, Booking.id)
            .limit(limit - len(pairs))
        )
        if rule.key == STANDARD_RULE:  # rows written before the rules (demo, older code)
            query = query.where(Booking.reminder_sent_at.is_(None))
        if postgres:  # a second app process skips these
            query = query.with_for_update(skip_locked=True)
        pairs.extend((booking, rule) for booking in session.scalars(query))
    return pairs


def _note(session: Session, booking_id: int, rule: Rule, reason: str, now: datetime) -> None:
    session.add(
        ReminderSend(booking_id=booking_id, rule_key=rule.key, skipped_reason=reason, sent_at=now)
    )
    audit.record(
        session,
        REMINDERS,
        "reminder_skipped",
        "booking",
        booking_id,
        {"reason": reason, "hours_before": rule.hours_before},
    )


def queue_booking_reminders(session: Session, now: datetime) -> ReminderReport:
    """Queue every due booking reminder (see the module doc); returns what was done."""
    try:
        automations = templates.get_automations(session)
    except NotFound:  # no business yet
        return ReminderReport()
    if not automations.reminder:
        return ReminderReport()
    pairs = due_pairs(session, now, BATCH)
    zone = business_zone(session) if pairs else None
    queued = skipped = 0
    for booking, rule in pairs:
        lead = timedelta(hours=rule.hours_before)
        if booking.start_at <= now:
            _note(
                session,
                booking.id,
                rule,
                "the booking had begun before its reminder could be sent",
                now,
            )
            skipped += 1
            continue
        if booking.created_at > booking.start_at - lead and automations.confirmation:
            reason = "booked inside the reminder window; the confirmation said it all"
            _note(session, booking.id, rule, reason, now)
            skipped += 1
            continue
        target = reach(session, customer_of(session, booking), rule.channel)
        if target is None:
            reason = "the booking has no email address or phone number to send to"
            _note(session, booking.id, rule, reason, now)
            skipped += 1
            continue
        channel, address = target
        assert zone is not None
        out = outgoing(session, booking, zone)
        rendered = templates.render_message(session, "reminder", out.context, booking_id=booking.id)
        outbox_id = outbox.enqueue(
            session,
            channel=channel,
            recipient=address,
            subject=rendered.subject if channel == "email" else "",
            body=rendered.body,
            kind="reminder",
            booking_id=booking.id,
            now=now,
            links=rendered.links,
        )
        session.add(
            ReminderSend(
                booking_id=booking.id,
                rule_key=rule.key,
                channel=channel,
                recipient=address,
                outbox_id=outbox_id,
                sent_at=now,
            )
        )
        booking.reminder_sent_at = now
        queued += 1
    session.flush()  # the unique (booking, rule) key is checked here, in this transaction
    return ReminderReport(queued, skipped, len(pairs) == BATCH)
