"""The demo's machinery rows: the outbox of the last days and the audit log.

The outbox holds the latest outgoing emails and texts (sent), one that failed
for good (so the failure view has something to show) and the reminders that
are queued for tomorrow's bookings. The audit log records who made, cancelled
and completed bookings and who restocked, over the plan's audit window.
"""

from __future__ import annotations

from collections.abc import Iterator
from datetime import datetime, timedelta
from typing import Any

from careops_desktop.core.demo.catalogue import Catalogue
from careops_desktop.core.demo.history import BookingRecord, ContactRecord
from careops_desktop.core.demo.inbox import SentMessage
from careops_desktop.core.demo.plan import DEMO_DOMAIN
from careops_desktop.core.demo.stock import Movement

FAILED_ERROR = "550 5.1.1 Mailbox unavailable: the address does not exist"
QUEUED_REMINDERS = 2


def outbox_rows(
    catalogue: Catalogue,
    recent: list[SentMessage],
    bookings: list[BookingRecord],
    contacts: dict[int, ContactRecord],
    keep: int,
    now: datetime,
) -> list[dict[str, Any]]:
    """Rows for ``insert(OutboxMessage)``: the latest sent, one failed, a few queued."""
    latest = sorted(recent, key=lambda s: s.created_at, reverse=True)[:keep]
    latest += [s for s in recent if s.failed and s not in latest]
    rows: list[dict[str, Any]] = []
    for s in sorted(latest, key=lambda s: s.created_at):
        recipient = s.contact.email if s.channel == "email" else s.contact.phone
        row: dict[str, Any] = {
            "channel": s.channel,
            "kind": "reminder" if s.booking_id else "reply",
            "recipient": recipient or "",
            "subject": f"Re: your message to {catalogue.business_name}"
            if s.channel == "email"
            else "",
            "body": s.body,
            "attachments": [],
            "message_id": s.header_id,
            "status": "sent",
            "attempts": 1,
            "next_attempt_at": s.created_at,
            "last_error": "",
            "sent_at": s.created_at + timedelta(seconds=4),
            "booking_id": s.booking_id,
            "chat_message_id": s.message_id,
            "created_at": s.created_at,
        }
        if s.failed:
            row.update(status="failed", attempts=8, sent_at=None, last_error=FAILED_ERROR)
        rows.append(row)
    upcoming = [
        b
        for b in bookings
        if b.status == "confirmed"
        and now + timedelta(hours=24) < b.slot.start < now + timedelta(hours=72)
    ]
    for b in upcoming[:QUEUED_REMINDERS]:
        contact = contacts[b.contact_id]
        spec = catalogue.types[b.slot.type].spec
        local = b.slot.start.astimezone(catalogue.zone)
        channel = "email" if contact.email else "sms"
        rows.append(
            {
                "channel": channel,
                "kind": "reminder",
                "recipient": contact.email or contact.phone or "",
                "subject": f"Reminder: {spec.name} on {local:%a %d %b at %H:%M}",
                "body": f"Hello {contact.name}, this is a reminder of your {spec.name} "
                f"on {local:%A %d %B at %H:%M}. See you soon!",
                "attachments": [{"kind": "booking_ics", "booking_id": b.id}],
                "message_id": f"<reminder.{b.id}@{DEMO_DOMAIN}>" if channel == "email" else None,
                "status": "queued",
                "attempts": 0,
                "next_attempt_at": b.slot.start - timedelta(hours=24),
                "last_error": "",
                "sent_at": None,
                "booking_id": b.id,
                "chat_message_id": None,
                "created_at": b.created_at,
            }
        )
    return rows


def audit_rows(
    catalogue: Catalogue,
    bookings: list[BookingRecord],
    movements: list[Movement],
    owner: tuple[int, str],
    since: datetime,
    now: datetime,
) -> Iterator[dict[str, Any]]:
    """Rows for ``insert(AuditEntry)`` from ``since`` on (plus the business's founding)."""
    names = dict(catalogue.desk_users)

    def row(
        at: datetime,
        user: int | None,
        action: str,
        entity: str,
        entity_id: int | None,
        details: dict[str, Any],
    ) -> dict[str, Any]:
        return {
            "user_id": user,
            "actor_name": names.get(user, "Booking page") if user is not None else "Booking page",
            "action": action,
            "entity": entity,
            "entity_id": entity_id,
            "details": details,
            "created_at": at,
        }

    founded = catalogue.founded
    yield row(founded, owner[0], "activate", "business", catalogue.business_id, {})
    for user_id, name in catalogue.desk_users[1:]:
        yield row(founded, owner[0], "create", "staff", user_id, {"name": name})
    events: list[dict[str, Any]] = []
    for b in bookings:
        provider_id = catalogue.providers[b.slot.provider].id
        if b.created_at >= since:
            details = {"provider_id": provider_id, "start_at": b.slot.start.isoformat()}
            events.append(row(b.created_at, b.created_by, "create", "booking", b.id, details))
        if b.cancelled_at is not None and b.cancelled_at >= since:
            by_customer = b.created_by is None
            events.append(
                row(
                    b.cancelled_at,
                    b.created_by,
                    "cancel",
                    "booking",
                    b.id,
                    {"by_customer": by_customer},
                )
            )
        if b.status in ("completed", "no_show") and b.slot.end >= since:
            marked = min(now, b.slot.end + timedelta(minutes=5))
            user = catalogue.desk_users[b.id % len(catalogue.desk_users)][0]
            events.append(row(marked, user, b.status, "booking", b.id, {"from": "confirmed"}))
    for m in movements:
        if m.at < since or m.note == "Opening stock":
            continue
        if m.reason == "restock":
            events.append(
                row(m.at, m.user_id, "restock", "inventory_item", m.item_id, {"amount": m.delta})
            )
        elif m.reason == "adjustment":
            events.append(
                row(m.at, m.user_id, "adjust", "inventory_item", m.item_id, {"delta": m.delta})
            )
    events.sort(key=lambda r: r["created_at"])
    yield from events
