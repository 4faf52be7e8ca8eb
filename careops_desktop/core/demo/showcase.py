"""What a new user should meet in the demo: the things the desk has to look at.

Written through the core services, the way the running app makes them, after
the bulk history is in (and, on PostgreSQL, after its sequences are set):

- a **possible duplicate**: a new customer books on the booking page, then again with
  the same phone but another email, so ``book_public`` makes a second contact
  marked "possible duplicate" of the first;
- a **bounce**: the latest staff reply by email comes back "user unknown", so
  the message is marked bounced and the address is flagged as failing;
- an **automatic reply**: an out-of-office answer to a staff email, kept as a
  quiet note in its conversation;
- an **unreadable email**: a customer's email the mail reader could not read,
  shown in the Inbox with its original kept for "Save original email…".

Each step needs a few rows only, so both demo sizes take about as long as before.
"""

from __future__ import annotations

from dataclasses import dataclass
from datetime import datetime, timedelta

from sqlalchemy import select
from sqlalchemy.orm import Session

from careops_desktop.core.demo.catalogue import Catalogue
from careops_desktop.core.demo.history import ContactRecord
from careops_desktop.core.demo.plan import DEMO_DOMAIN
from careops_desktop.core.models import Contact, Conversation, Message, OutboxMessage
from careops_desktop.core.services import bookings, inbox, slots
from careops_desktop.core.services.inbox import (
    UNREADABLE_NOTE,
    IncomingMessage,
    record_incoming,
)

PAGE_NAME = "Rosie Thornton"
# Ofcom's London range for drama (020 7946 0000-0999): valid, yet never a real phone
PAGE_PHONE = "+44 20 7946 0817"
PAGE_VISITS = (  # (email, notes) of the two bookings made on the page
    ("rosie.thornton@example.org", "My left shoulder has been stiff for a month."),
    ("r.thornton@post.example.com", "Booking again with my work email."),
)
BOUNCE_REASON = (
    "host mx.example.net said: 550 5.1.1 <{address}>: Recipient address rejected: "
    "User unknown in virtual mailbox table"
)
AUTO_SUBJECT = "Automatic reply: Re: your message to {business}"
AUTO_TEXT = (
    "Thank you for your email. I am on holiday this week with no access to my email, "
    "and I will reply when I am back."
)
UNREADABLE_SUBJECT = "Photos of my knee, as promised"
DAYS_TO_TRY = 14  # days ahead searched for a free time for the second booking


@dataclass(frozen=True)
class Showcase:
    """Ids of what was written, for tests and the screenshot scripts (``None``: not made)."""

    duplicate_contact_id: int | None
    bounced_outbox_id: int | None
    automatic_reply_id: int | None
    unreadable_message_id: int | None


def write_showcase(
    session: Session, catalogue: Catalogue, contacts: list[ContactRecord], now: datetime
) -> Showcase:
    """Write the four things above as of ``now``; each one that cannot be made is skipped."""
    duplicate = _possible_duplicate(session, catalogue, now)
    bounced = _bounce(session, now)
    automatic = _automatic_reply(session, catalogue, now, bounced)
    unreadable = _unreadable_email(session, contacts, now, duplicate)
    return Showcase(duplicate, bounced, automatic, unreadable)


