"""A customer answers a reminder: "C" confirms, "X" cancels, STOP and START by text.

:func:`record_reply` is what the SMS and IMAP polls call for a customer's message
instead of ``inbox.record_incoming``. It always records the message in the inbox
(so its Message-ID, or the SMS's SID, makes a second poll of it a no-op), and acts
on it only the first time:

- Matching: an email answers the reminder its In-Reply-To/References name (the
  reminder's Message-ID, kept on its outbox row); a text answers the reminders sent
  by text to that number for visits not yet begun. A number with two such visits is
  not guessed at: the reply goes to the inbox, unread, with a note naming the visits.
- "yes" (:mod:`reply_words`): the booking is marked confirmed by the customer, with
  the time; "no": it is cancelled as the customer's own cancellation (the cutoff of
  Settings → Booking page applies); inside the cutoff it stays booked, the customer
  is asked to call, and the desk gets the message unread and a dashboard alert.
  Either way the customer gets a short answer. Answered replies are recorded read.
- STOP (and the carriers' synonyms) by text: the number gets one confirmation and no
  other text until START; its contacts are marked "no marketing". CANCEL is both a
  carrier stop word and the cancel word: with a visit to cancel it cancels the visit
  (the reminder invites "X", which is no carrier keyword); with none it is a STOP.
  YES is START only for a number that had sent STOP.
- Anything else: the inbox, exactly as before.
"""

from __future__ import annotations

from dataclasses import dataclass
from datetime import datetime, timedelta
from typing import Literal

from sqlalchemy import select
from sqlalchemy.orm import Session

from careops_desktop.core import events
from careops_desktop.core.errors import PolicyRefused, ValidationError
from careops_desktop.core.i18n import N_, _, use_language
from careops_desktop.core.models import Booking, Contact, OutboxMessage, ReminderSend
from careops_desktop.core.permissions import Actor
from careops_desktop.core.services import audit, outbox, sms_opt_outs, templates
from careops_desktop.core.services.answers import freed_time
from careops_desktop.core.services.answers.flags import LATE_CANCEL_ACTION
from careops_desktop.core.services.answers.reply_words import (
    answer_token,
    booking_answer,
    carrier_keyword,
    reply_top,
)
from careops_desktop.core.services.bookings import changes
from careops_desktop.core.services.bookings.messages import customer_of, outgoing
from careops_desktop.core.services.business import business_settings, business_zone
from careops_desktop.core.services.contacts.fields import default_region, normalize_phone
from careops_desktop.core.services.inbox.conversations import add_system_message, mark_unread
from careops_desktop.core.services.inbox.incoming import (
    IncomingMessage,
    IngestResult,
    normalize_message_id,
    record_incoming,
)

CUSTOMER_REPLY = Actor.system("Customer reply")
SMS_REPLY_WINDOW = timedelta(days=15)  # a text answers a reminder sent at most this long ago
# the carrier keywords STOP and START stay English in every language (carriers act on them)
STOP_TEXT = N_("You will get no more texts from {business_name}. Reply START to get them again.")
START_TEXT = N_("You will get texts from {business_name} again. Reply STOP to stop them.")

Outcome = Literal["inbox", "confirmed", "cancelled", "too_late", "ambiguous", "stop", "start"]


@dataclass(frozen=True)
class ReplyResult:
    ingest: IngestResult
    outcome: Outcome
    booking_id: int | None = None


def _phone(session: Session, address: str) -> str:
    try:
        return normalize_phone(address, default_region(session))
    except ValidationError:
        return address.strip()[:20]


def _email_bookings(session: Session, message: IncomingMessage) -> list[int]:
    refs = [normalize_message_id(message.in_reply_to)]
    refs += [normalize_message_id(r) for r in reversed(message.references)]
    wanted = [r for r in dict.fromkeys(refs) if r is not None]
    if not wanted:
        return []
    found = session.scalars(
        select(OutboxMessage.booking_id).where(
            OutboxMessage.message_id.in_(wanted),
            OutboxMessage.kind == "reminder",
            OutboxMessage.booking_id.is_not(None),
        )
    )
    return sorted({b for b in found if b is not None})


