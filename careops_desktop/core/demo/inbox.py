"""The demo inbox: one conversation per customer with booking notices and real exchanges.

Each booking leaves its system messages (confirmation, reminder, cancellation);
on top of those, customers ask questions and staff answer them. Recent
questions may still be waiting for an answer: those conversations are open
and unread. Written in chunks of customers, so half a million messages never
sit in memory at once.
"""

from __future__ import annotations

import random
from collections import defaultdict
from dataclasses import dataclass, field
from datetime import UTC, datetime, timedelta
from typing import Any

from careops_desktop.core.demo import wordlists as w
from careops_desktop.core.demo.catalogue import Catalogue
from careops_desktop.core.demo.history import BookingRecord, ContactRecord, contact_row
from careops_desktop.core.demo.plan import DEMO_DOMAIN
from careops_desktop.core.demo.writer import BulkWriter
from careops_desktop.core.models import Contact, Conversation, Message

CHUNK = 400  # customers per write
EXCHANGE_LENGTH = 2.45  # messages in an average question-and-answer exchange


@dataclass(frozen=True)
class SentMessage:
    """An outgoing message of the last days, for the outbox rows."""

    message_id: int
    header_id: str | None
    contact: ContactRecord
    booking_id: int | None
    channel: str
    body: str
    created_at: datetime
    failed: bool = False


@dataclass
class InboxResult:
    recent: list[SentMessage] = field(default_factory=list)
    unread_conversations: int = 0


def _when(catalogue: Catalogue, at: datetime) -> str:
    local = at.astimezone(catalogue.zone)
    return f"{local:%a %d %b %Y at %H:%M}"


class _Thread:
    """The messages of one conversation as they are generated (any order; sorted later)."""

    def __init__(self) -> None:
        self.items: list[dict[str, Any]] = []

    def add(
        self,
        at: datetime,
        direction: str,
        sender: str,
        name: str,
        text: str,
        channel: str,
        booking_id: int | None = None,
        reply_to: int | None = None,
    ) -> dict[str, Any]:
        item = {
            "created_at": at.replace(microsecond=0),
            "direction": direction,
            "sender_type": sender,
            "sender_name": name,
            "content": text,
            "channel": channel,
            "booking_id": booking_id,
            "reply_to": reply_to,
            "key": len(self.items),
            "delivery_status": "received" if direction == "in" else "sent",
        }
        self.items.append(item)
        return item


def write_inbox(
    writer: BulkWriter,
    catalogue: Catalogue,
    contacts: list[ContactRecord],
    bookings: list[BookingRecord],
    target_messages: int,
    now: datetime,
    rng: random.Random,
) -> InboxResult:
    """Write every customer with their conversation and messages; returns what the outbox needs."""
    by_contact: dict[int, list[BookingRecord]] = defaultdict(list)
    for b in bookings:
        by_contact[b.contact_id].append(b)
    system = sum(1 + (b.reminder_at is not None) + (b.cancelled_at is not None) for b in bookings)
    exchanges = max(len(contacts), int((target_messages - system) / EXCHANGE_LENGTH))
    weights = [1.5 if not by_contact[c.id] else 1.0 + len(by_contact[c.id]) for c in contacts]
    per_weight = exchanges / sum(weights)
    result = InboxResult()
    recent_from = now - timedelta(days=3)
    for start in range(0, len(contacts), CHUNK):
        chunk = contacts[start : start + CHUNK]
        first_conversation = writer.reserve(Conversation, len(chunk))
        people: list[dict[str, Any]] = []
        conversations: list[dict[str, Any]] = []
        messages: list[dict[str, Any]] = []
        for offset, contact in enumerate(chunk):
            conversation_id = first_conversation + offset
            thread = _Thread()
            for b in by_contact[contact.id]:
                _booking_notices(thread, catalogue, contact, b)
            expected = weights[start + offset] * per_weight
            count = int(expected) + (rng.random() < expected - int(expected))
            if not by_contact[contact.id]:
                count = max(1, count)
            for k in range(count):
                _exchange(thread, catalogue, contact, now, rng, first=k == 0)
            thread.items.sort(key=lambda m: m["created_at"])
            first_id = writer.reserve(Message, len(thread.items))
            conversations.append(
                _finish(thread, contact, conversation_id, first_id, now, rng, result, recent_from)
            )
            messages.extend(thread.items)
            spoke = [m["created_at"] for m in thread.items if m["sender_type"] != "system"]
            people.append(contact_row(contact, max(spoke) if spoke else None))
        writer.insert(Contact, people, "contacts")
        writer.insert(Conversation, conversations, "conversations")
        writer.insert(Message, messages, "messages")
    return result


def _booking_notices(
    thread: _Thread, catalogue: Catalogue, contact: ContactRecord, b: BookingRecord
) -> None:
    spec = catalogue.types[b.slot.type].spec
    values = {
        "booking_type": spec.name,
        "provider": catalogue.providers[b.slot.provider].name,
        "when": _when(catalogue, b.slot.start),
    }
    name = catalogue.business_name
    thread.add(
        b.created_at, "out", "system", name, w.SYSTEM_CONFIRMATION.format(**values), "system", b.id
    )
    if b.reminder_at is not None:
        channel = "email" if contact.email else "sms"
        thread.add(
            b.reminder_at, "out", "system", name, w.SYSTEM_REMINDER.format(**values), channel, b.id
        )
    if b.cancelled_at is not None:
        thread.add(
            b.cancelled_at,
            "out",
            "system",
            name,
            w.SYSTEM_CANCELLED.format(**values),
            "system",
            b.id,
        )