def _possible_duplicate(session: Session, catalogue: Catalogue, now: datetime) -> int | None:
    """A new customer books on the page, then books again with the same phone and another
    email: the second booking makes a contact marked "possible duplicate" of the first."""
    kind = next(t for t in catalogue.types if t.spec.offered_by == "practitioner")
    today = now.astimezone(catalogue.zone).date()
    made: list[int] = []
    for ahead in range(1, DAYS_TO_TRY + 1):
        free = slots.slots_for_day(session, kind.id, today + timedelta(days=ahead), now=now)
        for chosen in free.slots[:: max(1, len(free.slots) // 2)]:
            email, notes = PAGE_VISITS[len(made)]
            receipt = bookings.book_public(
                session,
                booking_type_id=kind.id,
                provider_id=chosen.provider_id,
                start_utc=chosen.start_utc,
                name=PAGE_NAME,
                email=email,
                phone=PAGE_PHONE,
                notes=notes,
                now=now,
            )
            made.append(receipt.contact_id)
            if len(made) == len(PAGE_VISITS):
                return made[-1]
            break  # the next visit books another day
    return None


def _bounce(session: Session, now: datetime) -> int | None:
    """The latest staff reply by email bounces: the address does not exist any more."""
    row = session.execute(
        select(OutboxMessage.id, OutboxMessage.recipient, OutboxMessage.message_id)
        .join(Message, Message.id == OutboxMessage.chat_message_id)
        .where(
            OutboxMessage.channel == "email",
            OutboxMessage.status == "sent",
            OutboxMessage.message_id.is_not(None),
            Message.sender_type == "staff",
        )
        .order_by(OutboxMessage.sent_at.desc(), OutboxMessage.id.desc())
        .limit(1)
    ).first()
    if row is None:
        return None
    address = row.recipient.strip().lower()
    recipient = inbox.FailedRecipient(address, "5.1.1", BOUNCE_REASON.format(address=address))
    at = min(now, _sent_at(session, row.id) + timedelta(minutes=2))
    bounce = inbox.Bounce((recipient,), (row.message_id,), reported_at=at)
    source = f"<bounce.{row.id}@mx.example.net>"
    marked = inbox.record_bounce(session, bounce, at, source_id=source)
    return marked[0] if marked else None


def _sent_at(session: Session, outbox_id: int) -> datetime:
    row = session.get(OutboxMessage, outbox_id)
    assert row is not None and (row.sent_at or row.created_at) is not None
    return row.sent_at or row.created_at


def _automatic_reply(
    session: Session, catalogue: Catalogue, now: datetime, bounced: int | None
) -> int | None:
    """A customer's mailbox answers a staff email with an out-of-office reply."""
    bounced_to = session.scalar(select(OutboxMessage.recipient).where(OutboxMessage.id == bounced))
    row = session.execute(
        select(OutboxMessage.recipient, OutboxMessage.message_id, OutboxMessage.sent_at)
        .join(Message, Message.id == OutboxMessage.chat_message_id)
        .where(
            OutboxMessage.channel == "email",
            OutboxMessage.status == "sent",
            OutboxMessage.message_id.is_not(None),
            OutboxMessage.recipient != (bounced_to or ""),
            Message.sender_type == "staff",
        )
        .order_by(OutboxMessage.sent_at.desc(), OutboxMessage.id.desc())
        .limit(1)
    ).first()
    if row is None or row.sent_at is None:
        return None
    contact_name = _customer_name(session, row.message_id) or row.recipient
    message = IncomingMessage(
        channel="email",
        sender_address=row.recipient,
        sender_name=contact_name,
        subject=AUTO_SUBJECT.format(business=catalogue.business_name),
        content=AUTO_TEXT,
        message_id=f"<auto.{row.message_id.strip('<>')}>",
        in_reply_to=row.message_id,
        raw=None,
    )
    at = min(now, row.sent_at + timedelta(minutes=1))
    return inbox.record_automatic_reply(session, message, at)


def _customer_name(session: Session, header: str | None) -> str | None:
    """The name of the customer in the conversation of the message with ``header``."""
    return session.scalar(
        select(Contact.name)
        .join(Conversation, Conversation.contact_id == Contact.id)
        .join(Message, Message.conversation_id == Conversation.id)
        .where(Message.message_id == header)
        .limit(1)
    )


def _unreadable_email(
    session: Session, contacts: list[ContactRecord], now: datetime, skip: int | None
) -> int | None:
    """A customer's email whose body cannot be read (a broken multipart), kept as received."""
    person = next((c for c in reversed(contacts) if c.email and c.id != skip), None)
    if person is None or person.email is None:
        return None
    at = now - timedelta(minutes=35)
    header = f"<broken.{person.id}@{person.email.split('@')[1]}>"
    raw = (
        f"From: {person.name} <{person.email}>\r\n"
        f"To: hello@{DEMO_DOMAIN}\r\n"
        f"Subject: {UNREADABLE_SUBJECT}\r\n"
        f"Message-ID: {header}\r\n"
        f"Date: {at:%a, %d %b %Y %H:%M:%S +0000}\r\n"
        "MIME-Version: 1.0\r\n"
        'Content-Type: multipart/mixed; boundary="=_part_0"\r\n'
        "\r\n"
        "--=_part_0\r\n"
        "Content-Type: text/plain; charset=x-unknown-charset\r\n"
        "Content-Transfer-Encoding: base64\r\n"
        "\r\n"
        "SGVsbG8sIGhlcmUgYXJlIHRoZSBwaG90b3M\x00\x00\xff\xfe\r\n"
    ).encode("latin-1")
    result = record_incoming(
        session,
        IncomingMessage(
            channel="email",
            sender_address=person.email,
            sender_name=person.name,
            subject=UNREADABLE_SUBJECT,
            content=UNREADABLE_NOTE,
            message_id=header,
            raw=raw,
            sent_at=at,
        ),
        now=at,
    )
    return result.message_id