def _sms_bookings(session: Session, phone: str, now: datetime) -> list[int]:
    """Visits not yet begun whose reminders went by text to ``phone``, latest reminder first."""
    rows = session.execute(
        select(ReminderSend.booking_id)
        .join(Booking, Booking.id == ReminderSend.booking_id)
        .where(
            ReminderSend.recipient == phone,
            ReminderSend.channel == "sms",
            ReminderSend.sent_at >= now - SMS_REPLY_WINDOW,
            Booking.status == "confirmed",
            Booking.start_at > now,
        )
        .order_by(ReminderSend.sent_at.desc(), ReminderSend.id.desc())
    ).all()
    return list(dict.fromkeys(r[0] for r in rows))


def _open_bookings(session: Session, message: IncomingMessage, now: datetime) -> list[int]:
    if message.channel == "sms":
        return _sms_bookings(session, _phone(session, message.sender_address), now)
    if message.channel != "email":
        return []
    ids = _email_bookings(session, message)
    return [
        b
        for b in ids
        if (row := session.get(Booking, b)) is not None
        and row.status == "confirmed"
        and row.start_at > now
    ]


def _answer(
    session: Session,
    message: IncomingMessage,
    booking: Booking,
    key: str,
    now: datetime,
    extra: dict[str, object] | None = None,
) -> int:
    """The short answer to the customer, on the channel and to the address they wrote from."""
    out = outgoing(session, booking, business_zone(session))
    context = {**out.context, "booking_link": out.base_url, **(extra or {})}
    rendered = templates.render_message(session, key, context, booking_id=booking.id)
    email = message.channel == "email"
    recipient = message.sender_address if email else _phone(session, message.sender_address)
    return outbox.enqueue(
        session,
        channel="email" if email else "sms",
        recipient=recipient,
        subject=rendered.subject if email else "",
        body=rendered.body,
        kind="reply_answer",
        booking_id=booking.id,
        now=now,
        links=rendered.links,
    )


def _confirm(
    session: Session,
    message: IncomingMessage,
    booking: Booking,
    ingest: IngestResult,
    now: datetime,
) -> None:
    if booking.customer_confirmed_at is None:
        booking.customer_confirmed_at = now
        booking.updated_at = now
    session.flush()
    audit.record(
        session,
        CUSTOMER_REPLY,
        "confirmed_by_customer",
        "booking",
        booking.id,
        {"channel": message.channel},
    )
    when = outgoing(session, booking, business_zone(session)).context["booking_time"]
    add_system_message(
        session,
        ingest.conversation_id,
        _("The customer confirmed the visit on {when} by reply.").format(when=when),
    )
    _answer(session, message, booking, "reply_confirmed", now)
    events.record(session, events.BookingChanged(booking.id, booking.provider_id, "updated", "web"))


def _cancel(
    session: Session,
    message: IncomingMessage,
    booking: Booking,
    ingest: IngestResult,
    now: datetime,
) -> Outcome:
    zone = business_zone(session)
    when = outgoing(session, booking, zone).context["booking_time"]
    try:
        with session.begin_nested():
            changes.cancel(
                session,
                CUSTOMER_REPLY,
                booking.id,
                _("Cancelled by the customer's reply to a reminder."),
                now,
                by_customer=True,
            )
    except PolicyRefused:
        audit.record(
            session,
            CUSTOMER_REPLY,
            LATE_CANCEL_ACTION,
            "booking",
            booking.id,
            {"channel": message.channel},
        )
        add_system_message(
            session,
            ingest.conversation_id,
            _(
                "The customer asked by reply to cancel the visit on {when}, inside the "
                "cancellation cutoff. The visit is still booked: please call them."
            ).format(when=when),
        )
        _answer(session, message, booking, "reply_call_us", now)
        return "too_late"
    add_system_message(
        session,
        ingest.conversation_id,
        _("The customer cancelled the visit on {when} by reply.").format(when=when),
    )
    customer = customer_of(session, booking)
    told = customer.email if customer.email else customer.phone
    writer = (
        message.sender_address.lower()
        if message.channel == "email"
        else _phone(session, message.sender_address)
    )
    automations = templates.get_automations(session)
    if not (automations.confirmation and told and told.lower() == writer):
        _answer(session, message, booking, "reply_cancelled", now)  # else the cancellation said it
    freed_time.time_freed(session, booking.id, now)
    return "cancelled"