def _exchange(
    thread: _Thread,
    catalogue: Catalogue,
    contact: ContactRecord,
    now: datetime,
    rng: random.Random,
    *,
    first: bool,
) -> None:
    """A customer's question, usually answered by staff, sometimes with a follow-up."""
    span = now - contact.created_at
    asked = (
        contact.created_at
        if first and rng.random() < 0.5
        else contact.created_at + span * rng.random()
    )
    roll = rng.random()
    if roll < 0.2:
        channel = "web"
    elif roll < 0.45 and contact.phone:
        channel = "sms"
    else:
        channel = "email" if contact.email else "sms"
    day = (asked + timedelta(days=rng.randrange(1, 6))).astimezone(catalogue.zone)
    asked_text, reply_text = rng.choice(w.EXCHANGES)
    values = {
        "day": f"{day:%A}",
        "provider": rng.choice(catalogue.providers).name,
        "name": contact.name.split()[0],
        "time": f"{rng.randrange(9, 18)}:{rng.choice(('00', '15', '30', '45'))}",
    }
    question = thread.add(
        asked, "in", "customer", contact.name, asked_text.format(**values), channel
    )
    answered = _office_hours(
        asked + timedelta(minutes=10 + rng.expovariate(1 / 150)), catalogue, rng
    )
    if answered > now or (now - asked < timedelta(days=1) and rng.random() < 0.4):
        return  # still waiting for an answer
    staff_name = rng.choice(catalogue.desk_users)[1]
    reply = reply_text.format(**values)
    out_channel = "email" if channel == "web" and contact.email else channel
    if out_channel == "web":
        out_channel = "sms"
    thread.add(answered, "out", "staff", staff_name, reply, out_channel, reply_to=question["key"])
    if rng.random() < 0.4:
        later = answered + timedelta(minutes=5 + rng.expovariate(1 / 120))
        if later < now:
            thread.add(
                later,
                "in",
                "customer",
                contact.name,
                rng.choice(w.CUSTOMER_FOLLOW_UPS),
                out_channel,
            )


def _office_hours(at: datetime, catalogue: Catalogue, rng: random.Random) -> datetime:
    """``at`` if it falls in office hours (08:00-19:00 local), else the next morning."""
    local = at.astimezone(catalogue.zone)
    if 8 <= local.hour < 19:
        return at
    morning = local.replace(hour=8, minute=rng.randrange(60), second=rng.randrange(60))
    if local.hour >= 19:
        morning += timedelta(days=1)
    return morning.astimezone(UTC)


def _finish(
    thread: _Thread,
    contact: ContactRecord,
    conversation_id: int,
    first_id: int,
    now: datetime,
    rng: random.Random,
    result: InboxResult,
    recent_from: datetime,
) -> dict[str, Any]:
    """Give the sorted messages ids and headers; return the conversation row."""
    header_of: dict[int, str] = {}
    for n, item in enumerate(thread.items):
        item["id"] = first_id + n
        item["conversation_id"] = conversation_id
        header = f"<m{item['id']}@{DEMO_DOMAIN}>" if item["channel"] == "email" else None
        item["message_id"] = header
        key = item.pop("key")
        if header is not None:
            header_of[key] = header
    for item in thread.items:
        reply_to = item.pop("reply_to")
        item["in_reply_to"] = header_of.get(reply_to) if reply_to is not None else None
        booking_id = item.pop("booking_id")
        item.setdefault("delivery_error", "")
        item.setdefault("attachments", [])
        if (
            item["direction"] == "out"
            and item["created_at"] >= recent_from
            and item["channel"] in ("email", "sms")
        ):
            failed = (
                item["sender_type"] == "staff"
                and item["channel"] == "email"
                and not any(s.failed for s in result.recent)
            )
            if failed:
                item["delivery_status"] = "failed"
                item["delivery_error"] = "550 5.1.1 Mailbox unavailable: the address does not exist"
            result.recent.append(
                SentMessage(
                    item["id"],
                    item["message_id"],
                    contact,
                    booking_id,
                    item["channel"],
                    item["content"],
                    item["created_at"],
                    failed,
                )
            )
    trailing = 0
    for item in reversed(thread.items):
        if item["direction"] != "in":
            break
        trailing += 1
    last = thread.items[-1]["created_at"]
    is_open = trailing > 0 or (now - last < timedelta(days=5) and rng.random() < 0.3)
    if trailing:
        result.unread_conversations += 1
    subject = next((m["content"] for m in thread.items if m["direction"] == "in"), "Your bookings")
    return {
        "id": conversation_id,
        "contact_id": contact.id,
        "subject": subject[:80],
        "is_open": is_open,
        "unread_count": trailing,
        "created_at": thread.items[0]["created_at"],
        "updated_at": last,
    }