def _carrier(session: Session, message: IncomingMessage, word: str, now: datetime) -> ReplyResult:
    phone = _phone(session, message.sender_address)
    ingest = record_incoming(session, message, now, unread=False)
    if ingest.duplicate:
        return ReplyResult(ingest, "inbox")
    name = business_settings(session).name
    if word == "stop":
        sms_opt_outs.stop(session, phone, now)
        note, text = _("The customer replied STOP: no more texts go to {phone}."), STOP_TEXT
    else:
        sms_opt_outs.start(session, phone)
        note, text = (
            _("The customer replied START: texts to {phone} are allowed again."),
            START_TEXT,
        )
    add_system_message(session, ingest.conversation_id, note.format(phone=phone))
    contact = session.get(Contact, ingest.contact_id)
    with use_language(contact.language if contact is not None else None):
        body = _(text).format(business_name=name)
    audit.record(session, CUSTOMER_REPLY, f"sms_{word}", "contact", ingest.contact_id, {})
    outbox.enqueue(
        session,
        channel="sms",
        recipient=phone,
        subject="",
        body=body,
        kind="sms_stop_confirmation" if word == "stop" else "sms_start_confirmation",
        now=now,
    )
    events.record(session, events.ContactChanged(ingest.contact_id, "updated"))
    return ReplyResult(ingest, "stop" if word == "stop" else "start")


def record_reply(session: Session, message: IncomingMessage, now: datetime) -> ReplyResult:
    """Record a customer's message and act on it when it answers a reminder (module doc)."""
    answer = booking_answer(message.content)
    word = answer_token(reply_top(message.content))
    if message.channel == "sms":
        keyword = carrier_keyword(message.content)
        phone = _phone(session, message.sender_address)
        if keyword == "stop" and not (word == "cancel" and _sms_bookings(session, phone, now)):
            return _carrier(session, message, "stop", now)
        if keyword == "start" and (word != "yes" or sms_opt_outs.is_blocked(session, phone)):
            return _carrier(session, message, "start", now)
    if answer is None or not templates.get_automations(session).reply_answers:
        return ReplyResult(record_incoming(session, message, now), "inbox")
    booking_ids = _open_bookings(session, message, now)
    if not booking_ids:
        return ReplyResult(record_incoming(session, message, now), "inbox")
    if len(booking_ids) > 1:
        ingest = record_incoming(session, message, now)
        if not ingest.duplicate:
            zone = business_zone(session)
            times = []
            for booking_id in booking_ids:
                row = session.get(Booking, booking_id)
                assert row is not None
                times.append(str(outgoing(session, row, zone).context["booking_time"]))
            add_system_message(
                session,
                ingest.conversation_id,
                _(
                    "This reply could be about any of these visits, so nothing was changed: "
                    "{times}. Please check with the customer."
                ).format(times="; ".join(times)),
            )
        return ReplyResult(ingest, "ambiguous")
    booking = session.get(Booking, booking_ids[0])
    assert booking is not None
    # an answer inside the cutoff stays unread: the desk has to call
    ingest = record_incoming(session, message, now, unread=False)
    if ingest.duplicate:
        return ReplyResult(ingest, "inbox", booking.id)
    if answer == "yes":
        _confirm(session, message, booking, ingest, now)
        return ReplyResult(ingest, "confirmed", booking.id)
    outcome = _cancel(session, message, booking, ingest, now)
    if outcome == "too_late":
        mark_unread(session, CUSTOMER_REPLY, ingest.conversation_id)
    return ReplyResult(ingest, outcome, booking.id)
